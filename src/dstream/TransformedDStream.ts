import { SparkError, requireThat } from '../errors';
import type { RDD } from '../rdd/RDD';
import type { Duration } from '../time/Duration';
import type { Time } from '../time/Time';
import { DStream, adaptRDDFunction, type RDDFunction } from './internal';

/**
 * What a transform does when a parent has no RDD, and when the function returns null/undefined.
 * Spark has three classes for this; one kind with a policy stands for all three:
 * - `TransformedDStream` (Scala `transform`, `transformWith`, joins; `ssc.transform`):
 *   missing parent → `Couldn't generate RDD from parent at time …`; null → error.
 * - `PythonTransformedDStream` (PySpark `transform` and friends): missing parent → no RDD;
 *   `None` → no RDD.
 * - `PythonTransformed2DStream` (PySpark `transformWith`, joins, `union`): missing parent →
 *   an empty RDD; `None` → no RDD; no slide check.
 */
export interface TransformPolicy {
  missingParent: 'error' | 'none' | 'empty';
  nullResult: 'error' | 'none';
  checkSlides: boolean;
}

const SCALA: TransformPolicy = { missingParent: 'error', nullResult: 'error', checkSlides: true };
const PYTHON_1: TransformPolicy = { missingParent: 'none', nullResult: 'none', checkSlides: true };
const PYTHON_2: TransformPolicy = { missingParent: 'empty', nullResult: 'none', checkSlides: false };

/** Spark: `TransformedDStream` (and PySpark's two wrappers, see {@link TransformPolicy}). */
export class TransformedDStream<U> extends DStream<U> {
  constructor(
    private readonly parents: readonly DStream<unknown>[],
    private readonly transformFunc: (rdds: RDD<unknown>[], time: Time) => RDD<U> | null | undefined,
    private readonly policy: TransformPolicy,
    opName: string,
    lazyInPySpark = false,
  ) {
    requireThat(parents.length > 0, 'List of DStreams to transform is empty');
    const ssc = parents[0]!.ssc;
    super(ssc, opName, lazyInPySpark);
    requireThat(
      parents.every((p) => p.ssc === ssc),
      'Some of the DStreams have different contexts',
    );
    if (policy.checkSlides) {
      const slide = parents[0]!.slideDuration;
      requireThat(
        parents.every((p) => p.slideDuration.equals(slide)),
        'Some of the DStreams have different slide durations',
      );
    }
  }

  /** `ds.transform(f)`: Scala or PySpark semantics by flavor. */
  static single<T, U>(parent: DStream<T>, f: RDDFunction<T, RDD<U> | null | undefined>, opName: string): DStream<U> {
    const g = adaptRDDFunction(f);
    const policy = parent.flavor === 'pyspark' ? PYTHON_1 : SCALA;
    return new TransformedDStream<U>([parent], (rdds, time) => g(rdds[0] as RDD<T>, time), policy, opName, true);
  }

  /** `a.transformWith(f, b)` and the joins: Scala or PySpark semantics by flavor. */
  static pair<T, W, U>(
    a: DStream<T>,
    b: DStream<W>,
    f:
      | ((x: RDD<T>, y: RDD<W>) => RDD<U> | null | undefined)
      | ((time: Time, x: RDD<T>, y: RDD<W>) => RDD<U> | null | undefined),
    opName: string,
  ): DStream<U> {
    const call =
      f.length >= 3
        ? (rdds: RDD<unknown>[], time: Time) =>
            (f as (time: Time, x: RDD<T>, y: RDD<W>) => RDD<U> | null | undefined)(
              time,
              rdds[0] as RDD<T>,
              rdds[1] as RDD<W>,
            )
        : (rdds: RDD<unknown>[]) =>
            (f as (x: RDD<T>, y: RDD<W>) => RDD<U> | null | undefined)(rdds[0] as RDD<T>, rdds[1] as RDD<W>);
    const policy = a.flavor === 'pyspark' ? PYTHON_2 : SCALA;
    return new TransformedDStream<U>([a, b as DStream<unknown>], call, policy, opName);
  }

  /**
   * PySpark's JVM side of `transform` (`PythonTransformedDStream`, one parent) and of
   * `transformWith`/joins/`union` (`PythonTransformed2DStream`, two parents): `f` is the
   * `TransformFunction` callback into Python, called with the parents' RDDs and the batch time.
   */
  static python<U>(
    parents: readonly DStream<unknown>[],
    f: (rdds: RDD<unknown>[], time: Time) => RDD<U> | null | undefined,
    opName: string,
  ): DStream<U> {
    return new TransformedDStream<U>(parents, f, parents.length === 1 ? PYTHON_1 : PYTHON_2, opName, parents.length === 1);
  }

  /** `ssc.transform(dstreams, f)`: the JVM's TransformedDStream in both flavors. */
  static many<U>(
    parents: readonly DStream<unknown>[],
    f: ((rdds: RDD<unknown>[]) => RDD<U> | null | undefined) | ((time: Time, rdds: RDD<unknown>[]) => RDD<U> | null | undefined),
  ): DStream<U> {
    const call =
      f.length >= 2
        ? (rdds: RDD<unknown>[], time: Time) => (f as (time: Time, rdds: RDD<unknown>[]) => RDD<U>)(time, rdds)
        : (rdds: RDD<unknown>[]) => (f as (rdds: RDD<unknown>[]) => RDD<U>)(rdds);
    return new TransformedDStream<U>(parents, call, SCALA, 'transform');
  }

  get slideDuration(): Duration {
    return this.parents[0]!.slideDuration;
  }

  get dependencies(): readonly DStream<unknown>[] {
    return this.parents;
  }

  compute(validTime: Time): RDD<U> | undefined {
    const rdds: RDD<unknown>[] = [];
    for (const p of this.parents) {
      const rdd = p.getOrCompute(validTime);
      if (rdd !== undefined) rdds.push(rdd);
      else if (this.policy.missingParent === 'empty') rdds.push(this.ssc.sparkContext.emptyRDD());
      else if (this.policy.missingParent === 'none') return undefined;
      else throw new SparkError(`Couldn't generate RDD from parent at time ${validTime}`);
    }
    const result = this.transformFunc(rdds, validTime);
    if (result === null || result === undefined) {
      if (this.policy.nullResult === 'none') return undefined;
      throw new SparkError(
        'Transform function must not return null. Return SparkContext.emptyRDD() instead to represent no element as the result of transformation.',
      );
    }
    return result;
  }
}
