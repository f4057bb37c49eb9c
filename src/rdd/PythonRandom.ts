/**
 * CPython's `random.Random` (Mersenne Twister MT19937, `Modules/_randommodule.c` and
 * `Lib/random.py`), bit for bit, for the parts PySpark's samplers use: seeding from an int,
 * `random()`, `getrandbits`, `randint`, `expovariate` and `shuffle`. Seeded: never `Math.random`.
 */
export class PythonRandom {
  private readonly mt = new Uint32Array(624);
  private index = 624;

  /** `random.Random(seed)` for an int seed (its absolute value, as 32-bit words). */
  constructor(seed: number | bigint) {
    let n = BigInt(seed);
    if (n < 0n) n = -n;
    const key: number[] = [];
    while (n > 0n) {
      key.push(Number(n & 0xffffffffn));
      n >>= 32n;
    }
    if (key.length === 0) key.push(0);
    this.initByArray(key);
  }

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < 624; i++) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.index = 624;
  }

  private initByArray(key: readonly number[]): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(624, key.length); k > 0; k--) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(prev, 1664525)) + key[j]! + j) >>> 0;
      i++;
      j++;
      if (i >= 624) {
        mt[0] = mt[623]!;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = 623; k > 0; k--) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= 624) {
        mt[0] = mt[623]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  /** `genrand_uint32`. */
  private next32(): number {
    const mt = this.mt;
    if (this.index >= 624) {
      for (let k = 0; k < 624; k++) {
        const y = (mt[k]! & 0x80000000) | (mt[(k + 1) % 624]! & 0x7fffffff);
        mt[k] = mt[(k + 397) % 624]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      this.index = 0;
    }
    let y = mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** `random()`: 53 random bits in [0, 1). */
  random(): number {
    const a = this.next32() >>> 5;
    const b = this.next32() >>> 6;
    return (a * 67108864 + b) * (1 / 9007199254740992);
  }

  /** `getrandbits(k)`: 32-bit words from least significant, the last one cut to its bits. */
  getrandbits(k: number): bigint {
    if (k <= 32) return BigInt(this.next32() >>> (32 - k));
    let out = 0n;
    for (let i = 0; k > 0; i++, k -= 32) {
      let r = this.next32();
      if (k < 32) r >>>= 32 - k;
      out |= BigInt(r) << BigInt(32 * i);
    }
    return out;
  }

  /** `_randbelow(n)`: rejection sampling over `n.bit_length()` bits. */
  randbelow(n: bigint): bigint {
    const k = n.toString(2).length;
    let r = this.getrandbits(k);
    while (r >= n) r = this.getrandbits(k);
    return r;
  }

  /** `randint(a, b)`: a uniform integer in [a, b]. */
  randint(a: number | bigint, b: number | bigint): bigint {
    return BigInt(a) + this.randbelow(BigInt(b) - BigInt(a) + 1n);
  }

  /** `expovariate(lambd)`. */
  expovariate(lambd: number): number {
    return -Math.log(1.0 - this.random()) / lambd;
  }

  /** `shuffle(x)` in place (Python 3.11+: no `random` argument). */
  shuffle<T>(x: T[]): void {
    for (let i = x.length - 1; i > 0; i--) {
      const j = Number(this.randbelow(BigInt(i + 1)));
      [x[i], x[j]] = [x[j]!, x[i]!];
    }
  }
}
