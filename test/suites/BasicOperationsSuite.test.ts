/**
 * Every basic DStream operation (Spark: BasicOperationsSuite), through the harness, plus the
 * places where the PySpark and Scala flavors differ.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  IllegalArgumentError,
  runOperation,
  runOperation2,
  SparkError,
  ValueError,
  type DStream,
  type Pair,
  type RDD,
  type Time,
} from '../../src/index';
import { inJvm, makeContexts } from '../__helpers__/sim';

const input = [[1, 2, 3, 4], [5, 6], [7]];
const sortBatches = <T>(b: T[][]): T[][] => b.map((x) => [...x].sort());

describe('element operations', () => {
  test('map', async () => {
    expect(await runOperation(input, (ds) => ds.map((x) => x * 10), 3)).toEqual([[10, 20, 30, 40], [50, 60], [70]]);
  });

  test('flatMap accepts any iterable', async () => {
    expect(await runOperation([['a b', 'c']], (ds) => ds.flatMap((s) => s.split(' ')), 1)).toEqual([['a', 'b', 'c']]);
    expect(await runOperation([['ab']], (ds) => ds.flatMap((s) => s), 1)).toEqual([['a', 'b']]);
  });

  test('filter', async () => {
    expect(await runOperation(input, (ds) => ds.filter((x) => x % 2 === 1), 3)).toEqual([[1, 3], [5], [7]]);
  });

  test('mapPartitions sees each partition once', async () => {
    const out = await runOperation(input, (ds) => ds.mapPartitions((it) => [Array.from(it).length]), 3, {
      numPartitions: 2,
    });
    expect(out).toEqual([[2, 2], [1, 1], [0, 1]]);
  });

  test('mapPartitionsWithIndex passes the partition index', async () => {
    const out = await runOperation([[1, 2, 3, 4]], (ds) => ds.mapPartitionsWithIndex((i, it) => Array.from(it, (x) => [i, x])), 1);
    expect(out).toEqual([[[0, 1], [0, 2], [1, 3], [1, 4]]]);
  });

  test('glom gives one array per partition', async () => {
    expect(await runOperation([[1, 2, 3, 4, 5]], (ds) => ds.glom(), 1, { numPartitions: 2 })).toEqual([[[1, 2], [3, 4, 5]]]);
  });

  test('repartition deals records round-robin from a seeded start, as Spark', async () => {
    const out = await runOperation([[1, 2, 3, 4, 5, 6, 7, 8]], (ds) => ds.repartition(3).glom(), 1, { numPartitions: 2 });
    expect(out[0]).toHaveLength(3);
    expect(out[0]!.flat().sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // Same layout on every run (seeded java.util.Random, never Math.random).
    expect(await runOperation([[1, 2, 3, 4, 5, 6, 7, 8]], (ds) => ds.repartition(3).glom(), 1, { numPartitions: 2 })).toEqual(out);
  });

  test('cache and persist do not change results', async () => {
    const out = await runOperation(input, (ds) => ds.map((x) => x + 1).cache().persist(), 3);
    expect(out).toEqual([[2, 3, 4, 5], [6, 7], [8]]);
  });
});

describe('aggregations', () => {
  test('reduce: one record per batch, none for an empty batch', async () => {
    expect(await runOperation([[1, 2, 3], [], [4]], (ds) => ds.reduce((a, b) => a + b), 3)).toEqual([[6], [], [4]]);
  });

  test('count (Scala): exactly one number per batch, 0 when empty', async () => {
    expect(await runOperation([[1, 2], [], [3]], (ds) => ds.count(), 3, { flavor: 'scala' })).toEqual([[2], [0], [1]]);
  });

  test('count (PySpark): 0 for an empty RDD with partitions, nothing for an RDD with no partitions', () =>
    inJvm(async () => {
      const { sc, ssc } = makeContexts('pyspark');
      const got: number[][] = [];
      ssc
        .queueStream<number>([sc.parallelize([1, 2], 2), sc.parallelize([], 1), sc.emptyRDD()])
        .count()
        .foreachRDD((rdd) => void got.push(rdd.collect()));
      ssc.start();
      await ssc.awaitTerminationOrTimeout(3);
      ssc.stop();
      expect(got).toEqual([[2], [0], []]);
    }));

  test('countByValue', async () => {
    const out = await runOperation([['a', 'b', 'a']], (ds) => ds.countByValue(), 1);
    expect(sortBatches(out)).toEqual([[['a', 2], ['b', 1]]]);
  });

  test('reduceByKey', async () => {
    const out = await runOperation([[['a', 1], ['b', 2], ['a', 3]]] as Pair<string, number>[][], (ds) => ds.reduceByKey((x, y) => x + y), 1);
    expect(sortBatches(out)).toEqual([[['a', 4], ['b', 2]]]);
  });

  test('reduceByKey with numPartitions shuffles into that many partitions', async () => {
    const out = await runOperation([[['a', 1], ['b', 2], ['c', 3]]] as Pair<string, number>[][], (ds) => ds.reduceByKey((x, y) => x + y, 3).glom(), 1);
    expect(out[0]).toHaveLength(3);
  });

  test('combineByKey', async () => {
    const out = await runOperation(
      [[['a', 1], ['a', 2], ['b', 3]]] as Pair<string, number>[][],
      (ds) => ds.combineByKey((v) => [v], (c: number[], v) => [...c, v], (x, y) => [...x, ...y]),
      1,
    );
    expect(sortBatches(out)).toEqual([[['a', [1, 2]], ['b', [3]]]]);
  });

  test('groupByKey', async () => {
    const out = await runOperation([[['a', 1], ['b', 2], ['a', 3]]] as Pair<string, number>[][], (ds) => ds.groupByKey(), 1);
    expect(sortBatches(out)).toEqual([[['a', [1, 3]], ['b', [2]]]]);
  });

  test('mapValues and flatMapValues', async () => {
    const pairs = [[['a', 1], ['b', 2]]] as Pair<string, number>[][];
    expect(await runOperation(pairs, (ds) => ds.mapValues((v) => v * 10), 1)).toEqual([[['a', 10], ['b', 20]]]);
    expect(await runOperation(pairs, (ds) => ds.flatMapValues((v) => [v, -v]), 1)).toEqual([
      [['a', 1], ['a', -1], ['b', 2], ['b', -2]],
    ]);
  });

  test('partitionBy places keys with the partition function', async () => {
    const out = await runOperation(
      [[[0, 'x'], [1, 'y'], [2, 'z']]] as Pair<number, string>[][],
      (ds) => ds.partitionBy(2, (k) => k).glom(),
      1,
    );
    expect(out).toEqual([[[[0, 'x'], [2, 'z']], [[1, 'y']]]]);
  });
});

describe('combining streams', () => {
  test('union: this stream first, then the other', async () => {
    expect(await runOperation([[1, 2]], (ds) => ds.union(ds.map((x) => x * 10)), 1, { flavor: 'scala' })).toEqual([[1, 2, 10, 20]]);
    expect(await runOperation([[1, 2]], (ds) => ds.union(ds.map((x) => x * 10)), 1)).toEqual([[1, 2, 10, 20]]);
  });

  test('union of streams with different slides is refused (Scala require, PySpark ValueError)', () =>
    inJvm(() => {
      for (const flavor of ['scala', 'pyspark'] as const) {
        const { ssc } = makeContexts(flavor);
        const a = ssc.queueStream<number>([[1]]);
        const b = a.window(2, 2);
        if (flavor === 'scala') {
          expect(() => a.union(b)).toThrow(
            new IllegalArgumentError('requirement failed: Some of the DStreams have different slide durations'),
          );
        } else {
          expect(() => a.union(b)).toThrow(new ValueError('the two DStream should have same slide duration'));
          expect(() => ssc.union(a, b)).toThrow(new ValueError('All DStreams should have same slide duration'));
          expect(() => ssc.union()).toThrow(new ValueError('should have at least one DStream to union'));
          expect(ssc.union(a)).toBe(a);
        }
      }
    }));

  test('StreamingContext.union takes several streams (or one array), in order', async () => {
    const out = await runOperation2([[1], [2]], [[10], [20]], (a, b) => a.context().union([a, b, a]), 2);
    expect(out).toEqual([[1, 10, 1], [2, 20, 2]]);
  });

  test('StreamingContext.transform gets every stream’s RDD', async () => {
    const out = await runOperation2(
      [[1]],
      [['x']],
      (a, b) => a.context().transform<string>([a, b], (rdds: RDD<unknown>[]) => (rdds[1] as RDD<string>).map((s) => `${s}${(rdds[0] as RDD<number>).count()}`)),
      1,
    );
    expect(out).toEqual([['x1']]);
  });

  test('transform with (rdd) and (time, rdd)', async () => {
    expect(await runOperation([[1, 2]], (ds) => ds.transform((rdd) => rdd.map((x) => -x)), 1)).toEqual([[-1, -2]]);
    expect(
      await runOperation([[1], [2]], (ds) => ds.transform((time: Time, rdd: RDD<number>) => rdd.map((x) => [time.milliseconds, x])), 2),
    ).toEqual([[[1000, 1]], [[2000, 2]]]);
  });

  test('transformWith with (a, b) and (time, a, b)', async () => {
    expect(await runOperation2([[1, 2]], [[3]], (a, b) => a.transformWith((x, y: RDD<number>) => x.union(y), b), 1)).toEqual([
      [1, 2, 3],
    ]);
    expect(
      await runOperation2([[1]], [[3]], (a, b) => a.transformWith((t: Time, x: RDD<number>, y: RDD<number>) => x.union(y).map((v) => v + t.milliseconds), b), 1),
    ).toEqual([[1001, 1003]]);
  });

  test('joins and cogroup', async () => {
    const a = [[['a', 1], ['b', 2]]] as Pair<string, number>[][];
    const b = [[['b', 'x'], ['c', 'y']]] as Pair<string, string>[][];
    expect(await runOperation2(a, b, (x, y) => x.join(y), 1)).toEqual([[['b', [2, 'x']]]]);
    expect(sortBatches(await runOperation2(a, b, (x, y) => x.leftOuterJoin(y), 1))).toEqual([[['a', [1, undefined]], ['b', [2, 'x']]]]);
    expect(sortBatches(await runOperation2(a, b, (x, y) => x.rightOuterJoin(y), 1))).toEqual([[['b', [2, 'x']], ['c', [undefined, 'y']]]]);
    expect(sortBatches(await runOperation2(a, b, (x, y) => x.fullOuterJoin(y), 1))).toEqual([
      [['a', [1, undefined]], ['b', [2, 'x']], ['c', [undefined, 'y']]],
    ]);
    expect(sortBatches(await runOperation2(a, b, (x, y) => x.cogroup(y), 1))).toEqual([
      [['a', [[1], []]], ['b', [[2], ['x']]], ['c', [[], ['y']]]],
    ]);
  });
});

describe('flavor: missing parent RDDs and null transform results (§3.4)', () => {
  test('Scala transform refuses a missing parent RDD at generation time', async () => {
    await expect(runOperation([null], (ds) => ds.transform((rdd) => rdd), 1, { flavor: 'scala' })).rejects.toThrow(
      new SparkError("Couldn't generate RDD from parent at time 1000 ms"),
    );
  });

  test('PySpark transform gives no RDD for a missing parent', async () => {
    expect(await runOperation([null, [1]], (ds) => ds.transform((rdd) => rdd), 2)).toEqual([[1]]);
  });

  test('Scala refuses a null transform result; PySpark treats it as no RDD', async () => {
    await expect(runOperation([[1]], (ds) => ds.transform(() => null), 1, { flavor: 'scala' })).rejects.toThrow(
      'Transform function must not return null. Return SparkContext.emptyRDD() instead to represent no element as the result of transformation.',
    );
    expect(await runOperation([[1], [2]], (ds) => ds.transform((t: Time, r: RDD<number>) => (t.milliseconds === 1000 ? undefined : r)), 2)).toEqual([[2]]);
  });

  test('Scala union refuses a missing parent; PySpark union uses an empty RDD', async () => {
    await expect(runOperation2([null], [[1]], (a, b) => a.union(b), 1, { flavor: 'scala' })).rejects.toThrow(
      'Could not generate RDD from a parent for unifying at time 1000 ms',
    );
    expect(await runOperation2([null], [[1]], (a, b) => a.union(b), 1)).toEqual([[1]]);
  });

  test('PySpark joins treat a missing side as empty', async () => {
    const out = await runOperation2([null], [[['a', 1]]] as Pair<string, number>[][], (a: DStream<Pair<string, number>>, b) => a.fullOuterJoin(b), 1);
    expect(out).toEqual([[['a', [undefined, 1]]]]);
  });
});

describe('slice', () => {
  test('slice returns the RDDs of [from, to], computing forgotten and future times on demand', async () => {
    const out = await runOperation(
      [[1], [2], [3], [4]],
      (ds) =>
        ds.transform((rdd) => {
          const sliced = ds.slice(1, 3).map((r) => r.collect());
          return rdd.context.parallelize([sliced], 1);
        }),
      1,
    );
    expect(out).toEqual([[[[1], [2], [3]]]]);
  });

  test('slice before start fails: not initialized', () =>
    inJvm(() => {
      const { ssc } = makeContexts();
      const ds = ssc.queueStream<number>([[1]]);
      expect(() => ds.slice(0, 1)).toThrow(/has not been initialized$/);
    }));
});

describe('queueStream (§6.1)', () => {
  const runQueue = (
    flavor: 'scala' | 'pyspark',
    build: (ssc: ReturnType<typeof makeContexts>['ssc']) => DStream<number>,
    seconds: number,
  ): Promise<number[][]> =>
    inJvm(async () => {
      const { ssc } = makeContexts(flavor);
      const got: number[][] = [];
      build(ssc).foreachRDD((rdd) => void got.push(rdd.collect()));
      ssc.start();
      await ssc.awaitTerminationOrTimeout(seconds);
      ssc.stop();
      return got;
    });

  test('oneAtATime takes one RDD per batch, then the default (an empty RDD) every batch', async () => {
    expect(await runQueue('pyspark', (ssc) => ssc.queueStream([[1], [2]]), 4)).toEqual([[1], [2], [], []]);
  });

  test('oneAtATime = false drains the whole queue into one batch', async () => {
    expect(await runQueue('pyspark', (ssc) => ssc.queueStream([[1], [2], [3]], false), 2)).toEqual([[1, 2, 3], []]);
  });

  test('a default RDD is used once the queue is empty', async () => {
    expect(await runQueue('pyspark', (ssc) => ssc.queueStream([[1]], true, [9]), 3)).toEqual([[1], [9], [9]]);
  });

  test('Scala: RDDs pushed onto the queue while the context runs are seen by later batches', () =>
    inJvm(async () => {
      const { ssc } = makeContexts('scala');
      const queue: number[][] = [[1]];
      const got: number[][] = [];
      ssc.queueStream(queue).foreachRDD((rdd) => void got.push(rdd.collect()));
      ssc.start();
      await ssc.awaitTerminationOrTimeout(1);
      queue.push([2], [3]);
      await ssc.awaitTerminationOrTimeout(3);
      ssc.stop();
      expect(got).toEqual([[1], [2], [3], []]);
    }));

  test('PySpark: the list is copied when the stream is made; later changes are not seen', () =>
    inJvm(async () => {
      const { ssc } = makeContexts('pyspark');
      const queue: number[][] = [[1]];
      const got: number[][] = [];
      ssc.queueStream(queue).foreachRDD((rdd) => void got.push(rdd.collect()));
      queue.push([2]);
      ssc.start();
      await ssc.awaitTerminationOrTimeout(2);
      ssc.stop();
      expect(got).toEqual([[1], []]);
    }));

  test('PySpark quirks: an empty list raises IndexError; with a default it queues one empty RDD', () =>
    inJvm(async () => {
      const { ssc } = makeContexts('pyspark');
      expect(() => ssc.queueStream([])).toThrow('list index out of range');
      expect(await runQueue('pyspark', (s) => s.queueStream([], true, [7]), 2)).toEqual([[], [7]]);
    }));

  test('Scala: a null default means an empty RDD with no partitions', () =>
    inJvm(async () => {
      const { ssc } = makeContexts('scala');
      const parts: number[] = [];
      ssc.queueStream<number>([], true, null).foreachRDD((rdd) => void parts.push(rdd.getNumPartitions()));
      ssc.start();
      await ssc.awaitTerminationOrTimeout(1);
      ssc.stop();
      expect(parts).toEqual([0]);
    }));

  test('each input is consumed once per batch however many outputs use it', async () => {
    const got = await runQueue(
      'pyspark',
      (ssc) => {
        const q = ssc.queueStream([[1], [2]]);
        q.foreachRDD(() => undefined);
        return q.union(q);
      },
      2,
    );
    expect(got).toEqual([[1, 1], [2, 2]]);
  });
});

describe('output operations', () => {
  test('pprint (PySpark) prints the block with a local datetime header and Python reprs', () =>
    inJvm(async (_jvm, out) => {
      const { ssc } = makeContexts('pyspark', 0.5);
      ssc.queueStream<[string, number]>([[['a', 1], ['b', 2], ['c', 3]]]).pprint(2);
      ssc.start();
      await ssc.awaitTerminationOrTimeout(1);
      ssc.stop();
      expect(out.join('')).toBe(
        [
          '-------------------------------------------',
          'Time: 1970-01-01 00:00:00.500000',
          '-------------------------------------------',
          "('a', 1)",
          "('b', 2)",
          '...',
          '',
          '-------------------------------------------',
          'Time: 1970-01-01 00:00:01',
          '-------------------------------------------',
          '',
          '',
        ].join('\n'),
      );
    }));

  test('print (Scala) uses "<ms> ms" and Scala toString; no "..." when exactly num records exist', () =>
    inJvm(async (_jvm, out) => {
      const { ssc } = makeContexts('scala');
      ssc.queueStream<[string, number]>([[['a', 1], ['b', 2]]]).print(2);
      ssc.start();
      await ssc.awaitTerminationOrTimeout(1);
      ssc.stop();
      expect(out.join('')).toBe(
        ['-------------------------------------------', 'Time: 1000 ms', '-------------------------------------------', '(a,1)', '(b,2)', '', ''].join(
          '\n',
        ),
      );
    }));

  test('pprint prints nothing for a batch with no RDD', () =>
    inJvm(async (_jvm, out) => {
      const { ssc } = makeContexts('pyspark');
      ssc.queueStream([[1], [2]]).transform((t: Time, r: RDD<number>) => (t.milliseconds === 1000 ? undefined : r)).pprint();
      ssc.start();
      await ssc.awaitTerminationOrTimeout(2);
      ssc.stop();
      expect(out).toHaveLength(1);
      expect(out[0]).toContain('Time: 1970-01-01 00:00:02');
    }));

  test('pprint timestamps honour the simulated time zone', () =>
    inJvm(
      async (_jvm, out) => {
        const { ssc } = makeContexts('pyspark');
        ssc.queueStream([[1]]).pprint();
        ssc.start();
        await ssc.awaitTerminationOrTimeout(1);
        ssc.stop();
        expect(out[0]).toContain('Time: 1970-01-01 09:00:01');
      },
      { timeZone: 'Asia/Seoul' },
    ));

  test('outputs run in registration order within a batch', () =>
    inJvm(async () => {
      const { ssc } = makeContexts();
      const order: string[] = [];
      const ds = ssc.queueStream([[1]]);
      ds.foreachRDD(() => void order.push('first'));
      ds.foreachRDD(() => void order.push('second'));
      ds.pprint();
      ssc.start();
      await ssc.awaitTerminationOrTimeout(1);
      ssc.stop();
      expect(order).toEqual(['first', 'second']);
      const ops = ssc.events().filter((e) => e.type === 'outputOperationCompleted');
      expect(ops.map((e) => (e.type === 'outputOperationCompleted' ? e.outputOpId : -1))).toEqual([0, 1, 2]);
    }));

  test.each([
    ['scala', 'out', undefined, 'out-1000'],
    ['scala', 'out', 'txt', 'out-1000.txt'],
    ['pyspark', 'out', undefined, 'out-1000'],
    ['pyspark', 'out', '', 'out-1000.'],
  ] as const)('saveAsTextFiles (%s) writes prefix %s suffix %s to %s', (flavor, prefix, suffix, expected) =>
    inJvm(async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-save-'));
      try {
        const { ssc } = makeContexts(flavor);
        ssc.queueStream<[string, number]>([[['a', 1], ['b', 2]]]).saveAsTextFiles(path.join(dir, prefix), suffix);
        ssc.start();
        await ssc.awaitTerminationOrTimeout(1);
        ssc.stop();
        const written = path.join(dir, expected);
        const text = fs
          .readdirSync(written)
          .filter((f) => f.startsWith('part-'))
          .sort()
          .map((f) => fs.readFileSync(path.join(written, f), 'utf8'))
          .join('');
        expect(text).toBe(flavor === 'scala' ? '(a,1)\n(b,2)\n' : "('a', 1)\n('b', 2)\n");
        expect(fs.existsSync(path.join(written, '_SUCCESS'))).toBe(true);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }),
  );
});
