/**
 * How records and batch times print. PySpark prints with Python's `str()`; Scala Spark with
 * `toString`. A JavaScript value has no tuple type, so the rule is: **an array of exactly two
 * elements prints as a tuple** (`('a', 1)` / `(a,1)`), any other array as a list
 * (`[1, 2, 3]` / `List(1, 2, 3)`). `undefined` and `null` print as Python's `None`.
 */

/**
 * The well-known method of a value that *is* a Python object (a record of a `.py` program, kept
 * as its pickle): it tells how Python itself prints it, so nothing here reinterprets it.
 */
export const PYTHON_OBJECT = Symbol.for('dstream-sim.pythonObject');

/** What a Python object says about itself: Python's own `repr()` and `str()` of it. */
export interface PythonObjectText {
  repr: string;
  str: string;
}

/** The {@link PYTHON_OBJECT} text of a value, if it is a Python object. */
export function pythonObjectText(value: unknown): PythonObjectText | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const m = (value as { [PYTHON_OBJECT]?: () => PythonObjectText })[PYTHON_OBJECT];
  return typeof m === 'function' ? m.call(value) : undefined;
}

/** Python `str(value)`: strings print raw at the top level; everything else as `repr`. */
export function pythonStr(value: unknown): string {
  const py = pythonObjectText(value);
  if (py !== undefined) return py.str;
  return typeof value === 'string' ? value : pythonRepr(value);
}

/** Python `repr(value)` for the JavaScript shapes that stand for Python values. */
export function pythonRepr(value: unknown): string {
  if (value === undefined || value === null) return 'None';
  switch (typeof value) {
    case 'string':
      return pythonStringRepr(value);
    case 'boolean':
      return value ? 'True' : 'False';
    case 'number':
      return pythonNumber(value);
    case 'bigint':
      return value.toString();
    case 'object': {
      const py = pythonObjectText(value);
      if (py !== undefined) return py.repr;
      if (value instanceof Uint8Array) return pythonBytesRepr(value);
      if (Array.isArray(value)) {
        if (value.length === 2) return `(${pythonRepr(value[0])}, ${pythonRepr(value[1])})`;
        return `[${value.map(pythonRepr).join(', ')}]`;
      }
      if (value instanceof Map) {
        return `{${[...value].map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`).join(', ')}}`;
      }
      if (value instanceof Set) {
        return value.size === 0 ? 'set()' : `{${[...value].map(pythonRepr).join(', ')}}`;
      }
      if (typeof (value as { toPythonString?: unknown }).toPythonString === 'function') {
        return (value as { toPythonString: () => string }).toPythonString();
      }
      const rec = value as Record<string, unknown>;
      return `{${Object.keys(rec)
        .map((k) => `${pythonStringRepr(k)}: ${pythonRepr(rec[k])}`)
        .join(', ')}}`;
    }
    default:
      return String(value);
  }
}

function pythonNumber(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  return String(n);
}

/** Python's `repr` of a str: single quotes unless the text has a `'` and no `"`. */
export function pythonStringRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

/**
 * Python's `repr` of `bytes` (a binary record is `bytes` in PySpark): `b'ab\x00'`, single quotes
 * unless the bytes hold a `'` and no `"`; `\t`, `\n`, `\r` and `\\` escaped, other bytes outside
 * printable ASCII as `\xNN`.
 */
export function pythonBytesRepr(bytes: Uint8Array): string {
  const quote = bytes.includes(0x27) && !bytes.includes(0x22) ? '"' : "'";
  let out = 'b' + quote;
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    if (ch === '\\' || ch === quote) out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (b < 0x20 || b >= 0x7f) out += '\\x' + b.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

/**
 * Scala's text for a binary record (`Array[Byte]`). Its `toString` is `[B@` plus an identity hash,
 * which differs on every run, so the simulator prints what the Scala REPL shows for the value
 * instead: `Array(97, 98, 0)`, the bytes as signed values (`0xff` is `-1`).
 */
export function scalaBytesString(bytes: Uint8Array): string {
  return `Array(${Array.from(bytes, (b) => (b > 127 ? b - 256 : b)).join(', ')})`;
}

/** Scala `toString` of the JavaScript shapes that stand for Scala values. */
export function scalaString(value: unknown): string {
  if (value === undefined) return 'None';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return value;
    case 'object': {
      if (value instanceof Uint8Array) return scalaBytesString(value);
      if (Array.isArray(value)) {
        if (value.length === 2) return `(${scalaString(value[0])},${scalaString(value[1])})`;
        return `List(${value.map(scalaString).join(', ')})`;
      }
      if (value instanceof Map) {
        return `Map(${[...value].map(([k, v]) => `${scalaString(k)} -> ${scalaString(v)}`).join(', ')})`;
      }
      if (value instanceof Set) return `Set(${[...value].map(scalaString).join(', ')})`;
      if (Object.getPrototypeOf(value) !== Object.prototype) return String(value);
      return JSON.stringify(value);
    }
    default:
      return String(value);
  }
}

/**
 * Python's `str(datetime.fromtimestamp(ms / 1000))` in the given IANA time zone:
 * `1970-01-01 00:00:01`, with `.ffffff` only when the time is not a whole second.
 */
export function pythonDatetime(ms: number, timeZone: string): string {
  const parts = datetimeParts(ms, timeZone);
  const frac = ((ms % 1000) + 1000) % 1000;
  const base = `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
  return frac === 0 ? base : `${base}.${String(frac * 1000).padStart(6, '0')}`;
}

interface DateParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function datetimeParts(ms: number, timeZone: string): DateParts {
  const wholeMs = ms - (((ms % 1000) + 1000) % 1000);
  if (timeZone === 'UTC') {
    const iso = new Date(wholeMs).toISOString();
    return {
      year: iso.slice(0, 4),
      month: iso.slice(5, 7),
      day: iso.slice(8, 10),
      hour: iso.slice(11, 13),
      minute: iso.slice(14, 16),
      second: iso.slice(17, 19),
    };
  }
  let fmt = formatters.get(timeZone);
  if (fmt === undefined) {
    fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, fmt);
  }
  const get = (type: string): string =>
    fmt.formatToParts(new Date(wholeMs)).find((p) => p.type === type)?.value ?? '00';
  return {
    year: get('year').padStart(4, '0'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}
