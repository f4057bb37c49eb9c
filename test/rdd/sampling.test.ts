import { SparkContext, ValueError } from '../../src/index';
import { inJvm } from '../__helpers__/sim';

/**
 * PySpark's seeded sampling: rdd.py doctests of `sample`, `takeSample`, `randomSplit`, with the
 * exact records CPython 3.11 gives when PySpark's rddsampler.py code runs on the same partitions
 * and seeds (computed with python3's `random` module; see src/rdd/PythonRandom.ts).
 */
const withSc = <R>(fn: (sc: SparkContext) => R): Promise<R> =>
  inJvm(() => fn(new SparkContext({ master: 'local[4]', appName: 'sampling' })));
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

test('sample (doctest: parallelize(range(100), 4).sample(False, 0.1, 81)): 6 <= count <= 14, PySpark\'s records', () =>
  withSc((sc) => {
    const s = sc.parallelize(range(100), 4).sample(false, 0.1, 81);
    expect(s.count()).toBeGreaterThanOrEqual(6);
    expect(s.count()).toBeLessThanOrEqual(14);
    expect(s.collect()).toEqual([4, 26, 39, 41, 42, 52, 63, 76, 80, 86, 97]);
  }));

test('sample with replacement: Poisson counts (Knuth below 20, the log domain from 20)', () =>
  withSc((sc) => {
    expect(sc.parallelize(range(20), 2).sample(true, 0.5, 7).collect()).toEqual([6, 11, 14, 16, 17, 18]);
    const many = sc.parallelize([0, 1, 2], 1).sample(true, 25.0, 3).countByValue();
    expect([...many]).toEqual([[0, 20], [1, 20], [2, 15]]);
  }));

test('takeSample (doctest on range(0, 10))', () =>
  withSc((sc) => {
    const rdd = sc.range(0, 10);
    expect(rdd.takeSample(true, 20, 1)).toEqual([4, 9, 3, 1, 0, 0, 6, 7, 4, 6, 8, 9, 3, 2, 0, 2, 3, 2, 5, 8]);
    expect(rdd.takeSample(false, 5, 2)).toEqual([5, 9, 3, 4, 6]);
    expect(rdd.takeSample(false, 15, 3)).toEqual([1, 5, 6, 0, 9, 4, 7, 2, 8, 3]);
    expect(() => rdd.takeSample(false, -1, 3)).toThrow(new ValueError('Sample size cannot be negative.'));
  }));

test('randomSplit (doctest: range(500) into [2, 3] with seed 17)', () =>
  withSc((sc) => {
    const split = sc.parallelize(range(500), 1).randomSplit([2, 3], 17);
    const rdd1 = split[0]!;
    const rdd2 = split[1]!;
    expect(rdd1.collect().length + rdd2.collect().length).toBe(500);
    expect([rdd1.count(), rdd2.count()]).toEqual([192, 308]);
    const halves = sc.parallelize(range(10), 2).randomSplit([1, 1], 5).map((r) => r.collect());
    expect(halves).toEqual([[1, 2, 3, 6, 8], [0, 4, 5, 7, 9]]);
  }));

test('argument checks are PySpark\'s ValueErrors', () =>
  withSc((sc) => {
    const rdd = sc.parallelize([1, 2, 3]);
    expect(() => rdd.sample(false, -0.1, 1)).toThrow(new ValueError('Fraction must be nonnegative.'));
    expect(() => rdd.randomSplit([1, -1])).toThrow(new ValueError('Weights must be nonnegative'));
    expect(() => rdd.randomSplit([0, 0])).toThrow(new ValueError('Sum of weights must be positive'));
  }));

test('without a seed the sample is deterministic (the seed is the RDD id)', () =>
  withSc((sc) => {
    const rdd = sc.parallelize(range(100), 4);
    expect(rdd.sample(false, 0.2).collect()).toEqual(rdd.sample(false, 0.2, rdd.id).collect());
  }));
