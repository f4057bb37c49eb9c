import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import type { DStream } from '../../dstream/DStream';
import type { Pair } from '../../rdd/RDD';
import type { BatchSlots } from '../BatchesArbitrary';
import { asMultiset, text } from '../multiset';
import { runPipeline, type LawRunOptions } from './harness';
import { LawViolation } from './LawViolation';

/** What {@link inverseWindowLaw} checks. */
export interface InverseWindowLawSpec<K, V> extends LawRunOptions {
  /** Keyed input tables (e.g. `keyedBatches()`). */
  input: fc.Arbitrary<BatchSlots<Pair<K, V>>>;
  /** The reduce function and its inverse (`(a, b) => a + b`, `(a, b) => a - b`). */
  reduce: (a: V, b: V) => V;
  invReduce: (a: V, b: V) => V;
  /** The value a key has once all its data left the window (`0` for sums). */
  zero: V;
  windowSeconds: number;
  slideSeconds: number;
}

/**
 * Law: **`reduceByKeyAndWindow` with an inverse equals the version without**, up to the
 * documented zero-key rule of each flavor: Scala's `ReducedWindowedDStream` (§4.3), and PySpark's
 * incremental path when window ≥ 5 × slide (§4.4), keep a key whose data left the window with the
 * `zero` value; PySpark's recompute path (window < 5 × slide) equals the plain version exactly.
 * Runs with a checkpoint directory (the inverse version needs one).
 */
export function inverseWindowLaw<K, V>(spec: InverseWindowLawSpec<K, V>): fc.IAsyncPropertyWithHooks<[BatchSlots<Pair<K, V>>]> {
  const flavor = spec.flavor ?? 'pyspark';
  const zeroKeysStay = flavor === 'scala' || spec.windowSeconds >= 5 * spec.slideSeconds;
  return fc.asyncProperty(spec.input, async (input) => {
    const n = input.length + Math.ceil(spec.windowSeconds / (spec.batchDuration ?? 1));
    const run = (inv: boolean) =>
      runPipeline<Pair<K, V>>(
        [input],
        (s) => (s[0] as DStream<Pair<K, V>>).reduceByKeyAndWindow(spec.reduce, inv ? spec.invReduce : null, spec.windowSeconds, spec.slideSeconds),
        n,
        { ...spec, checkpoint: true },
      );
    const plain = await run(false);
    const inverse = await run(true);
    const byTime = new Map(inverse.map((o) => [o.timeMs, o.records]));
    for (const p of plain) {
      const got = byTime.get(p.timeMs) ?? [];
      const keys = new Set(p.records.map((r) => text(r[0])));
      const extra = got.filter((r) => !keys.has(text(r[0])));
      const kept = got.filter((r) => keys.has(text(r[0])));
      const bad = zeroKeysStay ? extra.filter((r) => !isDeepStrictEqual(r[1], spec.zero)) : extra;
      const same = asMultiset(kept).join('\u0000') === asMultiset(p.records).join('\u0000');
      if (!same || bad.length > 0) {
        const rule = zeroKeysStay ? `keys absent from the window may stay only with ${text(spec.zero)}` : 'no extra keys (recompute path)';
        throw new LawViolation(
          'inverse window law',
          p.timeMs,
          `without the inverse: [${p.records.map(text).join(', ')}]; with it: [${got.map(text).join(', ')}] (${flavor}: ${rule})`,
        );
      }
    }
  });
}
