/** What the batch sends a worker and what comes back: imported by both ends, so they agree. */
import type { RoleOptions } from '../analysis/channel-roles.ts';
import type { CallFigures } from './batch-summary.ts';

/** Main thread → worker: analyse one recording (or find its report up to date). */
export interface BatchJob {
  /** The recording, as the user would write its path (it names the file in messages too). */
  file: string;
  reportPath: string;
  roles: RoleOptions;
  analysisVersion: string;
}

/** Worker → main thread, one per job. */
export type JobOutcome =
  | { status: 'ok'; figures: CallFigures; warnings: string[]; analysisSec: number }
  | { status: 'skipped'; figures: CallFigures }
  | {
      status: 'failed';
      /** The line the one-file form prints for this failure: `luister: FILE: reason`. */
      error: string;
      /** The same without the program and file name. */
      reason: string;
    };
