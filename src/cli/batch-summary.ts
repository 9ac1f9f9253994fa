/**
 * The batch's summary: one row per recording with its key figures, as CSV (summary.csv) and JSON
 * lines (summary.jsonl). Both come from the same rows and the same column list, so they cannot
 * drift apart; a CSV column's name is the path of its value in the JSON line.
 */
import { SPEAKER_ROLES, type Report, type ReportEventType, type SpeakerRole, type SpeakerSummary } from '../report/report-types.ts';
import { csvRecord, type CsvValue } from '../report/csv.ts';

/** The per-speaker figures of the summary, taken as they are from the report's `summary`. */
export const SPEAKER_FIGURES = ['speechSec', 'talkShare', 'meanF0Hz', 'pitchSdSemitones', 'speechRate', 'articulationRate'] as const satisfies readonly (keyof SpeakerSummary)[];
export type SpeakerFigures = Pick<SpeakerSummary, (typeof SPEAKER_FIGURES)[number]>;

/** Every event type a report may hold: a column each, so the columns do not depend on the calls. */
export const REPORT_EVENT_TYPES = ['pause', 'silence', 'sigh', 'overlap', 'interruption', 'backchannel', 'agitation', 'dead-air'] as const satisfies readonly ReportEventType[];
// Fails to compile when report-types.ts gains an event type that is missing above.
const _everyEventType: [Exclude<ReportEventType, (typeof REPORT_EVENT_TYPES)[number]>] extends [never] ? true : never = true;

/** A call's figures: small, so a worker sends these rather than the report. */
export interface CallFigures {
  durationSec: number;
  speakers: Partial<Record<SpeakerRole, SpeakerFigures>>;
  events: Record<ReportEventType, number>;
}

export type BatchStatus = 'ok' | 'failed' | 'skipped';

/** One line of summary.jsonl; null where a failed recording has no value. */
export type SummaryRow = {
  /** The recording, as the user would write its path. */
  file: string;
  status: BatchStatus;
  /** For a failure, the line the one-file form prints. */
  error: string | null;
  /** The report's path relative to the output folder; null when none was written. */
  report: string | null;
  durationSec: number | null;
} & Record<SpeakerRole, SpeakerFigures | null> & { events: Record<ReportEventType, number> | null };

export function callFigures(report: Report): CallFigures {
  const speakers: CallFigures['speakers'] = {};
  for (const role of SPEAKER_ROLES) {
    const summary = report.speakers[role]?.summary;
    if (summary) speakers[role] = pick(summary, SPEAKER_FIGURES);
  }
  const events = Object.fromEntries(REPORT_EVENT_TYPES.map((type) => [type, 0])) as Record<ReportEventType, number>;
  for (const event of report.events) if (Object.hasOwn(events, event.type)) events[event.type]++;
  return { durationSec: report.durationSec, speakers, events };
}

export function summaryRow(file: string, status: BatchStatus, details: { error?: string; report?: string; figures?: CallFigures }): SummaryRow {
  const figures = details.figures ?? null;
  return {
    file,
    status,
    error: details.error ?? null,
    report: details.report ?? null,
    durationSec: figures?.durationSec ?? null,
    agent: figures?.speakers.agent ?? null,
    customer: figures?.speakers.customer ?? null,
    events: figures?.events ?? null,
  };
}

interface Column {
  name: string;
  value(row: SummaryRow): CsvValue;
}

const COLUMNS: readonly Column[] = [
  { name: 'file', value: (row) => row.file },
  { name: 'status', value: (row) => row.status },
  { name: 'error', value: (row) => row.error },
  { name: 'report', value: (row) => row.report },
  { name: 'durationSec', value: (row) => row.durationSec },
  ...SPEAKER_ROLES.flatMap((role) => SPEAKER_FIGURES.map((figure): Column => ({ name: `${role}.${figure}`, value: (row) => row[role]?.[figure] ?? null }))),
  ...REPORT_EVENT_TYPES.map((type): Column => ({ name: `events.${type}`, value: (row) => row.events?.[type] ?? null })),
];

export function summaryCsv(rows: readonly SummaryRow[]): string {
  return [COLUMNS.map((column) => column.name), ...rows.map((row) => COLUMNS.map((column) => column.value(row)))].map((record) => csvRecord(record)).join('');
}

export function summaryJsonl(rows: readonly SummaryRow[]): string {
  return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
}

function pick<T, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const key of keys) picked[key] = from[key];
  return picked;
}
