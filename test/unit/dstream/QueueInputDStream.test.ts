/**
 * `queueStream(queue, oneAtATime, defaultRDD)` (Spark: `QueueInputDStream`; PySpark:
 * `StreamingContext.queueStream`): what each batch takes, and the default per flavor.
 */
import type { QueueItem, RDD, StreamingContext } from 'dstream-sim';
import { inJvm, makeContexts } from '../../__helpers__/sim';

/** Run `seconds` batches; each batch's records and partition count. */
function runQueue(
  flavor: 'scala' | 'pyspark',
  build: (ssc: StreamingContext) => ReturnType<StreamingContext['queueStream']>,
  seconds: number,
): Promise<{ records: unknown[][]; partitions: number[] }> {
  return inJvm(async () => {
    const { ssc } = makeContexts(flavor);
    const records: unknown[][] = [];
    const partitions: number[] = [];
    build(ssc).foreachRDD((rdd: RDD<unknown>) => {
      records.push(rdd.collect());
      partitions.push(rdd.getNumPartitions());
    });
    ssc.start();
    await ssc.awaitTerminationOrTimeout(seconds);
    ssc.stop();
    return { records, partitions };
  });
}

describe('queue items', () => {
  test.each(['pyspark', 'scala'] as const)('%s: RDD items are used as they are (their partitions too)', async (flavor) => {
    const r = await runQueue(flavor, (ssc) => ssc.queueStream<number>([ssc.sparkContext.parallelize([1, 2, 3], 3)]), 1);
    expect(r).toEqual({ records: [[1, 2, 3]], partitions: [3] });
  });

  test.each(['pyspark', 'scala'] as const)('%s: oneAtATime = false unions every queued RDD, partitions in queue order', async (flavor) => {
    const r = await runQueue(
      flavor,
      (ssc) => {
        const sc = ssc.sparkContext;
        const items: QueueItem<number>[] = [sc.parallelize([1, 2], 2), [3], sc.parallelize([4], 1)];
        return ssc.queueStream<number>(items, false);
      },
      2,
    );
    expect(r.records).toEqual([[1, 2, 3, 4], []]);
    // 2 + 2 (an array item is parallelized over local[2]'s 2 slices) + 1.
    expect(r.partitions[0]).toBe(5);
  });
});

describe('the default when the queue is empty', () => {
  test('PySpark: a default given as an RDD is used as it is', async () => {
    const r = await runQueue('pyspark', (ssc) => ssc.queueStream<number>([[1]], true, ssc.sparkContext.parallelize([8, 9], 2)), 3);
    expect(r).toEqual({ records: [[1], [8, 9], [8, 9]], partitions: [expect.any(Number), 2, 2] });
  });

  test('PySpark: a None default (null) is no default either', async () => {
    const r = await runQueue('pyspark', (ssc) => ssc.queueStream<number>([[1]], true, null), 2);
    expect(r).toEqual({ records: [[1], []], partitions: [expect.any(Number), 1] });
  });

  test('PySpark: an empty default list is no default: an empty one-partition RDD', async () => {
    const r = await runQueue('pyspark', (ssc) => ssc.queueStream<number>([[1]], true, []), 2);
    expect(r.records).toEqual([[1], []]);
    expect(r.partitions[1]).toBe(1);
  });

  test('PySpark: an empty queue with an empty default list still raises IndexError, recorded as refused', () =>
    inJvm(() => {
      const { ssc } = makeContexts('pyspark');
      expect(() => ssc.queueStream<number>([], true, [])).toThrow('list index out of range');
      expect(ssc.events()).toContainEqual(
        expect.objectContaining({ type: 'callRefused', call: 'StreamingContext.queueStream()', rule: 'queue-stream-empty', errorName: 'IndexError' }),
      );
    }));

  test('Scala: a default list is parallelized; a default RDD is used as it is', async () => {
    const list = await runQueue('scala', (ssc) => ssc.queueStream<number>([[1]], true, [5, 6]), 2);
    expect(list.records).toEqual([[1], [5, 6]]);
    const rdd = await runQueue('scala', (ssc) => ssc.queueStream<number>([[1]], true, ssc.sparkContext.parallelize([7], 1)), 2);
    expect(rdd).toEqual({ records: [[1], [7]], partitions: [expect.any(Number), 1] });
  });

  test('Scala: without a default, an empty RDD with one partition (Spark: ssc.sc.makeRDD(Seq.empty, 1))', async () => {
    const r = await runQueue('scala', (ssc) => ssc.queueStream<number>([[1]]), 2);
    expect(r.records).toEqual([[1], []]);
    expect(r.partitions[1]).toBe(1);
  });
});
