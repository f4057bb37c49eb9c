import type { Pair, RDD } from '../rdd/RDD';
import type { Partitioner } from '../rdd/Partitioner';
import type { Duration } from '../time/Duration';
import type { Time } from '../time/Time';
import { cloneValue } from '../util/cloneValue';
import { DStream } from './internal';

/** `updateStateByKey`'s function: new values of the batch and the old state → new state or none. */
export type UpdateFunction<V, S> = (values: V[], state: S | undefined) => S | undefined | null;

/**
 * Spark (Scala): `updateStateByKey`'s `(Time, K, Seq[V], Option[S]) => Option[S]` function: the
 * batch time and the key too.
 */
export type TimedUpdateFunction<K, V, S> = (time: Time, key: K, values: V[], state: S | undefined) => S | undefined | null;

/**
 * Spark: `StateDStream`'s own `updateFunc: (Time, Iterator[(K, Seq[V], Option[S])]) =>
 * Iterator[(K, S)]`, run once per partition; every `updateStateByKey` overload is adapted to it.
 */
export type StateUpdateFunction<K, V, S> = (time: Time, rows: [K, V[], S | undefined][]) => Pair<K, S>[];

/**
 * Spark: `PairDStreamFunctions.updateStateByKey`'s adapter of a per-key function (`Option[S]`
 * result) to the per-partition one: `undefined`/`null` drops the key; each state is a private copy.
 */
export function perKey<K, V, S>(f: TimedUpdateFunction<K, V, S>): StateUpdateFunction<K, V, S> {
  return (time, rows) => {
    const out: Pair<K, S>[] = [];
    for (const [k, vs, s] of rows) {
      const next = f(time, k, vs, s === undefined ? undefined : cloneValue(s));
      if (next !== undefined && next !== null) out.push([k, next]);
    }
    return out;
  };
}

/**
 * Spark (Scala): `StateDStream`, made by `updateStateByKey`. Every batch the function is called
 * for every key that has state or new data (`[]` when a key has no new data, even when the parent
 * made no RDD); returning `undefined` removes the key. The output is the whole state. Its RDDs
 * keep the partitioner when `preservePartitioning` (Spark's `rememberPartitioner`, true for the
 * overloads without it). Needs a checkpoint directory.
 */
export class StateDStream<K, V, S> extends DStream<Pair<K, S>> {
  constructor(
    private readonly parent: DStream<Pair<K, V>>,
    private readonly updateFunc: StateUpdateFunction<K, V, S>,
    private readonly partitioner: Partitioner,
    private readonly preservePartitioning: boolean,
    private readonly initialRDD: RDD<Pair<K, S>> | undefined,
  ) {
    super(parent.ssc, 'updateStateByKey');
    this.storageLevel = 'MEMORY_ONLY_SER';
    this.mustCheckpoint = true;
  }

  get slideDuration(): Duration {
    return this.parent.slideDuration;
  }

  get dependencies(): readonly DStream<unknown>[] {
    return [this.parent];
  }

  compute(validTime: Time): RDD<Pair<K, S>> | undefined {
    const prev = this.getOrCompute(validTime.minus(this.slideDuration));
    const parentRDD = this.parent.getOrCompute(validTime);
    let result: RDD<Pair<K, S>> | undefined;
    if (prev !== undefined) {
      result =
        parentRDD !== undefined
          ? this.updateCogrouped(validTime, parentRDD, prev)
          : prev.mapPartitions(
              (it) => this.updateFunc(validTime, Array.from(it, ([k, s]): [K, V[], S | undefined] => [k, [], s])),
              this.preservePartitioning,
            );
    } else if (parentRDD !== undefined) {
      result =
        this.initialRDD !== undefined
          ? this.updateCogrouped(validTime, parentRDD, this.initialRDD)
          : parentRDD
              .groupByKey(this.partitioner)
              .mapPartitions(
                (it) => this.updateFunc(validTime, Array.from(it, ([k, vs]): [K, V[], S | undefined] => [k, vs, undefined])),
                this.preservePartitioning,
              );
    }
    if (result !== undefined) this.ssc.inspector.pairState(this, validTime, prev, result);
    return result;
  }

  private updateCogrouped(time: Time, parentRDD: RDD<Pair<K, V>>, stateRDD: RDD<Pair<K, S>>): RDD<Pair<K, S>> {
    return parentRDD
      .cogroup(stateRDD, this.partitioner)
      .mapPartitions(
        (it) => this.updateFunc(time, Array.from(it, ([k, [vs, ss]]): [K, V[], S | undefined] => [k, vs, ss[0]])),
        this.preservePartitioning,
      );
  }
}
