import fc from 'fast-check';

/**
 * A stream's input, batch by batch: `batches[i]` is what batch i+1 receives; `null` means the
 * batch has **no RDD** (Spark's `None`), `[]` an empty RDD. The shape of
 * `runOperation`'s input (Spark's TestSuiteBase).
 */
export type BatchSlots<T> = (T[] | null)[];

/** Options of {@link BatchesArbitrary}. */
export interface BatchesShape {
  /** Fewest batches a value (and a shrunk value) has (default 1). */
  minBatches: number;
}

/**
 * An arbitrary of batch slots whose shrinking keeps the time structure (no Spark tool does this):
 * it tries, in order, to drop trailing batches, empty a batch, merge two neighbouring batches,
 * move an item one batch earlier, and only then removes or shrinks the items inside a batch. The
 * shrinker works from the value alone, so it still works after `.map` and on values it never
 * generated. Spark counterpart: none (a testing tool around TestSuiteBase's input tables).
 */
export class BatchesArbitrary<T> extends fc.Arbitrary<BatchSlots<T>> {
  /**
   * @param source generates the slots (any shape); its own shrinker is not used
   * @param item the arbitrary of one item, asked to shrink items without context
   */
  constructor(
    private readonly source: fc.Arbitrary<BatchSlots<T>>,
    private readonly item: fc.Arbitrary<T>,
    private readonly shape: BatchesShape = { minBatches: 1 },
  ) {
    super();
  }

  /** Generate with the source; the value carries no context (the shrinker needs none). */
  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<BatchSlots<T>> {
    return new fc.Value(this.source.generate(mrng, biasFactor).value, undefined);
  }

  /** Any array of arrays or nulls can be shrunk. */
  canShrinkWithoutContext(value: unknown): value is BatchSlots<T> {
    return Array.isArray(value) && value.every((b) => b === null || Array.isArray(b));
  }

  /** The shrink candidates, simplest time structure first. */
  shrink(value: BatchSlots<T>): fc.Stream<fc.Value<BatchSlots<T>>> {
    return fc.stream(this.candidates(value)).map((v) => new fc.Value(v, undefined));
  }

  private *candidates(v: BatchSlots<T>): Generator<BatchSlots<T>> {
    const min = this.shape.minBatches;
    // 1. Drop trailing batches: half of them at once, then the last one.
    const half = Math.max(min, Math.ceil(v.length / 2));
    if (half < v.length - 1) yield v.slice(0, half);
    if (v.length > min) yield v.slice(0, -1);
    // 2. Empty a batch.
    for (let i = 0; i < v.length; i++) if (v[i] !== null && v[i]!.length > 0) yield replace(v, i, []);
    // 3. Merge neighbours (the later batch's items join the earlier one; one batch fewer).
    if (v.length > min) {
      for (let i = 0; i + 1 < v.length; i++) {
        const a = v[i];
        const b = v[i + 1];
        if (a == null || b == null) continue;
        yield [...v.slice(0, i), [...a, ...b], ...v.slice(i + 2)];
      }
    }
    // 4. Move an item one batch earlier.
    for (let i = 1; i < v.length; i++) {
      const prev = v[i - 1];
      const cur = v[i];
      if (prev == null || cur == null) continue;
      for (let j = 0; j < cur.length; j++) {
        yield replace(replace(v, i - 1, [...prev, cur[j]!]), i, without(cur, j));
      }
    }
    // 5. Inside a batch: remove an item, then shrink one.
    for (let i = 0; i < v.length; i++) {
      const b = v[i];
      if (b == null) continue;
      for (let j = 0; j < b.length; j++) yield replace(v, i, without(b, j));
    }
    // A batch without an RDD becomes an empty one (a simpler input) last.
    for (let i = 0; i < v.length; i++) if (v[i] === null) yield replace(v, i, []);
    for (let i = 0; i < v.length; i++) {
      const b = v[i];
      if (b == null) continue;
      for (let j = 0; j < b.length; j++) {
        const x = b[j]!;
        if (!this.item.canShrinkWithoutContext(x)) continue;
        for (const s of this.item.shrink(x, undefined)) yield replace(v, i, replace(b, j, s.value));
      }
    }
  }
}

function replace<X>(xs: readonly X[], i: number, x: X): X[] {
  const out = [...xs];
  out[i] = x;
  return out;
}

function without<X>(xs: readonly X[], i: number): X[] {
  return [...xs.slice(0, i), ...xs.slice(i + 1)];
}
