/**
 * PySpark `updateStateByKey` (Spark: `PythonStateDStream`; PySpark's `reduceFunc` filters
 * `lambda x: x[1] is not None`).
 */
import { runStreams, type DStream, type Pair, type RDD, type StateChangedEvent, type Time } from 'dstream-sim';
import { PythonStateDStream } from '../../../src/dstream/PythonStateDStream';
import { inJvm, makeContexts } from '../../__helpers__/sim';

type KV = Pair<string, number>;
const words = (...batches: (string[] | null)[]): (KV[] | null)[] =>
  batches.map((b) => (b === null ? null : b.map((w): KV => [w, 1])));
const total = (vs: number[], s: number | undefined): number => vs.reduce((a, b) => a + b, s ?? 0);
const sorted = <T>(xs: readonly T[]): T[] => [...xs].sort();

describe('PySpark updateStateByKey', () => {
  test.each([
    ['null', null],
    ['undefined', undefined],
  ])('returning %s (Python None) removes the key', async (_name, none) => {
    const r = await runStreams<KV>(
      [words(['a', 'b'], ['a'], ['a'])],
      (s) =>
        (s[0] as DStream<KV>).updateStateByKey<string, number, number>((vs, st) =>
          vs.length === 0 ? (none as undefined) : total(vs, st),
        ),
      3,
      { checkpoint: true },
    );
    expect(r.batches.map((b) => sorted(b.records))).toEqual([[['a', 1], ['b', 1]], [['a', 2]], [['a', 3]]]);
  });

  test('state changes are reported for batches with input only; a batch without an RDD keeps the state silently', async () => {
    const r = await runStreams<KV>(
      [words(['a', 'b'], null, ['a'])],
      (s) => (s[0] as DStream<KV>).updateStateByKey((vs: number[], st: number | undefined) => (vs.length === 0 ? undefined : total(vs, st))),
      3,
      { checkpoint: true, inspect: { state: true } },
    );
    const changes = r.events
      .filter((e): e is StateChangedEvent => e.type === 'stateChanged')
      .map((e) => ({ t: e.batchTime, added: sorted(e.added), updated: e.updated, removed: e.removed, after: sorted(e.after) }));
    expect(changes).toEqual([
      { t: 1000, added: [['a', 1], ['b', 1]], updated: [], removed: [], after: [['a', 1], ['b', 1]] },
      { t: 3000, added: [], updated: [['a', 1, 2]], removed: [['b', 1]], after: [['a', 2]] },
    ]);
    expect(r.batches.map((b) => sorted(b.records))).toEqual([[['a', 1], ['b', 1]], [['a', 1], ['b', 1]], [['a', 2]]]);
  });
});

describe('PySpark updateStateByKey: numPartitions and initialRDD', () => {
  test('the state has numPartitions partitions', async () => {
    const parts: number[] = [];
    await runStreams<KV>(
      [words(['a', 'b', 'c'], ['a'])],
      (s) => {
        const st = (s[0] as DStream<KV>).updateStateByKey(total, 3);
        st.foreachRDD((rdd: RDD<KV>) => void parts.push(rdd.getNumPartitions()));
        return st;
      },
      2,
      { checkpoint: true },
    );
    expect(parts).toEqual([3, 3]);
  });

  test.each(['list', 'RDD'] as const)('an initial state given as a %s is the state before the first batch', async (form) => {
    const r = await runStreams<KV>(
      [words(['a'], ['z'])],
      (s) => {
        const initial: KV[] = [['z', 5]];
        const init = form === 'list' ? initial : s[0]!.context().sparkContext.parallelize(initial);
        return (s[0] as DStream<KV>).updateStateByKey(total, undefined, init);
      },
      2,
      { checkpoint: true },
    );
    expect(r.batches.map((b) => sorted(b.records))).toEqual([
      [['a', 1], ['z', 5]],
      [['a', 1], ['z', 6]],
    ]);
  });
});

describe('a Python program’s own reduceFunc (the bridge passes PySpark’s reduceFunc(t, a, b))', () => {
  test('it gets the initial state first, then the previous state, and the batch time', async () => {
    const seen: string[] = [];
    const r = await runStreams<KV>(
      [words(['a'], ['b'])],
      (s) => {
        const ds = s[0] as DStream<KV>;
        const initial = ds.context().sparkContext.parallelize<KV>([['z', 5]]);
        const reduceFunc = (state: RDD<KV> | undefined, batch: RDD<KV>, t: Time): RDD<KV> => {
          seen.push(`${t.milliseconds}: ${JSON.stringify(state?.collect())}`);
          return (state ?? batch).union(batch);
        };
        return new PythonStateDStream<string, number, number>(ds, () => undefined, 1, initial, reduceFunc);
      },
      2,
      { checkpoint: true },
    );
    expect(seen).toEqual(['1000: [["z",5]]', '2000: [["z",5],["a",1]]']);
    expect(r.batches.map((b) => b.records)).toEqual([
      [['z', 5], ['a', 1]],
      [['z', 5], ['a', 1], ['b', 1]],
    ]);
  });
});

describe('a batch whose parent makes no RDD (PySpark: the previous state is kept, the function not called)', () => {
  test('the state of the batch before, no call, and RDDs persisted at MEMORY_ONLY', () =>
    inJvm(async () => {
      const { ssc } = makeContexts('pyspark');
      ssc.checkpoint('cp');
      const calls: number[] = [];
      const state = ssc
        .queueStream<KV>([[['a', 1]], [['a', 1]]])
        .transform((t: Time, rdd: RDD<KV>) => (t.milliseconds === 2000 ? null : rdd))
        .updateStateByKey((vs: number[], s: number | undefined) => {
          calls.push(vs.length);
          return total(vs, s);
        });
      const out: KV[][] = [];
      state.foreachRDD((rdd: RDD<KV>) => void out.push(rdd.collect()));
      ssc.start();
      await ssc.awaitTerminationOrTimeout(3);
      ssc.stop();
      expect(out).toEqual([[['a', 1]], [['a', 1]], [['a', 1]]]);
      expect(calls).toEqual([1, 0]); // 1 s: one value; 3 s: none (the queue is empty); 2 s: not called
      expect(state.generatedRDDs.get(3000)!.getStorageLevel()).toBe('MEMORY_ONLY');
    }));
});
