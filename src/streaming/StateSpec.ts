import type { Pair, RDD } from '../rdd/RDD';
import type { HashPartitioner, Partitioner } from '../rdd/Partitioner';
import { toDuration, type Seconds } from '../time/convert';
import type { Duration } from '../time/Duration';
import type { Time } from '../time/Time';
import type { State } from './State';

/** `(key, value, state) => mapped`: Spark's simple form; every call emits exactly one record. */
export type SimpleMappingFunction<K, V, S, M> = (key: K, value: V | undefined, state: State<S>) => M;

/** `(time, key, value, state) => mapped | undefined`: Spark's full form; `undefined` emits nothing. */
export type TimedMappingFunction<K, V, S, M> = (
  time: Time,
  key: K,
  value: V | undefined,
  state: State<S>,
) => M | undefined;

/**
 * Everything `mapWithState` needs. Spark: `StateSpec`. Build it with
 * `StateSpec.function(fn)` and chain `.initialState(rdd)`, `.numPartitions(n)`,
 * `.partitioner(p)`, `.timeout(seconds)`.
 */
export class StateSpec<K, V, S, M> {
  /** @internal */ initialStateRDD: RDD<Pair<K, S>> | undefined;
  /** @internal */ partitionerValue: Partitioner | number | undefined;
  /** @internal */ timeoutInterval: Duration | undefined;

  private constructor(
    /** @internal Spark's internal form: `(time, key, value, state) => records to emit`. */
    readonly mappingFunction: (time: Time, key: K, value: V | undefined, state: State<S>) => M[],
  ) {}

  /**
   * Spark: `StateSpec.function`. A 3-argument function `(key, value, state)` emits one record per
   * call; a 4-argument one `(time, key, value, state)` emits its result unless it is `undefined`.
   */
  static function<K, V, S, M>(fn: SimpleMappingFunction<K, V, S, M>): StateSpec<K, V, S, M>;
  static function<K, V, S, M>(fn: TimedMappingFunction<K, V, S, M>): StateSpec<K, V, S, M>;
  static function<K, V, S, M>(
    fn: SimpleMappingFunction<K, V, S, M> | TimedMappingFunction<K, V, S, M>,
  ): StateSpec<K, V, S, M> {
    if (fn.length >= 4) {
      const f = fn as TimedMappingFunction<K, V, S, M>;
      return new StateSpec<K, V, S, M>((t, k, v, s) => {
        const r = f(t, k, v, s);
        return r === undefined ? [] : [r];
      });
    }
    const f = fn as SimpleMappingFunction<K, V, S, M>;
    return new StateSpec<K, V, S, M>((_t, k, v, s) => [f(k, v, s)]);
  }

  /** Spark: `initialState(rdd)`: the states of the first batch. */
  initialState(rdd: RDD<Pair<K, S>>): this {
    this.initialStateRDD = rdd;
    return this;
  }

  /** Spark: `numPartitions(n)`: hash-partition the state into n partitions. */
  numPartitions(n: number): this {
    this.partitionerValue = n;
    return this;
  }

  /** Spark: `partitioner(p)`. */
  partitioner(p: Partitioner | HashPartitioner): this {
    this.partitionerValue = p;
    return this;
  }

  /**
   * Spark: `timeout(idleDuration)` (seconds): a key idle for longer is called once more with
   * `state.isTimingOut()` true and removed — checked only on checkpoint batches, as in Spark.
   */
  timeout(idleDuration: Seconds): this {
    this.timeoutInterval = toDuration(idleDuration, 'StateSpec.timeout', 'idleDuration');
    return this;
  }
}
