import type { EventBase } from './EventBase';
import type { LifecycleRule } from './LifecycleRules';
import type { StreamGraph } from './StreamGraph';

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
  /** A graceful stop's steps, as Spark logs them (the stop waited in virtual time for these). */
  gracefulLog?: readonly string[];
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
