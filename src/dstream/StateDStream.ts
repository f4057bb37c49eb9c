import type { Pair, RDD } from '../rdd/RDD';
import type { Partitioner } from '../rdd/Partitioner';
import type { Duration } from '../time/Duration';
import type { Time } from '../time/Time';
import type { CogroupOutput } from '../rdd/ShuffleOutput';
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
 * Spark (Scala): `StateDStream`, made by `updateStateByKey`. Every batch the function is called
 * for every key that has state or new data (`[]` when a key has no new data, even when the parent
 * made no RDD); returning `undefined` removes the key. The output is the whole state. Its RDDs
 * keep the partitioner when `preservePartitioning` (Spark's `rememberPartitioner`, true for the
 * overloads without it). Needs a checkpoint directory.
 */
export class StateDStream<K, V, S> extends DStream<Pair<K, S>> {
  constructor(
    private readonly parent: DStream<Pair<K, V>>,
    private readonly updateFunc: TimedUpdateFunction<K, V, S>,
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
          : prev.narrow((p) => {
              const out: Pair<K, S>[] = [];
              for (let i = 0; i < p.length; i++) this.updateKey(out, validTime, p[i]![0], [], p[i]![1]);
              return out;
            }, this.preservePartitioning);
    } else if (parentRDD !== undefined) {
      result =
        this.initialRDD !== undefined
          ? this.updateCogrouped(validTime, parentRDD, this.initialRDD)
          : parentRDD.groupByKey(this.partitioner).narrow((p) => {
              const out: Pair<K, S>[] = [];
              for (let i = 0; i < p.length; i++) this.updateKey(out, validTime, p[i]![0], p[i]![1], undefined);
              return out;
            }, this.preservePartitioning);
    }
    if (result !== undefined) {
      result.uniqueKeys = true; // one record per key of the cogroup (or grouping): each key once
      this.ssc.inspector.pairState(this, validTime, prev, result);
    }
    return result;
  }

  /**
   * Spark: `StateDStream`'s `cogroup(prevState, partitioner)` then `mapPartitions`, the function
   * called per key with its values and its first state (`headOption`).
   */
  private updateCogrouped(time: Time, parentRDD: RDD<Pair<K, V>>, stateRDD: RDD<Pair<K, S>>): RDD<Pair<K, S>> {
    const cogrouped = parentRDD.cogroup(stateRDD, this.partitioner);
    // As `cogrouped.narrow(f, preservePartitioning)`, reading the cogroup's output packed (no
    // record or list built per key: the state is every key, every batch). `cogrouped` is this
    // method's own shuffle RDD, never cached, checkpointed or observed: it always reads afresh.
    return cogrouped.derive(
      cogrouped.getNumPartitions(),
      (i) => {
        const out: Pair<K, S>[] = [];
        const [output, permutation] = cogrouped.shuffleOutput!(i)!;
        const packed = output as unknown as CogroupOutput<K>;
        const n = packed.size(i);
        for (let m = 0; m < n; m++) {
          const j = permutation === undefined ? m : permutation[m]!;
          const unchanged = packed.tailRecordOf(i, j) as Pair<K, S> | undefined;
          if (unchanged !== undefined) this.updateWithoutValues(out, time, unchanged);
          else this.updateKey(out, time, packed.key(i, j) as K, packed.values(i, 0, j) as V[], packed.firstValue(i, 1, j) as S | undefined);
        }
        return out;
      },
      this.preservePartitioning ? cogrouped.partitioner : undefined,
    );
  }

  /**
   * Spark: `PairDStreamFunctions.updateStateByKey`'s per-key adapter (`Option[S]` result): the
   * state the function returns is kept (`undefined`/`null` drops the key); it gets a private copy
   * of the old state (a primitive is passed as it is).
   */
  private updateKey(out: Pair<K, S>[], time: Time, k: K, vs: V[], s: S | undefined): void {
    const next = this.updateFunc(time, k, vs, s === undefined ? undefined : cloneValue(s));
    if (next !== undefined && next !== null) out.push([k, next]);
  }

  /**
   * {@link updateKey} for a key of the old state without new values: when the function returns
   * the same primitive state, the old record is kept instead of a new one (an unchanged key costs
   * no allocation; an object state is always a copy, so it never matches).
   */
  private updateWithoutValues(out: Pair<K, S>[], time: Time, old: Pair<K, S>): void {
    const s = old[1];
    const next = this.updateFunc(time, old[0], [], cloneValue(s));
    if (next === s) out.push(old);
    else if (next !== undefined && next !== null) out.push([old[0], next]);
  }
}
