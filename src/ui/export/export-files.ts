/** The files a review can be exported as: the report (JSON), its events (CSV), the recording (WAV). */
import { encodeWav } from '../../audio/wav-writer.ts';
import type { Locale } from '../../i18n/messages.ts';
import type { RecordingNote } from '../../report/recording-notes.ts';
import type { CoachComment } from '../../storage/session-types.ts';
import type { Report } from '../../report/report-types.ts';
import { downloadBlob, safeFileStem } from '../shared/download.ts';
import { eventsCsv } from './report-csv.ts';

export type ExportKind = 'json' | 'csv' | 'wav';

/**
 * The report as JSON; with `notes` about the recording (cut off, a stretch skipped…) and the
 * coach's `comments` each added as a field of its own when there are any, so whoever reads the
 * file knows what the user was told and what the coach said.
 */
export function reportJsonBlob(report: Report, notes: readonly RecordingNote[] = [], comments: readonly CoachComment[] = []): Blob {
  const exported: Report & { notes?: readonly RecordingNote[]; comments?: readonly CoachComment[] } = {
    ...report,
    ...(notes.length > 0 ? { notes } : {}),
    ...(comments.length > 0 ? { comments } : {}),
  };
  return new Blob([JSON.stringify(exported, null, 2)], { type: 'application/json' });
}

/** CSV text as a file for spreadsheets. */
export function csvBlob(text: string): Blob {
  // A byte-order mark, so spreadsheet programs read accents (in reasons, in names) as UTF-8.
  return new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' });
}

/** 16-bit PCM: what every player and editor opens, and half the size of float. */
export function wavBlob(channels: Float32Array[], sampleRate: number): Blob {
  const bytes = encodeWav(channels, sampleRate, 'int16');
  return new Blob([bytes.buffer as ArrayBuffer], { type: 'audio/wav' });
}

/** The download name for an export of the recording called `name`. */
export function exportFileName(name: string, kind: ExportKind): string {
  const stem = safeFileStem(name);
  return kind === 'wav' ? `${stem}.wav` : kind === 'csv' ? `${stem}.events.csv` : `${stem}.report.json`;
}

export interface ExportSource {
  name: string;
  /** Null for a session without one (a practice cut short): only its recording can be exported. */
  report: Report | null;
  /** What the session says about its recording: exported with the report. */
  notes: readonly RecordingNote[];
  /** The coach's comments: exported with the report. */
  comments: readonly CoachComment[];
  /**
   * The recording as a WAV, made only when it is exported: from samples in memory or storage
   * (`wavBlob`), or by decoding the reviewed file again in a Worker.
   */
  wav: () => Promise<Blob>;
}

/**
 * Makes and downloads one export. The JSON is the report as made (its contract); the CSV's reasons
 * are in `locale`, the language the user reads the review in.
 */
export async function exportFile(source: ExportSource, kind: ExportKind, locale: Locale): Promise<void> {
  const name = exportFileName(source.name, kind);
  if (kind !== 'wav' && !source.report) throw new Error('there is no report to export');
  if (kind === 'json' && source.report) downloadBlob(name, reportJsonBlob(source.report, source.notes, source.comments));
  else if (kind === 'csv' && source.report) downloadBlob(name, csvBlob(eventsCsv(source.report, locale)));
  else downloadBlob(name, await source.wav());
}
