/**
 * `mapWithState` (Spark: `MapWithStateDStream`, `InternalMapWithStateDStream`, `StateSpec`): how
 * the state is partitioned, batches where the parent made no RDD, removal, and initial states.
 */
import { HashPartitioner, StateSpec, runStreams, type State, type DStream, type Pair, type RDD, type Time } from 'dstream-sim';
import { inJvm, makeContexts } from '../../__helpers__/sim';

type KV = Pair<string, number>;
const words = (...batches: (string[] | null)[]): (KV[] | null)[] =>
  batches.map((b) => (b === null ? null : b.map((w): KV => [w, 1])));
const sum = (_k: string, v: number | undefined, state: State<number>): number => {
  const s = (v ?? 0) + (state.getOption() ?? 0);
  state.update(s);
  return s;
};

/** Run mapWithState(spec); return the mapped records and the state snapshots of every batch. */
async function run(
  spec: StateSpec<string, number, number, number | string>,
  input: (KV[] | null)[],
  opts: { flavor?: 'pyspark' | 'scala' } = {},
): Promise<{ mapped: unknown[][]; snapshots: KV[][]; partitions: number[] }> {
  const snapshots: KV[][] = [];
  const partitions: number[] = [];
  const r = await runStreams<unknown>(
    [input],
    (s) => {
      const m = (s[0] as DStream<KV>).mapWithState(spec);
      m.stateSnapshots().foreachRDD((rdd: RDD<KV>) => {
        snapshots.push(rdd.collect().sort());
        partitions.push(rdd.getNumPartitions());
      });
      return m as DStream<unknown>;
    },
    input.length,
    { checkpoint: true, ...opts },
  );
  return { mapped: r.batches.map((b) => b.records), snapshots, partitions };
}

describe('state partitioning (StateSpec.numPartitions / partitioner)', () => {
  test('numPartitions(n) hash-partitions the state into n partitions', async () => {
    expect((await run(StateSpec.function(sum).numPartitions(4), words(['a']))).partitions).toEqual([4]);
  });

  test('partitioner(p) uses that partitioner', async () => {
    expect((await run(StateSpec.function(sum).partitioner(new HashPartitioner(3)), words(['a']))).partitions).toEqual([3]);
  });

  test('otherwise the default parallelism (local[2] in Scala)', async () => {
    expect((await run(StateSpec.function(sum), words(['a']), { flavor: 'scala' })).partitions).toEqual([2]);
  });
});

describe('batches without input', () => {
  test('when the parent makes no RDD, nothing is mapped and the state is carried over', async () => {
    const r = await run(StateSpec.function(sum), words(['a', 'a'], null, ['a']));
    expect(r.mapped).toEqual([[1, 2], [], [3]]);
    expect(r.snapshots).toEqual([[['a', 2]], [['a', 2]], [['a', 3]]]);
  });
});

describe('removing state', () => {
  test('state.remove() drops the key from the next snapshots; a later record starts afresh', async () => {
    const spec = StateSpec.function((k: string, v: number | undefined, state: State<number>) => {
      if (state.exists() && state.get() >= 2) {
        state.remove();
        return `${k} removed`;
      }
      return `${k}=${sum(k, v, state)}`;
    });
    const r = await run(spec, words(['a'], ['a'], ['a'], ['a']));
    expect(r.mapped).toEqual([['a=1'], ['a=2'], ['a removed'], ['a=1']]);
    expect(r.snapshots).toEqual([[['a', 1]], [['a', 2]], [], [['a', 1]]]);
  });

  test('State prints its value once set (Spark: StateImpl.toString)', async () => {
    const printed: string[] = [];
    const spec = StateSpec.function((_k: string, v: number | undefined, state: State<number>) => {
      printed.push(state.toString());
      state.update(v ?? 0);
      printed.push(state.toString());
      return 0;
    });
    await run(spec, words(['a']));
    expect(printed).toEqual(['<state not set>', '1']);
  });
});

describe('initial state', () => {
  test('initial states count as updated at the first batch: they time out one timeout after it', async () => {
    const timedOut: [string, number][] = [];
    const spec = StateSpec.function((t: Time, k: string, v: number | undefined, state: State<number>) => {
      if (state.isTimingOut()) timedOut.push([k, t.milliseconds]);
      else state.update(v ?? 0);
      return undefined;
    }).timeout(9.5);
    const input = words(...Array.from({ length: 20 }, () => [] as string[]));
    await runStreams<unknown>(
      [input],
      (s) => {
        const sc = s[0]!.context().sparkContext;
        return (s[0] as DStream<KV>).mapWithState(spec.initialState(sc.parallelize([['z', 7]] as KV[]))) as DStream<unknown>;
      },
      20,
      { checkpoint: true },
    );
    // Set at 1 s; checked on checkpoint batches (10 s, 20 s): 1000 < 10000 − 9500 is false,
    // 1000 < 20000 − 9500 is true.
    expect(timedOut).toEqual([['z', 20000]]);
  });
});

describe('the state stream inside mapWithState (Spark: InternalMapWithStateDStream)', () => {
  type KV = Pair<string, number>;
  const counting = StateSpec.function((_k: string, v: number | undefined, state: State<number>) => {
    state.update((v ?? 0) + (state.exists() ? state.get() : 0));
    return v;
  });

  test.each([
    [false, 'MEMORY_ONLY'],
    [true, 'MEMORY_ONLY_SER'], // checkpoint() persists as DStream.persist() does
  ] as const)('named mapWithState in the graph; its RDDs are persisted (checkpoint() called: %s) at %s', (checkpointed, level) =>
    inJvm(async () => {
      const { ssc } = makeContexts('scala');
      ssc.checkpoint('cp');
      const mapped = ssc.queueStream<KV>([[['a', 1]]]).mapWithState(counting);
      if (checkpointed) mapped.checkpoint(10);
      mapped.foreachRDD(() => undefined);
      ssc.start();
      await ssc.awaitTerminationOrTimeout(1);
      ssc.stop();
      const internal = mapped.dependencies[0]!;
      expect(internal.generatedRDDs.get(1000)!.getStorageLevel()).toBe(level);
      const started = ssc.events().find((e) => e.type === 'contextStarted');
      const names = started?.type === 'contextStarted' ? started.graph.streams.map((s) => s.name) : [];
      expect(names).toEqual(['foreachRDD [3]', 'mapWithState [1]', 'mapWithState [2]', 'Queue input [0]']);
    }));

  test('with a timeout, a key whose function leaves its state alone gets none (and nothing fails)', async () => {
    const leaveAlone = StateSpec.function((_k: string, v: number | undefined) => v).timeout(3);
    const r = await runStreams<KV>([[[['a', 1]], [['a', 2]]]], (s) => (s[0] as DStream<KV>).mapWithState(leaveAlone).stateSnapshots() as DStream<KV>, 2, {
      checkpoint: true,
    });
    expect(r.batches.map((b) => b.records)).toEqual([[], []]);
  });
});
