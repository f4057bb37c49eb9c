import type { Duration } from '../time/Duration';
import type { RDD } from '../rdd/RDD';
import type { Time } from '../time/Time';
import type { StreamInputInfo } from '../events/SimEvent';
import type { StreamingRuntime } from './StreamingRuntime';
import { DStream } from './internal';

/**
 * Spark: `InputDStream`: a stream with no parents, registered with the graph when it is made.
 * Its slide is the batch duration; it has an input id (from 0, per context) and a name.
 */
export abstract class InputDStream<T> extends DStream<T> {
  /** Spark: `InputDStream.id`, from a per-context counter starting at 0. */
  readonly inputId: number;
  private lastValidTime: Time | undefined;

  protected constructor(ssc: StreamingRuntime, opName: string) {
    super(ssc, opName);
    this.inputId = ssc.addInputStream(this);
  }

  private inputName: string | undefined;

  /** Spark's input stream name, e.g. `Queue input [0]` (the stream's name in every event). */
  override get name(): string {
    return (this.inputName ??= this.makeName());
  }

  private makeName(): string {
    const words = this.className
      .replace('DStream', '')
      .split(/(?=[A-Z])/)
      .join(' ')
      .toLowerCase();
    return `${words.charAt(0).toUpperCase()}${words.slice(1)} [${this.inputId}]`;
  }

  get slideDuration(): Duration {
    return this.ssc.batchDuration;
  }

  get dependencies(): readonly DStream<unknown>[] {
    return [];
  }

  /** @internal Spark: InputDStream's `isTimeValid` also tracks the last valid time. */
  override isTimeValid(time: Time): boolean {
    if (!super.isTimeValid(time)) return false;
    if (this.lastValidTime !== undefined && time.lt(this.lastValidTime)) {
      this.ssc.warn(`isTimeValid called with ${time} whereas the last valid time is ${this.lastValidTime}`);
    }
    this.lastValidTime = time;
    return true;
  }

  /** @internal Report what this input delivered for a batch (event log and input info). */
  protected override afterCompute(time: Time, rdd: RDD<T> | undefined): void {
    const info = this.reportedInfo(time, rdd);
    if (info !== undefined) this.ssc.reportInputInfo(time, info);
    this.ssc.inspector.input(this, time, rdd);
  }

  /** What this input reports to Spark's InputInfoTracker for a batch; nothing by default (queue streams, as in Spark). */
  // Stryker disable next-line BlockStatement: an empty body returns undefined as well
  protected reportedInfo(_time: Time, _rdd: RDD<T> | undefined): StreamInputInfo | undefined {
    return undefined;
  }

  /** @internal Called when the context starts (receivers start here). */
  start(): void {}

  /** @internal Called when the context stops. */
  stop(): void {}
}
