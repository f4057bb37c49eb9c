import fc from 'fast-check';
import type { DStream } from '../../dstream/DStream';
import type { BatchSlots } from '../BatchesArbitrary';
import { expectSameRecords, runPipeline, type LawRunOptions } from './harness';
import { LawViolation } from './LawViolation';

/** What {@link modelLaw} checks: a per-batch pipeline over one or more inputs against a naive model. */
export interface ModelLawSpec<I extends unknown[], U> extends LawRunOptions {
  /** One arbitrary per input stream. */
  inputs: { [k in keyof I]: fc.Arbitrary<BatchSlots<I[k]>> };
  /** The pipeline over the input streams, e.g. `(a, b) => a.join(b)`. */
  pipeline: (...streams: { [k in keyof I]: DStream<I[k]> }) => DStream<U>;
  /** The naive model of one batch: the records each input has in it → the expected output. */
  model: (...batch: { [k in keyof I]: I[k][] }) => U[];
}

/**
 * Law: **a per-batch pipeline agrees with a naive model** (for `union`, `join`, `cogroup`,
 * `transform`, …): batch by batch, the output equals `model` of that batch's input records, as a
 * multiset. Batches past an input's end are empty (TestInputStream).
 */
export function modelLaw<I extends unknown[], U>(spec: ModelLawSpec<I, U>): fc.IAsyncPropertyWithHooks<BatchSlots<unknown>[]> {
  const arbs = spec.inputs as unknown as fc.Arbitrary<BatchSlots<unknown>>[];
  const pipeline = spec.pipeline as unknown as (...s: DStream<unknown>[]) => DStream<U>;
  const model = spec.model as unknown as (...b: unknown[][]) => U[];
  type Run = (...inputs: BatchSlots<unknown>[]) => Promise<void>;
  const property = fc.asyncProperty as unknown as (...args: [...fc.Arbitrary<BatchSlots<unknown>>[], Run]) => fc.IAsyncPropertyWithHooks<BatchSlots<unknown>[]>;
  return property(...arbs, async (...inputs: BatchSlots<unknown>[]) => {
    const n = Math.max(...inputs.map((i) => i.length));
    const out = await runPipeline<U>(inputs, (s) => pipeline(...s), n, spec);
    if (out.length !== n) throw new LawViolation('model law', undefined, `expected ${n} outputs, one per batch, got ${out.length}`);
    out.forEach((o, k) => expectSameRecords('model law', o.timeMs, o.records, model(...inputs.map((i) => i[k] ?? []))));
  });
}
