/**
 * What Spark's `JobScheduler` reports: the records of a batch summed over its inputs
 * (`InputInfoTracker` → `BatchInfo.numRecords`), and errors as the event log shows them
 * (`reportError`), including values thrown that are not Errors.
 */
import { runStreams, withIsolatedJvm, SparkContext, StreamingContext, type DStream, type SimEvent } from 'dstream-sim';

const ofType = <T extends SimEvent['type']>(events: readonly SimEvent[], type: T): Extract<SimEvent, { type: T }>[] =>
  events.filter((e): e is Extract<SimEvent, { type: T }> => e.type === type);

describe('batchSubmitted.numRecords (InputInfoTracker)', () => {
  test('is the sum of the records every input delivered for the batch', async () => {
    const r = await runStreams<number>(
      [
        [[1, 2], [3], []],
        [[4], [5, 6, 7], []],
      ],
      (s) => (s[0] as DStream<number>).union(s[1] as DStream<number>),
      3,
    );
    expect(ofType(r.events, 'batchSubmitted').map((e) => [e.batchTime, e.numRecords])).toEqual([
      [1000, 3],
      [2000, 4],
      [3000, 0],
    ]);
  });
});

describe('errors reported by jobs', () => {
  test('a thrown non-Error value is reported with its type as the name and its string as the message', () =>
    withIsolatedJvm({ stdout: () => undefined }, async () => {
      const sc = new SparkContext({ master: 'local[2]' });
      const ssc = new StreamingContext(sc, 1);
      ssc.queueStream<number>([[1]]).foreachRDD(() => {
        throw 'plain string';
      });
      ssc.start();
      await expect(ssc.awaitTerminationOrTimeout(1)).rejects.toBe('plain string');
      const [err] = ofType(ssc.events(), 'errorReported');
      expect(err).toMatchObject({
        batchTime: 1000,
        phase: 'job',
        context: 'Error running job streaming job 1000 ms.0',
        errorName: 'string',
        message: 'plain string',
      });
      expect(ofType(ssc.events(), 'outputOperationCompleted')[0]!.failureReason).toBe('plain string');
      ssc.stop();
    }));

  test('a failed job is reported as soon as it completes; the batch’s other jobs still run and it counts one failure', () =>
    withIsolatedJvm({ stdout: () => undefined }, async () => {
      const sc = new SparkContext({ master: 'local[2]' });
      const ssc = new StreamingContext(sc, 1);
      const q = ssc.queueStream<number>([[1]]);
      q.foreachRDD(() => {
        throw new TypeError('bad');
      });
      q.foreachRDD(() => undefined);
      ssc.start();
      await expect(ssc.awaitTerminationOrTimeout(1)).rejects.toThrow('bad');
      const types = ssc.events().map((e) => e.type).filter((t) => t !== 'warning' && t !== 'inputDelivered');
      expect(types.slice(types.indexOf('batchSubmitted'))).toEqual([
        'batchSubmitted',
        'batchStarted',
        'outputOperationStarted',
        'outputOperationCompleted',
        'errorReported',
        'outputOperationStarted',
        'outputOperationCompleted',
        'batchCompleted',
      ]);
      expect(ofType(ssc.events(), 'batchCompleted')[0]!.failedJobs).toBe(1);
      expect(ofType(ssc.events(), 'errorReported')[0]).toMatchObject({ errorName: 'TypeError', message: 'bad' });
      ssc.stop();
    }));
});

describe('batches without jobs', () => {
  // Spark: JobScheduler.submitJobSet logs "No jobs added for time <t>" and posts no batch event.
  test('a batch where no output operation has an RDD posts no batch events, and later batches do', async () => {
    const r = await runStreams<number>([[null, [1]]], (s) => s[0] as DStream<number>, 2);
    const batchEvents = r.events.filter((e) => e.type.startsWith('batch') || e.type.startsWith('outputOperation'));
    expect(batchEvents.map((e) => [e.type, 'batchTime' in e ? e.batchTime : -1])).toEqual([
      ['batchSubmitted', 2000],
      ['batchStarted', 2000],
      ['outputOperationStarted', 2000],
      ['outputOperationCompleted', 2000],
      ['batchCompleted', 2000],
    ]);
  });
});
