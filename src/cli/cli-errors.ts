/** Exit codes of the command line, and the one line every failure becomes. */
import { AudioInputError } from '../audio/audio-input-error.ts';

export const ExitCode = {
  ok: 0,
  /** The input or output file is unusable: missing, damaged, unsupported… */
  badInput: 1,
  /** The command line itself is wrong: unknown option, missing argument, bad value. */
  usage: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A mistake in the command line; the message says what, and the user is pointed to --help. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The report cannot be written where --out says; the message is for the user. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
}

export interface FailureDescription {
  /** The line for stderr: `luister: FILE: reason` for a bad input. */
  line: string;
  /** What went wrong, without the program and file name (the batch's progress line names the file itself). */
  reason: string;
  code: ExitCode;
}

/** One line for stderr and the exit code, for any failure; `file` is named for a bad input. */
export function describeFailure(error: unknown, file: string | null): FailureDescription {
  if (error instanceof UsageError) {
    const reason = `${oneLine(error.message)} (run with --help for usage)`;
    return { line: `luister: ${reason}`, reason, code: ExitCode.usage };
  }
  if (error instanceof AudioInputError) {
    const reason = oneLine(error.message);
    return { line: `luister: ${file === null ? '' : `${oneLine(file)}: `}${reason}`, reason, code: ExitCode.badInput };
  }
  if (error instanceof OutputError) {
    const reason = oneLine(error.message);
    return { line: `luister: ${reason}`, reason, code: ExitCode.badInput };
  }
  // A bug, not the user's doing: still one line, with the stack on request.
  const message = error instanceof Error ? error.message : String(error);
  const details = process.env.LUISTER_DEBUG && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  const reason = `unexpected error: ${oneLine(message)}; please report it (set LUISTER_DEBUG=1 for details)`;
  return { line: `luister: ${reason}${details}`, reason, code: ExitCode.badInput };
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
