import { SparkContext, ValueError, type Flavor } from '../../src/index';
import { inJvm } from '../__helpers__/sim';

/**
 * The RDD methods a streaming program uses, checked with the inputs and outputs of PySpark's
 * doctests (python/pyspark/rdd.py, named per test) and Spark's RDDSuite where noted.
 */
const withSc = <R>(fn: (sc: SparkContext) => R, flavor: Flavor = 'pyspark'): Promise<R> =>
  inJvm(() => fn(new SparkContext({ master: 'local[4]', appName: 'rdd-api', flavor })));

const add = (a: number, b: number): number => a + b;
const byKey = <K, V>(xs: [K, V][]): [K, V][] => [...xs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const nums = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('SparkContext.range (rdd.py doctest of SparkContext.range)', () => {
  test('range(5), range(2, 4), range(1, 7, 2)', () =>
    withSc((sc) => {
      expect(sc.range(5).collect()).toEqual([0, 1, 2, 3, 4]);
      expect(sc.range(2, 4).collect()).toEqual([2, 3]);
      expect(sc.range(1, 7, 2).collect()).toEqual([1, 3, 5]);
    }));

  test('slices as PySpark slices a range: range(10) into 3 is [0,1,2] [3,4,5] [6,7,8,9]', () =>
    withSc((sc) => {
      expect(sc.range(0, 10, 1, 3).glom().collect()).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8, 9]]);
      expect(sc.range(10, 0, -3, 2).glom().collect()).toEqual([[10, 7], [4, 1]]);
    }));
});

describe('set operations', () => {
  test('subtract (doctest)', () =>
    withSc((sc) => {
      const x = sc.parallelize<[string, number | null]>([['a', 1], ['b', 4], ['b', 5], ['a', 3]]);
      const y = sc.parallelize<[string, number | null]>([['a', 3], ['c', null]]);
      expect(byKey(x.subtract(y).collect()).map(String)).toEqual(['a,1', 'b,4', 'b,5']);
    }));

  test('subtractByKey (doctest)', () =>
    withSc((sc) => {
      const x = sc.parallelize<[string, number | null]>([['a', 1], ['b', 4], ['b', 2], ['c', null]]);
      const y = sc.parallelize<[string, number | null]>([['a', 3], ['c', null]]);
      expect(x.subtractByKey(y).collect().sort()).toEqual([['b', 2], ['b', 4]]);
    }));

  test('intersection (doctest)', () =>
    withSc((sc) => {
      const rdd1 = sc.parallelize([1, 10, 2, 3, 4, 5]);
      const rdd2 = sc.parallelize([1, 6, 2, 3, 7, 8]);
      expect(nums(rdd1.intersection(rdd2).collect())).toEqual([1, 2, 3]);
    }));

  test('RDDSuite "basic operations": subtract keeps duplicates and uses this RDD\'s partitions (scala)', () =>
    withSc((sc) => {
      const a = sc.parallelize([1, 2, 3, 4, 5, 6, 6], 2);
      const b = sc.parallelize([2, 4, 6], 3);
      const s = a.subtract(b);
      expect(s.getNumPartitions()).toBe(2);
      expect(nums(s.collect())).toEqual([1, 3, 5]);
    }, 'scala'));
});

describe('zip', () => {
  test('zip (doctest): parallelize(range(0,5)).zip(parallelize(range(1000, 1005)))', () =>
    withSc((sc) => {
      const x = sc.parallelize(range(5));
      const y = sc.parallelize(range(5).map((i) => 1000 + i));
      expect(x.zip(y).collect()).toEqual([[0, 1000], [1, 1001], [2, 1002], [3, 1003], [4, 1004]]);
    }));

  test('pyspark: unequal partition counts raise ValueError', () =>
    withSc((sc) => {
      expect(() => sc.parallelize([1, 2], 2).zip(sc.parallelize([1, 2], 1))).toThrow(
        'Can only zip with RDD which has the same number of partitions',
      );
    }));

  test('RDDSuite "zipped RDDs": unequal counts / sizes fail as Spark reports them (scala)', () =>
    withSc((sc) => {
      const n = sc.parallelize([1, 2, 3, 4], 2);
      expect(() => n.zip(sc.parallelize([1, 2, 3, 4], 1)).collect()).toThrow(
        "Can't zip RDDs with unequal numbers of partitions: List(2, 1)",
      );
      expect(() => n.zip(n.map((x) => x * 2).filter((x) => x > 2)).collect()).toThrow(
        'Can only zip RDDs with same number of elements in each partition',
      );
    }, 'scala'));

  test('zipWithUniqueId (doctest)', () =>
    withSc((sc) => {
      expect(sc.parallelize(['a', 'b', 'c', 'd', 'e'], 3).zipWithUniqueId().collect()).toEqual([
        ['a', 0], ['b', 1], ['c', 4], ['d', 2], ['e', 5],
      ]);
    }));
});

describe('aggregations', () => {
  const seqOp = (x: [number, number], y: number): [number, number] => [x[0] + y, x[1] + 1];
  const combOp = (x: [number, number], y: [number, number]): [number, number] => [x[0] + y[0], x[1] + y[1]];

  test('aggregate (doctest)', () =>
    withSc((sc) => {
      expect(sc.parallelize([1, 2, 3, 4]).aggregate([0, 0], seqOp, combOp)).toEqual([10, 4]);
      expect(sc.parallelize<number>([]).aggregate([0, 0], seqOp, combOp)).toEqual([0, 0]);
    }));

  test('aggregate gives every partition a fresh copy of a mutable zero', () =>
    withSc((sc) => {
      const r = sc.parallelize([1, 2, 3, 4], 2).aggregate<number[]>([], (acc, x) => (acc.push(x), acc), (a, b) => a.concat(b));
      expect(r).toEqual([1, 2, 3, 4]);
    }));

  test('fold (doctest)', () =>
    withSc((sc) => {
      expect(sc.parallelize([1, 2, 3, 4, 5]).fold(0, add)).toBe(15);
    }));

  test('aggregateByKey (doctest)', () =>
    withSc((sc) => {
      const rdd = sc.parallelize<[string, number]>([['a', 1], ['b', 1], ['a', 2]]);
      expect(byKey(rdd.aggregateByKey([0, 0], seqOp, combOp).collect())).toEqual([['a', [3, 2]], ['b', [1, 1]]]);
    }));

  test('foldByKey (doctest)', () =>
    withSc((sc) => {
      const rdd = sc.parallelize<[string, number]>([['a', 1], ['b', 1], ['a', 1]]);
      expect(byKey(rdd.foldByKey(0, add).collect())).toEqual([['a', 2], ['b', 1]]);
    }));

  test('reduceByKeyLocally (doctest)', () =>
    withSc((sc) => {
      const rdd = sc.parallelize<[string, number]>([['a', 1], ['b', 1], ['a', 1]]);
      expect(byKey([...rdd.reduceByKeyLocally(add)])).toEqual([['a', 2], ['b', 1]]);
    }));

  test('lookup (doctest), also with a partitioner and tuple keys', () =>
    withSc((sc) => {
      const rdd = sc.parallelize(range(1000).map((i): [number, number] => [i, i]), 10);
      expect(rdd.lookup(42)).toEqual([42]);
      expect(rdd.sortByKey().lookup(1024)).toEqual([]);
      const rdd2 = sc.parallelize<[[string, string], string]>([[['a', 'b'], 'c']]).groupByKey();
      expect(rdd2.lookup(['a', 'b'])[0]).toEqual(['c']);
      // with a partitioner only the key's partition is computed
      let seen = 0;
      const partitioned = sc.parallelize(range(100).map((i): [number, number] => [i, i]), 4).partitionBy(10).mapValues((v) => (seen++, v));
      expect(partitioned.lookup(42)).toEqual([42]);
      expect(seen).toBe(10);
    }));

  test('groupBy (doctest)', () =>
    withSc((sc) => {
      const result = sc.parallelize([1, 1, 2, 3, 5, 8]).groupBy((x) => x % 2).collect();
      expect(byKey(result.map(([k, v]): [number, number[]] => [k, nums(v)]))).toEqual([[0, [2, 8]], [1, [1, 1, 3, 5]]]);
    }));
});

describe('ordering actions', () => {
  test('top (doctest)', () =>
    withSc((sc) => {
      expect(sc.parallelize([10, 4, 2, 12, 3]).top(1)).toEqual([12]);
      expect(sc.parallelize([2, 3, 4, 5, 6], 2).top(2)).toEqual([6, 5]);
      expect(sc.parallelize([10, 4, 2, 12, 3]).top(3, String)).toEqual([4, 3, 2]);
    }));

  test('takeOrdered (doctest)', () =>
    withSc((sc) => {
      expect(sc.parallelize([10, 1, 2, 9, 3, 4, 5, 6, 7]).takeOrdered(6)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(sc.parallelize([10, 1, 2, 9, 3, 4, 5, 6, 7], 2).takeOrdered(6, (x) => -x)).toEqual([10, 9, 7, 6, 5, 4]);
      expect(sc.emptyRDD().takeOrdered(3)).toEqual([]);
      expect(() => sc.parallelize([1]).takeOrdered(-1)).toThrow(new ValueError('top N cannot be negative.'));
    }));

  test('pyspark: top on an RDD with no partitions fails as reduce() does; scala: []', async () => {
    await withSc((sc) => {
      expect(() => sc.emptyRDD().top(1)).toThrow(new ValueError('Can not reduce() empty RDD'));
    });
    await withSc((sc) => {
      expect(sc.emptyRDD().top(1)).toEqual([]);
      expect(sc.parallelize([3, 1, 2]).top(0)).toEqual([]);
    }, 'scala');
  });

  test('max / min (doctest), with a key', () =>
    withSc((sc) => {
      const rdd = sc.parallelize([1.0, 5.0, 43.0, 10.0]);
      expect(rdd.max()).toBe(43);
      expect(rdd.max(String)).toBe(5);
      const rdd2 = sc.parallelize([2.0, 5.0, 43.0, 10.0]);
      expect(rdd2.min()).toBe(2);
      expect(rdd2.min(String)).toBe(10);
    }));

  test('repartitionAndSortWithinPartitions (doctest)', () =>
    withSc((sc) => {
      const rdd = sc.parallelize<[number, number]>([[0, 5], [3, 8], [2, 6], [0, 8], [3, 8], [1, 3]]);
      expect(rdd.repartitionAndSortWithinPartitions(2, (x) => x % 2, true).glom().collect()).toEqual([
        [[0, 5], [0, 8], [2, 6]],
        [[1, 3], [3, 8], [3, 8]],
      ]);
    }));

  test('toLocalIterator (doctest)', () =>
    withSc((sc) => {
      expect([...sc.parallelize(range(10)).toLocalIterator()]).toEqual(range(10));
    }));
});

describe('existing methods checked against their doctests', () => {
  test('first, isEmpty, countByKey, collectAsMap, keyBy, distinct, coalesce', () =>
    withSc((sc) => {
      expect(sc.parallelize([2, 3, 4]).first()).toBe(2);
      expect(sc.parallelize([]).isEmpty()).toBe(true);
      expect(sc.parallelize([1]).isEmpty()).toBe(false);
      const kv = sc.parallelize<[string, number]>([['a', 1], ['b', 1], ['a', 1]]);
      expect(byKey([...kv.countByKey()])).toEqual([['a', 2], ['b', 1]]);
      const m = sc.parallelize<[number, number]>([[1, 2], [3, 4]]).collectAsMap();
      expect([m.get(1), m.get(3)]).toEqual([2, 4]);
      expect(sc.parallelize(range(3)).keyBy((x) => x * x).collect()).toEqual([[0, 0], [1, 1], [4, 2]]);
      expect(nums(sc.parallelize([1, 1, 2, 3]).distinct().collect())).toEqual([1, 2, 3]);
      expect(sc.parallelize([1, 2, 3, 4, 5], 3).glom().collect()).toEqual([[1], [2, 3], [4, 5]]);
      expect(sc.parallelize([1, 2, 3, 4, 5], 3).coalesce(1).glom().collect()).toEqual([[1, 2, 3, 4, 5]]);
    }));

  test('localCheckpoint marks the RDD; the data is kept after a job', () =>
    withSc((sc) => {
      let calls = 0;
      const rdd = sc.parallelize([1, 2, 3]).map((x) => (calls++, x));
      rdd.localCheckpoint();
      expect(rdd.isLocallyCheckpointed()).toBe(true);
      rdd.doCheckpoint();
      expect(rdd.collect()).toEqual([1, 2, 3]);
      expect(rdd.collect()).toEqual([1, 2, 3]);
      expect(calls).toBe(3);
    }));

  test('setName / name', () =>
    withSc((sc) => {
      const rdd1 = sc.parallelize([1, 2]);
      expect(rdd1.name()).toBeNull();
      expect(rdd1.setName('RDD1').name()).toBe('RDD1');
    }));
});
