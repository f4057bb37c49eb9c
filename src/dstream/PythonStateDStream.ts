import type { Pair, RDD } from '../rdd/RDD';
import type { Duration } from '../time/Duration';
import type { Time } from '../time/Time';
import { cloneValue } from '../util/cloneValue';
import { DStream, type UpdateFunction } from './internal';

/**
 * Spark: `PythonStateDStream` (PySpark `updateStateByKey`). Unlike Scala, when the parent made no
 * RDD the previous state is kept **without** calling the function. `None` (`undefined`) removes a
 * key; falsy states such as 0 or `[]` are kept. Needs a checkpoint directory.
 */
export class PythonStateDStream<K, V, S> extends DStream<Pair<K, S>> {
  constructor(
    private readonly parent: DStream<Pair<K, V>>,
    private readonly updateFunc: UpdateFunction<V, S>,
    private readonly numPartitions: number,
    private readonly initialRDD: RDD<Pair<K, S>> | undefined,
    /**
     * PySpark's `reduceFunc(t, a, b)` when it is Python's own (a `.py` program): given, it replaces
     * the built-in one made from `updateFunc`.
     */
    private readonly reduceFunc?: (state: RDD<Pair<K, S>> | undefined, batch: RDD<Pair<K, V>>, time: Time) => RDD<Pair<K, S>>,
  ) {
    super(parent.ssc, 'updateStateByKey');
    this.storageLevel = 'MEMORY_ONLY';
    this.mustCheckpoint = true;
  }

  get slideDuration(): Duration {
    return this.parent.slideDuration;
  }

  get dependencies(): readonly DStream<unknown>[] {
    return [this.parent];
  }

  compute(validTime: Time): RDD<Pair<K, S>> | undefined {
    const lastState = this.getOrCompute(validTime.minus(this.slideDuration));
    const rdd = this.parent.getOrCompute(validTime);
    if (rdd === undefined) return lastState;
    const result =
      this.reduceFunc !== undefined
        ? this.reduceFunc(lastState ?? this.initialRDD, rdd, validTime)
        : this.reduceState(lastState ?? this.initialRDD, rdd);
    this.ssc.inspector.pairState(this, validTime, lastState, result);
    return result;
  }

  /** PySpark's `reduceFunc(t, a, b)` inside `updateStateByKey`. */
  private reduceState(a: RDD<Pair<K, S>> | undefined, b: RDD<Pair<K, V>>): RDD<Pair<K, S>> {
    const n = this.numPartitions;
    const rows: RDD<Pair<K, [V[], S | undefined]>> =
      a === undefined
        ? b.groupByKey(n).mapValues((vs): [V[], S | undefined] => [vs, undefined])
        : a.cogroup(b.partitionBy(n), n).mapValues(([ss, vs]): [V[], S | undefined] => [vs, ss[0]]);
    const f = this.updateFunc;
    return rows
      .mapValues(([vs, s]) => f(vs, s === undefined ? undefined : cloneValue(s)))
      .filter((kv) => kv[1] !== undefined && kv[1] !== null) as RDD<Pair<K, S>>;
  }
}
