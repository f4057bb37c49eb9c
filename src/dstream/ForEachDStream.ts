import type { RDD } from '../rdd/RDD';
import { Job } from '../scheduler/Job';
import type { Duration } from '../time/Duration';
import type { Time } from '../time/Time';
import { DStream } from './internal';

/**
 * Spark: `ForEachDStream`: the stream behind every output operation. It makes no RDD; at each
 * batch where its parent has an RDD it makes one job that runs `foreachFunc(rdd, time)`.
 */
export class ForEachDStream<T> extends DStream<never> {
  private lineageNames: string[] | undefined;
  constructor(
    private readonly parent: DStream<T>,
    private readonly foreachFunc: (rdd: RDD<T>, time: Time) => void,
    opName: string,
  ) {
    super(parent.ssc, opName);
  }

  get slideDuration(): Duration {
    return this.parent.slideDuration;
  }

  get dependencies(): readonly DStream<unknown>[] {
    return [this.parent];
  }

  // Stryker disable next-line BlockStatement: an empty body returns undefined as well
  compute(): RDD<never> | undefined {
    return undefined;
  }

  /** Spark: `register()`: add this output stream to the graph. */
  register(): this {
    this.ssc.addOutputStream(this as unknown as ForEachDStream<unknown>);
    return this;
  }

  /** @internal Spark: `generateJob(time)`: a job if the parent has an RDD at `time`. */
  generateJob(time: Time): Job | undefined {
    const rdd = this.parent.getOrCompute(time);
    if (rdd === undefined) return undefined;
    this.lineageNames ??= this.lineage();
    return new Job(time, this.name, () => this.foreachFunc(rdd, time), this.lineageNames);
  }

  /** The names of the streams this output depends on, nearest first, each once. */
  private lineage(): string[] {
    const seen = new Set<DStream<unknown>>();
    const names: string[] = [];
    const queue: DStream<unknown>[] = [this.parent];
    while (queue.length > 0) {
      const s = queue.shift()!;
      if (seen.has(s)) continue;
      seen.add(s);
      names.push(s.name);
      queue.push(...s.dependencies);
    }
    return names;
  }
}
