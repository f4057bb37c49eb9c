import { structuralKey } from '../util/hashing';

/** How `verifyOutput` compares batches. */
export interface VerifyOptions {
  /** Compare each batch as an ordered list (default true) or as a multiset. */
  ordered?: boolean;
  /** Compare value lists nested inside records (groupByKey, cogroup) order-insensitively. */
  sortNested?: boolean;
  /** Batch times (ms) of the outputs, to name the differing batch. */
  times?: readonly number[];
}

/** A failed comparison (Spark: "Ordered list comparison failed" / "Set comparison failed"). */
export class OutputMismatchError extends Error {
  constructor(
    message: string,
    /** Index of the first differing output batch (0-based), or -1 for a count mismatch. */
    readonly batchIndex: number,
  ) {
    super(message);
    this.name = 'OutputMismatchError';
  }
}

/**
 * Spark's `verifyOutput`: compare outputs with the expected table batch by batch and throw an
 * {@link OutputMismatchError} naming the first differing batch (index and time), with the
 * expected and generated records. `undefined` and `null` compare equal (JSON has no undefined).
 */
export function verifyOutput(output: readonly unknown[][], expected: readonly unknown[][], opts: VerifyOptions = {}): void {
  const ordered = opts.ordered ?? true;
  const title = ordered ? 'Ordered list comparison failed' : 'Set comparison failed';
  const show = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (x === undefined ? null : x));
  const when = (i: number): string =>
    opts.times?.[i] !== undefined ? ` (batch time ${opts.times[i]} ms)` : '';
  const n = Math.min(output.length, expected.length);
  for (let i = 0; i < n; i++) {
    if (!sameBatch(output[i]!, expected[i]!, ordered, opts.sortNested ?? false)) {
      throw new OutputMismatchError(
        `${title}\nFirst difference at output ${i + 1}${when(i)}\n` +
          `Expected: ${show(expected[i])}\nGenerated: ${show(output[i])}\n` +
          `Expected output (${expected.length} batches):\n${expected.map((b, j) => `  ${j + 1}: ${show(b)}`).join('\n')}\n` +
          `Generated output (${output.length} batches):\n${output.map((b, j) => `  ${j + 1}: ${show(b)}`).join('\n')}`,
        i,
      );
    }
  }
  if (output.length !== expected.length) {
    throw new OutputMismatchError(
      `Unexpected number of outputs generated: expected ${expected.length}, generated ${output.length}\n` +
        `Expected: ${show(expected)}\nGenerated: ${show(output)}`,
      -1,
    );
  }
}

function sameBatch(a: readonly unknown[], b: readonly unknown[], ordered: boolean, sortNested: boolean): boolean {
  if (a.length !== b.length) return false;
  const ka = a.map((r) => key(r, sortNested));
  const kb = b.map((r) => key(r, sortNested));
  if (!ordered) {
    ka.sort();
    kb.sort();
  }
  return ka.every((k, i) => k === kb[i]);
}

function key(record: unknown, sortNested: boolean): string {
  return String(structuralKey(normalize(record, sortNested, 0)));
}

/** `undefined` → `null`; with sortNested, leaf lists below the record level are sorted. */
function normalize(v: unknown, sortNested: boolean, depth: number): unknown {
  if (v === undefined) return null;
  if (!Array.isArray(v)) return v;
  const items = v.map((x) => normalize(x, sortNested, depth + 1));
  if (sortNested && depth >= 1 && items.every((x) => !Array.isArray(x))) {
    return items
      .map((x) => [String(structuralKey(x)), x] as const)
      .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
      .map(([, x]) => x);
  }
  return items;
}
