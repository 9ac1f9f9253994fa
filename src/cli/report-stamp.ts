/**
 * What a batch writes into a report's `source` so that a re-run can tell whether the report still
 * describes the recording: the recording's modification time and size when it was analysed, and
 * the analysis version.
 *
 * The rule is equality, not "the report is newer than the recording": copies made with cp -p,
 * rsync -a or unzip keep their old times, so a replaced recording can be older than its report.
 * The roles are checked against the report's speakers, so a re-run with another --agent-channel
 * or --mono-speaker analyses again.
 */
import { stat } from 'node:fs/promises';
import { assignChannels, type ChannelAssignment, type RoleOptions } from '../analysis/channel-roles.ts';
import { REPORT_SCHEMA, type Report } from '../report/report-types.ts';

export interface SourceStamp {
  /** The recording's modification time when it was analysed, ms since 1970 (fractional). */
  mtimeMs: number;
  /** The recording's size then, bytes. */
  size: number;
  /** From analysisVersion(). */
  analysisVersion: string;
}

export type StampedReport = Report & { source: NonNullable<Report['source']> & SourceStamp };

/** The stamp of the recording at `path` as it is now; null when it cannot be read. */
export async function stampOf(path: string, analysisVersion: string): Promise<SourceStamp | null> {
  const info = await stat(path).catch(() => null);
  return info ? { mtimeMs: info.mtimeMs, size: info.size, analysisVersion } : null;
}

/** `report` with the stamp added to its `source` (the fields it had are kept as they are). */
export function stampReport(report: Report, stamp: SourceStamp): StampedReport {
  return { ...report, source: { ...report.source, ...stamp } };
}

/**
 * True when `candidate` (parsed from an earlier report file, so anything) was written for the
 * recording as `stamp` describes it now, by the same analysis version and with the same roles.
 */
export function isUpToDate(candidate: unknown, stamp: SourceStamp, roles: RoleOptions): candidate is StampedReport {
  if (!isObject(candidate) || candidate.schema !== REPORT_SCHEMA || !isObject(candidate.source) || !isObject(candidate.speakers)) return false;
  const { source, speakers } = candidate;
  if (source.mtimeMs !== stamp.mtimeMs || source.size !== stamp.size || source.analysisVersion !== stamp.analysisVersion) return false;
  const expected = typeof source.channels === 'number' ? assignmentsFor(source.channels, roles) : null;
  return (
    expected !== null &&
    Object.keys(speakers).length === expected.length &&
    expected.every(({ role, channel }) => {
      const speaker = speakers[role];
      return isObject(speaker) && speaker.channel === channel;
    })
  );
}

/** The speakers the analysis would assign now; null for a channel count it does not analyse. */
function assignmentsFor(channelCount: number, roles: RoleOptions): ChannelAssignment[] | null {
  try {
    return assignChannels(channelCount, roles);
  } catch {
    return null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
