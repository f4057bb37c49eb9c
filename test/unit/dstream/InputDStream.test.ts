/**
 * Input streams (Spark: `InputDStream`, `ReceiverInputDStream`): the records each kind reports
 * to the batch (`BatchInfo.numRecords`), and Spark's warning when an input is asked for a time
 * before the last one it produced.
 */
import { Time, timeline, type RDD, type SimEvent } from 'dstream-sim';
import { inJvm, makeContexts } from '../../__helpers__/sim';
import { runWithTimeline } from '../../__helpers__/timelineRun';

const submitted = (events: readonly SimEvent[]): [number, number][] =>
  events.flatMap((e) => (e.type === 'batchSubmitted' ? [[e.batchTime, e.numRecords] as [number, number]] : []));

describe('records reported per batch', () => {
  test('a receiver (socket) stream reports the records it received', async () => {
    const tl = timeline().socket('nc', 'localhost:9000').lines(0.1, 'nc', 'a', 'b').lines(1.5, 'nc', 'c').build();
    const r = await runWithTimeline(tl, (ssc) => ssc.socketTextStream('localhost', 9000).pprint(), 3);
    expect(submitted(r.events)).toEqual([
      [1000, 2],
      [2000, 1],
      [3000, 0],
    ]);
  });

  test('a queue stream reports 0, as Spark does, however many records it delivers', () =>
    inJvm(async () => {
      const { ssc } = makeContexts();
      ssc.queueStream<number>([[1, 2, 3]]).pprint();
      ssc.start();
      await ssc.awaitTerminationOrTimeout(1);
      ssc.stop();
      expect(submitted(ssc.events())).toEqual([[1000, 0]]);
    }));
});

describe('isTimeValid going back in time', () => {
  // Spark: InputDStream.isTimeValid logs "isTimeValid called with <t> whereas the last valid
  // time is <last>" when an input computes a batch older than one it already computed.
  test('recomputing a forgotten earlier batch of an input logs Spark’s warning', () =>
    inJvm(async () => {
      const { ssc } = makeContexts();
      const q = ssc.queueStream<number>([[1], [2], [3]], true, [0]);
      q.foreachRDD((t: Time, _rdd: RDD<number>) => {
        if (t.milliseconds === 3000) q.slice(1); // the 1 s RDD was forgotten: computed again
      });
      ssc.start();
      await ssc.awaitTerminationOrTimeout(3);
      ssc.stop();
      const warnings = ssc.events().flatMap((e) => (e.type === 'warning' ? [e.message] : []));
      expect(warnings).toEqual(['isTimeValid called with 1000 ms whereas the last valid time is 3000 ms']);
    }));
});

describe('a receiver stream asked for a time before its context started (Spark: ReceiverInputDStream.compute)', () => {
  test('an empty RDD with no partitions, as Spark’s empty BlockRDD', () =>
    inJvm(() => {
      const { ssc } = makeContexts();
      const lines = ssc.socketTextStream('localhost', 9000);
      const rdd = lines.compute(new Time(1000));
      expect(rdd?.getNumPartitions()).toBe(0);
      expect(rdd?.collect()).toEqual([]);
    }));
});

describe('a window’s first batch asks for the zero time: a queue stream is not computed there, so nothing is dequeued early (Spark: InputDStream.isTimeValid)', () => {
  test.each(['scala', 'pyspark'] as const)('%s', (flavor) =>
    inJvm(async () => {
      const { ssc } = makeContexts(flavor);
      const out: number[][] = [];
      ssc
        .queueStream<number>([[1], [2], [3]])
        .window(2, 1)
        .foreachRDD((rdd: RDD<number>) => void out.push(rdd.collect()));
      ssc.start();
      await ssc.awaitTerminationOrTimeout(3);
      ssc.stop();
      expect(out).toEqual([[1], [1, 2], [2, 3]]);
    }));
});
