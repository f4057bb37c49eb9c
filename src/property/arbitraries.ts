import fc from 'fast-check';
import type { Pair } from '../rdd/RDD';
import { BatchesArbitrary, type BatchSlots } from './BatchesArbitrary';

/** Options of {@link batches}. */
export interface BatchesOptions {
  /** Fewest batches (default 1); shrinking never goes below it. */
  minBatches?: number;
  /** Most batches (default 6). */
  maxBatches?: number;
  /** Most records in one batch (default 5). */
  maxPerBatch?: number;
  /**
   * How often a batch has **no RDD** (`null`, Spark's `None`) rather than an RDD, as a weight
   * against 4 for an RDD (default 0: every batch has an RDD, possibly empty).
   */
  noRddWeight?: number;
}

/**
 * Batches of records, the input table of `runOperation` (Spark's TestSuiteBase): `value[i]` is
 * batch i+1's records, `[]` an empty RDD, `null` (with `noRddWeight`) no RDD at all. Shrinks in
 * time: trailing batches go first, then batches empty, neighbours merge, records move earlier,
 * and last the records themselves shrink.
 */
export function batches<T>(record: fc.Arbitrary<T>, opts: BatchesOptions = {}): fc.Arbitrary<BatchSlots<T>> {
  const minBatches = opts.minBatches ?? 1;
  const batch = fc.array(record, { maxLength: opts.maxPerBatch ?? 5 });
  const slot: fc.Arbitrary<T[] | null> =
    (opts.noRddWeight ?? 0) > 0 ? fc.oneof({ weight: 4, arbitrary: batch }, { weight: opts.noRddWeight!, arbitrary: fc.constant(null) }) : batch;
  const source = fc.array(slot, { minLength: minBatches, maxLength: Math.max(minBatches, opts.maxBatches ?? 6) });
  return new BatchesArbitrary(source, record, { minBatches });
}

/** Options of {@link keyedRecords}. */
export interface KeyedOptions {
  /** The keys (default `a`…`e`); the first is the hot one. */
  keys?: readonly string[];
  /** How much likelier the hot key is than all the others together (default 3). */
  skew?: number;
  /** Values are whole numbers in [min, max] (default 1…5). */
  min?: number;
  max?: number;
}

/**
 * Keyed records `[key, value]` with **skewed keys**: the first key is `skew` times as likely as
 * all the others together, as real streams are (one hot user, one busy sensor), so operations see
 * a key in many batches and partitions while others come and go. Shrinks to the hot key and `min`.
 */
export function keyedRecords(opts: KeyedOptions = {}): fc.Arbitrary<Pair<string, number>> {
  const keys = opts.keys ?? ['a', 'b', 'c', 'd', 'e'];
  if (keys.length === 0) throw new RangeError('keyedRecords: give at least one key');
  const key = fc.oneof({ weight: opts.skew ?? 3, arbitrary: fc.constant(keys[0]!) }, { weight: 1, arbitrary: fc.constantFrom(...keys) });
  return fc.tuple(key, fc.integer({ min: opts.min ?? 1, max: opts.max ?? 5 }));
}

/** {@link batches} of {@link keyedRecords}: the input of a keyed (pair) pipeline. */
export function keyedBatches(opts: KeyedOptions & BatchesOptions = {}): fc.Arbitrary<BatchSlots<Pair<string, number>>> {
  return batches(keyedRecords(opts), opts);
}
