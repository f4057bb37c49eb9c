import { ValueError } from '../errors';
import { PythonRandom } from './PythonRandom';
import type { RDD } from './RDD';

/**
 * PySpark's random sampling (`pyspark/rddsampler.py`, `RDD.sample`, `takeSample`, `randomSplit`)
 * over CPython's Mersenne Twister ({@link PythonRandom}): with the same seed, the same records as
 * PySpark. Partition p draws from `random.Random(seed ^ p)` after ten `randint(0, 1)` mixing
 * calls. Both flavors use these samplers (Scala Spark's XORShift/Poisson samplers are not
 * reproduced). Without a seed PySpark draws a random one; here the seed is the RDD's id, so runs
 * repeat.
 */
export const Sampling = {
  /** PySpark: `sample(withReplacement, fraction, seed)`: Bernoulli, or Poisson(fraction) copies. */
  sample<T>(rdd: RDD<T>, withReplacement: boolean, fraction: number, seed?: number | bigint): RDD<T> {
    if (!(fraction >= 0)) throw new ValueError('Fraction must be nonnegative.');
    const s = BigInt(seed ?? rdd.id);
    return rdd.mapPartitionsWithIndex((split, it) => {
      const rand = splitRandom(s, split);
      const out: T[] = [];
      for (const x of it) {
        if (withReplacement) {
          for (let c = poisson(rand, fraction); c > 0; c--) out.push(x);
        } else if (rand.random() < fraction) {
          out.push(x);
        }
      }
      return out;
    }, true);
  },

  /**
   * PySpark: `takeSample(withReplacement, num, seed)`: when every record is wanted, all of them
   * shuffled; otherwise `sample` with PySpark's oversampling fraction, retried with new seeds
   * until large enough, shuffled and cut to `num`.
   */
  takeSample<T>(rdd: RDD<T>, withReplacement: boolean, num: number, seed?: number | bigint): T[] {
    if (num < 0) throw new ValueError('Sample size cannot be negative.');
    if (num === 0 || rdd.getNumPartitions() === 0) return [];
    const initialCount = rdd.count();
    if (initialCount === 0) return [];
    const rand = new PythonRandom(BigInt(seed ?? rdd.id));
    if (!withReplacement && num >= initialCount) {
      const all = rdd.collect();
      rand.shuffle(all);
      return all;
    }
    const fraction = fractionForSampleSize(num, initialCount, withReplacement);
    let samples = Sampling.sample(rdd, withReplacement, fraction, seed ?? rdd.id).collect();
    while (samples.length < num) {
      samples = Sampling.sample(rdd, withReplacement, fraction, rand.randint(0, 2n ** 63n - 1n)).collect();
    }
    rand.shuffle(samples);
    return samples.slice(0, num);
  },

  /**
   * PySpark: `randomSplit(weights, seed)`: the weights normalized to cumulative bounds; split i
   * keeps the records whose uniform draw falls in `[bound_i, bound_i+1)` (every split draws the
   * same numbers, so the splits partition the RDD).
   */
  randomSplit<T>(rdd: RDD<T>, weights: readonly number[], seed?: number | bigint): RDD<T>[] {
    if (!weights.every((w) => w >= 0)) throw new ValueError('Weights must be nonnegative');
    const total = weights.reduce((a, b) => a + b, 0);
    if (!(total > 0)) throw new ValueError('Sum of weights must be positive');
    const bounds = [0.0];
    for (const w of weights) bounds.push(bounds[bounds.length - 1]! + w / total);
    const s = BigInt(seed ?? rdd.id);
    return weights.map((_, i) =>
      rdd.mapPartitionsWithIndex((split, it) => {
        const rand = splitRandom(s, split);
        const out: T[] = [];
        for (const x of it) {
          const u = rand.random();
          if (bounds[i]! <= u && u < bounds[i + 1]!) out.push(x);
        }
        return out;
      }, true),
    );
  },
};

/** `RDDSamplerBase.initRandomGenerator(split)`. */
function splitRandom(seed: bigint, split: number): PythonRandom {
  const rand = new PythonRandom(seed ^ BigInt(split));
  for (let i = 0; i < 10; i++) rand.randint(0, 1);
  return rand;
}

/** `RDDSamplerBase.getPoissonSample(mean)` (Knuth's algorithm; the log domain from 20). */
function poisson(rand: PythonRandom, mean: number): number {
  let k = 0;
  if (mean < 20.0) {
    const l = Math.exp(-mean);
    let p = rand.random();
    while (p > l) {
      k += 1;
      p *= rand.random();
    }
  } else {
    let p = rand.expovariate(mean);
    while (p < 1.0) {
      k += 1;
      p += rand.expovariate(mean);
    }
  }
  return k;
}

/** `RDD._computeFractionForSampleSize`: a fraction that yields at least `num` records w.h.p. */
function fractionForSampleSize(num: number, total: number, withReplacement: boolean): number {
  const fraction = num / total;
  if (withReplacement) {
    const numStDev = num < 12 ? 9 : 5;
    return fraction + numStDev * Math.sqrt(fraction / total);
  }
  const gamma = -Math.log(0.00005) / total;
  return Math.min(1, fraction + gamma + Math.sqrt(gamma * gamma + 2 * gamma * fraction));
}
