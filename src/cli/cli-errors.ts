/** Exit codes of the command line. */
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
