/** Laws of the engine, checked with fast-check over random batch tables (seeded, shrinking). */
import fc from 'fast-check';
import { runOperation, type DStream, type Pair } from '../../src/index';

const batches = fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 5 }), { minLength: 1, maxLength: 8 });
const sortNum = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);

describe('laws', () => {
  test('window(w, s) at t holds exactly the records of the batches in (t − w, t]', async () => {
    await fc.assert(
      fc.asyncProperty(batches, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), async (input, w, s) => {
        const n = input.length + w;
        const out = await runOperation(input, (ds) => ds.window(w, s), n, { flavor: 'scala' });
        out.forEach((got, i) => {
          const t = (i + 1) * s; // output i is at t = (i+1)·s seconds; batch k (1-based) at k seconds
          const expected = input.filter((_b, k) => k + 1 > t - w && k + 1 <= t).flat();
          expect(sortNum(got)).toEqual(sortNum(expected));
        });
        expect(out).toHaveLength(Math.floor(n / s));
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  test('Scala reduceByKeyAndWindow with an inverse equals the plain window, once zero keys are filtered', async () => {
    const keyed = fc.array(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 1, max: 3 })), { maxLength: 4 }), {
      minLength: 1,
      maxLength: 8,
    });
    await fc.assert(
      fc.asyncProperty(keyed, fc.integer({ min: 1, max: 4 }), async (input, w) => {
        const data = input as Pair<string, number>[][];
        const n = data.length + w;
        const plain = await runOperation(data, (ds) => ds.reduceByKeyAndWindow((a, b) => a + b, null, w, 1), n, { flavor: 'scala' });
        const inv = await runOperation(
          data,
          (ds) => ds.reduceByKeyAndWindow((a, b) => a + b, (a, b) => a - b, w, 1, undefined, (kv) => kv[1] !== 0),
          n,
          { flavor: 'scala', checkpoint: true },
        );
        expect(inv.map((b) => [...b].sort())).toEqual(plain.map((b) => [...b].sort()));
      }),
      { seed: 7, numRuns: 50 },
    );
  });

  test('the same input gives the same output on every run (determinism)', async () => {
    await fc.assert(
      fc.asyncProperty(batches, async (input) => {
        const op = (ds: DStream<number>) =>
          ds.map((x): Pair<number, number> => [x % 3, x]).groupByKey().mapValues((vs) => vs.length).repartition(3).glom();
        const a = await runOperation(input, op, input.length);
        const b = await runOperation(input, op, input.length);
        expect(a).toEqual(b);
      }),
      { seed: 3, numRuns: 30 },
    );
  });

  test('updateStateByKey running counts equal counting the prefix of batches', async () => {
    await fc.assert(
      fc.asyncProperty(batches, async (input) => {
        const out = await runOperation(
          input,
          (ds) => ds.map((x): Pair<number, number> => [x, 1]).updateStateByKey((vs: number[], s: number | undefined) => (s ?? 0) + vs.length),
          input.length,
          { checkpoint: true },
        );
        out.forEach((got, i) => {
          const counts = new Map<number, number>();
          for (const x of input.slice(0, i + 1).flat()) counts.set(x, (counts.get(x) ?? 0) + 1);
          expect([...got].sort((a, b) => a[0] - b[0])).toEqual([...counts].sort((a, b) => a[0] - b[0]));
        });
      }),
      { seed: 11, numRuns: 40 },
    );
  });
});
