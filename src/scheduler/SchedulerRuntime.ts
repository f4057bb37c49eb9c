import type { SimEventInput } from '../events/SimEvent';
import type { Duration } from '../time/Duration';
import type { Time } from '../time/Time';
import type { Clock } from '../util/Clock';
import type { Job } from './Job';
import type { CostModel } from '../env/CostModel';

/**
 * What the JobScheduler and JobGenerator need from their context (the port `StreamingContext`
 * implements): the clock, the graph, where events, warnings and errors go.
 */
export interface SchedulerRuntime {
  readonly contextId: number;
  readonly clock: Clock;
  readonly graph: JobGraph;
  /** Record an event in the log. */
  post(event: SimEventInput): void;
  /** Log a warning Spark would log. */
  warn(message: string): void;
  /** Spark: `ContextWaiter.notifyError`: `awaitTermination*` rethrows it. */
  notifyError(error: unknown): void;
  /** How long jobs take in virtual time (undefined: no time). */
  readonly cost: CostModel | undefined;
  /** Spark: `spark.streaming.concurrentJobs` (default 1): jobs run side by side. */
  readonly concurrentJobs: number;
  /** Spark: `spark.streaming.gracefulStopTimeout` in ms (default 10 batch intervals). */
  readonly gracefulStopTimeoutMs: number;
  /**
   * Let virtual time pass, firing due timers in order, until `done()` or `deadlineMs` (a graceful
   * stop waits this way); returns whether `done()` held.
   */
  passTimeUntil(done: () => boolean, deadlineMs: number): boolean;
  /** Where the user's code threw `error`, when the runner knows the program. */
  locateUserCode(error: unknown): { where: string; frame: string } | undefined;
  /** Spark: `shouldCheckpoint`: a checkpoint directory is set (metadata checkpoints are written). */
  readonly shouldCheckpoint: boolean;
  /** Spark: `ssc.checkpointDuration` in ms (the batch, or the recovered checkpoint's). */
  readonly checkpointDurationMs: number;
  /** Spark: `checkpointWriter.write(new Checkpoint(ssc, time))`: write a metadata checkpoint. */
  writeCheckpoint(time: Time, pendingTimesMs: readonly number[]): void;
  /** Spark: `ssc.isCheckpointPresent` / `initialCheckpoint`: the checkpoint this context was recovered from. */
  readonly recovered: RecoveredCheckpoint | undefined;
  /** Report the batches a restart reschedules (Spark's three `JobGenerator.restart` log lines). */
  reportRestart(restart: RestartPlan): void;
}

/** What JobGenerator.restart needs from the checkpoint a context was recovered from. */
export interface RecoveredCheckpoint {
  checkpointTimeMs: number;
  zeroTimeMs: number;
  startTimeMs: number;
  pendingTimesMs: readonly number[];
  /** Spark: `graph.restoreCheckpointData()`: put the streams' checkpointed RDDs and files back. */
  restoreStreams(): void;
}

/** Spark's `JobGenerator.restart` plan (times in ms). */
export interface RestartPlan {
  checkpointTimeMs: number;
  restartTimeMs: number;
  downTimesMs: number[];
  pendingTimesMs: number[];
  rescheduledMs: number[];
}

/** The part of Spark's `DStreamGraph` the scheduler drives. */
export interface JobGraph {
  readonly batchDuration: Duration;
  /** Spark: `graph.start(zeroTime)`. */
  start(zeroTime: Time): void;
  /** A recovered graph starts again: initialized with the checkpoint's zero and start times. */
  restart(zeroTime: Time, startTime: Time): void;
  /** Spark: `graph.zeroTime` (set by start). */
  readonly zeroTime: Time | undefined;
  /** Spark: `graph.stop()`. */
  stop(): void;
  /** Spark: `graph.generateJobs(time)`: one job per output operation that has one. */
  generateJobs(time: Time): Job[];
  /** Spark: `graph.clearMetadata(time)`. */
  clearMetadata(time: Time): void;
  /** The longest remember duration of the inputs (ms): older input metadata is dropped. */
  maxInputRememberMs(): number;
}
