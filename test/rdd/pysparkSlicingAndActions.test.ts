import { SparkContext, UnsupportedOperationError, ValueError, type Flavor, type Pair } from '../../src/index';
import { inJvm } from '../__helpers__/sim';

/**
 * The flavor differences of parallelize and of actions on empty RDDs. PySpark:
 * `SparkContext.parallelize` slices serializer batches of max(1, min(len // numSlices, 1024))
 * items; `first()`/`reduce()` raise ValueError when empty. Scala: item-wise slices
 * (ParallelCollectionRDD.slice), UnsupportedOperationException("empty collection").
 */
const withSc = <R>(flavor: Flavor, fn: (sc: SparkContext) => R): Promise<R> =>
  inJvm(() => fn(new SparkContext({ master: 'local[2]', appName: 'slices', flavor })));

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('parallelize slicing by flavor', () => {
  test('pyspark: 10 items into 4 slices are [0,1] [2,3] [4,5] [6,7,8,9] (batches of 2, sliced)', () =>
    withSc('pyspark', (sc) => {
      expect(sc.parallelize(range(10), 4).glom().collect()).toEqual([[0, 1], [2, 3], [4, 5], [6, 7, 8, 9]]);
    }));

  test('scala: 10 items into 4 slices are [0,1] [2,3,4] [5,6] [7,8,9]', () =>
    withSc('scala', (sc) => {
      expect(sc.parallelize(range(10), 4).glom().collect()).toEqual([[0, 1], [2, 3, 4], [5, 6], [7, 8, 9]]);
    }));

  test('pyspark: batches are at most 1024 items (2050 items into 2 slices: 1024 and 1026)', () =>
    withSc('pyspark', (sc) => {
      const sizes = sc.parallelize(range(2050), 2).glom().map((p) => p.length).collect();
      expect(sizes).toEqual([1024, 1026]);
    }));

  test('pyspark: fewer items than slices give one-item batches, empty slices first; tuples stay whole', () =>
    withSc('pyspark', (sc) => {
      expect(sc.parallelize([1, 2], 3).glom().collect()).toEqual([[], [1], [2]]);
      expect(sc.parallelize([['a', 1], ['b', 2], ['c', 3]], 2).glom().collect()).toEqual([[['a', 1]], [['b', 2], ['c', 3]]]);
      expect(sc.parallelize([], 3).glom().collect()).toEqual([[], [], []]);
    }));
});

describe('actions on an empty RDD by flavor', () => {
  test('pyspark: first() raises ValueError: RDD is empty', () =>
    withSc('pyspark', (sc) => {
      expect(() => sc.emptyRDD().first()).toThrow(new ValueError('RDD is empty'));
      expect(() => sc.parallelize([], 2).first()).toThrow(ValueError);
    }));

  test('pyspark: reduce() raises ValueError: Can not reduce() empty RDD', () =>
    withSc('pyspark', (sc) => {
      expect(() => sc.parallelize<number>([], 2).reduce((a, b) => a + b)).toThrow(
        new ValueError('Can not reduce() empty RDD'),
      );
    }));

  test('scala: first() and reduce() throw UnsupportedOperationException: empty collection', () =>
    withSc('scala', (sc) => {
      expect(() => sc.emptyRDD().first()).toThrow(new UnsupportedOperationError('empty collection'));
      expect(() => sc.emptyRDD<number>().reduce((a, b) => a + b)).toThrow(new UnsupportedOperationError('empty collection'));
    }));

  test('reduce reduces each partition, then the partition results in order', () =>
    withSc('pyspark', (sc) => {
      // [[1, 2], [3, 4]]: (1 - 2) - (3 - 4) = 0; a left fold over all records would give -8.
      expect(sc.parallelize([1, 2, 3, 4], 2).reduce((a, b) => a - b)).toBe(0);
    }));
});

describe('sortByKey with keyfunc (PySpark)', () => {
  test('orders by keyfunc(k), keeping the keys (PySpark doctest)', () =>
    withSc('pyspark', (sc) => {
      const tmp2: Pair<string, number>[] = [
        ['Mary', 1], ['had', 2], ['a', 3], ['little', 4], ['lamb', 5],
        ['whose', 6], ['fleece', 7], ['was', 8], ['white', 9],
      ];
      expect(
        sc
          .parallelize(tmp2)
          .sortByKey(true, 3, (k) => k.toLowerCase())
          .collect(),
      ).toEqual([
        ['a', 3], ['fleece', 7], ['had', 2], ['lamb', 5], ['little', 4],
        ['Mary', 1], ['was', 8], ['white', 9], ['whose', 6],
      ]);
      expect(sc.parallelize(tmp2, 2).sortByKey(false, 2, (k) => k.length).keys().first()).toBe('little');
    }));
});
