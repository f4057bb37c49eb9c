import type { SchedulerRuntime } from './SchedulerRuntime';
import type { Time } from '../time/Time';
import { InputInfoTracker } from './InputInfoTracker';
import { ReceivedBlockTracker } from './ReceivedBlockTracker';
import { JobGenerator } from './JobGenerator';
import type { Job } from './Job';
import type { RDD } from '../rdd/RDD';
import { isCostly, jobDurationMs } from '../env/CostModel';
import { TimerPriority, type TimerHandle } from '../util/Clock';

/** Spark: `JobSet`: one batch's jobs as they run. */
interface JobSet {
  time: Time;
  /** Records the batch's inputs reported. */
  records: number;
  remaining: number;
  failed: number;
  started: boolean;
  /** RDDs to checkpoint when the batch completes (jobs with a declared cost). */
  checkpoint?: RDD<unknown>[];
}

/**
 * Spark: `JobScheduler`. Runs each batch's jobs in output-operation order, posts the listener
 * events, and reports errors to the context's waiter. Without a declared cost processing takes no
 * virtual time; with one (env/CostModel) jobs queue FIFO on `spark.streaming.concurrentJobs` slots
 * (default 1) and each ends after its cost (docs/processing-time.md).
 */
export class JobScheduler {
  readonly inputInfoTracker = new InputInfoTracker();
  /** Spark: the ReceiverTracker's `ReceivedBlockTracker`. */
  readonly receivedBlockTracker = new ReceivedBlockTracker();
  readonly jobGenerator: JobGenerator;
  // Stryker disable next-line BooleanLiteral: stop() before start() follows only a failed start, when nothing was started (stopping is then a no-op)
  private running = false;
  /** RDDs marked for checkpointing in the current batch (Spark: checkpointed after the jobs). */
  readonly markedForCheckpoint: RDD<unknown>[] = [];
  /** The job being run, if any (output operations read it to label what they print). */
  currentJob: Job | undefined;
  /** Jobs waiting for a free slot (with a declared cost), in submission order. */
  private readonly queued: { job: Job; set: JobSet }[] = [];
  private runningJobs = 0;
  private readonly inFlight = new Set<TimerHandle>();
  /** Batch times submitted and not completed (Spark: the keys of `jobSets`). */
  private readonly pending = new Set<number>();

  constructor(private readonly ssc: SchedulerRuntime) {
    this.jobGenerator = new JobGenerator(ssc, this);
  }

  start(): { zeroTime: Time; startTime: Time } {
    this.running = true;
    try {
      return this.jobGenerator.start();
    } catch (e) {
      this.stop();
      throw e;
    }
  }

  /**
   * Spark: `JobScheduler.stop(processAllReceivedData)`. A graceful stop first stops the receivers,
   * then lets virtual time pass until what they received has been processed (see
   * `JobGenerator.stopGracefully`); then, as an immediate stop, drops what is still queued.
   * Returns Spark's log lines of a graceful stop.
   */
  stop(graceful = false): string[] {
    // Stryker disable next-line ConditionalExpression,ArrayDeclaration: as for `running` above; that caller ignores the result
    if (!this.running) return [];
    let log: string[] = [];
    if (graceful) {
      this.ssc.graph.stop(); // Spark: receiverTracker.stop(graceful) comes first
      const r = this.jobGenerator.stopGracefully();
      log = r.log;
      if (r.timedOut) this.ssc.warn(`Timed out while stopping the job generator (timeout = ${this.ssc.gracefulStopTimeoutMs})`);
    }
    this.running = false;
    // Immediate stop: queued jobs are dropped, running ones never complete (Spark: shutdownNow).
    this.queued.length = 0;
    for (const h of this.inFlight) this.ssc.clock.cancel(h);
    this.inFlight.clear();
    this.jobGenerator.stop();
    this.ssc.graph.stop();
    return log;
  }

  /**
   * Spark: `submitJobSet` + `JobHandler`: post `batchSubmitted` and run the batch's jobs. Without
   * a declared cost every job takes no time and runs at once; with one, jobs queue in FIFO order
   * on `spark.streaming.concurrentJobs` slots and each ends after its cost in virtual time.
   */
  submitJobSet(time: Time, jobs: Job[]): void {
    if (jobs.length === 0) return; // Spark: "No jobs added for time <t>" (no batch events)
    jobs.forEach((job, i) => (job.outputOpId = i));
    const batchTime = time.milliseconds;
    this.ssc.post({
      type: 'batchSubmitted',
      contextId: this.ssc.contextId,
      batchTime,
      numJobs: jobs.length,
      numRecords: this.inputInfoTracker.numRecords(batchTime),
      inputInfos: this.inputInfoTracker.getInfo(batchTime),
      outputOpNames: jobs.map((j) => j.outputName),
    });
    this.pending.add(batchTime);
    const set: JobSet = { time, remaining: jobs.length, failed: 0, started: false, records: this.inputInfoTracker.numRecords(batchTime) };
    if (!isCostly(this.ssc.cost)) {
      for (const job of jobs) {
        if (!this.running) return;
        this.startJob(job, set);
        this.finishJob(job, set);
      }
      return;
    }
    // The batch's RDDs marked for checkpointing are checkpointed after its jobs (as in Spark).
    set.checkpoint = this.markedForCheckpoint.splice(0);
    for (const job of jobs) this.queued.push({ job, set });
    this.runQueued();
  }

  /** Start queued jobs while a slot is free (Spark: the `jobExecutor` thread pool). */
  private runQueued(): void {
    const slots = Math.max(1, this.ssc.concurrentJobs);
    while (this.running && this.runningJobs < slots && this.queued.length > 0) {
      const { job, set } = this.queued.shift()!;
      this.runningJobs++;
      this.startJob(job, set);
      const ms = jobDurationMs(this.ssc.cost, {
        batchTime: set.time.milliseconds,
        outputOpId: job.outputOpId,
        outputName: job.outputName,
        records: set.records,
        lineage: job.lineage,
      });
      const end = this.ssc.clock.schedule(
        this.ssc.clock.now() + ms,
        () => {
          this.inFlight.delete(end);
          this.runningJobs--;
          if (!this.running) return;
          this.finishJob(job, set);
          this.runQueued();
        },
        TimerPriority.JOB_END,
      );
      this.inFlight.add(end);
    }
  }

  /** `JobHandler.run`, first half: the batch starts with its first job; the job's work runs now. */
  private startJob(job: Job, set: JobSet): void {
    const ctx = this.ssc.contextId;
    const batchTime = set.time.milliseconds;
    if (!set.started) {
      set.started = true;
      this.ssc.post({ type: 'batchStarted', contextId: ctx, batchTime });
    }
    this.ssc.post({ type: 'outputOperationStarted', contextId: ctx, batchTime, outputOpId: job.outputOpId, name: job.outputName });
    this.currentJob = job;
    try {
      job.run();
    } finally {
      this.currentJob = undefined;
    }
  }

  /** `JobHandler.run`, second half: the job completes; the batch completes with its last job. */
  private finishJob(job: Job, set: JobSet): void {
    const ctx = this.ssc.contextId;
    const batchTime = set.time.milliseconds;
    const result = job.result!;
    if (!result.ok) set.failed++;
    this.ssc.post({
      type: 'outputOperationCompleted',
      contextId: ctx,
      batchTime,
      outputOpId: job.outputOpId,
      name: job.outputName,
      failureReason: result.ok ? undefined : describeError(result.error),
    });
    set.remaining--;
    const last = set.remaining === 0;
    if (last) this.pending.delete(batchTime);
    if (last) this.ssc.post({ type: 'batchCompleted', contextId: ctx, batchTime, failedJobs: set.failed });
    if (last && set.checkpoint !== undefined) this.checkpoint(set.checkpoint, set.time);
    if (!result.ok) this.reportError(`Error running job ${job}`, result.error, 'job', set.time);
    else if (last && this.running) this.jobGenerator.onBatchCompletion(set.time);
  }

  /** Spark: `getPendingTimes()`: batches submitted and not yet completed, in time order. */
  getPendingTimes(): number[] {
    return [...this.pending].sort((a, b) => a - b);
  }

  /** Spark: `RDD.doCheckpoint` after a job: materialize the marked RDDs and cut their lineage. */
  checkpoint(marked: readonly RDD<unknown>[], time: Time): void {
    for (const rdd of marked) {
      try {
        rdd.doCheckpoint();
      } catch (e) {
        // The failure was (or will be) reported by the job that computes the RDD.
        this.ssc.warn(`Could not checkpoint RDD ${rdd.id} for time ${time}: ${String(e)}`);
      }
    }
  }

  /** Spark: `reportError(msg, e)`: log it and wake `awaitTermination`, which rethrows `e`. */
  reportError(context: string, error: unknown, phase: 'generation' | 'job', time: Time): void {
    const location = this.ssc.locateUserCode(error);
    this.ssc.post({
      type: 'errorReported',
      contextId: this.ssc.contextId,
      batchTime: time.milliseconds,
      phase,
      context,
      errorName: error instanceof Error ? error.name : typeof error,
      message: error instanceof Error ? error.message : String(error),
      error,
      where: location?.where,
      frame: location?.frame,
    });
    this.ssc.notifyError(error);
  }
}

/** Spark's failure reason: the exception's string form (`Error: …`, `java.lang.…: …`). */
export function describeError(e: unknown): string {
  return String(e);
}
