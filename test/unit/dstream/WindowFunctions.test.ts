/**
 * The window family's flavor rules that the suites' inputs do not reach (Spark:
 * `DStream.countByValueAndWindow`; PySpark: `pyspark/streaming/dstream.py`).
 */
import { JavaException, SparkError, ValueError, runOperation, runStreams, type DStream } from 'dstream-sim';
import { inJvm, makeContexts } from '../../__helpers__/sim';

const sorted = <T>(b: T[][]): T[][] => b.map((x) => [...x].sort());

describe('PySpark countByValueAndWindow', () => {
  // PySpark: keyed.reduceByKeyAndWindow(add, sub, window, slide, n).filter(lambda x: x[1] > 0).
  // With window ≥ 5 × slide the window is updated incrementally, so a value whose records all
  // left the window is inverse-reduced to 0; only the `> 0` filter hides it.
  test('a value whose count falls to 0 on the incremental path is not reported', async () => {
    const out = await runOperation([['a'], ['b'], [], [], [], [], []], (ds) => ds.countByValueAndWindow(5, 1), 7, {
      checkpoint: true,
    });
    expect(sorted(out)).toEqual([
      [['a', 1]],
      [['a', 1], ['b', 1]],
      [['a', 1], ['b', 1]],
      [['a', 1], ['b', 1]],
      [['a', 1], ['b', 1]],
      [['b', 1]], // 6 s: 'a' (1 s) left the window (1 s, 6 s]: count 0, filtered
      [], // 7 s: 'b' too
    ]);
  });

  test('Scala keeps the same rule with filterFunc (count != 0)', async () => {
    const out = await runOperation([['a'], ['b'], [], [], [], [], []], (ds) => ds.countByValueAndWindow(5, 1), 7, {
      flavor: 'scala',
      checkpoint: true,
    });
    expect(sorted(out).slice(5)).toEqual([[['b', 1]], []]);
  });
});

type KV = [string, number];
const keyed = [[['a', 1]], [['a', 2], ['b', 1]], [['b', 5]], []] as KV[][];
const add = (x: number, y: number): number => x + y;
const sub = (x: number, y: number): number => x - y;

describe('defaults: the slide is the parent’s unless given', () => {
  test.each(['pyspark', 'scala'] as const)('%s: window(2) slides every batch', async (flavor) => {
    const out = await runOperation([[1], [2], [3]], (ds) => ds.window(2), 3, { flavor });
    expect(out).toEqual([[1], [1, 2], [2, 3]]);
  });

  test.each(['pyspark', 'scala'] as const)('%s: reduceByKeyAndWindow with an inverse and no slide slides every batch', async (flavor) => {
    const out = await runOperation(keyed, (ds) => ds.reduceByKeyAndWindow(add, sub, 2), 4, { flavor, checkpoint: true });
    const nonZero = sorted(out).map((b) => b.filter(([, v]) => v !== 0));
    expect(nonZero).toEqual([[['a', 1]], [['a', 3], ['b', 1]], [['a', 2], ['b', 6]], [['b', 5]]]);
  });
});

describe('PySpark reduceByKeyAndWindow without an inverse', () => {
  // PySpark: self.reduceByKey(func, n).window(w, s).reduceByKey(func, n) — no checkpoint needed.
  test('reduces each window from its batches', async () => {
    const out = await runOperation(keyed, (ds) => ds.reduceByKeyAndWindow(add, null, 2, 1), 4);
    expect(sorted(out)).toEqual([[['a', 1]], [['a', 3], ['b', 1]], [['a', 2], ['b', 6]], [['b', 5]]]);
  });
});

describe('numPartitions', () => {
  async function partitionsOf(flavor: 'pyspark' | 'scala', invFunc: typeof sub | null, n?: number): Promise<number[]> {
    const parts: number[] = [];
    await runOperation(
      keyed,
      (ds) => {
        const w = ds.reduceByKeyAndWindow(add, invFunc, 2, 1, n);
        w.foreachRDD((rdd) => void parts.push(rdd.getNumPartitions()));
        return w;
      },
      2,
      { flavor, checkpoint: true },
    );
    return parts;
  }

  test.each([
    ['pyspark', 'with', sub],
    ['pyspark', 'without', null],
    ['scala', 'with', sub],
    ['scala', 'without', null],
  ] as const)('%s, %s an inverse: the window has numPartitions partitions when given', async (flavor, _with, inv) => {
    expect(await partitionsOf(flavor, inv, 3)).toEqual([3, 3]);
  });

  test.each([
    ['pyspark', 'with', sub, 1], // the harness sets spark.default.parallelism = 1, as PySpark's tests do
    ['scala', 'with', sub, 2], // local[2]
    ['scala', 'without', null, 2],
  ] as const)('%s, %s an inverse: otherwise the default parallelism (%d)', async (flavor, _with, inv, expected) => {
    expect(await partitionsOf(flavor, inv)).toEqual([expected, expected]);
  });
});

describe('window contents in the event log (inspect({ windows: true }))', () => {
  test.each([
    ['pyspark', 'recomputed (window < 5 × slide)', 2],
    ['pyspark', 'incremental (window ≥ 5 × slide)', 5],
    ['scala', 'incremental', 2],
    ['scala', 'incremental', 5],
  ] as const)('%s reduceByKeyAndWindow, %s: a window of %i s covers (t − w, t]', async (flavor, _how, w) => {
    const r = await runStreams<KV>(
      [keyed.slice(0, 3)],
      (s) => (s[0] as DStream<KV>).reduceByKeyAndWindow(add, sub, w, 1),
      3,
      { flavor, checkpoint: true, inspect: { windows: true } },
    );
    const windows = r.events.flatMap((e) => (e.type === 'windowComputed' ? [[e.batchTime, e.windowMs, e.batchTimes]] : []));
    const covered = (t: number): number[] => [1000, 2000, 3000].filter((b) => b > t - w * 1000 && b <= t);
    expect(windows).toEqual([1000, 2000, 3000].map((t) => [t, w * 1000, covered(t)]));
  });
});

describe('PySpark reduceByKeyAndWindow with an inverse and a filterFunc', () => {
  // PySpark's reduceFunc filters the window it reduced: r = r.filter(filterFunc) when given.
  test('a key whose value falls to 0 is dropped by the filterFunc, and kept without one', async () => {
    const input = [[['a', 1]], [['b', 1]], [], [], [], [], []] as KV[][];
    const run = (filterFunc: ((kv: KV) => boolean) | undefined): Promise<KV[][]> =>
      runOperation(input, (ds: DStream<KV>) => ds.reduceByKeyAndWindow(add, sub, 5, 1, undefined, filterFunc), 7, { checkpoint: true });
    const filtered = sorted(await run((kv) => kv[1] > 0));
    expect(filtered.slice(4)).toEqual([[['a', 1], ['b', 1]], [['b', 1]], []]);
    const kept = sorted(await run(undefined));
    expect(kept.slice(5)).toEqual([[['a', 0], ['b', 1]], [['a', 0], ['b', 0]]]);
  });
});

describe('Scala reduceByKeyAndWindow with an inverse and a filterFunc that drops a key still in the window', () => {
  // Spark: ReducedWindowedDStream remembers the *filtered* window; when the dropped key's values
  // leave the window, its merge finds no previous value and no new one.
  test('fails with Spark’s "Neither previous window has value for key" once its values leave', async () => {
    const input = [[['a', 1]], [], []] as KV[][];
    const error = await runOperation(input, (ds: DStream<KV>) => ds.reduceByKeyAndWindow(add, sub, 2, 1, undefined, (kv: KV) => kv[0] !== 'a'), 3, {
      flavor: 'scala',
      checkpoint: true,
    }).catch((e: unknown) => e);
    // Thrown by the merge function inside a task: the job fails as Spark's failed task does.
    expect(error).toBeInstanceOf(SparkError);
    expect((error as SparkError).message).toMatch(
      /^Job aborted due to stage failure: .*: java\.lang\.Exception: Neither previous window has value for key, nor new values found\. Are you sure your key class hashes consistently\?$/,
    );
    expect((error as SparkError).cause).toBeInstanceOf(JavaException);
    expect(((error as SparkError).cause as JavaException).errorClass).toBe('EXCEPTION');
  });
});

describe('PySpark reduceByKeyAndWindow with an inverse (Spark: PythonReducedWindowedDStream)', () => {
  const invCalls = async (window: number): Promise<number> => {
    let calls = 0;
    const inv = (x: number, y: number): number => {
      calls++;
      return x - y;
    };
    await runOperation(keyed, (ds) => ds.reduceByKeyAndWindow(add, inv, window, 1), 7, { checkpoint: true }); // values leave a 5 s window from 6 s
    return calls;
  };

  test('the inverse function is used only for a window of 5 slides or more', async () => {
    expect(await invCalls(2)).toBe(0);
    expect(await invCalls(5)).toBeGreaterThan(0);
  });

  test('a window whose batches made no RDD makes none either, and records no window event', async () => {
    const r = await runStreams<KV>(
      [[keyed[0]!, keyed[1]!]],
      (s) => ((s[0] as DStream<KV>).transform(() => null) as DStream<KV>).reduceByKeyAndWindow(add, sub, 2, 1),
      2,
      { checkpoint: true, inspect: { windows: true } },
    );
    expect(r.batches).toEqual([]);
    expect(r.events.filter((e) => e.type === 'windowComputed')).toEqual([]);
  });

  test('it keeps its parent’s RDDs a window longer than itself, persisted at MEMORY_ONLY', () =>
    inJvm(async () => {
      const { ssc } = makeContexts('pyspark');
      ssc.checkpoint('cp');
      const windowed = ssc.queueStream<KV>([[['a', 1]]]).reduceByKeyAndWindow(add, sub, 3, 1);
      windowed.foreachRDD(() => undefined);
      ssc.start();
      await ssc.awaitTerminationOrTimeout(1);
      ssc.stop();
      const reduced = windowed.dependencies[0]!;
      expect(reduced.rememberDuration!.milliseconds).toBe(windowed.rememberDuration!.milliseconds + 3000);
      expect(windowed.generatedRDDs.get(1000)!.getStorageLevel()).toBe('MEMORY_ONLY');
      expect(String(windowed)).toMatch(/^reduceByKeyAndWindow \[\d+\]$/);
    }));
});

describe('window functions: names, messages and the flavor’s way', () => {
  test.each([
    ['window', (ds: DStream<number>) => ds.window(Number.NaN), 'DStream.window: windowDuration'],
    ['window', (ds: DStream<number>) => ds.window(2, Number.NaN), 'DStream.window: slideDuration'],
    ['reduceByKeyAndWindow', (ds: DStream<number>) => (ds.map((x): KV => ['k', x]) as DStream<KV>).reduceByKeyAndWindow(add, sub, Number.NaN), 'DStream.reduceByKeyAndWindow: windowDuration'],
    ['reduceByKeyAndWindow', (ds: DStream<number>) => (ds.map((x): KV => ['k', x]) as DStream<KV>).reduceByKeyAndWindow(add, sub, 2, Number.NaN), 'DStream.reduceByKeyAndWindow: slideDuration'],
  ] as const)('Scala %s with a duration that is not a number names the call and parameter (%#)', (_name, make, prefix) =>
    inJvm(() => {
      const { ssc } = makeContexts('scala');
      expect(() => make(ssc.queueStream<number>([[1]]))).toThrow(`${prefix} must be a finite number of seconds, got NaN`);
    }));

  test.each([
    // PySpark: map((1, x)).reduceByKeyAndWindow(f, None, …) = reduceByKey → window → reduceByKey, then map(_._2)
    ['pyspark', 'map < reduceByKey < window < reduceByKey < map < Queue input', 'filter'],
    // Scala: reduce(f).window(…).reduce(f), reduce being map((null, x)).reduceByKey(f, 1).map(_._2)
    ['scala', 'map < reduceByKey < map < window < map < reduceByKey < map < Queue input', 'reduceByKeyAndWindow'],
  ] as const)('%s: reduceByWindow without an inverse is the chain %s; countByValueAndWindow ends in %s', (flavor, reduceChain, countEnd) =>
    inJvm(() => {
      const { ssc } = makeContexts(flavor);
      ssc.checkpoint('cp');
      const q = ssc.queueStream<number>([[1]]);
      const op = (ds: DStream<unknown>): string => String(ds).replace(/ \[\d+\]$/, '');
      const chain: string[] = [];
      for (let d: DStream<unknown> | undefined = q.reduceByWindow(add, null, 2, 1); d !== undefined; d = d.dependencies[0]) chain.push(op(d));
      expect([chain.join(' < '), op(q.countByValueAndWindow(2, 1))]).toEqual([reduceChain, countEnd]);
    }));

  test.each(['pyspark', 'scala'] as const)('%s: groupByKeyAndWindow gathers a key’s values from every batch of the window', async (flavor) => {
    const out = await runOperation(keyed, (ds) => ds.groupByKeyAndWindow(2, 1), 3, { flavor, checkpoint: true });
    const sortedValues = out.map((b) => b.map(([k, vs]) => [k, [...(vs as number[])].sort()]).sort());
    expect(sortedValues).toEqual([[['a', [1]]], [['a', [1, 2]], ['b', [1]]], [['a', [2]], ['b', [1, 5]]]]);
  });
});

describe('window() (Spark: WindowedDStream)', () => {
  test.each(['pyspark', 'scala'] as const)('%s: the parent is persisted at MEMORY_ONLY_SER and kept a window longer than the window stream', (flavor) =>
    inJvm(async () => {
      const { ssc } = makeContexts(flavor);
      const parent = ssc.queueStream<number>([[1]]).map((x) => x);
      const windowed = parent.window(3, 1);
      windowed.foreachRDD(() => undefined);
      ssc.start();
      await ssc.awaitTerminationOrTimeout(1);
      ssc.stop();
      expect(parent.generatedRDDs.get(1000)!.getStorageLevel()).toBe('MEMORY_ONLY_SER');
      expect(parent.rememberDuration!.milliseconds).toBe(windowed.rememberDuration!.milliseconds + 3000);
    }));
});

describe('windows that do not fit the parent’s slide (2 s batches)', () => {
  const refusal = (flavor: 'pyspark' | 'scala', make: (ds: DStream<KV>) => unknown): Promise<unknown> =>
    inJvm(() => {
      const { ssc } = makeContexts(flavor, 2);
      try {
        make(ssc.queueStream<KV>([[['a', 1]]]));
      } catch (e) {
        return e;
      }
      return undefined;
    });

  test.each([
    ['window', 3, 2, 'WINDOW_NOT_MULTIPLE_OF_SLIDE'],
    ['slide', 4, 3, 'SLIDE_NOT_MULTIPLE_OF_SLIDE'],
  ] as const)('the %s: Scala’s and PySpark’s refusals carry %s', async (_what, w, s, code) => {
    for (const flavor of ['scala', 'pyspark'] as const) {
      expect(await refusal(flavor, (ds) => ds.window(w, s))).toMatchObject({ errorClass: code });
      expect(await refusal(flavor, (ds) => ds.reduceByKeyAndWindow(add, sub, w, s))).toMatchObject({ errorClass: code });
    }
  });

  test('PySpark checks reduceByKeyAndWindow’s durations itself, with its ValueError', async () => {
    expect(await refusal('pyspark', (ds) => ds.reduceByKeyAndWindow(add, sub, 3, 2))).toEqual(
      new ValueError("windowDuration must be multiple of the parent dstream's slide (batch) duration (2000 ms)"),
    );
  });
});
