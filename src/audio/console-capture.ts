/**
 * The WebAssembly decoders behind audio-decode print what they notice in damaged data straight to
 * the console (console.error for mpg123's "MPG123_ERR", console.log for Emscripten's output). On
 * the command line that would break the promise of one error line on stderr and nothing but the
 * report on stdout, so each decoder call runs with the console captured, and the messages become
 * one warning.
 */

const METHODS = ['log', 'info', 'debug', 'warn', 'error'] as const;

export class ConsoleCapture {
  private count = 0;
  private first: string | null = null;

  /** Runs `work` with console output diverted into this capture. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const saved = METHODS.map((name) => console[name]);
    const divert = (...args: unknown[]): void => {
      this.count++;
      this.first ??= args.map(String).join(' ');
    };
    for (const name of METHODS) console[name] = divert;
    try {
      return await work();
    } finally {
      METHODS.forEach((name, i) => (console[name] = saved[i]));
    }
  }

  /** One line about what was captured, or null when nothing was. */
  warning(decoderName: string): string | null {
    if (this.count === 0 || this.first === null) return null;
    const first = this.first.replace(/\s+/g, ' ').trim().slice(0, 120);
    const times = this.count === 1 ? 'a problem' : `${this.count} problems`;
    return `the ${decoderName} decoder reported ${times} in the data (first: "${first}"); the file may be damaged, so parts of the report may be wrong`;
  }
}
