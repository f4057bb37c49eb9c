import type { EventBase } from './EventBase';

/** What an input stream delivered for a batch. `records` is `undefined` when it made no RDD. */
export interface InputDeliveredEvent extends EventBase {
  type: 'inputDelivered';
  contextId: number;
  batchTime: number;
  streamId: number;
  streamName: string;
  records: readonly unknown[] | undefined;
  numPartitions: number;
  /** How many of `records` each partition holds, in order (empty when there is no RDD). */
  partitionSizes: readonly number[];
}

/** The RDD a DStream generated for a batch time (opt-in, see `ssc.inspect()`). */
export interface RddGeneratedEvent extends EventBase {
  type: 'rddGenerated';
  contextId: number;
  batchTime: number;
  streamId: number;
  streamName: string;
  records: readonly unknown[];
  numPartitions: number;
  /** How many of `records` each partition holds, in order. */
  partitionSizes: readonly number[];
}

/** Which batch times (and records, when inspected) made up a window (see `ssc.inspect()`). */
export interface WindowComputedEvent extends EventBase {
  type: 'windowComputed';
  contextId: number;
  batchTime: number;
  streamId: number;
  streamName: string;
  windowMs: number;
  slideMs: number;
  /** The parent batch times the window covers: `(batchTime - window, batchTime]`. */
  batchTimes: readonly number[];
  records: readonly unknown[] | undefined;
}

/** How a stateful stream's state changed in one batch (see `ssc.inspect()`). */
export interface StateChangedEvent extends EventBase {
  type: 'stateChanged';
  contextId: number;
  batchTime: number;
  streamId: number;
  streamName: string;
  added: readonly (readonly [unknown, unknown])[];
  updated: readonly (readonly [unknown, unknown, unknown])[];
  removed: readonly (readonly [unknown, unknown])[];
  timedOut: readonly (readonly [unknown, unknown])[];
  /** The whole state after the batch, as `[key, state]` pairs. */
  after: readonly (readonly [unknown, unknown])[];
}
