/**
 * `java.util.Random` (48-bit LCG) and Scala's `hashing.byteswap32`, exactly, so that
 * `repartition` distributes records as Spark does. Seeded: never `Math.random`.
 */
export class JavaRandom {
  private seed: bigint;
  private static readonly MULT = 0x5deece66dn;
  private static readonly MASK = (1n << 48n) - 1n;

  constructor(seed: number) {
    this.seed = (BigInt(seed) ^ JavaRandom.MULT) & JavaRandom.MASK;
  }

  private next(bits: number): number {
    this.seed = (this.seed * JavaRandom.MULT + 0xbn) & JavaRandom.MASK;
    return Number(BigInt.asIntN(32, this.seed >> BigInt(48 - bits)));
  }

  /** `Random.nextInt(bound)`. */
  nextInt(bound: number): number {
    let r = this.next(31);
    const m = bound - 1;
    if ((bound & m) === 0) return Number((BigInt(bound) * BigInt(r)) >> 31n);
    for (let u = r; u - (r = u % bound) + m < 0 || u - r + m > 2147483647; u = this.next(31));
    return r;
  }
}

/** Scala `scala.util.hashing.byteswap32`. */
export function byteswap32(v: number): number {
  let hc = Math.imul(v, 0x9e3775cd);
  hc = ((hc & 0xff) << 24) | ((hc & 0xff00) << 8) | ((hc >>> 8) & 0xff00) | ((hc >>> 24) & 0xff);
  return Math.imul(hc, 0x9e3775cd);
}
