/**
 * The sessions list as CSV (RFC 4180): one row per session with the agent's figures, for a coach
 * who follows a team in a spreadsheet, separated and numbered as in the events CSV (see
 * spreadsheetCsv); dates as local "YYYY-MM-DD HH:MM", which spreadsheets read as a date and time.
 */
import { round } from '../../coach/round.ts';
import type { Locale } from '../../i18n/messages.ts';
import { csvRecord } from '../../report/csv.ts';
import type { AgentFigures, SessionSummary } from '../../storage/session-types.ts';
import { spreadsheetCsv } from './spreadsheet-csv.ts';

/** The agent's figures, each with its column and decimals; every figure has one (checked by type). */
const FIGURE_COLUMNS = {
  talkShare: { column: 'agent_talk_share', digits: 3 },
  pitchSdSemitones: { column: 'agent_pitch_sd_semitones', digits: 2 },
  articulationRate: { column: 'agent_articulation_rate', digits: 2 },
} as const satisfies Record<keyof AgentFigures, { column: string; digits: number }>;
const FIGURES = Object.keys(FIGURE_COLUMNS) as (keyof AgentFigures)[];

export const SESSIONS_CSV_COLUMNS = ['name', 'kind', 'agent', 'date', 'duration_s', 'status', ...FIGURES.map((f) => FIGURE_COLUMNS[f].column)];

/** Header plus one line per session, in the order given, separated as a spreadsheet in `locale` expects. */
export function sessionsCsv(sessions: readonly SessionSummary[], locale: Locale): string {
  const options = spreadsheetCsv(locale);
  const rows = sessions.map((session) => {
    const { figures } = session;
    return csvRecord(
      [
        session.name,
        session.kind,
        session.agent,
        localDateTime(session.createdAt),
        round(session.durationSec, 1),
        session.status,
        ...FIGURES.map((f) => (figures ? round(figures[f], FIGURE_COLUMNS[f].digits) : undefined)),
      ],
      options,
    );
  });
  return csvRecord(SESSIONS_CSV_COLUMNS, options) + rows.join('');
}

const two = (n: number): string => String(n).padStart(2, '0');

/** "YYYY-MM-DD" in local time: sorts as text, and names the export's file. */
export function localDate(epochMs: number): string {
  const date = new Date(epochMs);
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

function localDateTime(epochMs: number): string {
  const date = new Date(epochMs);
  return `${localDate(epochMs)} ${two(date.getHours())}:${two(date.getMinutes())}`;
}
