/**
 * Scala `updateStateByKey` reads its cogroup's output packed and, when its state RDDs keep the
 * partitioner, looks the state's keys up only among the batch's keys (each key is once in a state
 * partition). Checked against the general path (state RDDs without the partitioner: hashed and
 * indexed like any cogroup input) and against a model of the state, on random batches
 * (fast-check, fixed seed), also under an adversarial order.
 */
import fc from 'fast-check';
import { HashPartitioner, runOperation, SparkContext, type DStream, type Pair, type Time } from '../../../src/index';
import { inJvm } from '../../__helpers__/sim';

type KV = Pair<string, number>;

/** The state: a running sum per key, dropped once it passes 6 (and started again by new values). */
const update = (_t: Time, _k: string, vs: number[], s: number | undefined): number | null => {
  const n = vs.reduce((a, b) => a + b, s ?? 0);
  return n > 6 ? null : n;
};

const batches = fc.array(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), fc.integer({ min: 0, max: 3 })), { maxLength: 6 }), {
  minLength: 1,
  maxLength: 7,
});

const run = (input: KV[][], remember: boolean, partitions: number, seed: number | undefined): Promise<KV[][]> =>
  runOperation(
    input,
    (ds: DStream<KV>) => ds.updateStateByKey<string, number, number>(update, new HashPartitioner(partitions), remember),
    input.length + 1,
    { flavor: 'scala', checkpoint: true, adversarialOrder: seed },
  );

test('the state with its partitioner kept equals the general path record for record, and the model', async () => {
  await fc.assert(
    fc.asyncProperty(batches, fc.integer({ min: 1, max: 3 }), fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }), async (input, n, seed) => {
      const kept = await run(input, true, n, seed);
      const general = await run(input, false, n, seed);
      expect(kept).toEqual(general);
      const model = new Map<string, number>();
      kept.forEach((got, b) => {
        const values = new Map<string, number[]>();
        for (const [k, v] of input[b] ?? []) values.set(k, [...(values.get(k) ?? []), v]);
        for (const k of new Set([...model.keys(), ...values.keys()])) {
          const next = update(undefined as unknown as Time, k, values.get(k) ?? [], model.get(k));
          if (next === null) model.delete(k);
          else model.set(k, next);
        }
        expect([...got].sort()).toEqual([...model].sort());
      });
    }),
    { seed: 21, numRuns: 60 },
  );
});

test('a cogroup read twice gives the same records, each read new arrays (Spark deserializes its shuffle output afresh)', () =>
  inJvm(() => {
    const sc = new SparkContext({ master: 'local[2]', appName: 'cogroup', flavor: 'scala' });
    const grouped = sc.parallelize<KV>([['a', 1], ['b', 2], ['a', 3]]).cogroup(sc.parallelize<KV>([['a', 9]]));
    const first = grouped.collect();
    expect(first).toEqual([['b', [[2], []]], ['a', [[1, 3], [9]]]]);
    first[1]![1][0].push(100);
    expect(grouped.collect()).toEqual([['b', [[2], []]], ['a', [[1, 3], [9]]]]);
  }));

describe('a key the batch does not touch costs no new record', () => {
  type State = number | number[];
  const stateRecords = async (update: (vs: number[], s: State | undefined) => State | undefined): Promise<Pair<string, State>[][]> => {
    const seen: Pair<string, State>[][] = [];
    await runOperation<KV, Pair<string, State>>(
      [[['a', 1], ['b', 1]], [['a', 1]], []],
      (ds) => {
        const state = ds.updateStateByKey(update);
        state.foreachRDD((rdd) => void seen.push(rdd.collect()));
        return state;
      },
      3,
      { flavor: 'scala', checkpoint: true },
    );
    return seen;
  };
  const byKey = (records: Pair<string, State>[], k: string): Pair<string, State> => records.find((r) => r[0] === k)!;

  test('an unchanged primitive state keeps its record; a changed one gets a new record', async () => {
    const seen = await stateRecords((vs, s) => vs.length + ((s as number | undefined) ?? 0));
    expect(seen.map((rs) => [...rs].sort())).toEqual([[['a', 1], ['b', 1]], [['a', 2], ['b', 1]], [['a', 2], ['b', 1]]]);
    expect(byKey(seen[1]!, 'b')).toBe(byKey(seen[0]!, 'b'));
    expect(byKey(seen[2]!, 'a')).toBe(byKey(seen[1]!, 'a'));
    expect(byKey(seen[1]!, 'a')).not.toBe(byKey(seen[0]!, 'a'));
  });

  test('an array state is the function’s copy: a new record each batch, even when unchanged', async () => {
    const seen = await stateRecords((vs, s) => s ?? [vs.length]);
    expect(seen.map((rs) => [...rs].sort())).toEqual([[['a', [1]], ['b', [1]]], [['a', [1]], ['b', [1]]], [['a', [1]], ['b', [1]]]]);
    expect(byKey(seen[2]!, 'b')).not.toBe(byKey(seen[1]!, 'b'));
    expect(byKey(seen[2]!, 'b')[1]).not.toBe(byKey(seen[1]!, 'b')[1]);
  });
});
