import { SparkError, ValueError, requireThat } from '../errors';
import type { RDD } from '../rdd/RDD';
import type { Duration } from '../time/Duration';
import type { Time } from '../time/Time';
import { DStream, TransformedDStream } from './internal';

/** Spark: `UnionDStream`: the RDDs of every parent, unioned in parent order. */
export class UnionDStream<T> extends DStream<T> {
  constructor(private readonly parents: readonly DStream<T>[]) {
    requireThat(parents.length > 0, 'List of DStreams to union is empty');
    const ssc = parents[0]!.ssc;
    super(ssc, 'union');
    requireThat(
      parents.every((p) => p.ssc === ssc),
      'Some of the DStreams have different contexts',
    );
    const slide = parents[0]!.slideDuration;
    requireThat(
      parents.every((p) => p.slideDuration.equals(slide)),
      'Some of the DStreams have different slide durations',
    );
  }

  /**
   * `a.union(b)`: Scala's UnionDStream; PySpark's `transformWith(lambda a, b: a.union(b))` after
   * its own check `the two DStream should have same slide duration`.
   */
  static ofTwo<T>(a: DStream<T>, b: DStream<T>): DStream<T> {
    if (a.flavor === 'pyspark') {
      if (!a.slideDuration.equals(b.slideDuration)) {
        throw new ValueError('the two DStream should have same slide duration');
      }
      return TransformedDStream.pair(a, b, (x: RDD<T>, y: RDD<T>) => x.union(y), 'union');
    }
    return new UnionDStream([a, b]);
  }

  get slideDuration(): Duration {
    return this.parents[0]!.slideDuration;
  }

  get dependencies(): readonly DStream<unknown>[] {
    return this.parents;
  }

  compute(validTime: Time): RDD<T> | undefined {
    const rdds: RDD<T>[] = [];
    for (const p of this.parents) {
      const rdd = p.getOrCompute(validTime);
      if (rdd === undefined) {
        throw new SparkError(`Could not generate RDD from a parent for unifying at time ${validTime}`);
      }
      rdds.push(rdd);
    }
    return this.ssc.sparkContext.union(rdds);
  }
}
