/**
 * A seeded source of **adversarial order** (`dstream-sim test --adversarial-order SEED`, as Beam's
 * DirectRunner does): where Spark promises no order, the engine permutes with it, so code that
 * depends on an unpromised order shows it. Where Spark does not decide an order, the engine is
 * otherwise deterministic in one arbitrary way; this picks another, from the seed. Spark
 * promises (and the engine keeps): the order within a partition through narrow operations
 * (map, filter, flatMap, mapPartitions, mapValues, glom, union), partition order in `collect`,
 * `take` and the outputs, input order, and `sortBy`/`sortByKey` order. It does not promise
 * (and this permutes): the order of records inside a partition after a shuffle (reduceByKey,
 * groupByKey, combineByKey, partitionBy, repartition, join, cogroup), and the order in which the
 * map outputs are fetched, which decides the order of a group's values and the order a reduce
 * function combines them in (docs/property-testing.md).
 */
export class AdversarialOrder {
  private state: number;

  /** `seed`: any whole number; the same seed gives the same orders. */
  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: a small, fast, seeded 32-bit generator; a float in [0, 1). */
  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A permutation of 0…n−1 (Fisher–Yates). */
  permutation(n: number): number[] {
    const p = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [p[i], p[j]] = [p[j]!, p[i]!];
    }
    return p;
  }

  /** `xs` in a permuted order (a new array). */
  shuffle<T>(xs: readonly T[]): T[] {
    return this.permutation(xs.length).map((i) => xs[i]!);
  }
}
