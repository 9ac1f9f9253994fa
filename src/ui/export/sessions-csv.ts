/**
 * The sessions list as CSV (RFC 4180): one row per session with the agent's figures, for a coach
 * who follows a team in a spreadsheet. Numbers are written with a decimal point, as in the events
 * CSV; dates as local "YYYY-MM-DD HH:MM", which spreadsheets read as a date and time.
 */
import { round } from '../../coach/round.ts';
import { csvRecord, FOR_SPREADSHEETS } from '../../report/csv.ts';
import type { AgentFigures, SessionSummary } from '../../storage/session-types.ts';

/** The agent's figures, each with its column and decimals; every figure has one (checked by type). */
const FIGURE_COLUMNS = {
  talkShare: { column: 'agent_talk_share', digits: 3 },
  pitchSdSemitones: { column: 'agent_pitch_sd_semitones', digits: 2 },
  articulationRate: { column: 'agent_articulation_rate', digits: 2 },
} as const satisfies Record<keyof AgentFigures, { column: string; digits: number }>;
const FIGURES = Object.keys(FIGURE_COLUMNS) as (keyof AgentFigures)[];

export const SESSIONS_CSV_COLUMNS = ['name', 'kind', 'agent', 'date', 'duration_s', 'status', ...FIGURES.map((f) => FIGURE_COLUMNS[f].column)];

/** Header plus one line per session, in the order given. */
export function sessionsCsv(sessions: readonly SessionSummary[]): string {
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
      FOR_SPREADSHEETS,
    );
  });
  return csvRecord(SESSIONS_CSV_COLUMNS) + rows.join('');
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
