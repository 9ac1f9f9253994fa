/**
 * The sessions list as CSV (RFC 4180): one row per session with the agent's figures, for a coach
 * who follows a team in a spreadsheet. Numbers are written with a decimal point, as in the events
 * CSV; dates as local "YYYY-MM-DD HH:MM", which spreadsheets read as a date and time.
 */
import { csvRecord, FOR_SPREADSHEETS } from '../../report/csv.ts';
import type { SessionSummary } from '../../storage/session-types.ts';

export const SESSIONS_CSV_COLUMNS = [
  'name',
  'kind',
  'agent',
  'date',
  'duration_s',
  'status',
  'agent_talk_share',
  'agent_pitch_sd_semitones',
  'agent_articulation_rate',
] as const;

/** Header plus one line per session, in the order given. */
export function sessionsCsv(sessions: readonly SessionSummary[]): string {
  const rows = sessions.map((session) =>
    csvRecord(
      [
        session.name,
        session.kind,
        session.agent,
        localDateTime(session.createdAt),
        round(session.durationSec, 1),
        session.status,
        round(session.figures?.talkShare, 3),
        round(session.figures?.pitchSdSemitones, 2),
        round(session.figures?.articulationRate, 2),
      ],
      FOR_SPREADSHEETS,
    ),
  );
  return csvRecord(SESSIONS_CSV_COLUMNS) + rows.join('');
}

function round(value: number | undefined, decimals: number): number | undefined {
  if (value === undefined) return undefined;
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
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
