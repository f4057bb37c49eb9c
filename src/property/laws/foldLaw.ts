import fc from 'fast-check';
import type { DStream } from '../../dstream/DStream';
import type { BatchSlots } from '../BatchesArbitrary';
import { expectSameRecords, runPipeline, type LawRunOptions } from './harness';
import { LawViolation } from './LawViolation';

/** What {@link foldLaw} checks. */
export interface FoldLawSpec<T, S, U> extends LawRunOptions {
  input: fc.Arbitrary<BatchSlots<T>>;
  /** The stateful pipeline, e.g. `(ds) => ds.updateStateByKey(f)` or `ds.mapWithState(spec).stateSnapshots()`. */
  pipeline: (ds: DStream<T>) => DStream<U>;
  /** The model: the state before any batch, one batch's step, and what the pipeline shows of a state. */
  initial: S;
  step: (state: S, batch: readonly T[]) => S;
  view: (state: S) => U[];
}

/**
 * Law: **`updateStateByKey` / `mapWithState` equal a fold over batches.** After batch i the
 * pipeline outputs `view(step(…step(initial, batch 1)…, batch i))`, as a multiset. A batch with no
 * RDD folds as an empty batch once a state exists, and gives no output before (Spark's
 * StateDStream: no previous state and no parent RDD → no RDD, §5.1). Runs with a checkpoint
 * directory. Spark counterpart: StateSuite / BasicOperationsSuite expectations.
 */
export function foldLaw<T, S, U>(spec: FoldLawSpec<T, S, U>): fc.IAsyncPropertyWithHooks<[BatchSlots<T>]> {
  return fc.asyncProperty(spec.input, async (input) => {
    const out = await runPipeline<U>([input], (s) => spec.pipeline(s[0] as DStream<T>), input.length, { ...spec, checkpoint: true });
    const first = input.findIndex((b) => b !== null);
    const expected = first < 0 ? 0 : input.length - first;
    if (out.length !== expected) {
      throw new LawViolation('fold law', undefined, `expected ${expected} outputs, one per batch from the first with an RDD, got ${out.length}`);
    }
    let state = spec.initial;
    input.forEach((b, i) => {
      state = spec.step(state, b ?? []);
      const o = out[i - first];
      if (first >= 0 && i >= first && o !== undefined) expectSameRecords('fold law', o.timeMs, o.records, spec.view(state));
    });
  });
}
