/**
 * What StreamingListeners receive (Spark: `StreamingListenerSuite`, PySpark: `test_listener.py`):
 * BatchInfo with the inputs' StreamInputInfo and delays that appear as the batch moves on,
 * OutputOperationInfo per job (with the failure reason of a failed one), and ReceiverInfo.
 */
import { Receiver, SparkContext, SparkError, StreamingContext, timeline, withIsolatedJvm, type BatchInfo, type OutputOperationInfo, type ReceiverInfo, type StreamingListener } from 'dstream-sim';
import { inJvm, makeContexts } from '../../__helpers__/sim';
import { runWithTimeline } from '../../__helpers__/timelineRun';

/** Spark's `BatchInfoCollector`. */
class Collector implements StreamingListener {
  readonly started: number[] = [];
  readonly submitted: BatchInfo[] = [];
  readonly batchStarted: BatchInfo[] = [];
  readonly completed: BatchInfo[] = [];
  readonly opsStarted: OutputOperationInfo[] = [];
  readonly opsCompleted: OutputOperationInfo[] = [];
  readonly receivers: [string, ReceiverInfo][] = [];
  onStreamingStarted(e: { time: number }): void {
    this.started.push(e.time);
  }
  onBatchSubmitted(e: { batchInfo: BatchInfo }): void {
    this.submitted.push(e.batchInfo);
  }
  onBatchStarted(e: { batchInfo: BatchInfo }): void {
    this.batchStarted.push(e.batchInfo);
  }
  onBatchCompleted(e: { batchInfo: BatchInfo }): void {
    this.completed.push(e.batchInfo);
  }
  onOutputOperationStarted(e: { outputOperationInfo: OutputOperationInfo }): void {
    this.opsStarted.push(e.outputOperationInfo);
  }
  onOutputOperationCompleted(e: { outputOperationInfo: OutputOperationInfo }): void {
    this.opsCompleted.push(e.outputOperationInfo);
  }
  onReceiverStarted(e: { receiverInfo: ReceiverInfo }): void {
    this.receivers.push(['started', e.receiverInfo]);
  }
  onReceiverError(e: { receiverInfo: ReceiverInfo }): void {
    this.receivers.push(['error', e.receiverInfo]);
  }
  onReceiverStopped(e: { receiverInfo: ReceiverInfo }): void {
    this.receivers.push(['stopped', e.receiverInfo]);
  }
}

const delays = (b: BatchInfo): (number | undefined)[] => [b.schedulingDelay, b.processingDelay, b.totalDelay];

describe('BatchInfo (Spark: StreamingListenerSuite "batch info reporting")', () => {
  test('a receiver’s records are in streamIdToInputInfo; delays appear as the batch is started and completed', async () => {
    const c = new Collector();
    const tl = timeline().socket('nc', 'localhost:9000').lines(0.1, 'nc', 'a', 'b').lines(1.5, 'nc', 'c').build();
    await runWithTimeline(
      tl,
      (ssc) => {
        ssc.addStreamingListener(c);
        ssc.socketTextStream('localhost', 9000).pprint();
      },
      2,
    );
    expect(c.started).toEqual([0]);
    expect(c.submitted.map((b) => [b.batchTime.milliseconds, b.numRecords, [...b.streamIdToInputInfo]])).toEqual([
      [1000, 2, [[0, { inputStreamId: 0, numRecords: 2, metadata: {} }]]],
      [2000, 1, [[0, { inputStreamId: 0, numRecords: 1, metadata: {} }]]],
    ]);
    // Submitted: no delay yet; started: scheduling delay only; completed: all three (zero cost: 0).
    expect(c.submitted.map(delays)).toEqual([
      [undefined, undefined, undefined],
      [undefined, undefined, undefined],
    ]);
    expect(c.batchStarted.map(delays)).toEqual([
      [0, undefined, undefined],
      [0, undefined, undefined],
    ]);
    expect(c.completed.map(delays)).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(c.completed.map((b) => [b.submissionTime, b.processingStartTime, b.processingEndTime])).toEqual([
      [1000, 1000, 1000],
      [2000, 2000, 2000],
    ]);
    // Each event carries its own snapshot: the submitted BatchInfo did not change afterwards.
    expect(c.submitted[0]!.processingStartTime).toBeUndefined();
  });

  test('output operations: one info per job with its name, times, and the failure reason of a failed job', () =>
    inJvm(async () => {
      const { ssc } = makeContexts();
      const c = new Collector();
      ssc.addStreamingListener(c);
      const q = ssc.queueStream<number>([[1]]);
      q.foreachRDD(() => {
        throw new TypeError('bad');
      });
      q.pprint();
      ssc.start();
      await ssc.awaitTerminationOrTimeout(1).catch(() => undefined);
      ssc.stop();
      const [submitted] = c.submitted;
      expect([...submitted!.outputOperationInfos.values()].map((o) => [o.id, o.name, o.startTime, o.endTime])).toEqual([
        [0, 'foreachRDD [1]', undefined, undefined],
        [1, 'pprint [2]', undefined, undefined],
      ]);
      expect(c.opsStarted.map((o) => [o.id, o.startTime, o.endTime])).toEqual([
        [0, 1000, undefined],
        [1, 1000, undefined],
      ]);
      expect(c.opsCompleted.map((o) => [o.id, o.endTime, o.duration, o.failureReason])).toEqual([
        [0, 1000, 0, 'TypeError: bad'],
        [1, 1000, 0, undefined],
      ]);
      // BatchCompleted is posted although a job failed, with both operations finished.
      const [completed] = c.completed;
      expect([...completed!.outputOperationInfos.values()].map((o) => o.failureReason)).toEqual(['TypeError: bad', undefined]);
      // A queue stream reports no input info (Spark's QueueInputDStream never calls reportInfo).
      expect(completed!.streamIdToInputInfo.size).toBe(0);
      expect(completed!.numRecords).toBe(0);
    }));

  test('a file stream reports 0 records and the files it picked (metadata files and Description)', async () => {
    const c = new Collector();
    const tl = timeline().directory('in', 'input').file(0.5, 'in', 'a.txt', 'x\ny\n').file(0.6, 'in', 'b.txt', 'z\n').build();
    await runWithTimeline(
      tl,
      (ssc) => {
        ssc.addStreamingListener(c);
        ssc.textFileStream('input').pprint();
      },
      1,
    );
    expect([...c.submitted[0]!.streamIdToInputInfo.values()]).toEqual([
      { inputStreamId: 0, numRecords: 0, metadata: { files: ['input/a.txt', 'input/b.txt'], Description: 'input/a.txt\ninput/b.txt' } },
    ]);
  });

  test('no batch events for a batch without jobs', () =>
    inJvm(async () => {
      const { ssc } = makeContexts();
      const c = new Collector();
      ssc.addStreamingListener(c);
      ssc.queueStream<number>([[1]]).filter(() => false).foreachRDD(() => undefined);
      ssc.queueStream<number>([[1]]).window(2, 2).pprint(); // jobs only at even seconds
      ssc.start();
      await ssc.awaitTerminationOrTimeout(3);
      ssc.stop();
      expect(c.submitted.map((b) => [b.batchTime.milliseconds, b.outputOperationInfos.size])).toEqual([
        [1000, 1],
        [2000, 2],
        [3000, 1],
      ]);
    }));
});

describe('ReceiverInfo (Spark: ReceiverTracker register/deregister)', () => {
  const receiverRun = async (tl: ReturnType<ReturnType<typeof timeline>['build']>, seconds: number) => {
    const c = new Collector();
    const r = await runWithTimeline(
      tl,
      (ssc) => {
        ssc.addStreamingListener(c);
        ssc.socketTextStream('localhost', 9000).pprint();
      },
      seconds,
    );
    const infos = c.receivers.map(([kind, i]) => [kind, i.streamId, i.active, i.lastErrorMessage, i.lastError, i.lastErrorTime]);
    return { c, r, infos };
  };

  test('started, then stopped by the driver at the end (Spark’s "Stopped by driver", no error)', async () => {
    const { c, infos } = await receiverRun(timeline().socket('nc', 'localhost:9000').lines(0.1, 'nc', 'a').build(), 1);
    expect(infos).toEqual([
      ['started', 0, true, '', '', -1],
      ['stopped', 0, false, 'Stopped by driver', '', -1],
    ]);
    expect(c.receivers[0]![1]).toMatchObject({ name: 'SocketReceiver-0', location: 'localhost', executorId: 'driver' });
  });

  test('a dropped connection: "Error receiving data", stopped with the reset as lastError, started again 2 s later', async () => {
    const tl = timeline().socket('nc', 'localhost:9000').lines(0.1, 'nc', 'a').drop(1.5, 'nc').lines(4, 'nc', 'b').build();
    const { r, infos } = await receiverRun(tl, 5);
    expect(infos).toEqual([
      ['started', 0, true, '', '', -1],
      ['stopped', 0, false, 'Restarting receiver with delay 2000ms: Error receiving data', 'java.net.SocketException: Connection reset', 1500],
      ['started', 0, true, '', '', -1],
      ['stopped', 0, false, 'Stopped by driver', '', -1],
    ]);
    const shown = r.events.flatMap((e) =>
      e.type === 'receiverStarted' || e.type === 'receiverError' || e.type === 'warning' || e.type === 'timelineEvent' ? [`${e.at} ${e.type}`] : [],
    );
    expect(shown).toEqual([
      '0 receiverStarted',
      '100 timelineEvent',
      '1500 timelineEvent',
      '1500 warning',
      '1500 receiverError',
      '3500 receiverStarted',
      '4000 timelineEvent',
    ]);
    // What was received before the drop and after the restart lands in its batch.
    const delivered = r.events.flatMap((e) => (e.type === 'inputDelivered' && e.records!.length > 0 ? [[e.batchTime, e.records]] : []));
    expect(delivered).toEqual([
      [1000, ['a']],
      [4000, ['b']],
    ]);
  });

  test('a closed connection: "Socket data stream had no more data", with no error and so no error time', async () => {
    const tl = timeline().socket('nc', 'localhost:9000').close(1.5, 'nc').build();
    const { infos } = await receiverRun(tl, 2);
    expect(infos[1]).toEqual(['stopped', 0, false, 'Restarting receiver with delay 2000ms: Socket data stream had no more data', '', -1]);
  });
});

describe('stop() inside a listener (Spark: "Cannot stop StreamingContext within listener bus thread")', () => {
  test('is refused with Spark’s SparkException; the bus logs it as the listener’s exception and the context runs on', () =>
    inJvm(async () => {
      const { ssc } = makeContexts();
      let refused: unknown;
      ssc.addStreamingListener({
        onBatchCompleted: () => {
          try {
            ssc.stop();
          } catch (e) {
            refused = e;
            throw e;
          }
        },
      });
      ssc.queueStream<number>([[1], [2]]).pprint();
      ssc.start();
      await ssc.awaitTerminationOrTimeout(2);
      expect(ssc.getState()).toBe('ACTIVE');
      ssc.stop();
      expect(refused).toEqual(new SparkError('Cannot stop StreamingContext within listener bus thread.'));
      const events = ssc.events();
      expect(events.filter((e) => e.type === 'callRefused').map((e) => e.type === 'callRefused' && `${e.call} ${e.rule}`)).toEqual([
        'StreamingContext.stop() stop-in-listener',
        'StreamingContext.stop() stop-in-listener',
      ]);
      expect(events.filter((e) => e.type === 'warning').map((e) => e.type === 'warning' && e.message)).toEqual([
        'Listener Object threw an exception: org.apache.spark.SparkException: Cannot stop StreamingContext within listener bus thread.',
        'Listener Object threw an exception: org.apache.spark.SparkException: Cannot stop StreamingContext within listener bus thread.',
      ]);
    }));
});

describe('receiverStream and ReceiverInfo (Spark: StreamingListenerSuite "receiver info reporting")', () => {
  test('a custom receiver that reports an error and stops: started, error (kept as lastError), stopped', async () => {
    class StreamingListenerSuiteReceiver extends Receiver<string> {
      onStart(): void {
        this.store('hello');
        this.reportError('test report error', new Error('test report exception'));
        this.stop('test stop error');
      }
      onStop(): void {}
    }
    const c = new Collector();
    const events = await withIsolatedJvm({ stdout: () => undefined }, async (jvm) => {
      const ssc = new StreamingContext(new SparkContext({ master: 'local[2]' }), 1);
      ssc.addStreamingListener(c);
      ssc.receiverStream(new StreamingListenerSuiteReceiver()).foreachRDD(() => undefined);
      ssc.start();
      await ssc.awaitTerminationOrTimeout(2);
      ssc.stop();
      return [...jvm.log.events()];
    });
    expect(c.receivers.map(([kind, r]) => [kind, r.streamId, r.name, r.active, r.lastErrorMessage, r.lastError])).toEqual([
      ['started', 0, 'StreamingListenerSuiteReceiver-0', true, '', ''],
      ['error', 0, 'StreamingListenerSuiteReceiver-0', true, 'test report error', 'Error: test report exception'],
      ['stopped', 0, 'StreamingListenerSuiteReceiver-0', false, 'test stop error', ''],
    ]);
    // What it stored before stopping still reaches the first batch; the driver's stop adds no second ReceiverStopped.
    expect(events.flatMap((e) => (e.type === 'inputDelivered' ? [[e.streamName, e.records]] : []))[0]).toEqual(['Pluggable input [0]', ['hello']]);
    expect(events.filter((e) => e.type === 'receiverStopped')).toHaveLength(1);
  });

  test('a receiver used before the context started it says so', () => {
    class Idle extends Receiver<number> {
      onStart(): void {}
      onStop(): void {}
    }
    const r = new Idle();
    expect(r.isStopped()).toBe(true);
    expect(() => r.store(1)).toThrow('A receiver can only be used after ssc.receiverStream(receiver) has started it');
  });
});
