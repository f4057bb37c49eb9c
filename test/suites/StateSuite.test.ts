/**
 * Stateful rules of spark-semantics §5 (updateStateByKey in both flavors, mapWithState with
 * timeouts), one test per rule.
 */
import {
  IllegalArgumentError,
  NoSuchElementError,
  runOperation,
  runStreams,
  State,
  StateSpec,
  type DStream,
  type Pair,
  type Time,
} from '../../src/index';

const sorted = <T>(b: T[][]): T[][] => b.map((x) => [...x].sort());
const words = (...batches: (string[] | null)[]): (Pair<string, number>[] | null)[] =>
  batches.map((b) => (b === null ? null : b.map((w): Pair<string, number> => [w, 1])));
const sum = (vs: number[], s: number | undefined): number => vs.reduce((a, b) => a + b, 0) + (s ?? 0);

describe('updateStateByKey', () => {
  test('the output is the whole state every batch; keys with no new values are still updated with []', async () => {
    const calls: [string, number[]][] = [];
    const out = await runOperation(
      words(['a'], ['b'], []),
      (ds) =>
        ds.updateStateByKey((vs: number[], s: number | undefined) => {
          calls.push([String(s), vs]);
          return sum(vs, s);
        }),
      3,
      { checkpoint: true },
    );
    expect(sorted(out)).toEqual([[['a', 1]], [['a', 1], ['b', 1]], [['a', 1], ['b', 1]]]);
    expect(calls).toContainEqual(['1', []]);
  });

  test('returning undefined removes the key', async () => {
    const out = await runOperation(
      words(['a', 'b'], ['a'], ['a']),
      (ds) => ds.updateStateByKey((vs: number[], s: number | undefined) => (vs.length === 0 ? undefined : sum(vs, s))),
      3,
      { checkpoint: true },
    );
    expect(sorted(out)).toEqual([[['a', 1], ['b', 1]], [['a', 2]], [['a', 3]]]);
  });

  test('falsy states (0, [], "") are kept; only undefined removes', async () => {
    const out = await runOperation(words(['a']), (ds) => ds.updateStateByKey(() => 0), 2, { checkpoint: true });
    expect(out).toEqual([[['a', 0]], [['a', 0]]]);
  });

  test('Scala: when the parent makes no RDD, every key is still updated with []', async () => {
    const out = await runOperation(
      words(['a'], null, null),
      (ds) => ds.updateStateByKey((vs: number[], s: number | undefined) => (s === undefined ? 1 : s + 10 + vs.length)),
      3,
      { flavor: 'scala', checkpoint: true },
    );
    expect(out).toEqual([[['a', 1]], [['a', 11]], [['a', 21]]]);
  });

  test('PySpark: when the parent makes no RDD, the function is not called and the state is kept', async () => {
    let calls = 0;
    const out = await runOperation(
      words(['a'], null, null),
      (ds) =>
        ds.updateStateByKey((vs: number[], s: number | undefined) => {
          calls++;
          return s === undefined ? 1 : s + 10 + vs.length;
        }),
      3,
      { checkpoint: true },
    );
    expect(out).toEqual([[['a', 1]], [['a', 1]], [['a', 1]]]);
    expect(calls).toBe(1);
  });

  test('no previous state and no parent RDD: no output that batch', async () => {
    const out = await runOperation(words(null, ['a']), (ds) => ds.updateStateByKey(sum), 2, { flavor: 'scala', checkpoint: true });
    expect(out).toEqual([[['a', 1]]]);
  });

  test('initialRDD may be a list of pairs; its keys are updated with [] in the first batch', async () => {
    const out = await runOperation(
      words(['a']),
      (ds) => ds.updateStateByKey(sum, undefined, [['z', 5]] as Pair<string, number>[]),
      1,
      { flavor: 'scala', checkpoint: true },
    );
    expect(sorted(out)).toEqual([[['a', 1], ['z', 5]]]);
  });

  test('an update function that mutates its state does not corrupt earlier batches (aliasing)', async () => {
    const r = await runStreams<Pair<string, number[]>>(
      [words(['a'], ['a'], ['a'])],
      (s) => {
        const state = (s[0] as DStream<Pair<string, number>>).updateStateByKey((vs: number[], st: number[] | undefined) => {
          const list = st ?? [];
          list.push(vs.length);
          return list;
        });
        return state;
      },
      3,
      { checkpoint: true },
    );
    expect(r.batches.map((b) => b.records)).toEqual([[['a', [1]]], [['a', [1, 1]]], [['a', [1, 1, 1]]]]);
  });

  test('state changes are reported in the event log (added, updated, removed)', async () => {
    const r = await runStreams<Pair<string, number>>(
      [words(['a', 'b'], ['a'], [])],
      (s) =>
        (s[0] as DStream<Pair<string, number>>).updateStateByKey((vs: number[], st: number | undefined) =>
          vs.length === 0 && st !== undefined && st > 1 ? undefined : sum(vs, st),
        ),
      3,
      { checkpoint: true, inspect: { state: true } },
    );
    const changes = r.events.filter((e) => e.type === 'stateChanged');
    expect(changes.map((e) => (e.type === 'stateChanged' ? { t: e.batchTime, added: e.added, updated: e.updated, removed: e.removed } : {}))).toEqual([
      { t: 1000, added: [['a', 1], ['b', 1]], updated: [], removed: [] },
      { t: 2000, added: [], updated: [['a', 1, 2]], removed: [] },
      { t: 3000, added: [], updated: [], removed: [['a', 2]] },
    ]);
  });
});

describe('mapWithState', () => {
  const counting = StateSpec.function((_k: string, v: number | undefined, state: State<number>) => {
    const s = (v ?? 0) + (state.exists() ? state.get() : 0);
    state.update(s);
    return s;
  });

  test('each record calls the function in data order; keys without data are not called', async () => {
    const called: string[] = [];
    const spec = StateSpec.function((k: string, v: number | undefined, state: State<number>) => {
      called.push(k);
      state.update((state.getOption() ?? 0) + (v ?? 0));
      return k;
    }).numPartitions(1);
    const out = await runOperation(words(['a', 'a', 'b'], ['b'], []), (ds) => ds.mapWithState(spec), 3, { checkpoint: true });
    expect(out).toEqual([['a', 'a', 'b'], ['b'], []]);
    expect(called).toEqual(['a', 'a', 'b', 'b']);
  });

  test('stateSnapshots gives the whole state after each batch, initial states included from batch 1', async () => {
    const spec = counting;
    const out = await runStreams<Pair<string, number>>(
      [words([], ['a'])],
      (s) => {
        const sc = s[0]!.context().sparkContext;
        return (s[0] as DStream<Pair<string, number>>).mapWithState(spec.initialState(sc.parallelize([['z', 7]] as Pair<string, number>[]))).stateSnapshots();
      },
      2,
      { checkpoint: true },
    );
    expect(sorted(out.batches.map((b) => b.records))).toEqual([[['z', 7]], [['a', 1], ['z', 7]]]);
  });

  test('the (time, key, value, state) form emits nothing for undefined', async () => {
    const spec = StateSpec.function((t: Time, k: string, _v: number | undefined, _s: State<number>) =>
      t.milliseconds === 2000 ? `${k}@${t.milliseconds}` : undefined,
    );
    const out = await runOperation(words(['a'], ['a'], ['a']), (ds) => ds.mapWithState(spec), 3, { checkpoint: true });
    expect(out).toEqual([[], ['a@2000'], []]);
  });

  test('timeouts fire only on checkpoint batches (every 10 batches), strictly after the idle time', async () => {
    const timedOut: [string, number][] = [];
    const spec = StateSpec.function((t: Time, k: string, v: number | undefined, state: State<number>) => {
      if (state.isTimingOut()) {
        timedOut.push([k, t.milliseconds]);
        return undefined;
      }
      state.update(v ?? 0);
      return undefined;
    }).timeout(3);
    await runOperation(words(['a'], [], [], [], [], [], [], [], [], [], [], [], [], [], [], [], [], [], [], []), (ds) => ds.mapWithState(spec), 20, {
      checkpoint: true,
    });
    // Idle since 1 s; 10 s is the first checkpoint batch: 1000 < 10000 - 3000.
    expect(timedOut).toEqual([['a', 10000]]);
  });

  test('the comparison is strict: a key updated exactly timeout ago does not time out', async () => {
    const timedOut: number[] = [];
    const spec = StateSpec.function((t: Time, _k: string, v: number | undefined, state: State<number>) => {
      if (state.isTimingOut()) timedOut.push(t.milliseconds);
      else state.update(v ?? 0);
      return undefined;
    })
      .timeout(3)
      .numPartitions(1);
    const input = words(...Array.from({ length: 10 }, (_, i) => (i === 6 ? ['a'] : [])));
    await runOperation(input, (ds) => ds.mapWithState(spec).checkpoint(5) as DStream<unknown>, 15, { checkpoint: true, flavor: 'scala' });
    // Updated at 7 s; checkpoint batches at 5, 10, 15 s: 7000 < 10000 - 3000 is false, 7000 < 12000 at 15 s.
    expect(timedOut).toEqual([15000]);
  });

  test('receiving data refreshes the idle timer even without update (a timeout is set)', async () => {
    const timedOut: number[] = [];
    const spec = StateSpec.function((t: Time, _k: string, v: number | undefined, state: State<number>) => {
      if (state.isTimingOut()) timedOut.push(t.milliseconds);
      else if (!state.exists()) state.update(v ?? 0);
      return undefined;
    }).timeout(3);
    const input = words(['a'], [], [], [], [], [], [], ['a'], [], []);
    await runOperation(input, (ds) => ds.mapWithState(spec), 10, { checkpoint: true });
    expect(timedOut).toEqual([]);
  });

  test('State refuses what Spark refuses, with Spark messages', () => {
    const s = new State<number>();
    s.wrap(false, undefined);
    expect(() => s.get()).toThrow(new NoSuchElementError('State is not set'));
    expect(s.toString()).toBe('<state not set>');
    s.update(1);
    s.remove();
    expect(s.exists()).toBe(false);
    expect(() => s.update(2)).toThrow(new IllegalArgumentError('requirement failed: Cannot update the state after it has been removed'));
    expect(() => s.remove()).toThrow('requirement failed: Cannot remove the state that has already been removed');
    s.wrapTimingOut(3);
    expect(() => s.update(4)).toThrow('requirement failed: Cannot update the state that is timing out');
    expect(() => s.remove()).toThrow('requirement failed: Cannot remove the state that is timing out');
  });

  test('timed-out keys are reported in the event log', async () => {
    const spec = StateSpec.function((_k: string, v: number | undefined, state: State<number>) => {
      if (!state.isTimingOut()) state.update(v ?? 0);
      return 0;
    }).timeout(2);
    const r = await runStreams<number>(
      [words(['a'], ['b'])],
      (s) => (s[0] as DStream<Pair<string, number>>).mapWithState(spec),
      10,
      { checkpoint: true, inspect: { state: true } },
    );
    const last = r.events.filter((e) => e.type === 'stateChanged').pop();
    expect(last).toMatchObject({ batchTime: 10000, timedOut: [['a', 1], ['b', 1]], after: [] });
  });
});
