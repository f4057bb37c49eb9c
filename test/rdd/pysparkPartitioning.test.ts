import { execFileSync } from 'node:child_process';
import { SparkContext, StreamingContext, type Flavor, type Pair } from '../../src/index';
import { inJvm } from '../__helpers__/sim';

/**
 * Where keys land after a shuffle, per flavor: PySpark places a key with
 * `portable_hash(k) % numPartitions` (CPython's hash, PYTHONHASHSEED=0); Scala Spark with
 * `nonNegativeMod(k.hashCode, numPartitions)`. The printed order of a shuffled batch follows.
 */
const withSc = <R>(flavor: Flavor, fn: (sc: SparkContext) => R): Promise<R> =>
  inJvm(() => fn(new SparkContext({ master: 'local[2]', appName: 'partitioning', flavor })));

const words = ['typed', 'at', 'six', 'a', 'b', 'c', 'café', '스파크', '🎉'];

/** What CPython computes for `hash(w) % n` with PYTHONHASHSEED=0. */
function cpythonPartitions(keys: readonly string[], n: number): number[] {
  const out = execFileSync('python3', ['-c', `import sys, json\nfor k in json.load(sys.stdin): print(hash(k) % ${n})`], {
    input: JSON.stringify(keys),
    encoding: 'utf8',
    env: { ...process.env, PYTHONHASHSEED: '0' },
  });
  return out.trim().split('\n').map(Number);
}

describe('hash partitioning by flavor', () => {
  test('pyspark: partitionBy(n) puts each key in portable_hash(k) % n, as CPython computes it', () =>
    withSc('pyspark', (sc) => {
      for (const n of [2, 3, 7]) {
        const parts = sc
          .parallelize(words.map((w): Pair<string, number> => [w, 1]), 1)
          .partitionBy(n)
          .glom()
          .collect();
        const placed = words.map((w) => parts.findIndex((p) => p.some(([k]) => k === w)));
        expect(placed).toEqual(cpythonPartitions(words, n));
      }
    }));

  test('scala: partitionBy(n) keeps Java hashCode placement', () =>
    withSc('scala', (sc) => {
      // 'a'.hashCode = 97, 'b' = 98, 'c' = 99
      const parts = sc
        .parallelize([['a', 1], ['b', 1], ['c', 1]] as Pair<string, number>[], 1)
        .partitionBy(2)
        .glom()
        .collect();
      expect(parts).toEqual([[['b', 1]], [['a', 1], ['c', 1]]]);
    }));

  test('pyspark: reduceByKey prints keys in PySpark order (partition by partition, first seen first)', () =>
    withSc('pyspark', (sc) => {
      // hash('typed') % 2 = 1, hash('at') % 2 = 0, hash('six') % 2 = 0
      const counts = sc
        .parallelize(['typed', 'at', 'six', 'at'], 1)
        .map((w): Pair<string, number> => [w, 1])
        .reduceByKey((a, b) => a + b, 2)
        .collect();
      expect(counts).toEqual([['at', 2], ['six', 1], ['typed', 1]]);
    }));

  test('pyspark: tuple and int keys are placed with portable_hash too', () =>
    withSc('pyspark', (sc) => {
      const keys: unknown[] = [['a', 1], ['b', 2], -1, 10n ** 20n, 2.5, null, true];
      const parts = sc
        .parallelize(keys.map((k) => [k, 0] as Pair<unknown, number>), 1)
        .partitionBy(3)
        .glom()
        .collect();
      const placed = keys.map((k) => parts.findIndex((p) => p.some(([x]) => x === k)));
      const py = execFileSync(
        'python3',
        [
          '-c',
          `import sys
def ph(x):
    if x is None: return 0
    if isinstance(x, tuple):
        h = 0x345678
        for i in x:
            h ^= ph(i); h *= 1000003; h &= sys.maxsize
        h ^= len(x)
        return -2 if h == -1 else h
    return hash(x)
for k in [('a', 1), ('b', 2), -1, 10**20, 2.5, None, True]: print(ph(k) % 3)`,
        ],
        { encoding: 'utf8', env: { ...process.env, PYTHONHASHSEED: '0' } },
      );
      expect(placed).toEqual(py.trim().split('\n').map(Number));
    }));

  test('pyspark: a partitionFunc result is taken modulo n as Python does (no 32-bit truncation)', () =>
    withSc('pyspark', (sc) => {
      // (2**33 + 1) % 3 == 0 in Python; truncated to 32 bits it would be 1.
      const parts = sc
        .parallelize([['x', 1]] as Pair<string, number>[], 1)
        .partitionBy(3, () => 2 ** 33 + 1)
        .glom()
        .collect();
      expect(parts).toEqual([[['x', 1]], [], []]);
    }));

  test('pyspark: a streaming reduceByKey places keys with portable_hash', () =>
    withSc('pyspark', async (sc) => {
      const ssc = new StreamingContext(sc, 1);
      const seen: unknown[][] = [];
      ssc
        .queueStream([sc.parallelize(['typed', 'at', 'six'], 1)])
        .map((w): Pair<string, number> => [w, 1])
        .reduceByKey((a, b) => a + b)
        .foreachRDD((rdd) => void seen.push(rdd.glom().collect()));
      ssc.start();
      await ssc.runtime.waitFor(1000);
      ssc.stop(true);
      expect(seen[0]).toEqual([[['at', 1], ['six', 1]], [['typed', 1]]]);
    }));
});

describe('how many partitions a shuffle makes when none is asked for', () => {
  const pysparkSc = (conf: Record<string, string> = {}): SparkContext => {
    const sc = new SparkContext({ master: 'local[2]', appName: 'defaults', flavor: 'pyspark' });
    for (const [k, v] of Object.entries(conf)) sc.conf.set(k, v);
    return sc;
  };

  test("pyspark: _defaultReducePartitions: the RDD's own partition count when spark.default.parallelism is unset", () =>
    inJvm(() => {
      const sc = pysparkSc();
      const kv = sc.parallelize(words.map((w): Pair<string, number> => [w, 1]), 1);
      expect(kv.reduceByKey((a, b) => a + b).getNumPartitions()).toBe(1);
      expect(kv.groupByKey().getNumPartitions()).toBe(1);
      expect(sc.parallelize([1, 2, 2], 3).distinct().getNumPartitions()).toBe(3);
    }));

  test('pyspark: spark.default.parallelism when it is set (reduceByKey, distinct, sortByKey)', () =>
    inJvm(() => {
      const sc = pysparkSc({ 'spark.default.parallelism': '3' });
      const kv = sc.parallelize(words.map((w): Pair<string, number> => [w, 1]), 1);
      expect(kv.reduceByKey((a, b) => a + b).getNumPartitions()).toBe(3);
      expect(sc.parallelize([1, 2, 2], 1).distinct().getNumPartitions()).toBe(3);
      expect(kv.sortByKey().getNumPartitions()).toBe(3);
    }));

  test('pyspark: a join without numPartitions has the partitions of the union of both sides', () =>
    inJvm(() => {
      const sc = pysparkSc();
      const a = sc.parallelize([['x', 1], ['y', 2]] as Pair<string, number>[], 2);
      const b = sc.parallelize([['x', 'p'], ['y', 'q']] as Pair<string, string>[], 3);
      const joined = a.join(b);
      expect(joined.getNumPartitions()).toBe(5);
      // hash('x') % 5 and hash('y') % 5 decide the printed order.
      const [px, py] = cpythonPartitions(['x', 'y'], 5);
      const expected = px! <= py! ? [['x', [1, 'p']], ['y', [2, 'q']]] : [['y', [2, 'q']], ['x', [1, 'p']]];
      expect(joined.collect()).toEqual(expected);
    }));

  test('scala: distinct and sortByKey keep the RDD’s partition count', () =>
    withSc('scala', (sc) => {
      sc.conf.set('spark.default.parallelism', '3');
      expect(sc.parallelize([1, 2, 2], 1).distinct().getNumPartitions()).toBe(1);
      expect(sc.parallelize([['b', 1], ['a', 2]] as Pair<string, number>[], 1).sortByKey().getNumPartitions()).toBe(1);
    }));

  test('DStream joins use sc.defaultParallelism partitions in both flavors, not the union’s', () =>
    Promise.all(
      (['pyspark', 'scala'] as const).map((flavor) =>
        withSc(flavor, async (sc) => {
          const ssc = new StreamingContext(sc, 1);
          const counts: number[] = [];
          const left = ssc.queueStream([sc.parallelize([['x', 1]] as Pair<string, number>[], 3)]);
          const right = ssc.queueStream([sc.parallelize([['x', 2]] as Pair<string, number>[], 3)]);
          left.join(right).foreachRDD((rdd) => void counts.push(rdd.getNumPartitions()));
          ssc.start();
          await ssc.runtime.waitFor(1000);
          ssc.stop(true);
          expect(counts).toEqual([2]);
        }),
      ),
    ));
});
