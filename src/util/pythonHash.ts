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

/** Recently hashed strings (keys repeat batch after batch: a state of 10^5 keys stays cached); bounded, so memory stays flat. */
const strCache = new Map<string, bigint>();
const STR_CACHE_MAX = 1 << 17;

/** CPython's str hash: SipHash-1-3, zero key, over the compact representation (latin-1, UCS-2 or UCS-4). */
function strHash(s: string): bigint {
  const cached = strCache.get(s);
  if (cached !== undefined) return cached;
  const h = strHashUncached(s);
  if (strCache.size >= STR_CACHE_MAX) strCache.clear();
  strCache.set(s, h);
  return h;
}

function strHashUncached(s: string): bigint {
  if (s.length === 0) return 0n;
  let max = 0;
  let surrogates = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > max) max = c;
    if (c >= 0xd800 && c <= 0xdfff) surrogates = true;
  }
  let bytes: Uint8Array;
  if (max < 0x100) {
    bytes = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  } else {
    // Code points: a surrogate pair is one (UCS-4); a lone surrogate stays a code point of its own.
    const cps: number[] = [];
    let wide = false;
    if (surrogates) {
      for (const ch of s) {
        const cp = ch.codePointAt(0)!;
        if (cp > 0xffff) wide = true;
        cps.push(cp);
      }
    } else {
      for (let i = 0; i < s.length; i++) cps.push(s.charCodeAt(i));
    }
    const kind = wide ? 4 : 2;
    bytes = new Uint8Array(cps.length * kind);
    for (let i = 0; i < cps.length; i++) {
      const cp = cps[i]!;
      for (let b = 0; b < kind; b++) bytes[i * kind + b] = (cp >>> (8 * b)) & 0xff;
    }
  }
  const h = siphash13(bytes);
  return h === -1n ? -2n : h;
}

/**
 * `siphash13(k0 = 0, k1 = 0, src)` from CPython's Python/pyhash.c, as a signed 64-bit value. The
 * 64-bit words are kept as 32-bit halves (hi, lo) in `v`, for speed.
 */
export function siphash13(src: Uint8Array): bigint {
  const v = state;
  v[0] = 0x736f6d65; v[1] = 0x70736575; // v0 = k0 ^ "somepseu"
  v[2] = 0x646f7261; v[3] = 0x6e646f6d; // v1 = k1 ^ "dorandom"
  v[4] = 0x6c796765; v[5] = 0x6e657261; // v2 = k0 ^ "lygenera"
  v[6] = 0x74656462; v[7] = 0x79746573; // v3 = k1 ^ "tedbytes"
  const len = src.length;
  const full = len - (len % 8);
  for (let i = 0; i < full; i += 8) {
    const lo = (src[i]! | (src[i + 1]! << 8) | (src[i + 2]! << 16) | (src[i + 3]! << 24)) >>> 0;
    const hi = (src[i + 4]! | (src[i + 5]! << 8) | (src[i + 6]! << 16) | (src[i + 7]! << 24)) >>> 0;
    v[6] ^= hi;
    v[7] ^= lo;
    sipRound(v);
    v[0] ^= hi;
    v[1] ^= lo;
  }
  // The last block: the remaining bytes, little-endian, with the length in the top byte.
  let bLo = 0;
  let bHi = (len & 0xff) << 24;
  for (let i = full; i < len; i++) {
    const shift = 8 * (i - full);
    if (shift < 32) bLo |= src[i]! << shift;
    else bHi |= src[i]! << (shift - 32);
  }
  bLo >>>= 0;
  bHi >>>= 0;
  v[6] ^= bHi;
  v[7] ^= bLo;
  sipRound(v);
  v[0] ^= bHi;
  v[1] ^= bLo;
  v[5] ^= 0xff;
  sipRound(v);
  sipRound(v);
  sipRound(v);
  const hi = (v[0] ^ v[2] ^ v[4] ^ v[6]) >>> 0;
  const lo = (v[1] ^ v[3] ^ v[5] ^ v[7]) >>> 0;
  return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
}

const state = new Uint32Array(8);

/** One SipRound on v = [v0hi, v0lo, v1hi, v1lo, v2hi, v2lo, v3hi, v3lo]. */
function sipRound(v: Uint32Array): void {
  let lo: number;
  let h: number;
  let l: number;
  // v0 += v1; v1 = rotl(v1, 13) ^ v0; v0 = rotl(v0, 32)
  lo = v[1]! + v[3]!;
  v[0] = v[0]! + v[2]! + (lo > 0xffffffff ? 1 : 0);
  v[1] = lo;
  h = v[2]!;
  l = v[3]!;
  v[2] = ((h << 13) | (l >>> 19)) ^ v[0]!;
  v[3] = ((l << 13) | (h >>> 19)) ^ v[1]!;
  h = v[0]!;
  v[0] = v[1]!;
  v[1] = h;
  // v2 += v3; v3 = rotl(v3, 16) ^ v2
  lo = v[5]! + v[7]!;
  v[4] = v[4]! + v[6]! + (lo > 0xffffffff ? 1 : 0);
  v[5] = lo;
  h = v[6]!;
  l = v[7]!;
  v[6] = ((h << 16) | (l >>> 16)) ^ v[4]!;
  v[7] = ((l << 16) | (h >>> 16)) ^ v[5]!;
  // v0 += v3; v3 = rotl(v3, 21) ^ v0
  lo = v[1]! + v[7]!;
  v[0] = v[0]! + v[6]! + (lo > 0xffffffff ? 1 : 0);
  v[1] = lo;
  h = v[6]!;
  l = v[7]!;
  v[6] = ((h << 21) | (l >>> 11)) ^ v[0]!;
  v[7] = ((l << 21) | (h >>> 11)) ^ v[1]!;
  // v2 += v1; v1 = rotl(v1, 17) ^ v2; v2 = rotl(v2, 32)
  lo = v[5]! + v[3]!;
  v[4] = v[4]! + v[2]! + (lo > 0xffffffff ? 1 : 0);
  v[5] = lo;
  h = v[2]!;
  l = v[3]!;
  v[2] = ((h << 17) | (l >>> 15)) ^ v[4]!;
  v[3] = ((l << 17) | (h >>> 15)) ^ v[5]!;
  h = v[4]!;
  v[4] = v[5]!;
  v[5] = h;
}
