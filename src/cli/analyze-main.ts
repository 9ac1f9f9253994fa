/**
 * The `analyze` command, apart from the process it runs in, so tests can call it directly:
 * arguments in, exit code out, all output through `CliIo`.
 */
import { basename } from 'node:path';
import { HELP, parseAnalyzeArgs, STDOUT, type AnalyzeOptions } from './analyze-args.ts';
import { analyzeFile } from './analyze-recording.ts';
import { runBatch } from './batch-main.ts';
import { describeFailure, ExitCode, oneLine, OutputError } from './cli-errors.ts';
import { NO_PROGRESS, terminalProgress, type Progress } from './progress.ts';
import { checkOutputTarget, reportJson, writeFileAtomically } from './report-output.ts';

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
    if (command.mode === 'help') {
      await io.writeOut(HELP);
      return ExitCode.ok;
    }
    if (command.mode === 'batch') return await runBatch(command, io);
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
  let progress: Progress = NO_PROGRESS;
  try {
    const { report, warnings } = await analyzeFile(options.file, options.roles, {
      opened: async (stream) => {
        if (options.out !== STDOUT) await checkOutputTarget(options.out, options.file);
        if (io.errIsTerminal) progress = terminalProgress(io.writeErr, basename(options.file), stream.sampleRate, stream.expectedFrames);
      },
      progress: (frames) => progress.update(frames),
    });
    progress.done();
    for (const warning of warnings) io.writeErr(`luister: warning: ${oneLine(warning)}\n`);
    const text = reportJson(report);
    if (options.out === STDOUT) await io.writeOut(text).catch(stdoutFailure);
    else await writeFileAtomically(options.out, text);
  } finally {
    progress.done();
  }
}

function stdoutFailure(error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code;
  throw new OutputError(`cannot write the report to stdout (${code ?? String(error)}); was the pipe closed?`);
}
