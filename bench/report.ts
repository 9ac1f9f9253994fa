/** Statistics and plain-text tables for the bench printout. */

export interface Distribution {
  count: number;
  median: number;
  mean: number;
  p99: number;
  p999: number;
  max: number;
}

/** Order statistics of `values[0..count)` (nearest rank); sorts a copy. */
export function distribution(values: Float64Array, count: number): Distribution {
  const sorted = values.slice(0, count).sort();
  const rank = (q: number): number => sorted[Math.min(count - 1, Math.max(0, Math.ceil(q * count) - 1))];
  let sum = 0;
  for (let i = 0; i < count; i++) sum += sorted[i];
  return { count, median: rank(0.5), mean: sum / count, p99: rank(0.99), p999: rank(0.999), max: sorted[count - 1] };
}

export function fixed(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}

export function mib(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}

export function signedBytes(bytes: number): string {
  const sign = bytes > 0 ? '+' : bytes < 0 ? '-' : '';
  const abs = Math.abs(bytes);
  if (abs >= 1048576) return `${sign}${(abs / 1048576).toFixed(2)} MiB`;
  if (abs >= 1024) return `${sign}${(abs / 1024).toFixed(1)} KiB`;
  return `${sign}${abs} B`;
}

/** An audio length for labels: "1 h", "10 min", "20 s". */
export function audioLength(sec: number): string {
  if (sec === 3600) return '1 h';
  if (sec >= 60) return `${fixed(sec / 60, sec % 60 === 0 ? 0 : 1)} min`;
  return `${fixed(sec, 0)} s`;
}

export function seconds(s: number): string {
  return s >= 100 ? `${s.toFixed(0)} s` : `${s.toFixed(1)} s`;
}

/** A plain table: header row, a rule, then rows; columns padded to their widest cell. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string => cells.map((cell, c) => (cell ?? '').padEnd(widths[c])).join(' | ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows.map(line)].join('\n');
}

export type Verdict = 'PASS' | 'FAIL' | 'info' | 'skipped' | 'ERROR';

export interface SummaryRow {
  check: string;
  result: string;
  target: string;
  verdict: Verdict;
}

export function verdict(ok: boolean): Verdict {
  return ok ? 'PASS' : 'FAIL';
}
