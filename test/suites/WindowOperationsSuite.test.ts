/**
 * Window rules of spark-semantics §4 (Spark: WindowOperationsSuite, PySpark WindowFunctionTests),
 * one test per rule.
 */
import {
  IllegalArgumentError,
  JavaException,
  runOperation,
  runStreams,
  ValueError,
  type DStream,
  type Pair,
  type Time,
} from '../../src/index';
import { inJvm, makeContexts } from '../__helpers__/sim';

const ones = (n: number): number[][] => Array.from({ length: n }, (_, i) => [i]);
const sorted = <T>(b: T[][]): T[][] => b.map((x) => [...x].sort());

describe('window', () => {
  test('window covers (t − w, t] of the parent batches', async () => {
    const out = await runOperation(ones(6), (ds) => ds.window(3, 1), 6, { flavor: 'scala' });
    expect(sorted(out)).toEqual([[0], [0, 1], [0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 5]]);
  });

  test('partial windows are emitted from the first slide on and emitting goes on after input ends', async () => {
    const out = await runOperation([[1], [2]], (ds) => ds.window(2, 2), 8, { flavor: 'scala' });
    expect(sorted(out)).toEqual([[1, 2], [], [], []]);
  });

  test('windows are aligned to zeroTime, not to epoch multiples of the slide', () =>
    inJvm(
      async (jvm) => {
        const { ssc } = makeContexts('scala');
        const times: number[] = [];
        ssc
          .queueStream([[1], [2], [3], [4]])
          .window(2, 2)
          .foreachRDD((time: Time, _rdd: unknown) => void times.push(time.milliseconds));
        ssc.start(); // clock at 1500: first batch at 2000, zeroTime 1000
        await ssc.awaitTerminationOrTimeout(4.5);
        ssc.stop();
        expect(jvm.clock.now()).toBe(6000);
        expect(times).toEqual([3000, 5000]);
      },
      { clockStartMs: 1500 },
    ));

  test('a slide larger than the batch defers the parent computation to the aligned batch (queue dequeued twice)', () =>
    inJvm(async () => {
      const { ssc } = makeContexts('scala');
      const out: number[][] = [];
      ssc
        .queueStream([[1], [2], [3], [4]])
        .window(2, 2)
        .foreachRDD((rdd) => void out.push(rdd.collect()));
      ssc.start();
      await ssc.awaitTerminationOrTimeout(4);
      ssc.stop();
      expect(out).toEqual([
        [1, 2],
        [3, 4],
      ]);
    }));

  test('window duration not a multiple of the parent slide is refused (Scala: java.lang.Exception)', () =>
    inJvm(() => {
      const { ssc } = makeContexts('scala');
      const ds = ssc.queueStream([[1]]);
      expect(() => ds.window(1.5, 1)).toThrow(
        new JavaException(
          'The window duration of windowed DStream (1500 ms) must be a multiple of the slide duration of parent DStream (1000 ms)',
        ),
      );
      expect(() => ds.window(2, 1.5)).toThrow(
        'The slide duration of windowed DStream (1500 ms) must be a multiple of the slide duration of parent DStream (1000 ms)',
      );
    }));

  test('window duration not a multiple of the batch is refused (PySpark: ValueError, truncating to ms)', () =>
    inJvm(() => {
      const { ssc } = makeContexts('pyspark', 0.5);
      const ds = ssc.queueStream([[1]]);
      expect(() => ds.window(0.7)).toThrow(
        new ValueError("windowDuration must be multiple of the parent dstream's slide (batch) duration (500 ms)"),
      );
      expect(() => ds.window(1, 0.7)).toThrow(
        "slideDuration must be multiple of the parent dstream's slide (batch) duration (500 ms)",
      );
    }));
});

describe('reduceByKeyAndWindow', () => {
  const keyed = [[['a', 1]], [['a', 2]], [], [], []] as Pair<string, number>[][];

  test('without an inverse, keys vanish when their data leaves the window', async () => {
    const out = await runOperation(keyed, (ds) => ds.reduceByKeyAndWindow((x, y) => x + y, null, 2, 1), 4, { flavor: 'scala' });
    expect(out).toEqual([[['a', 1]], [['a', 3]], [['a', 2]], []]);
  });

  test('Scala inverse path: zero-valued keys stay unless filterFunc removes them', async () => {
    const inv = await runOperation(keyed, (ds) => ds.reduceByKeyAndWindow((x, y) => x + y, (x, y) => x - y, 2, 1), 4, {
      flavor: 'scala',
      checkpoint: true,
    });
    expect(inv).toEqual([[['a', 1]], [['a', 3]], [['a', 2]], [['a', 0]]]);
    const filtered = await runOperation(
      keyed,
      (ds) => ds.reduceByKeyAndWindow((x, y) => x + y, (x, y) => x - y, 2, 1, undefined, (kv) => kv[1] !== 0),
      4,
      { flavor: 'scala', checkpoint: true },
    );
    expect(filtered).toEqual([[['a', 1]], [['a', 3]], [['a', 2]], []]);
  });

  test('PySpark inverse path is incremental only when window ≥ 5 × slide', async () => {
    const small = await runOperation(keyed, (ds) => ds.reduceByKeyAndWindow((x, y) => x + y, (x, y) => x - y, 2, 1), 4, {
      checkpoint: true,
    });
    // W < 5S: recomputed, so the key disappears with its data (PySpark gives no zero key).
    expect(small).toEqual([[['a', 1]], [['a', 3]], [['a', 2]], []]);
    const big = await runOperation(
      [[['a', 1]], [], [], [], [], [], []] as Pair<string, number>[][],
      (ds) => ds.reduceByKeyAndWindow((x, y) => x + y, (x, y) => x - y, 5, 1),
      7,
      { checkpoint: true },
    );
    // W = 5S: incremental; the key falls to 0 and stays.
    expect(big).toEqual([[['a', 1]], [['a', 1]], [['a', 1]], [['a', 1]], [['a', 1]], [['a', 0]], [['a', 0]]]);
  });

  test('PySpark ignores filterFunc when there is no inverse function', async () => {
    const out = await runOperation(
      [[['a', 1], ['b', 2]]] as Pair<string, number>[][],
      (ds) => ds.reduceByKeyAndWindow((x, y) => x + y, null, 1, 1, undefined, (kv) => kv[0] === 'a'),
      1,
    );
    expect(sorted(out)).toEqual([[['a', 1], ['b', 2]]]);
  });

  test('ReducedWindowedDStream refuses durations that are not multiples of the parent slide', () =>
    inJvm(() => {
      const { ssc } = makeContexts('scala');
      const ds = ssc.queueStream<Pair<string, number>>([]);
      expect(() => ds.reduceByKeyAndWindow((a, b) => a + b, (a, b) => a - b, 2.5, 1)).toThrow(
        new IllegalArgumentError(
          'requirement failed: The window duration of ReducedWindowedDStream (2500 ms) must be multiple of the slide duration of parent DStream (1000 ms)',
        ),
      );
      expect(() => ds.reduceByKeyAndWindow((a, b) => a + b, (a, b) => a - b, 2, 1.5)).toThrow(
        'requirement failed: The slide duration of ReducedWindowedDStream (1500 ms) must be multiple of the slide duration of parent DStream (1000 ms)',
      );
    }));
});

describe('countByWindow, reduceByWindow, countByValueAndWindow, groupByKeyAndWindow', () => {
  const input = [[1], [1], [1, 2], [0], [], []];

  test('Scala countByWindow: empty before the first element, then a count per window (0 when empty)', async () => {
    const out = await runOperation([[], ...input], (ds) => ds.countByWindow(2, 1), 7, { flavor: 'scala', checkpoint: true });
    expect(out).toEqual([[], [1], [2], [3], [3], [1], [0]]);
  });

  test('PySpark countByWindow: nothing for an empty window when W < 5S', async () => {
    const out = await runOperation(input, (ds) => ds.countByWindow(2, 1), 7, { checkpoint: true });
    expect(out).toEqual([[1], [2], [3], [3], [1], [], []]);
  });

  test('reduceByWindow without an inverse gives empty output for an empty window', async () => {
    const out = await runOperation(input, (ds) => ds.reduceByWindow((a, b) => a + b, null, 2, 1), 7, { flavor: 'scala' });
    expect(out).toEqual([[1], [2], [4], [3], [0], [], []]);
  });

  test('countByValueAndWindow never reports a zero count (PySpark > 0, Scala != 0)', async () => {
    for (const flavor of ['scala', 'pyspark'] as const) {
      const out = await runOperation([['a'], ['b'], [], []], (ds) => ds.countByValueAndWindow(2, 1), 4, { flavor, checkpoint: true });
      expect(sorted(out)).toEqual([[['a', 1]], [['a', 1], ['b', 1]], [['b', 1]], []]);
    }
  });

  test('Scala groupByKeyAndWindow needs no checkpoint and keeps values in time order', async () => {
    const out = await runOperation(
      [[['a', 1]], [['a', 2]], [['a', 3]]] as Pair<string, number>[][],
      (ds) => ds.groupByKeyAndWindow(2, 1),
      3,
      { flavor: 'scala' },
    );
    expect(out).toEqual([[['a', [1]]], [['a', [1, 2]]], [['a', [2, 3]]]]);
  });

  test('PySpark groupByKeyAndWindow on the incremental path keeps keys with an empty group', async () => {
    const out = await runOperation(
      [[['a', 1]], [], [], [], [], []] as Pair<string, number>[][],
      (ds) => ds.groupByKeyAndWindow(5, 1),
      6,
      { checkpoint: true },
    );
    expect(out).toEqual([[['a', [1]]], [['a', [1]]], [['a', [1]]], [['a', [1]]], [['a', [1]]], [['a', []]]]);
  });

  test('window contents are reported in the event log (inspection)', async () => {
    const r = await runStreams<number>([[[1], [2], [3]]], (s) => (s[0] as DStream<number>).window(2, 1), 3, {
      inspect: { windows: true },
    });
    const windows = r.events.filter((e) => e.type === 'windowComputed');
    expect(windows.map((e) => (e.type === 'windowComputed' ? [e.batchTime, e.batchTimes, e.records] : []))).toEqual([
      [1000, [1000], [1]],
      [2000, [1000, 2000], [1, 2]],
      [3000, [2000, 3000], [2, 3]],
    ]);
  });
});
