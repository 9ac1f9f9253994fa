/**
 * The `analyze` command, apart from the process it runs in, so tests can call it directly:
 * arguments in, exit code out, all output through `CliIo`.
 */
import { basename } from 'node:path';
import { AudioInputError } from '../audio/audio-input-error.ts';
import { openAudioFile } from '../audio/decode-file.ts';
import { HELP, parseAnalyzeArgs, STDOUT, type AnalyzeOptions } from './analyze-args.ts';
import { analyzeRecording } from './analyze-recording.ts';
import { ExitCode, OutputError, UsageError } from './cli-errors.ts';
import { NO_PROGRESS, terminalProgress, type Progress } from './progress.ts';
import { checkOutputTarget, writeFileAtomically } from './report-output.ts';

export interface CliIo {
  /** Writes to stdout; settles once the text has been handed over (or failed to be). */
  writeOut(text: string): Promise<void>;
  writeErr(text: string): void;
  /** Progress is drawn only on a terminal. */
  errIsTerminal: boolean;
}

export const processIo: CliIo = {
  writeOut: (text) => new Promise((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve()))),
  writeErr: (text) => void process.stderr.write(text),
  errIsTerminal: process.stderr.isTTY === true,
};

/** Runs the command; never throws: every failure becomes one line on stderr and an exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let file: string | null = null;
  try {
    const command = parseAnalyzeArgs(argv);
    if (command.help) {
      await io.writeOut(HELP);
      return ExitCode.ok;
    }
    file = command.file;
    await analyzeToOutput(command, io);
    return ExitCode.ok;
  } catch (error) {
    const { line, code } = describeFailure(error, file);
    io.writeErr(`${line}\n`);
    return code;
  }
}

async function analyzeToOutput(options: AnalyzeOptions, io: CliIo): Promise<void> {
  const stream = await openAudioFile(options.file);
  let progress: Progress = NO_PROGRESS;
  try {
    if (options.out !== STDOUT) await checkOutputTarget(options.out, options.file);
    const name = basename(options.file);
    if (io.errIsTerminal) progress = terminalProgress(io.writeErr, name, stream.sampleRate, stream.expectedFrames);
    const { report, warnings } = await analyzeRecording(stream, options.roles, name, (frames) => progress.update(frames));
    progress.done();
    for (const warning of warnings) io.writeErr(`luister: warning: ${oneLine(warning)}\n`);
    const text = `${JSON.stringify(report)}\n`;
    if (options.out === STDOUT) await io.writeOut(text).catch(stdoutFailure);
    else await writeFileAtomically(options.out, text);
  } finally {
    progress.done();
    await stream.close();
  }
}

function stdoutFailure(error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code;
  throw new OutputError(`cannot write the report to stdout (${code ?? String(error)}); was the pipe closed?`);
}

/** One line for stderr and the exit code, for any failure. */
export function describeFailure(error: unknown, file: string | null): { line: string; code: ExitCode } {
  if (error instanceof UsageError) return { line: `luister: ${oneLine(error.message)} (run with --help for usage)`, code: ExitCode.usage };
  if (error instanceof AudioInputError) {
    return { line: `luister: ${file === null ? '' : `${oneLine(file)}: `}${oneLine(error.message)}`, code: ExitCode.badInput };
  }
  if (error instanceof OutputError) return { line: `luister: ${oneLine(error.message)}`, code: ExitCode.badInput };
  // A bug, not the user's doing: still one line, with the stack on request.
  const message = error instanceof Error ? error.message : String(error);
  const details = process.env.LUISTER_DEBUG && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return {
    line: `luister: unexpected error: ${oneLine(message)}; please report it (set LUISTER_DEBUG=1 for details)${details}`,
    code: ExitCode.badInput,
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
