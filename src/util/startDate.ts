/**
 * A run's virtual start date: an ISO-8601 date-time with an explicit offset, such as
 * `2026-01-01T00:00:00Z` or `2026-01-01T09:00:00.250+09:00`. The offset is required so that a run
 * never depends on the machine's time zone; times are whole milliseconds, from the epoch on.
 *
 * @returns the instant as epoch ms, or `{ error }` saying what is wrong and what to write.
 */
export function parseStartDate(text: string): { ms: number } | { error: string } {
  const example = 'write e.g. 2026-01-01T00:00:00Z';
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?$/.exec(text);
  if (m === null) return { error: `'${text}' is not an ISO-8601 date-time (YYYY-MM-DDThh:mm:ss with Z or an offset); ${example}` };
  const [, y, mo, d, h, mi, s = '0', frac = '', offset] = m;
  if (offset === undefined) {
    return { error: `'${text}' has no time zone offset; add Z (UTC) or an offset such as +01:00, so that the run does not depend on the machine's time zone` };
  }
  if (/[1-9]/.test(frac.slice(3))) return { error: `'${text}' is finer than a millisecond; virtual time is whole milliseconds` };
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeap(year) ? 1 : 0);
  const offsetParts = offset === 'Z' ? [0, 0] : offset.slice(1).split(':').map(Number);
  const [offH, offM] = offsetParts as [number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59 || offH > 23 || offM > 59) {
    return { error: `'${text}' is not a valid date-time (a field is out of range); ${example}` };
  }
  const sign = offset.startsWith('-') ? -1 : 1;
  const ms =
    Date.UTC(year, month - 1, day, hour, minute, second, Number(frac.slice(0, 3).padEnd(3, '0'))) - sign * (offH * 60 + offM) * 60_000;
  if (year < 1970 || ms < 0) return { error: `'${text}' is before 1970-01-01T00:00:00Z; the virtual clock starts at the epoch or later` };
  return { ms };
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
