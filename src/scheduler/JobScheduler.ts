import type { SchedulerRuntime } from './SchedulerRuntime';
import type { Time } from '../time/Time';
import { InputInfoTracker } from './InputInfoTracker';
import { ReceivedBlockTracker } from './ReceivedBlockTracker';
import { JobGenerator } from './JobGenerator';
import type { Job } from './Job';
import type { RDD } from '../rdd/RDD';

/**
 * Spark: `JobScheduler`. Runs each batch's jobs in output-operation order, one at a time
 * (`spark.streaming.concurrentJobs = 1`), posts the listener events, and reports errors to the
 * context's waiter. Processing takes no virtual time.
 */
export class JobScheduler {
  readonly inputInfoTracker = new InputInfoTracker();
  /** Spark: the ReceiverTracker's `ReceivedBlockTracker`. */
  readonly receivedBlockTracker = new ReceivedBlockTracker();
  readonly jobGenerator: JobGenerator;
  private running = false;
  /** RDDs marked for checkpointing in the current batch (Spark: checkpointed after the jobs). */
  readonly markedForCheckpoint: RDD<unknown>[] = [];
  /** The job being run, if any (output operations read it to label what they print). */
  currentJob: Job | undefined;

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

  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.jobGenerator.stop();
    this.ssc.graph.stop();
  }

  /** Spark: `submitJobSet` + `JobHandler`: run the batch's jobs and post their events. */
  submitJobSet(time: Time, jobs: Job[]): void {
    if (jobs.length === 0) return; // Spark: "No jobs added for time <t>" (no batch events)
    jobs.forEach((job, i) => (job.outputOpId = i));
    const ctx = this.ssc.contextId;
    const batchTime = time.milliseconds;
    this.ssc.post({
      type: 'batchSubmitted',
      contextId: ctx,
      batchTime,
      numJobs: jobs.length,
      numRecords: this.inputInfoTracker.numRecords(batchTime),
      inputInfos: this.inputInfoTracker.getInfo(batchTime),
      outputOpNames: jobs.map((j) => j.outputName),
    });
    this.ssc.post({ type: 'batchStarted', contextId: ctx, batchTime });
    let failed = 0;
    for (let i = 0; i < jobs.length; i++) {
      if (!this.running) return;
      const job = jobs[i]!;
      this.ssc.post({
        type: 'outputOperationStarted',
        contextId: ctx,
        batchTime,
        outputOpId: job.outputOpId,
        name: job.outputName,
      });
      this.currentJob = job;
      try {
        job.run();
      } finally {
        this.currentJob = undefined;
      }
      const result = job.result!;
      if (!result.ok) failed++;
      this.ssc.post({
        type: 'outputOperationCompleted',
        contextId: ctx,
        batchTime,
        outputOpId: job.outputOpId,
        name: job.outputName,
        failureReason: result.ok ? undefined : describeError(result.error),
      });
      const last = i === jobs.length - 1;
      if (last) this.ssc.post({ type: 'batchCompleted', contextId: ctx, batchTime, failedJobs: failed });
      if (!result.ok) this.reportError(`Error running job ${job}`, result.error, 'job', time);
      else if (last && this.running) this.jobGenerator.onBatchCompletion(time);
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
