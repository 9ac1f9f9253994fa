/**
 * The entry of a batch worker thread: registers tsx, then loads the TypeScript worker. The command
 * runs under tsx without a build step, but on Node 20 the tsx hooks of the main thread do not reach
 * a worker's entry module, and neither does `--import tsx` in the worker's execArgv (both fail with
 * "Unknown file extension .ts"; tsx issue #354). Registering from inside the thread works.
 */
import { register } from 'tsx/esm/api';

register();
await import('./batch-worker.ts');
