import { SparkContext, StatCounter, ValueError, type Flavor } from '../../src/index';
import { pythonStr } from '../../src/util/format';
import { inJvm } from '../__helpers__/sim';

/**
 * Spark: DoubleRDDFunctions / PySpark's statistics methods. Inputs and outputs from PySpark's
 * rdd.py doctests (sum, mean, variance, stdev, sampleStdev, sampleVariance, histogram) and
 * test_rdd.py (`test_histogram`), and Spark's DoubleRDDSuite / StatCounter.toString.
 */
const withSc = <R>(fn: (sc: SparkContext) => R, flavor: Flavor = 'pyspark'): Promise<R> =>
  inJvm(() => fn(new SparkContext({ master: 'local[4]', appName: 'stats', flavor })));
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('statistics (rdd.py doctests)', () => {
  test('sum, mean, variance, stdev, sampleStdev, sampleVariance of [1, 2, 3]', () =>
    withSc((sc) => {
      expect(sc.parallelize([1.0, 2.0, 3.0]).sum()).toBe(6);
      const r = sc.parallelize([1, 2, 3]);
      expect(r.mean()).toBe(2);
      expect(r.variance()).toBe(0.6666666666666666);
      expect(r.stdev()).toBe(0.816496580927726);
      expect(r.sampleStdev()).toBe(1);
      expect(r.sampleVariance()).toBe(1);
      expect(sc.parallelize<number>([]).sum()).toBe(0);
    }));

  test('stats() prints as PySpark prints a StatCounter', () =>
    withSc((sc) => {
      const s = sc.parallelize([1, 2, 3]).stats();
      expect(s).toBeInstanceOf(StatCounter);
      expect(pythonStr([s])).toBe('[(count: 3, mean: 2.0, stdev: 0.816496580927726, max: 3, min: 1)]');
      expect(String(s)).toBe('(count: 3, mean: 2.0, stdev: 0.816496580927726, max: 3, min: 1)');
    }));

  test('scala: StatCounter.toString uses %f', () =>
    withSc((sc) => {
      expect(String(sc.parallelize([1, 2, 3]).stats())).toBe(
        '(count: 3, mean: 2.000000, stdev: 0.816497, max: 3.000000, min: 1.000000)',
      );
    }, 'scala'));

  test('test_rdd.py: stats merged over partitions equal the one-pass values', () =>
    withSc((sc) => {
      const data = range(100).map((i) => (i * 37) % 11);
      const one = new StatCounter(data);
      const s = sc.parallelize(data, 7).stats();
      expect(s.count()).toBe(100);
      expect(s.mean()).toBeCloseTo(one.mean(), 12);
      expect(s.variance()).toBeCloseTo(one.variance(), 12);
      expect([s.max(), s.min()]).toEqual([10, 0]);
    }));

  test('an RDD with no partitions: stats() fails as reduce() does', () =>
    withSc((sc) => {
      expect(() => sc.emptyRDD<number>().stats()).toThrow(new ValueError('Can not reduce() empty RDD'));
    }));
});

describe('histogram (rdd.py doctest and test_rdd.py test_histogram)', () => {
  test('doctest: range(51) with 2 buckets, explicit and even buckets, string buckets', () =>
    withSc((sc) => {
      const rdd = sc.parallelize(range(51));
      expect(rdd.histogram(2)).toEqual([[0, 25, 50], [25, 26]]);
      expect(rdd.histogram([0, 5, 25, 50])).toEqual([[0, 5, 25, 50], [5, 20, 26]]);
      expect(rdd.histogram([0, 15, 30, 45, 60])).toEqual([[0, 15, 30, 45, 60], [15, 15, 15, 6]]);
      const s = sc.parallelize(['ab', 'ac', 'b', 'bd', 'ef']);
      expect(s.histogram(['a', 'b', 'c'])).toEqual([['a', 'b', 'c'], [2, 2]]);
    }));

  test('test_histogram: empty, out of range, None/NaN ignored, float buckets', () =>
    withSc((sc) => {
      const empty = sc.parallelize<number>([]);
      expect(empty.histogram([0, 10])[1]).toEqual([0]);
      expect(empty.histogram([0, 4, 10])[1]).toEqual([0, 0]);
      expect(() => empty.histogram(1)).toThrow(ValueError);
      expect(sc.parallelize([10.01, -0.01]).histogram([0, 10])[1]).toEqual([0]);
      expect(sc.parallelize([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).histogram([0, 4, 10])[1]).toEqual([3, 7]);
      expect(sc.parallelize([1, 2, 3, 4, 5, 6, null, NaN]).histogram([0, 5, 10])[1]).toEqual([4, 2]);
      expect(sc.parallelize([1.0, 2.0, 3.0, 4.0, 6.0, 6.0]).histogram(2)).toEqual([[1.0, 3.5, 6.0], [3, 3]]);
      expect(sc.parallelize([1.0, 2.0, 3.0, 4.0, 5.0, 6.0]).histogram(1)).toEqual([[1.0, 6.0], [6]]);
    }));

  test('test_histogram: PySpark\'s ValueErrors for bad buckets', () =>
    withSc((sc) => {
      const rdd = sc.parallelize([1, 2, 3]);
      expect(() => rdd.histogram(0)).toThrow(new ValueError('number of buckets must be >= 1'));
      expect(() => rdd.histogram([1])).toThrow(new ValueError('buckets should have more than one value'));
      expect(() => rdd.histogram([null, 1])).toThrow(new ValueError('can not have None or NaN in buckets'));
      expect(() => rdd.histogram([3, 1])).toThrow(new ValueError('buckets should be sorted'));
      expect(() => rdd.histogram([1, 1])).toThrow(new ValueError('buckets should not contain duplicated values'));
      expect(() => sc.parallelize([1, Infinity]).histogram(2)).toThrow(new ValueError('Can not generate buckets with infinite value'));
    }));
});
