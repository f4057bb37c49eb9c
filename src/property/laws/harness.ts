import type { DStream } from '../../dstream/DStream';
import { runStreams, type RunOptions } from '../../testing/runStreams';
import type { CollectedBatch } from '../../testing/TestOutputStream';
import type { BatchSlots } from '../BatchesArbitrary';
import { asMultiset, text } from '../multiset';
import { LawViolation } from './LawViolation';

/** How a law runs the user's pipeline: the harness's options (batch length, flavor, partitions, checkpoint). */
export type LawRunOptions = Pick<RunOptions, 'batchDuration' | 'numPartitions' | 'checkpoint' | 'flavor' | 'adversarialOrder'>;

/** Run `pipeline` over input tables for `numBatches` batches with the harness; the collected outputs. */
export async function runPipeline<V>(
  inputs: readonly BatchSlots<unknown>[],
  pipeline: (streams: DStream<unknown>[]) => DStream<V>,
  numBatches: number,
  opts: LawRunOptions = {},
): Promise<CollectedBatch<V>[]> {
  return (await runStreams<V>(inputs, pipeline, numBatches, opts)).batches;
}

/** Throw a {@link LawViolation} unless the batch's records equal the expected ones as multisets. */
export function expectSameRecords(law: string, timeMs: number, got: readonly unknown[], expected: readonly unknown[]): void {
  const g = asMultiset(got);
  const e = asMultiset(expected);
  if (g.length === e.length && g.every((x, i) => x === e[i])) return;
  throw new LawViolation(law, timeMs, `expected [${expected.map(text).join(', ')}] (in any order), got [${got.map(text).join(', ')}]`);
}

/** The records of input batches (1-based numbers) `from`…`to`, in batch order. */
export function recordsOf<T>(input: BatchSlots<T>, from: number, to: number): T[] {
  const out: T[] = [];
  for (let k = Math.max(1, from); k <= to; k++) out.push(...(input[k - 1] ?? []));
  return out;
}
