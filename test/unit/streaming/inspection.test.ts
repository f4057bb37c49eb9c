/**
 * What `ssc.inspect(...)` adds to the event log (docs/inspection.md): the RDDs of chosen streams,
 * window contents, and inputs on or off.
 */
import { StateSpec, runStreams, SparkError, type DStream, type Pair, type SimEvent, type State } from 'dstream-sim';
import { inJvm, makeContexts } from '../../__helpers__/sim';

const pick = <T extends SimEvent['type']>(events: readonly SimEvent[], type: T): Extract<SimEvent, { type: T }>[] =>
  events.filter((e): e is Extract<SimEvent, { type: T }> => e.type === type);

describe('inspect({ streams })', () => {
  test('a list records the generated RDDs of exactly those streams', async () => {
    let chosen: DStream<number> | undefined;
    const r = await runStreams<number>(
      [[[1, 2], [3]]],
      (s) => {
        const mapped = (s[0] as DStream<number>).map((x) => x * 10);
        chosen = mapped.filter((x) => x > 10);
        chosen.context().inspect({ streams: [chosen] });
        return chosen;
      },
      2,
    );
    expect(pick(r.events, 'rddGenerated').map((e) => [e.batchTime, e.streamName, e.records, e.numPartitions, e.partitionSizes])).toEqual([
      [1000, 'filter [2]', [20], 2, [0, 1]],
      [2000, 'filter [2]', [30], 2, [0, 1]],
    ]);
  });

  test('a later inspect() without streams keeps the streams chosen before', async () => {
    const r = await runStreams<number>(
      [[[1]]],
      (s) => {
        const mapped = (s[0] as DStream<number>).map((x) => x * 10);
        mapped.context().inspect({ streams: [mapped] }).inspect({ windows: true });
        return mapped;
      },
      1,
    );
    expect(pick(r.events, 'rddGenerated').map((e) => [e.batchTime, e.records])).toEqual([[1000, [10]]]);
  });

  test('"none" (the default) records none', async () => {
    const r = await runStreams<number>([[[1]]], (s) => (s[0] as DStream<number>).map((x) => x), 1, { inspect: { streams: 'none' } });
    expect(pick(r.events, 'rddGenerated')).toEqual([]);
  });
});

describe('inspect({ inputs })', () => {
  test('inputs: false records no inputDelivered events, but batches still count the records', async () => {
    const r = await runStreams<number>([[[1, 2]]], (s) => s[0] as DStream<number>, 1, { inspect: { inputs: false } });
    expect(pick(r.events, 'inputDelivered')).toEqual([]);
    expect(pick(r.events, 'batchSubmitted')[0]!.numRecords).toBe(2);
  });

  test('an input that makes no RDD is recorded with records undefined and no partitions', async () => {
    const r = await runStreams<number>([[null]], (s) => s[0] as DStream<number>, 1);
    expect(pick(r.events, 'inputDelivered')).toEqual([
      expect.objectContaining({ batchTime: 1000, records: undefined, numPartitions: 0, partitionSizes: [], streamName: 'Test input stream [0]' }),
    ]);
  });
});

describe('inspect({ windows })', () => {
  test('each window records the parent batch times it covers and its records', async () => {
    const r = await runStreams<number>([[[1], [2], [3]]], (s) => (s[0] as DStream<number>).window(2, 1), 3, {
      inspect: { windows: true },
    });
    expect(pick(r.events, 'windowComputed').map((e) => [e.batchTime, e.windowMs, e.slideMs, e.batchTimes, e.records])).toEqual([
      [1000, 2000, 1000, [1000], [1]],
      [2000, 2000, 1000, [1000, 2000], [1, 2]],
      [3000, 2000, 1000, [2000, 3000], [2, 3]],
    ]);
  });

  test('without it, no window event', async () => {
    const r = await runStreams<number>([[[1]]], (s) => (s[0] as DStream<number>).window(2, 1), 1);
    expect(pick(r.events, 'windowComputed')).toEqual([]);
  });
});

describe('inspect({ streams }) and a function that throws', () => {
  test('the job fails with the user’s error as it would unobserved (looking used up no stage)', async () => {
    let chosen: DStream<number> | undefined;
    const run = runStreams<number>(
      [[[1], [2]]],
      (s) => {
        chosen = (s[0] as DStream<number>).map((x) => {
          if (x === 2) throw new Error('two is not welcome');
          return x;
        });
        chosen.context().inspect({ streams: [chosen] });
        return chosen;
      },
      2,
    );
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkError);
    expect((error as SparkError).message).toMatch(/^Job aborted due to stage failure: Task 0 in stage 5\.0 failed 1 times, .*: Error: two is not welcome$/);
    expect(((error as SparkError).cause as Error).message).toBe('two is not welcome');
  });
});

describe('inputs: each partition’s size', () => {
  test('an input’s records and partition sizes', async () => {
    const r = await runStreams<number>([[[1, 2, 3]]], (s) => s[0] as DStream<number>, 1, { numPartitions: 2 });
    expect(pick(r.events, 'inputDelivered').map((e) => [e.records, e.numPartitions, e.partitionSizes])).toEqual([[[1, 2, 3], 2, [1, 2]]]);
  });
});

describe('windows: a window that gets no parent RDD', () => {
  test('PySpark: a window over a parent that makes none records no batch times and no records', async () => {
    const r = await runStreams<number>([[[1], [2]]], (s) => (s[0] as DStream<number>).transform(() => null).window(2, 1) as DStream<number>, 2, {
      inspect: { windows: true },
    });
    expect(pick(r.events, 'windowComputed').map((e) => [e.batchTime, e.batchTimes, e.records])).toEqual([
      [1000, [], []],
      [2000, [], []],
    ]);
  });
});

/** Counts per key; maps to nothing. */
const counting = StateSpec.function((_k: string, v: number | undefined, state: State<number>) => {
  state.update((v ?? 0) + (state.exists() ? state.get() : 0));
  return undefined;
});

describe('state', () => {
  type KV = Pair<string, number>;

  test('mapWithState: what each batch added and updated', async () => {
    const r = await runStreams<KV>([[[['a', 1]], [['a', 2], ['b', 1]]]], (s) => (s[0] as DStream<KV>).mapWithState(counting) as DStream<unknown> as DStream<KV>, 2, {
      checkpoint: true,
      inspect: { state: true },
    });
    expect(pick(r.events, 'stateChanged').map((e) => [e.batchTime, e.added, e.updated, e.removed])).toEqual([
      [1000, [['a', 1]], [], []],
      [2000, [['b', 1]], [['a', 1, 3]], []],
    ]);
  });

  test('mapWithState: a key that timed out is reported as timed out, not as removed', async () => {
    const spec = StateSpec.function((_k: string, v: number | undefined, state: State<number>) => {
      if (!state.isTimingOut()) state.update(v ?? 0);
      return undefined;
    }).timeout(1);
    const r = await runStreams<KV>(
      [[[['a', 1]], [], [], []]],
      (s) => (s[0] as DStream<KV>).mapWithState(spec).checkpoint(2) as DStream<unknown> as DStream<KV>,
      4,
      { checkpoint: true, inspect: { state: true } },
    );
    const atFour = pick(r.events, 'stateChanged').find((e) => e.batchTime === 4000);
    expect(atFour).toMatchObject({ timedOut: [['a', 1]], removed: [] });
  });

  test('without inspect({ state: true }) no state change is recorded', async () => {
    const r = await runStreams<KV>(
      [[[['a', 1]], [['a', 2]]]],
      (s) => {
        const ds = s[0] as DStream<KV>;
        ds.mapWithState(counting).foreachRDD(() => undefined);
        return ds.updateStateByKey((vs: number[], st: number | undefined) => vs.length + (st ?? 0));
      },
      2,
      { checkpoint: true },
    );
    expect(pick(r.events, 'stateChanged')).toEqual([]);
  });
});

describe('the log off (eventLogCapacity 0): an inspection event is made for a subscriber that asks for its kind only', () => {
  test.each(['inputDelivered', 'rddGenerated', 'windowComputed', 'stateChanged'] as const)('%s', (kind) =>
    inJvm(
      async (jvm) => {
        const got: string[] = [];
        const from = new Set<string>();
        jvm.log.subscribe(
          (e) => {
            got.push(e.type);
            if ('streamName' in e) from.add(e.streamName.replace(/ \[\d+\]$/, ''));
          },
          [kind],
        );
        const { ssc } = makeContexts('scala');
        ssc.checkpoint('cp');
        const q = ssc.queueStream<Pair<string, number>>([[['a', 1]], [['a', 2]]]);
        q.window(2, 1)
          .updateStateByKey((vs: number[], st: number | undefined) => vs.length + (st ?? 0))
          .mapWithState(counting)
          .foreachRDD(() => undefined);
        ssc.start();
        await ssc.awaitTerminationOrTimeout(2);
        ssc.stop();
        expect(got.length).toBeGreaterThan(0);
        expect(new Set(got)).toEqual(new Set([kind]));
        if (kind === 'stateChanged') expect(from).toEqual(new Set(['updateStateByKey', 'mapWithState'])); // both kinds of state
      },
      { eventLogCapacity: 0, inspect: { inputs: true, streams: 'all', windows: true, state: true } },
    ));
});
