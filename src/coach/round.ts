/** Rounds for reports and messages: `digits` decimals. */
export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** One decimal, as numbers appear in the coaching texts. */
export function round1(value: number): number {
  return round(value, 1);
}
