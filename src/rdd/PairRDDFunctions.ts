import { cloneValue } from '../util/cloneValue';
import { structuralKey } from '../util/hashing';
import { hashPartitioner, type PartitionFunc } from './Partitioner';
import type { Pair, PartitionSpec, RDD } from './RDD';
import { fetchOrder, packedCogroup, shuffleCombine, type Aggregator } from './shuffle';
import type { ShuffleOutput } from './ShuffleOutput';

/**
 * Spark: `PairRDDFunctions` (PySpark: the same methods on `RDD`): the key/value operations, on
 * RDDs of 2-element arrays. `RDD` delegates its pair methods here.
 */
export const PairRDDFunctions = {
  /** Spark: `combineByKey` with map-side combining and a hash partitioner. */
  combineByKey<K, V, C>(
    rdd: RDD<Pair<K, V>>,
    createCombiner: (v: V) => C,
    mergeValue: (c: C, v: V) => C,
    mergeCombiners: (a: C, b: C) => C,
    partitions: PartitionSpec | undefined,
    mapSideCombine: boolean,
  ): RDD<Pair<K, C>> {
    const partitioner = rdd.partitionerFor(partitions);
    const agg: Aggregator<V, C> = { createCombiner, mergeValue, mergeCombiners };
    return rdd.shuffled(
      partitioner.numPartitions,
      () => shuffleCombine(rdd, partitioner, agg, mapSideCombine, rdd.context.adversarialOrder),
      partitioner,
    );
  },

  /** Spark: `groupByKey`: each key with the array of its values (no map-side combine). */
  groupByKey<K, V>(rdd: RDD<Pair<K, V>>, partitions?: PartitionSpec): RDD<Pair<K, V[]>> {
    return PairRDDFunctions.combineByKey<K, V, V[]>(
      rdd,
      (v) => [v],
      (c, v) => (c.push(v), c),
      (a, b) => a.concat(b),
      partitions,
      false,
    );
  },

  /** Spark: `partitionBy(partitioner)`; PySpark: `partitionBy(numPartitions, partitionFunc)`. */
  partitionBy<K, V>(
    rdd: RDD<Pair<K, V>>,
    partitions: PartitionSpec,
    partitionFunc?: (key: K) => number,
  ): RDD<Pair<K, V>> {
    const partitioner =
      typeof partitions === 'number'
        ? hashPartitioner(rdd.context.flavor, partitions, partitionFunc as PartitionFunc | undefined)
        : partitions;
    if (partitioner.equals(rdd.partitioner)) return rdd;
    return rdd.shuffled(
      partitioner.numPartitions,
      () => {
        const out: Pair<K, V>[][] = Array.from({ length: partitioner.numPartitions }, () => []);
        const parts = rdd.partitions();
        for (const split of fetchOrder(parts.length, rdd.context.adversarialOrder)) for (const kv of parts[split]!) out[partitioner.getPartition(kv[0])]!.push(kv);
        return out;
      },
      partitioner,
    );
  },

  /** Spark: `flatMapValues` (keeps the partitioner). */
  flatMapValues<K, V, U>(rdd: RDD<Pair<K, V>>, f: (v: V) => Iterable<U>): RDD<Pair<K, U>> {
    return rdd.recordStep<Pair<K, U>>((emit) => ([k, v]) => {
      for (const u of f(v)) emit([k, u]);
    }, true);
  },

  /** Spark: `cogroup(other)`: each key with `[valuesHere, valuesThere]`. */
  cogroup<K, V, W>(rdd: RDD<Pair<K, V>>, other: RDD<Pair<K, W>>, partitions?: PartitionSpec): RDD<Pair<K, [V[], W[]]>> {
    const partitioner = rdd.partitionerFor(partitions, other);
    return rdd.shuffled(
      partitioner.numPartitions,
      () => packedCogroup<K>([rdd, other], partitioner, rdd.context.adversarialOrder) as unknown as ShuffleOutput<Pair<K, [V[], W[]]>>,
      partitioner,
    );
  },

  /** Spark: `join`: `[k, [v, w]]` for every pair of values of a key present in both. */
  join<K, V, W>(rdd: RDD<Pair<K, V>>, other: RDD<Pair<K, W>>, partitions?: PartitionSpec): RDD<Pair<K, [V, W]>> {
    return joined(rdd, other, partitions, (vs, ws, out: [V, W][]) => {
      for (const v of vs) for (const w of ws) out.push([v, w]);
    });
  },

  /** Spark: `leftOuterJoin`: a missing right side is `undefined` (Scala `None`). */
  leftOuterJoin<K, V, W>(
    rdd: RDD<Pair<K, V>>,
    other: RDD<Pair<K, W>>,
    partitions?: PartitionSpec,
  ): RDD<Pair<K, [V, W | undefined]>> {
    return joined(rdd, other, partitions, (vs, ws, out: [V, W | undefined][]) => {
      for (const v of vs) {
        if (ws.length === 0) out.push([v, undefined]);
        else for (const w of ws) out.push([v, w]);
      }
    });
  },

  /** Spark: `rightOuterJoin`: a missing left side is `undefined`. */
  rightOuterJoin<K, V, W>(
    rdd: RDD<Pair<K, V>>,
    other: RDD<Pair<K, W>>,
    partitions?: PartitionSpec,
  ): RDD<Pair<K, [V | undefined, W]>> {
    return joined(rdd, other, partitions, (vs, ws, out: [V | undefined, W][]) => {
      for (const w of ws) {
        if (vs.length === 0) out.push([undefined, w]);
        else for (const v of vs) out.push([v, w]);
      }
    });
  },

  /** Spark: `fullOuterJoin`: either side may be `undefined`. */
  fullOuterJoin<K, V, W>(
    rdd: RDD<Pair<K, V>>,
    other: RDD<Pair<K, W>>,
    partitions?: PartitionSpec,
  ): RDD<Pair<K, [V | undefined, W | undefined]>> {
    return joined(rdd, other, partitions, (vs, ws, out: [V | undefined, W | undefined][]) => {
      if (vs.length === 0) for (const w of ws) out.push([undefined, w]);
      else if (ws.length === 0) for (const v of vs) out.push([v, undefined]);
      else for (const v of vs) for (const w of ws) out.push([v, w]);
    });
  },

  /**
   * Spark: `subtractByKey`: the records whose key `other` lacks. PySpark:
   * `cogroup(other, numPartitions)` keeping keys with values only here (its default partitions);
   * Scala: a `SubtractedRDD` over this RDD's partitioner, else `HashPartitioner(partitions)`.
   */
  subtractByKey<K, V, W>(rdd: RDD<Pair<K, V>>, other: RDD<Pair<K, W>>, partitions?: PartitionSpec): RDD<Pair<K, V>> {
    const spec = partitions ?? (rdd.context.flavor === 'scala' ? (rdd.partitioner ?? rdd.getNumPartitions()) : undefined);
    const grouped = PairRDDFunctions.cogroup(rdd, other, spec).filter(([, [vs, ws]]) => vs.length > 0 && ws.length === 0);
    return PairRDDFunctions.flatMapValues(grouped, ([vs]) => vs);
  },

  /**
   * Spark: `aggregateByKey(zero)(seqOp, combOp)`: `combineByKey` whose combiner starts from a
   * fresh copy of `zero` (PySpark: `copy.deepcopy(zeroValue)`).
   */
  aggregateByKey<K, V, U>(
    rdd: RDD<Pair<K, V>>,
    zero: U,
    seqOp: (acc: U, v: V) => U,
    combOp: (a: U, b: U) => U,
    partitions?: PartitionSpec,
  ): RDD<Pair<K, U>> {
    return PairRDDFunctions.combineByKey(rdd, (v: V) => seqOp(cloneValue(zero), v), seqOp, combOp, partitions, true);
  },

  /** Spark: `foldByKey(zero)(func)` = `aggregateByKey(zero, func, func)`. */
  foldByKey<K, V>(rdd: RDD<Pair<K, V>>, zero: V, f: (a: V, b: V) => V, partitions?: PartitionSpec): RDD<Pair<K, V>> {
    return PairRDDFunctions.aggregateByKey(rdd, zero, f, f, partitions);
  },

  /**
   * Spark: `reduceByKeyLocally(func)`: a Map from each key to its reduced value, computed on the
   * driver: each partition reduced into a dict, the dicts merged in partition order (keys in
   * first-seen order; equal arrays are one key).
   */
  reduceByKeyLocally<K, V>(rdd: RDD<Pair<K, V>>, f: (a: V, b: V) => V): Map<K, V> {
    const merged = new Map<unknown, [K, V]>();
    const perPartition = rdd.mapPartitions((it) => {
      const m = new Map<unknown, [K, V]>();
      for (const [k, v] of it) {
        const sk = structuralKey(k);
        const e = m.get(sk);
        if (e === undefined) m.set(sk, [k, v]);
        else e[1] = f(e[1], v);
      }
      return [m];
    });
    for (const m of perPartition.collect()) {
      for (const [sk, [k, v]] of m) {
        const e = merged.get(sk);
        if (e === undefined) merged.set(sk, [k, v]);
        else e[1] = f(e[1], v);
      }
    }
    return new Map([...merged.values()]);
  },

  /**
   * Spark: `lookup(key)`: the values of `key`, in record order. With a partitioner only the
   * partition that holds the key is computed.
   */
  lookup<K, V>(rdd: RDD<Pair<K, V>>, key: K): V[] {
    const sk = structuralKey(key);
    const values = rdd.filter(([k]) => structuralKey(k) === sk).values();
    if (rdd.partitioner === undefined) return values.collect();
    const p = rdd.partitioner.getPartition(key);
    return values.derive(1, () => values.partition(p)).collect();
  },
};

/** Cogroup, then let `pairUp` turn each key's two value lists into joined values. */
function joined<K, V, W, J>(
  rdd: RDD<Pair<K, V>>,
  other: RDD<Pair<K, W>>,
  partitions: PartitionSpec | undefined,
  pairUp: (vs: V[], ws: W[], out: J[]) => void,
): RDD<Pair<K, J>> {
  return PairRDDFunctions.flatMapValues(PairRDDFunctions.cogroup(rdd, other, partitions), ([vs, ws]) => {
    const out: J[] = [];
    pairUp(vs, ws, out);
    return out;
  });
}
