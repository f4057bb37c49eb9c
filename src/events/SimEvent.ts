import type { LifecycleRule } from './LifecycleRules';

/**
 * The engine's event log: one closed, typed union of everything that happens in a simulation, in
 * the order it happened. The CLI, golden transcripts, inspection and (later) visualizations read
 * this log and nothing else. Adding a member is a reviewed design change (see docs/event-log.md).
 *
 * Every event has `seq` (its position in the log, from 0) and `at` (the virtual clock, in ms, when
 * it was recorded). Batch events also carry `batchTime` (ms), which is the scheduled batch time
 * that Spark passes to every function.
 */
export type SimEvent =
  | ContextCreatedEvent
  | ContextStartedEvent
  | ContextStoppedEvent
  | SparkContextStoppedEvent
  | CallRefusedEvent
  | WarningEvent
  | InputDeliveredEvent
  | RddGeneratedEvent
  | BatchSubmittedEvent
  | BatchStartedEvent
  | OutputOperationStartedEvent
  | OutputOperationCompletedEvent
  | BatchCompletedEvent
  | OutputWrittenEvent
  | ErrorReportedEvent
  | WindowComputedEvent
  | StateChangedEvent
  | ReceiverStartedEvent
  | ReceiverErrorEvent
  | ReceiverStoppedEvent
  | TimelineEventApplied
  | ProgramOutputEvent
  | ProgramFailedEvent;

/** Fields every event has. */
export interface EventBase {
  /** Position in the log, from 0. */
  seq: number;
  /** Virtual clock (ms) when the event was recorded. */
  at: number;
}

/** A StreamingContext was constructed. */
export interface ContextCreatedEvent extends EventBase {
  type: 'contextCreated';
  contextId: number;
  batchDurationMs: number;
  flavor: 'pyspark' | 'scala';
}

/** `start()` succeeded. Spark: `onStreamingStarted`. */
export interface ContextStartedEvent extends EventBase {
  type: 'contextStarted';
  contextId: number;
  /** `startTime - batchDuration`; batch k runs at `zeroTime + k × batch`. */
  zeroTimeMs: number;
  /** The first batch time. */
  startTimeMs: number;
  /** The DStream graph as it was started (what `step graph` and the report draw). */
  graph: StreamGraph;
}

/** A context's DStream graph, as data: every stream reachable from an output, outputs first. */
export interface StreamGraph {
  streams: readonly StreamGraphNode[];
  /** The output streams' ids, in registration (output operation) order. */
  outputs: readonly number[];
}

/** One DStream of a {@link StreamGraph}. */
export interface StreamGraphNode {
  id: number;
  /** The stream's name in every event, e.g. `map [2]` or `Queue input [0]`. */
  name: string;
  /** The Spark class it mirrors, e.g. `MappedDStream`. */
  kind: string;
  slideMs: number;
  /** The window length, for windowed streams. */
  windowMs: number | undefined;
  /** The parents' ids. */
  dependencies: readonly number[];
}

/** The context moved to STOPPED. */
export interface ContextStoppedEvent extends EventBase {
  type: 'contextStopped';
  contextId: number;
  stopSparkContext: boolean;
  graceful: boolean;
  /** The state the context was in before this call. */
  previousState: 'INITIALIZED' | 'ACTIVE' | 'STOPPED';
  /** Why: `stop()` by the program, the run horizon, the program's end (shutdown hook), a failed `start()`. */
  reason: 'stop' | 'horizon' | 'exit' | 'startFailed';
}

/** The SparkContext was stopped (by `ssc.stop()` or `sc.stop()`). */
export interface SparkContextStoppedEvent extends EventBase {
  type: 'sparkContextStopped';
  appName: string;
}

/** A call was refused with an error Spark raises (lifecycle rules, validation). */
export interface CallRefusedEvent extends EventBase {
  type: 'callRefused';
  contextId: number | undefined;
  /** The call, e.g. `StreamingContext.start()` or `DStream.map()`. */
  call: string;
  /** The rule that refused it, e.g. `start-after-stop` (see docs/lifecycle.md). */
  rule: LifecycleRule;
  errorName: string;
  errorClass: string;
  message: string;
}

/** A warning Spark logs (e.g. `StreamingContext has already been started`). */
export interface WarningEvent extends EventBase {
  type: 'warning';
  contextId: number | undefined;
  message: string;
}

/** What an input stream delivered for a batch. `records` is `undefined` when it made no RDD. */
export interface InputDeliveredEvent extends EventBase {
  type: 'inputDelivered';
  contextId: number;
  batchTime: number;
  streamId: number;
  streamName: string;
  records: readonly unknown[] | undefined;
  numPartitions: number;
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
}

/** Spark: `onBatchSubmitted`. Only for batches with at least one job. */
export interface BatchSubmittedEvent extends EventBase {
  type: 'batchSubmitted';
  contextId: number;
  batchTime: number;
  numJobs: number;
  /** Records reported by inputs (receivers and test inputs; queue and file streams report 0). */
  numRecords: number;
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

/** Spark: `onReceiverStarted`. */
export interface ReceiverStartedEvent extends EventBase {
  type: 'receiverStarted';
  contextId: number;
  streamId: number;
  name: string;
}

/** Spark: `onReceiverError`: the receiver asked to restart (`message` is Spark's). */
export interface ReceiverErrorEvent extends EventBase {
  type: 'receiverError';
  contextId: number;
  streamId: number;
  name: string;
  message: string;
  /** The error's string form (e.g. `java.net.ConnectException: …`), if any. */
  error: string | undefined;
}

/** Spark: `onReceiverStopped`. */
export interface ReceiverStoppedEvent extends EventBase {
  type: 'receiverStopped';
  contextId: number;
  streamId: number;
  name: string;
  message: string;
}

/**
 * A timeline event took place: lines or bytes sent on a socket (and to how many connections), a
 * connection closed or opened, a file written, records pushed onto a queue.
 */
export interface TimelineEventApplied extends EventBase {
  type: 'timelineEvent';
  source: string;
  kind: 'lines' | 'data' | 'close' | 'open' | 'file' | 'push';
  /** A one-line description, e.g. `2 lines to localhost:9000 (1 connection)`. */
  detail: string;
  /** Set when something could not be delivered (e.g. no receiver connected). */
  undelivered: boolean;
}

/** A line the user's program printed itself (console), when run as a scenario. */
export interface ProgramOutputEvent extends EventBase {
  type: 'programOutput';
  text: string;
}

/** The user's program threw and did not catch it (the run then ends, as the driver would). */
export interface ProgramFailedEvent extends EventBase {
  type: 'programFailed';
  errorName: string;
  message: string;
  /** Where the program threw (`program.ts:3:7`), when known. */
  where: string | undefined;
  /** The failing line with a caret, when known. */
  frame: string | undefined;
}

/** An event before it gets its `seq` and `at`. */
export type SimEventInput = SimEvent extends infer E
  ? E extends SimEvent
    ? Omit<E, 'seq' | 'at'>
    : never
  : never;
