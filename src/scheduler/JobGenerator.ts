import { RecurringTimer } from '../util/RecurringTimer';
import { TimerPriority } from '../util/Clock';
import { Time } from '../time/Time';
import type { SchedulerRuntime } from './SchedulerRuntime';
import type { JobScheduler } from './JobScheduler';

/**
 * The events the job generator handles, in one `switch` (Spark: `JobGeneratorEvent`). The union
 * is closed. Spark's fourth event, `ClearCheckpointData`, deletes old RDD checkpoint files after a
 * metadata checkpoint is written; the simulator keeps checkpointed RDDs inside the metadata
 * checkpoint file (docs/checkpoints.md), so there is nothing for it to delete.
 */
export type JobGeneratorEvent =
  | { type: 'GenerateJobs'; time: Time }
  | { type: 'ClearMetadata'; time: Time }
  | { type: 'DoCheckpoint'; time: Time; clearCheckpointDataLater: boolean };

/**
 * Spark: `JobGenerator`. A recurring timer on the virtual clock posts `GenerateJobs(t)` at every
 * batch time; events are handled one at a time, in the order posted.
 */
export class JobGenerator {
  private timer: RecurringTimer | undefined;
  // Stryker disable next-line ArrayDeclaration: a bogus initial element is dropped by the switch's default branch, unnoticed
  private readonly queue: JobGeneratorEvent[] = [];
  private draining = false;
  private stopped = false;
  /** Spark: `lastProcessedBatch`: the latest batch whose jobs all completed. */
  private lastProcessedBatch = -Infinity;

  constructor(
    private readonly ssc: SchedulerRuntime,
    private readonly scheduler: JobScheduler,
  ) {}

  /** Batch times a restart still has to run (Spark submits them in `restart()`; see {@link runRescheduled}). */
  private rescheduled: number[] = [];

  /**
   * Spark: `JobGenerator.start`: `restart()` when the context was recovered from a checkpoint,
   * else `startFirstTime`: first batch at the next multiple of the batch after now.
   */
  start(): { zeroTime: Time; startTime: Time } {
    const batch = this.ssc.graph.batchDuration;
    this.timer = new RecurringTimer(
      this.ssc.clock,
      batch.milliseconds,
      (ms) => this.post({ type: 'GenerateJobs', time: new Time(ms) }),
      TimerPriority.BATCH,
    );
    if (this.ssc.recovered !== undefined) return this.restart(this.timer);
    const startTime = new Time(this.timer.getStartTime());
    const zeroTime = startTime.minus(batch);
    this.ssc.graph.start(zeroTime);
    this.timer.start(startTime.milliseconds);
    return { zeroTime, startTime };
  }

  /**
   * Spark: `JobGenerator.restart()`: the graph comes back with the checkpoint's zero time and its
   * checkpoint data; `restartTime` is the next batch time after now; the batches to reschedule
   * are the checkpoint's pending times plus the down times `[checkpointTime, restartTime)` by
   * batch, before restartTime, distinct and sorted. The checkpointed batch itself is among the
   * down times: it runs again (so an output operation can see a batch twice, as on Spark). The
   * timer restarts at restartTime; the rescheduled batches run once the context is ACTIVE.
   */
  private restart(timer: RecurringTimer): { zeroTime: Time; startTime: Time } {
    const cp = this.ssc.recovered!;
    const batchMs = this.ssc.graph.batchDuration.milliseconds;
    const zero = cp.zeroTimeMs;
    this.ssc.graph.restart(new Time(zero), new Time(cp.startTimeMs));
    cp.restoreStreams();
    // Spark: RecurringTimer.getRestartTime(zeroTime)
    const restartTimeMs = (Math.floor((this.ssc.clock.now() - zero) / batchMs) + 1) * batchMs + zero;
    const downTimesMs: number[] = [];
    for (let t = cp.checkpointTimeMs; t < restartTimeMs; t += batchMs) downTimesMs.push(t);
    const pendingTimesMs = [...cp.pendingTimesMs].sort((a, b) => a - b);
    const rescheduledMs = [...new Set([...pendingTimesMs, ...downTimesMs])].filter((t) => t < restartTimeMs).sort((a, b) => a - b);
    this.ssc.reportRestart({ checkpointTimeMs: cp.checkpointTimeMs, restartTimeMs, downTimesMs, pendingTimesMs, rescheduledMs });
    this.rescheduled = [...rescheduledMs];
    timer.start(restartTimeMs);
    return { zeroTime: new Time(zero), startTime: new Time(restartTimeMs) };
  }

  /**
   * Spark: the rescheduled batches of `restart()`, each with its blocks allocated and its jobs
   * submitted (`submitJobSet(JobSet(time, graph.generateJobs(time)))`), in time order.
   */
  runRescheduled(): void {
    const times = this.rescheduled.splice(0);
    for (const ms of times) {
      if (this.stopped) return;
      const time = new Time(ms);
      let jobs;
      try {
        this.scheduler.receivedBlockTracker.allocateBlocksToBatch(ms);
        jobs = this.ssc.graph.generateJobs(time);
      } catch (e) {
        this.scheduler.markedForCheckpoint.length = 0;
        this.scheduler.reportError(`Error generating jobs for time ${time}`, e, 'generation', time);
        continue;
      }
      this.scheduler.submitJobSet(time, jobs);
      this.scheduler.checkpoint(this.scheduler.markedForCheckpoint.splice(0), time);
    }
  }

  /** Stop the timer and drop pending events (Spark: immediate stop). */
  stop(): void {
    this.stopped = true;
    // Stryker disable next-line OptionalChaining: stop() is reached only after start() made the timer (JobScheduler.stop returns early otherwise)
    this.timer?.stop();
    this.queue.length = 0;
  }

  /**
   * Spark: `stop(processReceivedData = true)`, in virtual time: wait until every received block
   * is in a batch, let the timer fire once more and stop it, then wait until that batch has been
   * processed — all within `spark.streaming.gracefulStopTimeout` from the call. Returns Spark's
   * log lines (info) and whether it timed out; the caller then stops as usual.
   */
  stopGracefully(): { log: string[]; timedOut: boolean } {
    const log: string[] = [];
    const deadline = this.ssc.clock.now() + this.ssc.gracefulStopTimeoutMs;
    log.push('Waiting for all received blocks to be consumed for job generation');
    let ok = this.ssc.passTimeUntil(() => !this.scheduler.receivedBlockTracker.hasUnallocatedBlocks(), deadline);
    if (ok) log.push('Waited for all received blocks to be consumed for job generation');
    const timer = this.timer;
    let stopTime = -Infinity;
    if (ok && timer !== undefined) {
      // RecurringTimer.stop(interruptTimer = false): the waiting tick still fires, and the loop
      // fires once more before it ends (Spark's RecurringTimerSuite, SPARK-10224): two more batches.
      const last = timer.nextTickMs + this.ssc.graph.batchDuration.milliseconds;
      ok = this.ssc.passTimeUntil(() => timer.nextTickMs > last, deadline);
      stopTime = timer.stop();
      log.push(`Stopped generation timer`);
    }
    if (ok) {
      log.push('Waiting for jobs to be processed and checkpoints to be written');
      ok = this.ssc.passTimeUntil(() => this.lastProcessedBatch >= stopTime, deadline);
      if (ok) log.push('Waited for jobs to be processed and checkpoints to be written');
    }
    return { log, timedOut: !ok };
  }

  /** Spark: `onBatchCompletion(time)`: posts `ClearMetadata(time)`; remembers the last batch processed. */
  onBatchCompletion(time: Time): void {
    this.lastProcessedBatch = Math.max(this.lastProcessedBatch, time.milliseconds);
    this.post({ type: 'ClearMetadata', time });
  }

  private post(event: JobGeneratorEvent): void {
    // Stryker disable next-line ConditionalExpression: also guarded by the drain loop below (an event posted after stop() is never handled)
    if (this.stopped) return;
    this.queue.push(event);
    // Nested handling would only swap the two DoCheckpoint events of a batch, which do the same
    // work (clearCheckpointDataLater is unused): no observable difference today.
    // Stryker disable next-line ConditionalExpression: see above
    if (this.draining) return;
    // Stryker disable next-line BooleanLiteral: see above
    this.draining = true;
    try {
      while (this.queue.length > 0 && !this.stopped) this.processEvent(this.queue.shift()!);
    } finally {
      this.draining = false;
    }
  }

  private processEvent(event: JobGeneratorEvent): void {
    switch (event.type) {
      case 'GenerateJobs':
        return this.generateJobs(event.time);
      case 'ClearMetadata':
        return this.clearMetadata(event.time);
      case 'DoCheckpoint':
        return this.doCheckpoint(event.time, event.clearCheckpointDataLater);
      // Stryker disable next-line ConditionalExpression,BlockStatement: unreachable; the compile-time exhaustiveness check of the closed union
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  }

  /**
   * Spark: `generateJobs(time)`: generate every output's job; an exception here is reported and
   * the whole batch runs no job. Then `DoCheckpoint(time)` is posted.
   */
  private generateJobs(time: Time): void {
    let jobs;
    try {
      this.scheduler.receivedBlockTracker.allocateBlocksToBatch(time.milliseconds);
      jobs = this.ssc.graph.generateJobs(time);
    } catch (e) {
      this.scheduler.markedForCheckpoint.length = 0; // no job ran on them (Spark checkpoints after jobs)
      this.scheduler.reportError(`Error generating jobs for time ${time}`, e, 'generation', time);
      // Stryker disable next-line BooleanLiteral: clearCheckpointDataLater is unused (nothing to delete, see JobGeneratorEvent)
      this.post({ type: 'DoCheckpoint', time, clearCheckpointDataLater: false });
      return;
    }
    this.scheduler.submitJobSet(time, jobs);
    // Stryker disable next-line BooleanLiteral: clearCheckpointDataLater is unused (nothing to delete, see JobGeneratorEvent)
    this.post({ type: 'DoCheckpoint', time, clearCheckpointDataLater: false });
  }

  /**
   * Spark: `clearMetadata(time)`: every stream forgets RDDs older than its remember duration; with
   * checkpointing on, `DoCheckpoint(time, clearCheckpointDataLater = true)` follows (a second
   * checkpoint of the batch, now completed).
   */
  private clearMetadata(time: Time): void {
    this.ssc.graph.clearMetadata(time);
    // Without checkpointing, an extra DoCheckpoint writes nothing and the batch's first one took its
    // marked RDDs; only an RDD marked later (slice() inside a costed job) would be checkpointed
    // sooner, so a mutant dropping the condition survives (accepted, docs/mutation-testing.md).
    // Stryker disable next-line BooleanLiteral: clearCheckpointDataLater is unused (nothing to delete, see JobGeneratorEvent)
    if (this.ssc.shouldCheckpoint) this.post({ type: 'DoCheckpoint', time, clearCheckpointDataLater: true });
    const maxRemember = this.ssc.graph.maxInputRememberMs();
    // A batch's input infos are read only when it is submitted, right after its generation, so
    // which old batches this forgets is not observable (memory only).
    // Stryker disable next-line ArithmeticOperator: see above
    this.scheduler.inputInfoTracker.cleanup(time.milliseconds - maxRemember);
    this.scheduler.receivedBlockTracker.cleanupOldBatches(time.milliseconds - maxRemember);
  }

  /**
   * Spark: `doCheckpoint(time, clearCheckpointDataLater)`: the RDDs marked in this batch are
   * checkpointed (materialized, lineage cut; Spark does it at the end of their jobs), then, with
   * checkpointing on and `(time − zeroTime)` a multiple of the checkpoint duration, a metadata
   * checkpoint is written (`checkpoint-<time>`, docs/checkpoints.md).
   */
  private doCheckpoint(time: Time, _clearCheckpointDataLater: boolean): void {
    this.scheduler.checkpoint(this.scheduler.markedForCheckpoint.splice(0), time);
    const zero = this.ssc.graph.zeroTime;
    // Spark's guards, kept as Spark writes them; here writeCheckpoint itself does nothing without a
    // directory, the graph has a zero time once started, and the checkpoint duration is the batch
    // (Spark's default; zero time and batch times are multiples of it), so none can be observed.
    // Stryker disable next-line ConditionalExpression,LogicalOperator: see above
    if (!this.ssc.shouldCheckpoint || zero === undefined) return;
    // Stryker disable next-line ConditionalExpression,ArithmeticOperator: see above
    if ((time.milliseconds - zero.milliseconds) % this.ssc.checkpointDurationMs !== 0) return;
    this.ssc.writeCheckpoint(time, this.scheduler.getPendingTimes());
  }
}
