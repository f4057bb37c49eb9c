import { HashPartitioner, SparkContext, SparkError, type Pair } from '../../src/index';
import { inJvm } from '../__helpers__/sim';

const withSc = <R>(fn: (sc: SparkContext) => R): Promise<R> =>
  inJvm(() => fn(new SparkContext({ master: 'local[2]', appName: 'rdd' })));

describe('SparkContext', () => {
  test('defaultParallelism follows the master and spark.default.parallelism; never the real machine', () =>
    inJvm(() => {
      expect(new SparkContext({ master: 'local' }).defaultParallelism).toBe(1);
      expect(new SparkContext({ master: 'local[3]' }).defaultParallelism).toBe(3);
      expect(new SparkContext({ master: 'local[*]' }).defaultParallelism).toBe(2);
      expect(() => new SparkContext({ master: 'yarn' })).toThrow(/not supported by the simulator/);
    }));

  test('parallelize slices like Spark', () =>
    withSc((sc) => {
      expect(sc.parallelize([1, 2, 3, 4, 5], 2).glom().collect()).toEqual([[1, 2], [3, 4, 5]]);
      expect(sc.parallelize([1, 2], 3).glom().collect()).toEqual([[], [1], [2]]);
      expect(sc.emptyRDD().getNumPartitions()).toBe(0);
    }));

  test('after stop every call fails with Spark’s message', () =>
    withSc((sc) => {
      const rdd = sc.parallelize([1]);
      sc.stop();
      expect(() => sc.parallelize([1])).toThrow(/^Cannot call methods on a stopped SparkContext\./);
      expect(() => sc.emptyRDD()).toThrow(/^Cannot call methods on a stopped SparkContext\./);
      expect(() => rdd.collect()).toThrow('SparkContext has been shutdown');
    }));
});

describe('RDD', () => {
  test('transformations are lazy and functions run once per action unless cached', () =>
    withSc((sc) => {
      let calls = 0;
      const m = sc.parallelize([1, 2, 3]).map((x) => (calls++, x * 2));
      expect(calls).toBe(0);
      m.collect();
      m.count();
      expect(calls).toBe(6);
      const c = sc.parallelize([1, 2, 3]).map((x) => (calls++, x)).cache();
      c.collect();
      c.collect();
      expect(calls).toBe(9);
    }));

  test('take computes partitions only until it has enough', () =>
    withSc((sc) => {
      const seen: number[] = [];
      const rdd = sc.parallelize([1, 2, 3, 4], 4).map((x) => (seen.push(x), x));
      expect(rdd.take(2)).toEqual([1, 2]);
      expect(seen).toEqual([1, 2]);
      expect(rdd.first()).toBe(1);
    }));

  test('actions: reduce, fold, countByValue, isEmpty, zipWithIndex, collectAsMap, countByKey', () =>
    withSc((sc) => {
      const r = sc.parallelize([1, 2, 2, 3]);
      expect(r.reduce((a, b) => a + b)).toBe(8);
      expect(r.fold(0, (a, b) => a + b)).toBe(8);
      expect([...r.countByValue()]).toEqual([[1, 1], [2, 2], [3, 1]]);
      expect(sc.emptyRDD().isEmpty()).toBe(true);
      expect(r.zipWithIndex().collect()).toEqual([[1, 0], [2, 1], [2, 2], [3, 3]]);
      const kv = sc.parallelize([['a', 1], ['b', 2], ['a', 3]] as Pair<string, number>[]);
      expect(kv.collectAsMap().get('a')).toBe(3);
      expect(kv.countByKey().get('a')).toBe(2);
    }));

  test('distinct, union, cartesian, sortBy, sortByKey, keys, values', () =>
    withSc((sc) => {
      expect(sc.parallelize([3, 1, 3, 2]).distinct().collect().sort()).toEqual([1, 2, 3]);
      expect(sc.parallelize([1]).union(sc.parallelize([2])).collect()).toEqual([1, 2]);
      expect(sc.parallelize([1, 2], 1).cartesian(sc.parallelize(['a'], 1)).collect()).toEqual([
        [1, 'a'],
        [2, 'a'],
      ]);
      expect(sc.parallelize([3, 1, 2], 2).sortBy((x) => x).collect()).toEqual([1, 2, 3]);
      expect(sc.parallelize([3, 1, 2], 2).sortBy((x) => x, false).collect()).toEqual([3, 2, 1]);
      const kv = sc.parallelize([['b', 1], ['a', 2]] as Pair<string, number>[]);
      expect(kv.sortByKey().collect()).toEqual([['a', 2], ['b', 1]]);
      expect(kv.keys().collect()).toEqual(['b', 'a']);
      expect(kv.values().collect()).toEqual([1, 2]);
    }));

  test('shuffles: keys compare structurally and land in the hash partition of the key', () =>
    withSc((sc) => {
      const kv = sc.parallelize([[[1, 'x'], 1], [[1, 'x'], 2], [[2, 'y'], 5]] as Pair<[number, string], number>[]);
      expect(kv.reduceByKey((a, b) => a + b).collect().sort()).toEqual([[[1, 'x'], 3], [[2, 'y'], 5]]);
      const p = new HashPartitioner(2);
      const out = sc.parallelize([['a', 1], ['b', 2], ['c', 3]] as Pair<string, number>[]).partitionBy(p).glom().collect();
      out.forEach((part, i) => part.forEach(([k]) => expect(p.getPartition(k)).toBe(i)));
      expect(sc.parallelize([[0, 1]] as Pair<number, number>[]).partitionBy(p).partitioner).toBe(p);
    }));

  test('groupByKey, combineByKey, joins keep Spark’s shapes', () =>
    withSc((sc) => {
      const a = sc.parallelize([['k', 1], ['k', 2], ['j', 0]] as Pair<string, number>[], 2);
      const b = sc.parallelize([['k', 'x']] as Pair<string, string>[], 1);
      expect(a.groupByKey(1).collect()).toEqual([['k', [1, 2]], ['j', [0]]]);
      expect(a.join(b).collect()).toEqual([['k', [1, 'x']], ['k', [2, 'x']]]);
      expect(a.leftOuterJoin(b, 1).collect()).toEqual([['k', [1, 'x']], ['k', [2, 'x']], ['j', [0, undefined]]]);
    }));

  test('a failing user function surfaces as a failed stage with the cause kept', () =>
    withSc((sc) => {
      const boom = new Error('bad record');
      let caught: unknown;
      try {
        sc.parallelize([1]).map(() => {
          throw boom;
        }).collect();
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(SparkError);
      expect((caught as Error).message).toMatch(/^Job aborted due to stage failure: .*Error: bad record$/);
      expect((caught as Error).cause).toBe(boom);
    }));
});
