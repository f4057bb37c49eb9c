import { structuralKey } from '../util/hashing';
import type { Partitioner } from './Partitioner';

/** The map side of a shuffle: its partitions, record by record (Spark: the parent RDD's iterators). */
export interface MapSide<T> {
  /** The partitioner its records are already placed by, if any. */
  readonly partitioner: Partitioner | undefined;
  getNumPartitions(): number;
  eachRecord(split: number, sink: (x: T) => void): void;
}

/** How values of one key are combined (Spark: `Aggregator`). */
export interface Aggregator<V, C> {
  createCombiner: (v: V) => C;
  mergeValue: (c: C, v: V) => C;
  mergeCombiners: (a: C, b: C) => C;
}

/**
 * The map and reduce sides of a shuffle, in memory. Keys are compared structurally; within a
 * reduce partition, keys come in the order they were first seen (map partitions in order), which
 * is deterministic. Spark leaves that order unspecified.
 */
export function shuffleCombine<K, V, C>(
  parent: MapSide<readonly [K, V]>,
  partitioner: Partitioner,
  agg: Aggregator<V, C>,
  mapSideCombine: boolean,
): [K, C][][] {
  const n = partitioner.numPartitions;
  const buckets: Map<unknown, [K, C]>[] = [];
  for (let i = 0; i < n; i++) buckets.push(new Map());
  const { createCombiner, mergeValue, mergeCombiners } = agg;
  for (let split = 0; split < parent.getNumPartitions(); split++) {
    if (mapSideCombine) {
      const local = new Map<unknown, [K, C]>();
      parent.eachRecord(split, (kv) => {
        const k = kv[0];
        const sk = typeof k === 'object' && k !== null ? structuralKey(k) : k;
        const e = local.get(sk);
        if (e === undefined) local.set(sk, [k, createCombiner(kv[1])]);
        else e[1] = mergeValue(e[1], kv[1]);
      });
      for (const [sk, e] of local) {
        const bucket = buckets[partitioner.getPartition(e[0])]!;
        const cur = bucket.get(sk);
        if (cur === undefined) bucket.set(sk, e);
        else cur[1] = mergeCombiners(cur[1], e[1]);
      }
    } else {
      parent.eachRecord(split, (kv) => {
        const k = kv[0];
        const sk = typeof k === 'object' && k !== null ? structuralKey(k) : k;
        const bucket = buckets[partitioner.getPartition(k)]!;
        const cur = bucket.get(sk);
        if (cur === undefined) bucket.set(sk, [k, createCombiner(kv[1])]);
        else cur[1] = mergeValue(cur[1], kv[1]);
      });
    }
  }
  return buckets.map((b) => [...b.values()]);
}

/**
 * Spark: `CoGroupedRDD`: for each key, the list of its values in each input, by partition. An
 * input already partitioned by `partitioner` is read partition to partition (Spark's
 * `OneToOneDependency`: no shuffle, no hashing); the others are hashed to their partition.
 */
export function shuffleCogroup<K>(inputs: readonly MapSide<readonly [K, unknown]>[], partitioner: Partitioner): [K, unknown[][]][][] {
  const n = partitioner.numPartitions;
  const width = inputs.length;
  const buckets: Map<unknown, [K, unknown[][]]>[] = [];
  for (let i = 0; i < n; i++) buckets.push(new Map());
  inputs.forEach((input, which) => {
    const narrow = partitioner.equals(input.partitioner);
    for (let split = 0; split < input.getNumPartitions(); split++) {
      input.eachRecord(split, (kv) => {
        const k = kv[0];
        const sk = typeof k === 'object' && k !== null ? structuralKey(k) : k;
        const bucket = buckets[narrow ? split : partitioner.getPartition(k)]!;
        let e = bucket.get(sk);
        if (e === undefined) {
          const lists: unknown[][] = [];
          for (let w = 0; w < width; w++) lists.push([]);
          e = [k, lists];
          bucket.set(sk, e);
        }
        e[1][which]!.push(kv[1]);
      });
    }
  });
  return buckets.map((b) => [...b.values()]);
}
