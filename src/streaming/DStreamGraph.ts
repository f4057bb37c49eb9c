import { requireThat } from '../errors';
import type { Job } from '../scheduler/Job';
import type { JobGraph } from '../scheduler/SchedulerRuntime';
import type { Duration } from '../time/Duration';
import type { Time } from '../time/Time';
import type { DStream } from '../dstream/DStream';
import type { ForEachDStream } from '../dstream/ForEachDStream';
import type { InputDStream } from '../dstream/InputDStream';

/**
 * The graph of a context's streams: its inputs and its outputs, in registration order.
 * Spark: `DStreamGraph`.
 */
export class DStreamGraph implements JobGraph {
  private stopped = false;
  readonly inputStreams: InputDStream<unknown>[] = [];
  readonly outputStreams: ForEachDStream<unknown>[] = [];
  /** Set by `ssc.remember(seconds)`; at most once. */
  rememberDuration: Duration | undefined;
  zeroTime: Time | undefined;
  startTime: Time | undefined;
  private streamCount = 0;

  constructor(readonly batchDuration: Duration) {}

  /** @internal A per-context id for a new DStream. */
  nextStreamId(): number {
    return this.streamCount++;
  }

  /** Spark: `addInputStream`; returns the input id (from 0). */
  addInputStream(s: InputDStream<unknown>): number {
    this.inputStreams.push(s);
    return this.inputStreams.length - 1;
  }

  /** Spark: `addOutputStream`. */
  addOutputStream(s: ForEachDStream<unknown>): void {
    this.outputStreams.push(s);
  }

  /** Spark: `remember(duration)`: settable once. */
  remember(d: Duration): void {
    requireThat(
      this.rememberDuration === undefined,
      `Remember duration already set as ${this.rememberDuration}. Cannot set it again.`,
      'REMEMBER_DURATION_ALREADY_SET',
    );
    this.rememberDuration = d;
  }

  /** Spark: `validate()`, run by `start()`. */
  validate(): void {
    requireThat(
      this.outputStreams.length > 0,
      'No output operations registered, so nothing to execute',
      'NO_OUTPUT_OPERATIONS',
    );
  }

  /**
   * Spark: `start(zeroTime)`: initialize every stream reachable from an output, propagate
   * remember durations, run `validateAtStart`, then start the inputs.
   */
  start(time: Time): void {
    // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable; the context's lifecycle refuses a second start before the graph sees it
    requireThat(this.zeroTime === undefined, 'DStream graph computation already started');
    this.zeroTime = time;
    this.startTime = time;
    for (const o of this.outputStreams) o.initialize(time);
    for (const o of this.outputStreams) o.remember(this.rememberDuration);
    for (const o of this.outputStreams) o.validateAtStart();
    for (const i of this.inputStreams) i.start();
  }

  /**
   * A graph recovered from a checkpoint (Spark deserializes it already initialized, with its
   * zeroTime and startTime): initialize, remember and validate with the checkpoint's times, then
   * start the inputs.
   */
  restart(zeroTime: Time, startTime: Time): void {
    this.start(zeroTime);
    this.startTime = startTime;
  }

  /** Spark: `stop()`: stop the inputs. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const i of this.inputStreams) i.stop();
  }

  /** Spark: `generateJobs(time)`: ask every output stream, in registration order. */
  generateJobs(time: Time): Job[] {
    const jobs: Job[] = [];
    for (const o of this.outputStreams) {
      const job = o.generateJob(time);
      if (job !== undefined) jobs.push(job);
    }
    return jobs;
  }

  /** Spark: `clearMetadata(time)`. */
  clearMetadata(time: Time): void {
    for (const o of this.outputStreams) o.clearMetadata(time);
  }

  /** The longest remember duration of the inputs (ms). */
  maxInputRememberMs(): number {
    return Math.max(0, ...this.inputStreams.map((s) => s.rememberDuration?.milliseconds ?? 0));
  }

  /** Every stream reachable from an output, each once, in a stable order (outputs first). */
  reachableStreams(): DStream<unknown>[] {
    const seen = new Set<DStream<unknown>>();
    const order: DStream<unknown>[] = [];
    const visit = (s: DStream<unknown>): void => {
      if (seen.has(s)) return;
      seen.add(s);
      order.push(s);
      for (const d of s.dependencies) visit(d);
    };
    for (const o of this.outputStreams) visit(o);
    return order;
  }
}
