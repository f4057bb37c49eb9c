import type { Flavor } from '../conf/Flavor';
import type { SparkContext } from '../core/SparkContext';
import type { LifecycleRule } from '../events/LifecycleRules';
import type { StreamInputInfo } from '../events/SimEvent';
import type { Pair, RDD } from '../rdd/RDD';
import type { ReceivedBlock } from '../receiver/BlockGenerator';
import type { ReceiverRuntime } from '../receiver/ReceiverRuntime';
import type { Duration } from '../time/Duration';
import type { Interval } from '../time/Interval';
import type { Time } from '../time/Time';
import type { DirectoryCalls } from '../util/directoryCalls';
import type { FacadeOf } from '../util/facades';
import type { DStream, ForEachDStream, InputDStream, MapWithStateRecord } from './internal';

/**
 * What a DStream needs from its context: the narrow port that `StreamingContext` implements, so
 * that no kind reaches into the facade (Spark's kinds use `ssc`, `ssc.graph` and
 * `ssc.scheduler`; here they use only this).
 */
export interface StreamingRuntime extends ReceiverRuntime {
  /** The public facade, for `DStream.context()` (see util/facades.ts). */
  readonly facade: FacadeOf<'streamingContext', StreamingRuntime>;
  readonly flavor: Flavor;
  readonly sparkContext: SparkContext;
  /** The batch interval. */
  readonly batchDuration: Duration;
  /** The first batch time, once started (Spark: `graph.startTime`). */
  readonly startTime: Time | undefined;
  /** The directory relative paths resolve against (the simulated JVM's working directory). */
  readonly cwd: string;
  /** How file streams list directories (the simulated JVM's; node's `fs` unless a test gave others). */
  readonly directoryCalls: DirectoryCalls;
  /** The time zone of PySpark's printed batch times. */
  readonly timeZone: string;
  /** What the event log records about streams. */
  readonly inspector: StreamInspector;
  /** True while the context is ACTIVE (storage levels and checkpoint intervals are fixed). */
  isActive(): boolean;
  /** Spark: `DStream.validateAtInit`: nothing may be added after start or stop. */
  validateAtInit(call: string): void;
  /** Record that a call was refused under a lifecycle rule; returns the error to throw. */
  refuse<E>(call: string, rule: LifecycleRule, error: E): E;
  /** A per-context id for a new DStream. */
  nextStreamId(): number;
  /** Spark: `graph.addInputStream`; returns the input id (from 0). */
  addInputStream(stream: InputDStream<unknown>): number;
  /** Spark: `graph.addOutputStream`. */
  addOutputStream(stream: ForEachDStream<unknown>): void;
  /** An RDD marked for checkpointing in this batch (Spark checkpoints it after the jobs). */
  markForCheckpoint(rdd: RDD<unknown>): void;
  /** Spark: `InputInfoTracker.reportInfo`: what an input delivered for a batch. */
  reportInputInfo(time: Time, info: StreamInputInfo): void;
  /** Spark: `receivedBlockTracker.getBlocksOfBatch(time)` for one input. */
  blocksOfBatch(time: Time, inputId: number): readonly ReceivedBlock<unknown>[];
  /**
   * Write an output operation's text to stdout and the event log, with the records it shows
   * (`truncated` when there were more).
   */
  writeOutput(text: string, records: readonly unknown[], truncated: boolean): void;
}

/** Turns what streams computed into inspection events (when `ssc.inspect()` asked for them). */
export interface StreamInspector {
  /** An input delivered `rdd` (or no RDD) for `time`. */
  input(stream: InputDStream<unknown>, time: Time, rdd: RDD<unknown> | undefined): void;
  /** An inspected stream generated an RDD. */
  generated(stream: DStream<unknown>, time: Time, rdd: RDD<unknown>): void;
  /** A window stream computed its RDD for `time` over the parent batches in `covered`. */
  window(
    stream: DStream<unknown>,
    time: Time,
    windowDuration: Duration,
    covered: Interval | undefined,
    parent: DStream<unknown>,
    result: RDD<unknown>,
  ): void;
  /** An updateStateByKey stream computed its state for `time`. */
  pairState<K, S>(stream: DStream<unknown>, time: Time, prev: RDD<Pair<K, S>> | undefined, next: RDD<Pair<K, S>>): void;
  /** A mapWithState stream computed its state for `time`. */
  mapWithState<K, S, M>(
    stream: DStream<unknown>,
    time: Time,
    prev: RDD<MapWithStateRecord<K, S, M>> | undefined,
    next: RDD<MapWithStateRecord<K, S, M>>,
  ): void;
}
