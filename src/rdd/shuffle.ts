import { structuralKey } from '../util/hashing';
import type { AdversarialOrder } from '../util/AdversarialOrder';
import type { Partitioner } from './Partitioner';

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
  parentPartitions: readonly (readonly (readonly [K, V])[])[],
  partitioner: Partitioner,
  agg: Aggregator<V, C>,
  mapSideCombine: boolean,
  order?: AdversarialOrder,
): [K, C][][] {
  const n = partitioner.numPartitions;
  const buckets: Map<unknown, [K, C]>[] = [];
  for (let i = 0; i < n; i++) buckets.push(new Map());
  for (const part of fetchOrder(parentPartitions, order)) {
    if (mapSideCombine) {
      const local = new Map<unknown, [K, C]>();
      for (const [k, v] of part) {
        const sk = structuralKey(k);
        const e = local.get(sk);
        if (e === undefined) local.set(sk, [k, agg.createCombiner(v)]);
        else e[1] = agg.mergeValue(e[1], v);
      }
      for (const [sk, e] of local) {
        const bucket = buckets[partitioner.getPartition(e[0])]!;
        const cur = bucket.get(sk);
        if (cur === undefined) bucket.set(sk, e);
        else cur[1] = agg.mergeCombiners(cur[1], e[1]);
      }
    } else {
      for (const [k, v] of part) {
        const sk = structuralKey(k);
        const bucket = buckets[partitioner.getPartition(k)]!;
        const cur = bucket.get(sk);
        if (cur === undefined) bucket.set(sk, [k, agg.createCombiner(v)]);
        else cur[1] = agg.mergeValue(cur[1], v);
      }
    }
  }
  return buckets.map((b) => [...b.values()]);
}

/** Spark: `CoGroupedRDD`: for each key, the list of its values in each input, by partition. */
export function shuffleCogroup<K>(
  inputs: readonly (readonly (readonly (readonly [K, unknown])[])[])[],
  partitioner: Partitioner,
  order?: AdversarialOrder,
): [K, unknown[][]][][] {
  const n = partitioner.numPartitions;
  const buckets: Map<unknown, [K, unknown[][]]>[] = [];
  for (let i = 0; i < n; i++) buckets.push(new Map());
  inputs.forEach((partitions, which) => {
    for (const part of fetchOrder(partitions, order)) {
      for (const [k, v] of part) {
        const sk = structuralKey(k);
        const bucket = buckets[partitioner.getPartition(k)]!;
        let e = bucket.get(sk);
        if (e === undefined) {
          e = [k, inputs.map(() => [])];
          bucket.set(sk, e);
        }
        e[1][which]!.push(v);
      }
    }
  });
  return buckets.map((b) => [...b.values()]);
}

/**
 * The order a reduce side fetches the map outputs in: map partition order, or (under an
 * adversarial order) a permutation of it. Spark fetches them as they arrive: no order is promised.
 */
export function fetchOrder<P>(parentPartitions: readonly P[], order: AdversarialOrder | undefined): readonly P[] {
  return order === undefined ? parentPartitions : order.shuffle(parentPartitions);
}
