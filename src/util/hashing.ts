/**
 * Deterministic hashing and structural keys for shuffles. Scala Spark partitions by
 * `key.hashCode`; these functions give JavaScript values Java-like hash codes so that a
 * `HashPartitioner` (the scala flavor's) places every key in the same partition on every run and
 * every machine. The pyspark flavor hashes as CPython does instead (util/pythonHash.ts).
 */
import { pythonObjectText } from './format';

/** Java's `String.hashCode`. */
export function stringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);

/** Java-like `hashCode` of a JavaScript value (ints hash to themselves, like `Integer.hashCode`). */
export function hashCode(v: unknown): number {
  switch (typeof v) {
    case 'number':
      if (Number.isInteger(v) && v >= -2147483648 && v <= 2147483647) return v;
      f64[0] = v;
      return (i32[0]! ^ i32[1]!) | 0;
    case 'string':
      return stringHash(v);
    case 'boolean':
      return v ? 1231 : 1237;
    case 'bigint':
      return Number(BigInt.asIntN(32, v));
    case 'undefined':
      return 0;
    case 'object': {
      if (v === null) return 0;
      const py = pythonObjectText(v);
      if (py !== undefined) return stringHash(py.repr);
      if (Array.isArray(v)) {
        let h = 1;
        for (const x of v) h = (Math.imul(31, h) + hashCode(x)) | 0;
        return h;
      }
      return stringHash(canonical(v));
    }
    default:
      return stringHash(String(v));
  }
}

/** Spark's `Utils.nonNegativeMod`. */
export function nonNegativeMod(x: number, mod: number): number {
  const raw = x % mod;
  return raw < 0 ? raw + mod : raw;
}

/**
 * A key under which structurally equal values collide: primitives stand for themselves, arrays and
 * plain objects become a canonical string. Used wherever Spark compares keys with `equals`.
 */
export function structuralKey(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  const py = pythonObjectText(v);
  if (py !== undefined) return '\u0001' + py.repr;
  return '\u0000' + canonical(v);
}

function canonical(v: unknown): string {
  if (v === undefined) return 'u';
  if (v === null) return 'n';
  switch (typeof v) {
    case 'number':
      return 'd' + String(v);
    case 'string':
      return 's' + JSON.stringify(v);
    case 'boolean':
      return v ? 't' : 'f';
    case 'bigint':
      return 'b' + v.toString();
    case 'object': {
      const py = pythonObjectText(v);
      if (py !== undefined) return 'p' + JSON.stringify(py.repr);
      if (Array.isArray(v)) return '[' + v.map(canonical).join(',') + ']';
      if (v instanceof Map) {
        const entries = [...v.entries()].map(([k, x]) => canonical(k) + ':' + canonical(x)).sort();
        return 'M{' + entries.join(',') + '}';
      }
      if (v instanceof Set) return 'S{' + [...v].map(canonical).sort().join(',') + '}';
      const rec = v as Record<string, unknown>;
      const keys = Object.keys(rec).sort();
      return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonical(rec[k])).join(',') + '}';
    }
    default:
      return 'x' + String(v);
  }
}
