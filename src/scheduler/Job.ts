import type { Time } from '../time/Time';

/**
 * One output operation's work for one batch. Spark: `streaming.scheduler.Job`; its name is
 * `streaming job <time>.<outputOpId>`.
 */
export class Job {
  /** Set when the job set is formed: the job's index among the batch's jobs. */
  // Stryker disable next-line UnaryOperator: every job gets its index in submitJobSet before it runs or is shown
  outputOpId = -1;
  /** `undefined` until run; then `{ ok: true }` or `{ ok: false, error }`. */
  result: { ok: true } | { ok: false; error: unknown } | undefined;

  constructor(
    readonly time: Time,
    /** The output stream that made the job (e.g. `pprint [4]`). */
    readonly outputName: string,
    private readonly func: () => void,
    /** The names of the streams the output depends on, nearest first (for a declared cost). */
    readonly lineage: readonly string[] = [],
  ) {}

  /** Spark: `Job.run()`: run the body and keep its outcome. */
  run(): void {
    try {
      this.func();
      this.result = { ok: true };
    } catch (error) {
      this.result = { ok: false, error };
    }
  }

  toString(): string {
    return `streaming job ${this.time}.${this.outputOpId}`;
  }
}
