/**
 * `npm run --silent analyze -- FILE --out REPORT.json` (or `DIR|FILE... --out-dir OUT`): the
 * process around `main`. See analyze-args.ts for the options.
 */
import { main } from './analyze-main.ts';
import { describeFailure } from './cli-errors.ts';

// A closed pipe surfaces through the write callback in main; without a listener Node would also
// throw it from the stream's 'error' event, with a stack trace.
process.stdout.on('error', () => {});

// The last resort for a failure outside main's promise (an emitter inside a decoder, say): still
// one line and a non-zero exit, never a stack trace.
process.on('uncaughtException', (error) => {
  process.stderr.write(`${describeFailure(error, null).line}\n`);
  process.exit(1);
});

// exitCode rather than exit(): stdout may still be flushing the report.
process.exitCode = await main(process.argv.slice(2));
