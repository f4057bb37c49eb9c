import { RecurringTimer } from '../util/RecurringTimer';
import { TimerPriority } from '../util/Clock';
import { Time } from '../time/Time';
import type { SchedulerRuntime } from './SchedulerRuntime';
import type { JobScheduler } from './JobScheduler';

/**
 * The events the job generator handles, in one `switch` (Spark: `JobGeneratorEvent`). The union
 * is closed. Spark's fourth event, `ClearCheckpointData`, deletes old checkpoint files after a
 * checkpoint is written; no files are written yet, so it is not modelled.
 */
export type JobGeneratorEvent =
  | { type: 'GenerateJobs'; time: Time }
  | { type: 'ClearMetadata'; time: Time }
  | { type: 'DoCheckpoint'; time: Time };

/**
 * Spark: `JobGenerator`. A recurring timer on the virtual clock posts `GenerateJobs(t)` at every
 * batch time; events are handled one at a time, in the order posted.
 */
export class JobGenerator {
  private timer: RecurringTimer | undefined;
  private readonly queue: JobGeneratorEvent[] = [];
  private draining = false;
  private stopped = false;
  /** Spark: `lastProcessedBatch`: the latest batch whose jobs all completed. */
  private lastProcessedBatch = -Infinity;

  constructor(
    private readonly ssc: SchedulerRuntime,
    private readonly scheduler: JobScheduler,
  ) {}

  /** Spark: `startFirstTime`: first batch at the next multiple of the batch after now. */
  start(): { zeroTime: Time; startTime: Time } {
    const batch = this.ssc.graph.batchDuration;
    this.timer = new RecurringTimer(
      this.ssc.clock,
      batch.milliseconds,
      (ms) => this.post({ type: 'GenerateJobs', time: new Time(ms) }),
      TimerPriority.BATCH,
    );
    const startTime = new Time(this.timer.getStartTime());
    const zeroTime = startTime.minus(batch);
    this.ssc.graph.start(zeroTime);
    this.timer.start(startTime.milliseconds);
    return { zeroTime, startTime };
  }

  /** Stop the timer and drop pending events (Spark: immediate stop). */
  stop(): void {
    this.stopped = true;
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
    if (this.stopped) return;
    this.queue.push(event);
    if (this.draining) return;
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
        return this.doCheckpoint(event.time);
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
      this.post({ type: 'DoCheckpoint', time });
      return;
    }
    this.scheduler.submitJobSet(time, jobs);
    this.post({ type: 'DoCheckpoint', time });
  }

  /** Spark: `clearMetadata(time)`: every stream forgets RDDs older than its remember duration. */
  private clearMetadata(time: Time): void {
    this.ssc.graph.clearMetadata(time);
    const maxRemember = this.ssc.graph.maxInputRememberMs();
    this.scheduler.inputInfoTracker.cleanup(time.milliseconds - maxRemember);
    this.scheduler.receivedBlockTracker.cleanupOldBatches(time.milliseconds - maxRemember);
  }

  /**
   * Spark: `doCheckpoint`: the RDDs marked in this batch are checkpointed (materialized, lineage
   * cut; kept in memory). No metadata checkpoint files are written yet.
   */
  private doCheckpoint(time: Time): void {
    this.scheduler.checkpoint(this.scheduler.markedForCheckpoint.splice(0), time);
  }
}
