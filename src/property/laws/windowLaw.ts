import fc from 'fast-check';
import type { DStream } from '../../dstream/DStream';
import type { BatchSlots } from '../BatchesArbitrary';
import { expectSameRecords, recordsOf, runPipeline, type LawRunOptions } from './harness';
import { LawViolation } from './LawViolation';

/** What {@link windowLaw} checks. */
export interface WindowLawSpec<T, U> extends LawRunOptions {
  /** The input tables to try (e.g. `batches(fc.integer())`). */
  input: fc.Arbitrary<BatchSlots<T>>;
  /** The window length and slide, in seconds (multiples of the batch length). */
  windowSeconds: number;
  slideSeconds: number;
  /** The windowed pipeline under test, e.g. `(ds) => ds.window(3, 1).map(f)` or `ds.countByWindow(3, 1)`. */
  pipeline: (ds: DStream<T>) => DStream<U>;
  /** The same computation done naively on all records of one window (default: the records themselves). */
  naive?: (windowRecords: T[]) => U[];
  /**
   * Require an output at every slide time (default true). Turn off for a pipeline that gives no
   * RDD for some windows, e.g. PySpark's `reduceByKeyAndWindow` with an inverse over windows of
   * batches without RDDs (§4.4); the outputs it gives are still checked.
   */
  everySlide?: boolean;
}

/**
 * Law: **a window equals the union of its batches recomputed naively.** For every slide time t,
 * the pipeline's output equals `naive` applied to the records of the batches in (t − window, t]
 * (spark-semantics §4.1), compared as multisets; and there is one output per slide time. Spark
 * counterpart: WindowOperationsSuite's expectations, as a property.
 */
export function windowLaw<T, U>(spec: WindowLawSpec<T, U>): fc.IAsyncPropertyWithHooks<[BatchSlots<T>]> {
  const b = spec.batchDuration ?? 1;
  const naive = spec.naive ?? ((rs: T[]) => rs as unknown as U[]);
  return fc.asyncProperty(spec.input, async (input) => {
    const numBatches = input.length + Math.ceil(spec.windowSeconds / b);
    const out = await runPipeline<U>([input], (s) => spec.pipeline(s[0] as DStream<T>), numBatches, spec);
    const slideMs = Math.round(spec.slideSeconds * 1000);
    const expectedTimes = Math.floor((numBatches * b * 1000) / slideMs);
    if (spec.everySlide !== false && out.length !== expectedTimes) {
      throw new LawViolation('window law', undefined, `expected an output at each of the ${expectedTimes} slide times, got ${out.length} (${out.map((o) => o.timeMs).join(', ')} ms)`);
    }
    for (const o of out) {
      const t = o.timeMs / 1000;
      // Batch k (1-based) is at k·b seconds; the window holds the batches in (t − w, t].
      const first = Math.floor((t - spec.windowSeconds) / b + 1e-9) + 1;
      const last = Math.round(t / b);
      expectSameRecords('window law', o.timeMs, o.records, naive(recordsOf(input, first, last)));
    }
  });
}
