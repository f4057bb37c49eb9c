/** The laws of dstream-sim/property, run over the engine with fixed seeds. */
import type { DStream, Pair, State } from 'dstream-sim';
import {
  batches,
  checkLaw,
  determinismLaw,
  fc,
  foldLaw,
  inverseWindowLaw,
  keyedBatches,
  modelLaw,
  partitionLaw,
  windowLaw,
} from 'dstream-sim/property';

const ints = batches(fc.integer({ min: 0, max: 5 }), { maxBatches: 5, noRddWeight: 1 });
const keyed = keyedBatches({ keys: ['a', 'b', 'c'], maxBatches: 5 });
const byKey = (xs: readonly Pair<string, number>[]): Map<string, number[]> => {
  const m = new Map<string, number[]>();
  for (const [k, v] of xs) m.set(k, [...(m.get(k) ?? []), v]);
  return m;
};
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('window law', () => {
  test.each([
    [2, 1],
    [3, 1],
    [4, 2],
  ])('window(%i, %i) equals the union of its batches', async (w, s) => {
    await checkLaw(windowLaw({ input: ints, windowSeconds: w, slideSeconds: s, pipeline: (ds) => ds.window(w, s) }), { seed: 42, numRuns: 25 });
  });

  test.each(['pyspark', 'scala'] as const)('%s reduceByWindow without an inverse equals summing the window naively', async (flavor) => {
    await checkLaw(
      windowLaw({
        input: ints,
        windowSeconds: 3,
        slideSeconds: 1,
        flavor,
        pipeline: (ds) => ds.reduceByWindow((a: number, b: number) => a + b, null, 3, 1),
        naive: (rs) => (rs.length > 0 ? [sum(rs)] : []),
      }),
      { seed: 5, numRuns: 20 },
    );
  });
});

describe('window law with windows that have no RDD', () => {
  // PySpark's reduceByKeyAndWindow with an inverse, recompute path (window < 5 × slide): a window
  // whose batches have no RDD gives no output at all (spark-semantics §4.4).
  const spec = {
    input: batches(fc.tuple(fc.constantFrom('a', 'b'), fc.integer({ min: 1, max: 3 })), { maxBatches: 5, noRddWeight: 2 }),
    windowSeconds: 2,
    slideSeconds: 1,
    checkpoint: true,
    pipeline: (ds: DStream<Pair<string, number>>) => ds.reduceByKeyAndWindow((a, b) => a + b, (a, b) => a - b, 2, 1),
    naive: (rs: Pair<string, number>[]) => [...byKey(rs)].map(([k, vs]): Pair<string, number> => [k, sum(vs)]),
  };
  test('every slide must have an output by default: the law reports the missing one', async () => {
    await expect(checkLaw(windowLaw(spec), { seed: 3, numRuns: 40 })).rejects.toThrow(/expected an output at each of the \d+ slide times, got \d+/);
  });
  test('with everySlide: false, the outputs it gives are checked', async () => {
    await checkLaw(windowLaw({ ...spec, everySlide: false }), { seed: 3, numRuns: 40 });
  });
});

describe('inverse window law', () => {
  test.each([
    ['scala', 3, 1],
    ['pyspark', 2, 1],
    ['pyspark', 5, 1],
  ] as const)('%s reduceByKeyAndWindow(+, −, %i, %i) equals the plain one up to zero keys', async (flavor, w, s) => {
    await checkLaw(
      inverseWindowLaw({ input: keyed, reduce: (a: number, b: number) => a + b, invReduce: (a, b) => a - b, zero: 0, windowSeconds: w, slideSeconds: s, flavor }),
      { seed: 7, numRuns: 20 },
    );
  });
});

describe('fold law', () => {
  const counts = (state: Map<string, number>, batch: readonly Pair<string, number>[]): Map<string, number> => {
    const next = new Map(state);
    for (const [k, vs] of byKey(batch)) next.set(k, (next.get(k) ?? 0) + sum(vs));
    return next;
  };
  test.each(['pyspark', 'scala'] as const)('%s updateStateByKey equals a fold over batches', async (flavor) => {
    await checkLaw(
      foldLaw({
        input: keyedBatches({ keys: ['a', 'b', 'c'], maxBatches: 5, noRddWeight: 1 }),
        flavor,
        pipeline: (ds) => ds.updateStateByKey((vs: number[], s: number | undefined) => (s ?? 0) + sum(vs)),
        initial: new Map<string, number>(),
        step: counts,
        view: (m) => [...m],
      }),
      { seed: 11, numRuns: 20 },
    );
  });

  test('mapWithState snapshots equal a fold over batches (scala)', async () => {
    const { StateSpec } = await import('dstream-sim');
    await checkLaw(
      foldLaw({
        input: keyed,
        flavor: 'scala',
        pipeline: (ds: DStream<Pair<string, number>>) =>
          ds
            .mapWithState(
              StateSpec.function((_k: string, v: number | undefined, state: State<number>) => {
                state.update((state.getOption() ?? 0) + (v ?? 0));
                return v;
              }),
            )
            .stateSnapshots(),
        initial: new Map<string, number>(),
        step: counts,
        view: (m) => [...m],
      }),
      { seed: 13, numRuns: 20 },
    );
  });
});

describe('model law', () => {
  const a = keyedBatches({ keys: ['a', 'b'], maxBatches: 4, maxPerBatch: 3 });
  const b = keyedBatches({ keys: ['a', 'b', 'c'], maxBatches: 4, maxPerBatch: 3 });
  test('union agrees with concatenation', async () => {
    await checkLaw(modelLaw<[Pair<string, number>, Pair<string, number>], Pair<string, number>>({ inputs: [a, b], pipeline: (x, y) => x.union(y), model: (x, y) => [...x, ...y] }), {
      seed: 17,
      numRuns: 20,
    });
  });
  test('join agrees with the nested-loop join', async () => {
    await checkLaw(
      modelLaw<[Pair<string, number>, Pair<string, number>], Pair<string, [number, number]>>({
        inputs: [a, b],
        pipeline: (x, y) => x.join(y),
        model: (x, y) => x.flatMap(([k, v]) => y.filter(([k2]) => k2 === k).map(([, w]): Pair<string, [number, number]> => [k, [v, w]])),
      }),
      { seed: 19, numRuns: 20 },
    );
  });
  test('cogroup agrees with grouping both sides (values sorted)', async () => {
    await checkLaw(
      modelLaw<[Pair<string, number>, Pair<string, number>], Pair<string, [number[], number[]]>>({
        inputs: [a, b],
        flavor: 'scala',
        pipeline: (x, y) => x.cogroup(y).mapValues(([l, r]) => [[...l].sort(), [...r].sort()] as [number[], number[]]),
        model: (x, y) => {
          const l = byKey(x);
          const r = byKey(y);
          return [...new Set([...l.keys(), ...r.keys()])].map((k): Pair<string, [number[], number[]]> => [k, [[...(l.get(k) ?? [])].sort(), [...(r.get(k) ?? [])].sort()]]);
        },
      }),
      { seed: 23, numRuns: 20 },
    );
  });
});

describe('determinism and partitions', () => {
  test('the same input gives the same transcript', async () => {
    await checkLaw(
      determinismLaw({ input: keyed, pipeline: (ds) => ds.reduceByKey((x: number, y: number) => x + y).repartition(3) }),
      { seed: 29, numRuns: 15 },
    );
  });
  test.each(['pyspark', 'scala'] as const)('%s reduceByKey and groupByKey do not depend on the number of partitions', async (flavor) => {
    await checkLaw(
      partitionLaw({
        input: keyed,
        flavor,
        pipeline: (ds, n) => ds.reduceByKey((x: number, y: number) => x + y, n).join(ds.groupByKey(n).mapValues((vs) => vs.length), n),
      }),
      { seed: 31, numRuns: 15 },
    );
  });
});
