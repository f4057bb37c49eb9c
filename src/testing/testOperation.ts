import type { DStream } from '../dstream/DStream';
import { runStreams, type RunOptions } from './runStreams';
import { verifyOutput } from './verifyOutput';

/** Options of {@link testOperation}. */
export interface TestOperationOptions extends RunOptions {
  /** Compare batches as ordered lists (default true) or as multisets. */
  ordered?: boolean;
  /** Compare nested value lists order-insensitively. */
  sortNested?: boolean;
  /** Batches to run (default: the number of expected outputs, as in Spark). */
  numBatches?: number;
}

/**
 * Spark's `testOperation(input, operation, expectedOutput, useSet)`: run and compare; a
 * mismatch throws an error naming the first differing batch and its time.
 */
export async function testOperation<U, V>(
  input: readonly (readonly U[] | null)[],
  operation: (ds: DStream<U>) => DStream<V>,
  expected: readonly V[][],
  opts: TestOperationOptions = {},
): Promise<void> {
  const r = await runStreams<V>([input], (s) => operation(s[0] as DStream<U>), opts.numBatches ?? expected.length, { keepEvents: false, ...opts });
  verifyOutput(
    r.batches.map((b) => b.records),
    expected,
    { ordered: opts.ordered, sortNested: opts.sortNested, times: r.batches.map((b) => b.timeMs) },
  );
}
