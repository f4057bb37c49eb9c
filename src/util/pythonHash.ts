import { hashCode } from './hashing';

/**
 * CPython's 64-bit `hash()` and PySpark's `portable_hash`, for the values records carry in
 * JavaScript, so that the pyspark flavor places keys where PySpark does (`partitionBy`:
 * `portable_hash(k) % numPartitions`). Spark runs Python workers with `PYTHONHASHSEED=0` unless
 * set otherwise, which makes str hashing SipHash with a zero key; CPython 3.11+ uses SipHash-1-3
 * (`Python/pyhash.c`, `siphash13`), which is what this reproduces.
 *
 * JavaScript → Python: string → str, number or bigint → int (an integral number) or float,
 * boolean → bool, null/undefined → None, array → tuple. JS has no int/float distinction; CPython
 * hashes an integral float like the int anyway (`hash(1.0) == hash(1)`).
 */

const MASK64 = (1n << 64n) - 1n;
/** `_PyHASH_MODULUS`: the Mersenne prime 2^61 − 1 (64-bit builds). */
const MODULUS = (1n << 61n) - 1n;
/** `_PyHASH_INF`. */
const HASH_INF = 314159n;
/** `sys.maxsize` on 64-bit builds. */
const MAXSIZE = (1n << 63n) - 1n;

/** Python's `portable_hash` (pyspark/rdd.py): None → 0, tuples combined element-wise, else `hash(x)`. */
export function portableHash(x: unknown): bigint {
  if (x === null || x === undefined) return 0n;
  if (Array.isArray(x)) {
    let h = 0x345678n;
    for (const item of x) {
      h ^= portableHash(item);
      h *= 1000003n;
      h &= MAXSIZE;
    }
    h ^= BigInt(x.length);
    return h === -1n ? -2n : h;
  }
  return pythonHash(x);
}

/**
 * CPython's `hash(x)` (64-bit, `PYTHONHASHSEED=0`) for str, int, float, bool and None-like
 * values. Values Python cannot hash (dict, list other than as a tuple, set) have no Python
 * counterpart here: they fall back to the simulator's Java-like hash code (deterministic, but not
 * what PySpark does: it raises `TypeError: unhashable type`).
 */
export function pythonHash(x: unknown): bigint {
  switch (typeof x) {
    case 'string':
      return strHash(x);
    case 'boolean':
      return x ? 1n : 0n;
    case 'bigint':
      return intHash(x);
    case 'number':
      return Number.isInteger(x) ? intHash(BigInt(x)) : floatHash(x);
    case 'undefined':
      return 0n;
    default:
      if (x === null) return 0n;
      if (Array.isArray(x)) return portableHash(x);
      return BigInt(hashCode(x));
  }
}

/** Python's `a % n` for a positive `n` (never negative, unlike JavaScript's `%`). */
export function pythonMod(a: bigint | number, n: number): number {
  if (typeof a === 'bigint') {
    const r = Number(a % BigInt(n));
    return r < 0 ? r + n : r;
  }
  const r = a % n;
  return r < 0 ? r + n : r === 0 ? 0 : r;
}

/** `long_hash`: sign × (|x| mod 2^61 − 1), −1 → −2. */
function intHash(x: bigint): bigint {
  const h = x < 0n ? -(-x % MODULUS) : x % MODULUS;
  return h === -1n ? -2n : h;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/**
 * `_Py_HashDouble` for a finite non-integral (or non-finite) double. CPython's frexp loop computes
 * the hash of the rational value m × 2^e reduced mod 2^61 − 1, where 2^e mod P = 2^(e mod 61);
 * this computes the same from the double's bits. NaN: CPython 3.10+ hashes NaN by object identity
 * (not reproducible); it is 0 here, as in CPython before 3.10.
 */
function floatHash(v: number): bigint {
  if (Number.isNaN(v)) return 0n;
  if (v === Infinity) return HASH_INF;
  if (v === -Infinity) return -HASH_INF;
  f64[0] = Math.abs(v);
  const hi = u32[1]!;
  const lo = u32[0]!;
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) {
    exp = -1074; // subnormal
  } else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  // value = mant × 2^exp; multiply by 2^(exp mod 61) modulo P (2^61 ≡ 1).
  const e = ((exp % 61) + 61) % 61;
  let x = (mant % MODULUS) * ((1n << BigInt(e)) % MODULUS) % MODULUS;
  if (v < 0) x = -x;
  return x === -1n ? -2n : x;
}

/** CPython's str hash: SipHash-1-3, zero key, over the compact representation (latin-1, UCS-2 or UCS-4). */
function strHash(s: string): bigint {
  if (s.length === 0) return 0n;
  const cps: number[] = [];
  let max = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    cps.push(cp);
    if (cp > max) max = cp;
  }
  const kind = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
  const bytes = new Uint8Array(cps.length * kind);
  cps.forEach((cp, i) => {
    for (let b = 0; b < kind; b++) bytes[i * kind + b] = (cp >>> (8 * b)) & 0xff;
  });
  const h = BigInt.asIntN(64, siphash13(bytes));
  return h === -1n ? -2n : h;
}

const rotl = (x: bigint, b: bigint): bigint => ((x << b) | (x >> (64n - b))) & MASK64;

/** `siphash13(k0 = 0, k1 = 0, src)` from CPython's Python/pyhash.c (unsigned 64-bit result). */
export function siphash13(src: Uint8Array): bigint {
  let v0 = 0x736f6d6570736575n;
  let v1 = 0x646f72616e646f6dn;
  let v2 = 0x6c7967656e657261n;
  let v3 = 0x7465646279746573n;
  const round = (): void => {
    v0 = (v0 + v1) & MASK64;
    v1 = rotl(v1, 13n) ^ v0;
    v0 = rotl(v0, 32n);
    v2 = (v2 + v3) & MASK64;
    v3 = rotl(v3, 16n) ^ v2;
    v0 = (v0 + v3) & MASK64;
    v3 = rotl(v3, 21n) ^ v0;
    v2 = (v2 + v1) & MASK64;
    v1 = rotl(v1, 17n) ^ v2;
    v2 = rotl(v2, 32n);
  };
  const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
  const full = src.length - (src.length % 8);
  for (let i = 0; i < full; i += 8) {
    const m = view.getBigUint64(i, true);
    v3 ^= m;
    round();
    v0 ^= m;
  }
  let b = BigInt(src.length & 0xff) << 56n;
  for (let i = full; i < src.length; i++) b |= BigInt(src[i]!) << BigInt(8 * (i - full));
  v3 ^= b;
  round();
  v0 ^= b;
  v2 ^= 0xffn;
  round();
  round();
  round();
  return (v0 ^ v1 ^ v2 ^ v3) & MASK64;
}
