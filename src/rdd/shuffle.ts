import { structuralKey } from '../util/hashing';
import type { AdversarialOrder } from '../util/AdversarialOrder';
import { isBuiltInHash, type Partitioner } from './Partitioner';

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
  order?: AdversarialOrder,
): [K, C][][] {
  if (isBuiltInHash(partitioner)) return combineByHash(parent, partitioner, agg, mapSideCombine, order);
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

/** One key of {@link combineByHash}: its combiner so far, and the one of the map partition being read. */
class Slot<K, C> {
  /** The combiner over the map partitions folded so far (valid once `part` ≥ 0). */
  acc: C | undefined = undefined;
  /** The combiner of this key in map partition `split`. */
  cur: C | undefined = undefined;
  /** The last map partition this key was seen in. */
  split = -1;
  /** Its reduce partition, once folded there. */
  part = -1;
  constructor(readonly key: K) {}
}

/**
 * {@link shuffleCombine} under a built-in hash partitioner, with the same calls of the user's
 * functions in the same order and the same output: one map from key to {@link Slot} for all map
 * partitions instead of a map per map partition plus one per reduce partition, and the partition
 * of each distinct key asked once (a built-in partitioner places equal keys alike, calling no
 * user code).
 */
function combineByHash<K, V, C>(
  parent: MapSide<readonly [K, V]>,
  partitioner: Partitioner,
  agg: Aggregator<V, C>,
  mapSideCombine: boolean,
  order: AdversarialOrder | undefined,
): [K, C][][] {
  const placed: Slot<K, C>[][] = [];
  for (let i = 0; i < partitioner.numPartitions; i++) placed.push([]);
  const slots = new Map<unknown, Slot<K, C>>();
  const { createCombiner, mergeValue, mergeCombiners } = agg;
  for (const split of fetchOrder(parent.getNumPartitions(), order)) {
    if (mapSideCombine) {
      // Spark's map-side combine: this map partition's combiners, in the order their keys first
      // appear in it, then merged into the reduce side in that order.
      const touched: Slot<K, C>[] = [];
      parent.eachRecord(split, (kv) => {
        const k = kv[0];
        const sk = typeof k === 'object' && k !== null ? structuralKey(k) : k;
        let slot = slots.get(sk);
        if (slot === undefined) {
          slot = new Slot<K, C>(k);
          slots.set(sk, slot);
        }
        if (slot.split !== split) {
          slot.split = split;
          slot.cur = createCombiner(kv[1]);
          touched.push(slot);
        } else slot.cur = mergeValue(slot.cur as C, kv[1]);
      });
      for (let i = 0; i < touched.length; i++) {
        const slot = touched[i]!;
        if (slot.part < 0) {
          slot.part = partitioner.getPartition(slot.key);
          slot.acc = slot.cur;
          placed[slot.part]!.push(slot);
        } else slot.acc = mergeCombiners(slot.acc as C, slot.cur as C);
        slot.cur = undefined;
      }
    } else {
      parent.eachRecord(split, (kv) => {
        const k = kv[0];
        const sk = typeof k === 'object' && k !== null ? structuralKey(k) : k;
        const slot = slots.get(sk);
        if (slot === undefined) {
          const created = new Slot<K, C>(k);
          created.part = partitioner.getPartition(k);
          created.acc = createCombiner(kv[1]);
          slots.set(sk, created);
          placed[created.part]!.push(created);
        } else slot.acc = mergeValue(slot.acc as C, kv[1]);
      });
    }
  }
  const out: [K, C][][] = [];
  for (const list of placed) {
    const records: [K, C][] = [];
    for (let i = 0; i < list.length; i++) records.push([list[i]!.key, list[i]!.acc as C]);
    out.push(records);
  }
  return out;
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
  const n = partitioner.numPartitions;
  const width = inputs.length;
  // Each key's lists are made on its first value (`[v]`, sized to it), the empty ones at the end.
  const buckets: Map<unknown, [K, (unknown[] | undefined)[]]>[] = [];
  for (let i = 0; i < n; i++) buckets.push(new Map());
  inputs.forEach((input, which) => {
    const narrow = partitioner.equals(input.partitioner);
    for (const split of fetchOrder(input.getNumPartitions(), order)) {
      input.eachRecord(split, (kv) => {
        const k = kv[0];
        const sk = typeof k === 'object' && k !== null ? structuralKey(k) : k;
        const bucket = buckets[narrow ? split : partitioner.getPartition(k)]!;
        const e = bucket.get(sk);
        if (e === undefined) {
          const lists: (unknown[] | undefined)[] = width === 2 ? [undefined, undefined] : new Array<undefined>(width).fill(undefined);
          lists[which] = [kv[1]];
          bucket.set(sk, [k, lists]);
        } else {
          const list = e[1][which];
          if (list === undefined) e[1][which] = [kv[1]];
          else list.push(kv[1]);
        }
      });
    }
  });
  const out: [K, unknown[][]][][] = [];
  for (const bucket of buckets) {
    const records: [K, unknown[][]][] = [];
    for (const e of bucket.values()) {
      const lists = e[1];
      for (let w = 0; w < width; w++) if (lists[w] === undefined) lists[w] = [];
      records.push(e as [K, unknown[][]]);
    }
    out.push(records);
  }
  return out;
}

/**
 * The order a reduce side fetches the map outputs in: map partition order, or (under an
 * adversarial order) a permutation of it. Spark fetches them as they arrive: no order is promised.
 */
export function fetchOrder(numPartitions: number, order: AdversarialOrder | undefined): number[] {
  return order === undefined ? Array.from({ length: numPartitions }, (_, i) => i) : order.permutation(numPartitions);
}
