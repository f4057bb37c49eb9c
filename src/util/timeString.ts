/**
 * Spark's time strings in configuration (`200ms`, `60s`, `1min`, or a bare number in the key's
 * default unit), in milliseconds (Spark: `JavaUtils.timeStringAs`). `NaN` when unparsable.
 */
export function timeStringAsMs(v: string, defaultUnit: 'ms' | 's'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min)?\s*$/.exec(v);
  if (m === null) return NaN;
  const n = parseFloat(m[1]!);
  const unit = m[2] ?? defaultUnit;
  return Math.trunc(unit === 'ms' ? n : unit === 's' ? n * 1000 : n * 60_000);
}
