import { structuralKey } from '../util/hashing';
import type { AdversarialOrder } from '../util/AdversarialOrder';
import { combineByHash } from './combineByHash';
import { builtInPlacement, type Partitioner } from './Partitioner';
import { CogroupOutput } from './ShuffleOutput';

/** The map side of a shuffle: its partitions, record by record (Spark: the parent RDD's iterators). */
export interface MapSide<T> {
  /** The partitioner its records are already placed by, if any. */
  readonly partitioner: Partitioner | undefined;
  /** Whether no key appears twice in one partition (a state stream's RDDs). */
  readonly uniqueKeys?: boolean;
  getNumPartitions(): number;
  eachRecord(split: number, sink: (x: T) => void): void;
  /** Partition `split`'s records as an array (an RDD's cached copy when it has one). */
  partition?(split: number): readonly T[];
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
  order?: AdversarialOrder,
): [K, C][][] {
  const placement = builtInPlacement(partitioner);
  if (placement !== undefined) return combineByHash(parent, partitioner, placement, fetchOrder(parent.getNumPartitions(), order), agg, mapSideCombine);
  const n = partitioner.numPartitions;
  const buckets: Map<unknown, [K, C]>[] = [];
  for (let i = 0; i < n; i++) buckets.push(new Map());
  const { createCombiner, mergeValue, mergeCombiners } = agg;
  for (const split of fetchOrder(parent.getNumPartitions(), order)) {
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
export function shuffleCogroup<K>(
  inputs: readonly MapSide<readonly [K, unknown]>[],
  partitioner: Partitioner,
  order?: AdversarialOrder,
): [K, unknown[][]][][] {
  const out = packedCogroup(inputs, partitioner, order);
  return Array.from({ length: partitioner.numPartitions }, (_, i) => out.records(i, undefined));
}

/**
 * {@link shuffleCogroup}'s output, kept packed (see {@link CogroupOutput}). The last input, when
 * read partition to partition and its keys are unique in each partition (a state stream's RDDs),
 * looks its keys up among the other inputs' and ends the partition with the rest, unmoved.
 */
export function packedCogroup<K>(
  inputs: readonly MapSide<readonly [K, unknown]>[],
  partitioner: Partitioner,
  order?: AdversarialOrder,
): CogroupOutput<K> {
  const n = partitioner.numPartitions;
  const out = new CogroupOutput<K>(n, inputs.length);
  const index: Map<unknown, number>[] = [];
  for (let i = 0; i < n; i++) index.push(new Map());
  inputs.forEach((input, which) => {
    const narrow = partitioner.equals(input.partitioner);
    if (narrow && input.uniqueKeys === true && which === inputs.length - 1 && input.partition !== undefined) {
      for (const split of fetchOrder(n, order)) out.setTail(split, ...unmatched(input.partition(split), index[split]!, (j, v) => out.addValue(split, j, which, v)));
      return;
    }
    for (const split of fetchOrder(input.getNumPartitions(), order)) {
      input.eachRecord(split, (kv) => {
        const k = kv[0];
        const sk = typeof k === 'object' && k !== null ? structuralKey(k) : k;
        const part = narrow ? split : partitioner.getPartition(k);
        const keys = index[part]!;
        let j = keys.get(sk);
        if (j === undefined) {
          j = out.addKey(part, k);
          keys.set(sk, j);
        }
        out.addValue(part, j, which, kv[1]);
      });
    }
  });
  return out;
}

/**
 * Hands each of `records` whose key `index` has to `matched` (its key index and value), and
 * returns the records with the positions of the others, in order.
 */
function unmatched<K>(
  records: readonly (readonly [K, unknown])[],
  index: Map<unknown, number>,
  matched: (j: number, v: unknown) => void,
): [readonly (readonly [K, unknown])[], Int32Array] {
  const positions = new Int32Array(records.length);
  let count = 0;
  for (let r = 0; r < records.length; r++) {
    const kv = records[r]!;
    const k = kv[0];
    const j = index.size === 0 ? undefined : index.get(typeof k === 'object' && k !== null ? structuralKey(k) : k);
    if (j === undefined) positions[count++] = r;
    else matched(j, kv[1]);
  }
  return [records, positions.subarray(0, count)];
}

/**
 * The order a reduce side fetches the map outputs in: map partition order, or (under an
 * adversarial order) a permutation of it. Spark fetches them as they arrive: no order is promised.
 */
export function fetchOrder(numPartitions: number, order: AdversarialOrder | undefined): number[] {
  return order === undefined ? Array.from({ length: numPartitions }, (_, i) => i) : order.permutation(numPartitions);
}
