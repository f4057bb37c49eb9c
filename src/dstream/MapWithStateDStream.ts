import type { Pair, RDD } from '../rdd/RDD';
import { RDD as RDDClass } from '../rdd/RDD';
import { hashPartitioner, type Partitioner } from '../rdd/Partitioner';
import { State } from '../streaming/State';
import type { StateSpec } from '../streaming/StateSpec';
import type { Duration } from '../time/Duration';
import type { Time } from '../time/Time';
import { cloneValue } from '../util/cloneValue';
import { structuralKey } from '../util/hashing';
import { StateMap } from '../util/StateMap';
import { DStream } from './internal';

export type { StateEntry } from '../util/StateMap';

/** One partition of a state RDD: the state map after the batch and the records mapped in it. */
export interface MapWithStateRecord<K, S, M> {
  stateMap: StateMap<K, S>;
  mapped: M[];
  timedOut: Pair<K, S>[];
}

/**
 * Spark: `InternalMapWithStateDStream` (with `MapWithStateRDD`): per batch and partition, call
 * the mapping function for each record in data order, then — only on checkpoint batches, i.e.
 * every 10 batches by default — call it once more for each key idle for longer than the timeout
 * (strictly) and remove those keys. Needs a checkpoint directory.
 */
export class InternalMapWithStateDStream<K, V, S, M> extends DStream<MapWithStateRecord<K, S, M>> {
  private readonly partitioner: Partitioner;

  constructor(
    private readonly parent: DStream<Pair<K, V>>,
    private readonly spec: StateSpec<K, V, S, M>,
  ) {
    super(parent.ssc, 'mapWithState');
    const p = spec.partitionerValue;
    this.partitioner =
      p === undefined
        ? hashPartitioner(parent.flavor, parent.ssc.sparkContext.defaultParallelism)
        : typeof p === 'number'
          ? hashPartitioner(parent.flavor, p)
          : p;
    this.storageLevel = 'MEMORY_ONLY';
    this.mustCheckpoint = true;
  }

  get slideDuration(): Duration {
    return this.parent.slideDuration;
  }

  get dependencies(): readonly DStream<unknown>[] {
    return [this.parent];
  }

  /** Spark: mapWithState's default checkpoint interval is 10 × the slide. */
  protected override defaultCheckpointDuration(): Duration {
    return this.slideDuration.times(10);
  }

  compute(validTime: Time): RDD<MapWithStateRecord<K, S, M>> | undefined {
    const sc = this.ssc.sparkContext;
    const n = this.partitioner.numPartitions;
    const prev = this.getOrCompute(validTime.minus(this.slideDuration));
    const prevMaps = (i: number): StateMap<K, S> => {
      if (prev !== undefined) return prev.partition(i)[0]!.stateMap;
      const initial = StateMap.empty<K, S>();
      const rdd = this.spec.initialStateRDD;
      if (rdd !== undefined) {
        for (const [k, s] of rdd.partitionBy(this.partitioner).partition(i)) {
          initial.put(structuralKey(k), { key: k, state: s, updateTimeMs: validTime.milliseconds });
        }
      }
      return initial;
    };
    const data = (this.parent.getOrCompute(validTime) ?? sc.emptyRDD<Pair<K, V>>()).partitionBy(this.partitioner);
    const timeout = this.spec.timeoutInterval;
    const threshold = timeout === undefined ? undefined : validTime.milliseconds - timeout.milliseconds;
    const cp = this.checkpointDuration;
    const fullScan = validTime.minus(this.zeroTime!).isMultipleOf(cp!); // initialize() sets the interval of a stream that must checkpoint
    const fn = this.spec.mappingFunction;
    const result = new RDDClass<MapWithStateRecord<K, S, M>>(
      sc,
      n,
      (i) => {
        const stateMap = prevMaps(i).copy(); // a delta over the previous batch's map: costs what it touches
        const mapped: M[] = [];
        const timedOut: Pair<K, S>[] = [];
        const state = new State<S>();
        for (const [k, v] of data.partition(i)) {
          const sk = structuralKey(k);
          const entry = stateMap.get(sk);
          state.wrap(entry !== undefined, entry === undefined ? undefined : cloneValue(entry.state));
          mapped.push(...fn(validTime, k, v, state));
          if (state.isRemoved()) stateMap.remove(sk);
          else if (state.isUpdated() || (state.exists() && threshold !== undefined)) {
            stateMap.put(sk, { key: k, state: state.get(), updateTimeMs: validTime.milliseconds });
          }
        }
        if (fullScan && threshold !== undefined) {
          for (const [sk, e] of stateMap.entries()) {
            if (e.updateTimeMs < threshold) {
              state.wrapTimingOut(cloneValue(e.state));
              mapped.push(...fn(validTime, e.key, undefined, state));
              timedOut.push([e.key, e.state]);
              stateMap.remove(sk);
            }
          }
        }
        return [{ stateMap, mapped, timedOut }];
      },
      this.partitioner,
    );
    this.ssc.inspector.mapWithState(this, validTime, prev, result);
    return result;
  }
}

/**
 * Spark: `MapWithStateDStream`, returned by `mapWithState`: the records mapped in each batch.
 * `stateSnapshots()` gives the whole state (`[key, state]` pairs) after each batch.
 */
export class MapWithStateDStream<K, V, S, M> extends DStream<M> {
  private readonly internal: InternalMapWithStateDStream<K, V, S, M>;

  constructor(parent: DStream<Pair<K, V>>, spec: StateSpec<K, V, S, M>) {
    super(parent.ssc, 'mapWithState');
    this.internal = new InternalMapWithStateDStream(parent, spec);
  }

  get slideDuration(): Duration {
    return this.internal.slideDuration;
  }

  get dependencies(): readonly DStream<unknown>[] {
    return [this.internal];
  }

  compute(validTime: Time): RDD<M> | undefined {
    return this.internal.getOrCompute(validTime)!.flatMap((r) => r.mapped); // the state stream makes an RDD every batch
  }

  /** Spark: `stateSnapshots()`: all `[key, state]` pairs after each batch. */
  stateSnapshots(): DStream<Pair<K, S>> {
    return this.internal.flatMap((r): Pair<K, S>[] => r.stateMap.pairs());
  }

  /** Spark: `MapWithStateDStream.checkpoint` forwards to the internal state stream. */
  override checkpoint(intervalSeconds: number): this {
    this.internal.checkpoint(intervalSeconds);
    return this;
  }
}
