import { parseArgs } from 'node:util';
import type { RoleOptions } from '../analysis/channel-roles.ts';
import { SPEAKER_ROLES, type SpeakerRole } from '../report/report-types.ts';
import { UsageError } from './cli-errors.ts';

/** One recording, one report: `FILE --out REPORT.json`. */
export interface AnalyzeOptions {
  file: string;
  /** Path of the report, or '-' for stdout. */
  out: string;
  roles: RoleOptions;
}

/** Many recordings, one report each plus a summary: `DIR|FILE... --out-dir OUT`. */
export interface BatchOptions {
  /** Files and folders, as given; folders are searched recursively. */
  inputs: string[];
  outDir: string;
  /** Worker threads; null for the default (the available parallelism). */
  jobs: number | null;
  roles: RoleOptions;
}

export type ParsedCommand = { mode: 'help' } | ({ mode: 'single' } & AnalyzeOptions) | ({ mode: 'batch' } & BatchOptions);

/** `--out -` writes the report to stdout. */
export const STDOUT = '-';

export const HELP = `Usage: npm run --silent analyze -- FILE --out REPORT.json [options]
       npm run --silent analyze -- DIR|FILE... --out-dir OUT [--jobs N] [options]

Analyses recordings of calls and writes Luister reports (JSON, schema luister-report/1).

  FILE                      WAV, MP3, Ogg Vorbis, Ogg Opus, FLAC, M4A/AAC or WebM; mono or stereo,
                            8–192 kHz. The format is recognised from the file's contents.
  --out, -o REPORT.json     Where to write the report; "-" writes it to stdout.
  --out-dir OUT             Analyse every file named and every audio file in the folders named
                            (recursively, by extension, hidden files skipped). Writes one report
                            per recording, OUT/<path>.report.json mirroring the folders, and
                            OUT/summary.csv and OUT/summary.jsonl. Recordings whose report is up to
                            date are skipped. Progress goes to stderr, nothing to stdout.
  --jobs, -j N              With --out-dir: recordings analysed at once (default: the number of
                            processor cores).
  --agent-channel 0|1       Stereo: the channel holding the agent (default 0); the other is the
                            customer.
  --mono-speaker agent|customer
                            Mono: whose voice the recording holds (default agent).
  --help, -h                Show this help.

Exit status: 0 report written (with --out-dir: every recording analysed or up to date), 1 an input
or output file is unusable, 2 wrong command line. Problems go to stderr as one line starting
"luister: "; warnings as lines starting "luister: warning: ". Set LUISTER_DEBUG=1 to see the stack
of an unexpected error.
`;

export function parseAnalyzeArgs(argv: readonly string[]): ParsedCommand {
  const { values, positionals } = parseOrExplain(argv);
  if (values.help) return { mode: 'help' };
  const roles: RoleOptions = { agentChannel: agentChannelOf(values['agent-channel']), monoSpeaker: monoSpeakerOf(values['mono-speaker']) };
  const outDir = values['out-dir'];
  if (values.out !== undefined && outDir !== undefined) {
    throw new UsageError('--out and --out-dir do not go together: --out names the report of one recording, --out-dir the folder for the reports of several');
  }
  if (outDir !== undefined) {
    if (outDir === '') throw new UsageError('--out-dir is empty: give the folder for the reports');
    if (positionals.length === 0) throw new UsageError('no recording given: name the files or folders to analyse');
    return { mode: 'batch', inputs: positionals, outDir, jobs: jobsOf(values.jobs), roles };
  }
  if (values.jobs !== undefined) throw new UsageError('--jobs works with --out-dir only: one recording is analysed by one thread');
  if (positionals.length === 0) throw new UsageError('no recording given: name the file to analyse');
  if (values.out === undefined) {
    if (positionals.length > 1) throw new UsageError(`no --out-dir given: add --out-dir FOLDER for the reports of ${positionals.length} recordings`);
    throw new UsageError('no --out given: add --out REPORT.json, or --out - for stdout (or --out-dir FOLDER for a folder of recordings)');
  }
  if (positionals.length > 1) {
    throw new UsageError(`one recording at a time, got ${positionals.length}: ${positionals.join(', ')}; use --out-dir FOLDER instead of --out for several`);
  }
  if (values.out === '') throw new UsageError('--out is empty: give a file name, or - for stdout');
  return { mode: 'single', file: positionals[0], out: values.out, roles };
}

function parseOrExplain(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        'out-dir': { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        'agent-channel': { type: 'string' },
        'mono-speaker': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // Node's messages run over several lines with advice about "--"; the first sentence says it.
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.split(/\.(?:\s|$)/)[0].replace(/\s+/g, ' ').trim());
  }
}

function jobsOf(value: string | undefined): number | null {
  if (value === undefined) return null;
  // Digits only: Number() would also take "1e3", "0x10" and " 2 ".
  if (!/^[1-9][0-9]*$/.test(value)) throw new UsageError(`--jobs must be a positive whole number, got "${value}"`);
  return Number(value);
}

function agentChannelOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (value !== '0' && value !== '1') throw new UsageError(`--agent-channel must be 0 or 1, got "${value}"`);
  return Number(value);
}

function monoSpeakerOf(value: string | undefined): SpeakerRole | undefined {
  if (value === undefined) return undefined;
  const speaker = SPEAKER_ROLES.find((s) => s === value);
  if (!speaker) throw new UsageError(`--mono-speaker must be agent or customer, got "${value}"`);
  return speaker;
}
