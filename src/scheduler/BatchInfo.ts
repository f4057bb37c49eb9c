import type { StreamInputInfo } from '../events/SimEvent';
import type { Time } from '../time/Time';

export type { StreamInputInfo } from '../events/SimEvent';

/**
 * Spark: `OutputOperationInfo`: one output operation of a batch. Times are virtual
 * milliseconds; `startTime`/`endTime` are `undefined` until it starts/ends (Scala's `None`).
 */
export interface OutputOperationInfo {
  readonly batchTime: Time;
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly startTime: number | undefined;
  readonly endTime: number | undefined;
  /** Set when the output operation's job failed. */
  readonly failureReason: string | undefined;
  /** `endTime - startTime` once both are known. */
  readonly duration: number | undefined;
}

/**
 * Spark: `BatchInfo`: a batch as the scheduler saw it, in virtual milliseconds. Delays are
 * `undefined` until the times they need are known (Scala's `None`), as in Spark.
 */
export interface BatchInfo {
  readonly batchTime: Time;
  /** What each input reported, by input stream id (queue streams report nothing, as in Spark). */
  readonly streamIdToInputInfo: ReadonlyMap<number, StreamInputInfo>;
  readonly submissionTime: number;
  readonly processingStartTime: number | undefined;
  readonly processingEndTime: number | undefined;
  /** `processingStartTime - submissionTime`. */
  readonly schedulingDelay: number | undefined;
  /** `processingEndTime - processingStartTime`. */
  readonly processingDelay: number | undefined;
  /** `schedulingDelay + processingDelay`. */
  readonly totalDelay: number | undefined;
  /** Records over all inputs. */
  readonly numRecords: number;
  readonly outputOperationInfos: ReadonlyMap<number, OutputOperationInfo>;
}

/** Spark: `ReceiverInfo`: a receiver as the tracker knows it (`lastErrorTime` is -1 without an error). */
export interface ReceiverInfo {
  readonly streamId: number;
  readonly name: string;
  readonly active: boolean;
  readonly location: string;
  readonly executorId: string;
  readonly lastErrorMessage: string;
  readonly lastError: string;
  readonly lastErrorTime: number;
}

/** Spark: `StreamingListenerStreamingStarted(time)`: the clock time `start()` ran at. */
export interface StreamingListenerStreamingStarted {
  readonly time: number;
}
/** Spark: `StreamingListenerBatchSubmitted(batchInfo)` (also `…BatchStarted`, `…BatchCompleted`). */
export interface StreamingListenerBatchEvent {
  readonly batchInfo: BatchInfo;
}
/** Spark: `StreamingListenerOutputOperationStarted(outputOperationInfo)` (also `…Completed`). */
export interface StreamingListenerOutputOperationEvent {
  readonly outputOperationInfo: OutputOperationInfo;
}
/** Spark: `StreamingListenerReceiverStarted(receiverInfo)` (also `…Error`, `…Stopped`). */
export interface StreamingListenerReceiverEvent {
  readonly receiverInfo: ReceiverInfo;
}
