import type { SimEvent } from '../events/SimEvent';

/**
 * One event as one line of JSON (what `dstream-sim run --events json` prints, and the stepper's
 * `events`). Fields keep the event's order. Values JSON cannot hold are written readably and the
 * same way every run: an Error as its string (`java.lang.IllegalStateException: …`,
 * `Error: boom`), a Map as its `[key, value]` entries, a Set as its values, a bigint as its
 * digits, a `Uint8Array` (a binary record) as its byte values, `NaN` and `±Infinity` as
 * strings, a function as `[Function name]`, a value that
 * contains itself as `[Circular]`; `undefined` is left out of objects and `null` in arrays, as
 * `JSON.stringify` does.
 */
export function eventToJson(event: SimEvent): string {
  return JSON.stringify(plain(event, []));
}

function plain(v: unknown, ancestors: readonly object[]): unknown {
  switch (typeof v) {
    case 'bigint':
      return v.toString();
    case 'number':
      return Number.isFinite(v) ? v : String(v);
    case 'function':
      return `[Function ${v.name || 'anonymous'}]`;
    case 'symbol':
      return v.toString();
    case 'object':
      break;
    default:
      return v;
  }
  if (v === null) return null;
  if (v instanceof Error) return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  if (ancestors.includes(v)) return '[Circular]';
  const inner = [...ancestors, v];
  if (Array.isArray(v)) return v.map((x) => plain(x, inner) ?? null);
  if (v instanceof Uint8Array) return Array.from(v);
  if (v instanceof Map) return [...v].map(([k, x]) => [plain(k, inner) ?? null, plain(x, inner) ?? null]);
  if (v instanceof Set) return [...v].map((x) => plain(x, inner) ?? null);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x, inner)]));
}
