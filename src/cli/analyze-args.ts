import { parseArgs } from 'node:util';
import type { RoleOptions } from '../analysis/channel-roles.ts';
import { SPEAKER_ROLES, type SpeakerRole } from '../report/report-types.ts';
import { UsageError } from './cli-errors.ts';

export interface AnalyzeOptions {
  file: string;
  /** Path of the report, or '-' for stdout. */
  out: string;
  roles: RoleOptions;
}

export type ParsedCommand = { help: true } | ({ help: false } & AnalyzeOptions);

/** `--out -` writes the report to stdout. */
export const STDOUT = '-';

export const HELP = `Usage: npm run --silent analyze -- FILE --out REPORT.json [options]

Analyses a recording of a call and writes a Luister report (JSON, schema luister-report/1).

  FILE                      WAV, MP3, Ogg Vorbis, Ogg Opus, FLAC, M4A/AAC or WebM; mono or stereo,
                            8–192 kHz. The format is recognised from the file's contents.
  --out, -o REPORT.json     Where to write the report; "-" writes it to stdout.
  --agent-channel 0|1       Stereo: the channel holding the agent (default 0); the other is the
                            customer.
  --mono-speaker agent|customer
                            Mono: whose voice the recording holds (default agent).
  --help, -h                Show this help.

Exit status: 0 report written, 1 the input or output file is unusable, 2 wrong command line.
Problems go to stderr as one line starting "luister: "; warnings as lines starting
"luister: warning: ". Set LUISTER_DEBUG=1 to see the stack of an unexpected error.
`;

export function parseAnalyzeArgs(argv: readonly string[]): ParsedCommand {
  const { values, positionals } = parseOrExplain(argv);
  if (values.help) return { help: true };
  if (positionals.length === 0) throw new UsageError('no recording given: name the file to analyse');
  if (positionals.length > 1) throw new UsageError(`one recording at a time, got ${positionals.length}: ${positionals.join(', ')}`);
  if (values.out === undefined) throw new UsageError('no --out given: add --out REPORT.json, or --out - for stdout');
  if (values.out === '') throw new UsageError('--out is empty: give a file name, or - for stdout');
  return {
    help: false,
    file: positionals[0],
    out: values.out,
    roles: { agentChannel: agentChannelOf(values['agent-channel']), monoSpeaker: monoSpeakerOf(values['mono-speaker']) },
  };
}

function parseOrExplain(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
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
