import fc from 'fast-check';
import type { DStream } from '../../dstream/DStream';
import type { BatchSlots } from '../BatchesArbitrary';
import { text } from '../multiset';
import { expectSameRecords, runPipeline, type LawRunOptions } from './harness';
import { LawViolation } from './LawViolation';

/** What {@link orderLaw} checks. */
export interface OrderLawSpec<T, U> extends Omit<LawRunOptions, 'adversarialOrder'> {
  input: fc.Arbitrary<BatchSlots<T>>;
  pipeline: (ds: DStream<T>) => DStream<U>;
  /** The adversarial-order seeds to compare with the engine's own order (default 1, 2, 3). */
  seeds?: readonly number[];
}

/**
 * Law: **results do not depend on an order Spark does not promise.** The pipeline runs in the
 * engine's order and under each adversarial-order seed (records after a shuffle and map-output
 * fetch order permuted, as with `dstream-sim test --adversarial-order`); every batch must hold the
 * same multiset. A reduce that is not commutative, or code that takes "the first" record after a
 * shuffle, breaks it.
 */
export function orderLaw<T, U>(spec: OrderLawSpec<T, U>): fc.IAsyncPropertyWithHooks<[BatchSlots<T>]> {
  const seeds = spec.seeds ?? [1, 2, 3];
  return fc.asyncProperty(spec.input, async (input) => {
    const run = (adversarialOrder?: number) =>
      runPipeline<U>([input], (s) => spec.pipeline(s[0] as DStream<T>), input.length, { ...spec, ...(adversarialOrder !== undefined ? { adversarialOrder } : {}) });
    const base = await run();
    for (const seed of seeds) {
      const other = await run(seed);
      other.forEach((o, k) => {
        try {
          expectSameRecords('order law', o.timeMs, o.records, base[k]?.records ?? []);
        } catch {
          throw new LawViolation(
            'order law',
            o.timeMs,
            `the engine's order gave [${(base[k]?.records ?? []).map(text).join(', ')}]; adversarial order ${seed} gave [${o.records.map(text).join(', ')}]`,
          );
        }
      });
    }
  });
}
