import type { EventBase } from './EventBase';

/**
 * Spark: `StreamInputInfo`: what one input reported to the `InputInfoTracker` for a batch.
 * Receivers report their records; file streams report 0 records and the files they picked
 * (`metadata.files`, and `Description`, one file per line); queue streams report nothing.
 */
export interface StreamInputInfo {
  inputStreamId: number;
  numRecords: number;
  metadata: Readonly<Record<string, unknown>>;
}

/** Spark: `onBatchSubmitted`. Only for batches with at least one job. */
export interface BatchSubmittedEvent extends EventBase {
  type: 'batchSubmitted';
  contextId: number;
  batchTime: number;
  numJobs: number;
  /** Records reported by inputs (the sum over `inputInfos`). */
  numRecords: number;
  /** Spark: `BatchInfo.streamIdToInputInfo`, by input stream id. */
  inputInfos: readonly StreamInputInfo[];
  /** The names of the batch's output operations, by output operation id. */
  outputOpNames: readonly string[];
}

/** Spark: `onBatchStarted`. */
export interface BatchStartedEvent extends EventBase {
  type: 'batchStarted';
  contextId: number;
  batchTime: number;
}

/** Spark: `onOutputOperationStarted`. */
export interface OutputOperationStartedEvent extends EventBase {
  type: 'outputOperationStarted';
  contextId: number;
  batchTime: number;
  outputOpId: number;
  name: string;
}

/** Spark: `onOutputOperationCompleted`; `failureReason` is set when the job failed. */
export interface OutputOperationCompletedEvent extends EventBase {
  type: 'outputOperationCompleted';
  contextId: number;
  batchTime: number;
  outputOpId: number;
  name: string;
  failureReason: string | undefined;
}

/** Spark: `onBatchCompleted` (also when a job failed). */
export interface BatchCompletedEvent extends EventBase {
  type: 'batchCompleted';
  contextId: number;
  batchTime: number;
  failedJobs: number;
}

/**
 * What an output operation printed (`pprint`): the text exactly as it went to stdout, and the
 * records it shows. The one output channel: stdout, transcripts, matchers and the stepper read it.
 */
export interface OutputWrittenEvent extends EventBase {
  type: 'outputWritten';
  contextId: number;
  batchTime: number;
  outputOpId: number;
  text: string;
  /** The records the text shows, in order (at most `num` of pprint's; `...` marks more). */
  records: readonly unknown[];
  /** True when the output had more records than it shows (pprint's `...`). */
  truncated: boolean;
}

/**
 * An error reported to the context's waiter (`awaitTermination*` rethrows it). Spark:
 * `JobScheduler.reportError`; `phase` tells job generation from job execution.
 */
export interface ErrorReportedEvent extends EventBase {
  type: 'errorReported';
  contextId: number;
  batchTime: number;
  phase: 'generation' | 'job';
  /** Spark's log message, e.g. `Error generating jobs for time 1000 ms`. */
  context: string;
  errorName: string;
  message: string;
  error: unknown;
  /** Where the user's code threw it (`program.ts:6:29`), when the runner knows the program. */
  where: string | undefined;
  /** The failing line of the user's code with a caret, when known. */
  frame: string | undefined;
}
