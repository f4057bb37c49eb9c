import { PYTHON_OBJECT, type PythonObjectText } from '../util/format';
import { registerRecordCodec } from '../util/recordCodec';

/** A record as it crosses the bridge from Python: its pickle, and Python's own `repr`/`str` of it. */
export interface WirePyObject {
  /** `pickle.dumps(record)`, base64. */
  p: string;
  /** `repr(record)`. */
  r: string;
  /** `str(record)` when it differs from the repr (strings). */
  s?: string;
  /** For a 2-tuple: the `repr`s of its key and value (state and window inspection read pairs). */
  kv?: [string, string];
}

/**
 * A Python object held by the engine (PySpark: the pickled bytes a `PythonRDD` carries). The
 * engine never reinterprets it: it moves it between partitions and hands it back to Python,
 * which unpickles the very value it produced. For printing it answers with Python's own text
 * (`PYTHON_OBJECT`); a 2-tuple also shows its parts as `0` and `1`, so the engine's state and
 * window inspection can tell keys apart.
 */
export class PyObject {
  readonly 0?: PyObject;
  readonly 1?: PyObject;

  constructor(
    /** The pickle, base64 (empty for a part that exists only to be shown). */
    readonly pickle: string,
    readonly repr: string,
    readonly str: string,
    kv?: readonly [string, string],
    /** How many records this shuffle batch holds (PySpark's BatchedSerializer), if it is one. */
    readonly batchOf?: number,
  ) {
    if (kv !== undefined) {
      (this as { 0?: PyObject })[0] = new PyObject('', kv[0], kv[0]);
      (this as { 1?: PyObject })[1] = new PyObject('', kv[1], kv[1]);
    }
  }

  /** A 2-tuple destructures into its shown parts (`const [k, v] = record`), as the engine's pair code does. */
  *[Symbol.iterator](): Iterator<PyObject> {
    if (this[0] === undefined || this[1] === undefined) throw new TypeError(`${this.repr} is not a pair`);
    yield this[0];
    yield this[1];
  }

  [PYTHON_OBJECT](): PythonObjectText {
    return { repr: this.repr, str: this.str };
  }

  /** Python's `repr`. */
  toString(): string {
    return this.repr;
  }
}

/** A shuffle's map-side bucket from Python: many records in one pickled list (never shown). */
export interface WireBatch {
  p: string;
  /** How many records the list holds. */
  n: number;
}

/** Decode a record Python sent: a Python `str` comes as a plain string (kept as a Java string), anything else pickled. */
export function fromWire(w: WirePyObject | WireBatch | string): PyObject | string {
  if (typeof w === 'string') return w;
  if ('n' in w) return new PyObject(w.p, `<${w.n} pickled records>`, `<${w.n} pickled records>`, undefined, w.n);
  return new PyObject(w.p, w.r, w.s ?? w.r, w.kv);
}

/**
 * Encode a record for Python: a {@link PyObject} goes back as its pickle (`{"p": …}`); bytes the
 * engine made (`binaryRecordsStream` records, PySpark's `NoOpSerializer`) as `{"b": base64}`,
 * which Python decodes to `bytes`; what else the engine made itself (socket and file lines are
 * Java strings, as in PySpark's `UTF8Deserializer`) goes as JSON.
 */
export function toWire(v: unknown): unknown {
  if (v instanceof PyObject) {
    if (v.pickle === '') throw new Error(`internal: the part ${v.repr} of a Python object cannot go back to Python`);
    return v.batchOf === undefined ? { p: v.pickle } : { p: v.pickle, n: v.batchOf };
  }
  if (v instanceof Uint8Array) return { b: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
  return v === undefined ? null : v;
}

// A Python record goes into a checkpoint as its wire form (pickle and texts), untouched.
registerRecordCodec({
  tag: '$py',
  handles: (v) => v instanceof PyObject && v.pickle !== '' && v.batchOf === undefined,
  encode: (v) => {
    const o = v as PyObject;
    const kv = o[0] !== undefined && o[1] !== undefined ? ([o[0].repr, o[1].repr] as [string, string]) : undefined;
    const w: WirePyObject = { p: o.pickle, r: o.repr, ...(o.str !== o.repr ? { s: o.str } : {}), ...(kv ? { kv } : {}) };
    return w;
  },
  decode: (d) => fromWire(d as WirePyObject),
});
