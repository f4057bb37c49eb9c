import fc from 'fast-check';
import type { DStream } from '../../dstream/DStream';
import type { BatchSlots } from '../BatchesArbitrary';
import { text } from '../multiset';
import { expectSameRecords, runPipeline, type LawRunOptions } from './harness';
import { LawViolation } from './LawViolation';

/** What {@link partitionLaw} checks. */
export interface PartitionLawSpec<T, U> extends Omit<LawRunOptions, 'numPartitions'> {
  input: fc.Arbitrary<BatchSlots<T>>;
  /** The pipeline; `numPartitions` is the count under test (pass it on to `reduceByKey(f, n)`, `repartition(n)`, …). */
  pipeline: (ds: DStream<T>, numPartitions: number) => DStream<U>;
  /** The partition counts to compare (default 1, 2, 3); each also partitions the input RDDs. */
  partitions?: readonly number[];
}

/**
 * Law: **the number of partitions never changes a result Spark says it cannot change.** The
 * pipeline runs once per partition count (inputs and shuffles); every batch's output must be the
 * same multiset. Order may differ, as Spark allows; the values may not (a reduce function that is
 * not associative and commutative breaks this law).
 */
export function partitionLaw<T, U>(spec: PartitionLawSpec<T, U>): fc.IAsyncPropertyWithHooks<[BatchSlots<T>]> {
  const counts = spec.partitions ?? [1, 2, 3];
  return fc.asyncProperty(spec.input, async (input) => {
    const runs = [];
    for (const n of counts) {
      runs.push(await runPipeline<U>([input], (s) => spec.pipeline(s[0] as DStream<T>, n), input.length, { ...spec, numPartitions: n }));
    }
    const [first, ...others] = runs;
    others.forEach((r, i) => {
      if (r.length !== first!.length) {
        throw new LawViolation('partition law', undefined, `${counts[0]} partitions gave ${first!.length} outputs, ${counts[i + 1]} gave ${r.length}`);
      }
      r.forEach((o, k) => {
        try {
          expectSameRecords('partition law', o.timeMs, o.records, first![k]!.records);
        } catch {
          throw new LawViolation(
            'partition law',
            o.timeMs,
            `${counts[0]} partition(s): [${first![k]!.records.map(text).join(', ')}]; ${counts[i + 1]}: [${o.records.map(text).join(', ')}]`,
          );
        }
      });
    });
  });
}
