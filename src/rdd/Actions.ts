import { structuralKey } from '../util/hashing';
import type { RDD } from './RDD';

/** The bodies of the RDD actions that do more than one pass (Spark: `RDD.take`, `countByValue`). */
export const Actions = {
  /** Spark: `take(n)`: computes partitions in order only until `n` records are found. */
  take<T>(rdd: RDD<T>, n: number): T[] {
    const out: T[] = [];
    for (let i = 0; i < rdd.getNumPartitions() && out.length < n; i++) {
      for (const x of rdd.partition(i)) {
        if (out.length >= n) break;
        out.push(x);
      }
    }
    return out;
  },

  /** Spark: `countByValue`: each distinct value (compared structurally) and its count, first seen first. */
  countByValue<T>(records: readonly T[]): Map<T, number> {
    const counts = new Map<unknown, [T, number]>();
    for (const x of records) {
      const sk = structuralKey(x);
      const e = counts.get(sk);
      if (e === undefined) counts.set(sk, [x, 1]);
      else e[1]++;
    }
    return new Map([...counts.values()]);
  },
};
