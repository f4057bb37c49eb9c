/**
 * Processing time in virtual time (Spark: `JobScheduler`'s job executor): a declared cost makes
 * jobs take time, batches queue on `spark.streaming.concurrentJobs` slots, and the listener's
 * BatchInfo shows the delays Spark would (spark-semantics §9.3).
 */
import { SparkConf, SparkContext, StreamingContext, TimelineDriver, dstreamMatchers, runStreams, timeline, withIsolatedJvm, type BatchInfo, type CostModel, type SimEvent } from 'dstream-sim';

async function run(cost: CostModel, seconds: number, conf: Record<string, string> = {}, outputs = 1): Promise<{ infos: BatchInfo[]; events: SimEvent[] }> {
  return withIsolatedJvm({ stdout: () => undefined, cost }, async (jvm) => {
    const sparkConf = new SparkConf().setMaster('local[2]');
    for (const [k, v] of Object.entries(conf)) sparkConf.set(k, v);
    const ssc = new StreamingContext(new SparkContext({ conf: sparkConf }), 1);
    const infos: BatchInfo[] = [];
    ssc.addStreamingListener({ onBatchCompleted: ({ batchInfo }) => void infos.push(batchInfo) });
    const q = ssc.queueStream<number>(Array.from({ length: 10 }, (_, i) => [i]));
    for (let i = 0; i < outputs; i++) q.foreachRDD(() => undefined);
    ssc.start();
    await ssc.awaitTerminationOrTimeout(seconds);
    ssc.stop();
    return { infos, events: [...jvm.log.events()] };
  });
}

const seconds = (ms: number | undefined): number | undefined => (ms === undefined ? undefined : ms / 1000);

test('a batch costing 1.5 × the interval: scheduling delays 0, 0.5, 1.0, 1.5 s (batches queue; the timer never waits)', async () => {
  const { infos } = await run({ perBatch: 1.5 }, 7);
  expect(infos.map((b) => b.batchTime.milliseconds)).toEqual([1000, 2000, 3000, 4000]);
  expect(infos.map((b) => seconds(b.schedulingDelay))).toEqual([0, 0.5, 1, 1.5]);
  expect(infos.map((b) => seconds(b.processingDelay))).toEqual([1.5, 1.5, 1.5, 1.5]);
  expect(infos.map((b) => seconds(b.totalDelay))).toEqual([1.5, 2, 2.5, 3]);
  expect(infos.map((b) => [b.processingStartTime, b.processingEndTime])).toEqual([
    [1000, 2500],
    [2500, 4000],
    [4000, 5500],
    [5500, 7000],
  ]);
});

test('spark.streaming.concurrentJobs = 2 runs two batches side by side', async () => {
  // 2.5 s a batch on two slots: 1000–3500 and 2000–4500 overlap; 3000 waits for 3500, 4000 for 4500 …
  const { infos } = await run({ perBatch: 2.5 }, 9, { 'spark.streaming.concurrentJobs': '2' });
  expect(infos.map((b) => [b.batchTime.milliseconds, seconds(b.schedulingDelay), b.processingEndTime])).toEqual([
    [1000, 0, 3500],
    [2000, 0, 4500],
    [3000, 0.5, 6000],
    [4000, 0.5, 7000],
    [5000, 1, 8500],
  ]);
});

test('per output operation and per record: each job of a batch takes its own time, in outputOpId order', async () => {
  const { events } = await run({ perOutput: 0.25, perRecord: 0 }, 1.6, {}, 2);
  const ops = events.flatMap((e) =>
    e.type === 'outputOperationStarted' || e.type === 'outputOperationCompleted' ? [`${e.at} ${e.type === 'outputOperationStarted' ? 'start' : 'end'} ${e.batchTime}.${e.outputOpId}`] : [],
  );
  expect(ops).toEqual(['1000 start 1000.0', '1250 end 1000.0', '1250 start 1000.1', '1500 end 1000.1']);
});

test('a cost function sees the batch; an immediate stop drops the queued batches (they never complete)', async () => {
  const seen: string[] = [];
  const { events } = await run({ job: (j) => (seen.push(`${j.batchTime}.${j.outputOpId} ${j.outputName} ${j.lineage.join(' < ')}`), 2) }, 3.5);
  // 2 s a job: batch 1000 runs 1000–3000; batch 2000 starts at 3000 (the cost is asked then); the
  // stop at 3500 drops it while it runs, and batch 3000 before it starts.
  expect(seen).toEqual(['1000.0 foreachRDD [1] Queue input [0]', '2000.0 foreachRDD [1] Queue input [0]']);
  const submitted = events.flatMap((e) => (e.type === 'batchSubmitted' ? [e.batchTime] : []));
  const completed = events.flatMap((e) => (e.type === 'batchCompleted' ? [e.batchTime] : []));
  expect(submitted).toEqual([1000, 2000, 3000]);
  expect(completed).toEqual([1000]);
});

test('a cost function sees the lineage of its output, each stream once, nearest first', async () => {
  const seen: string[] = [];
  await withIsolatedJvm({ stdout: () => undefined, cost: { job: (j) => (seen.push(j.lineage.join(' < ')), 0) } }, async () => {
    const ssc = new StreamingContext(new SparkContext({ master: 'local[2]', appName: 'lineage' }), 1);
    const q = ssc.queueStream<number>([[1]]);
    q.union(q.map((x) => x)).foreachRDD(() => undefined); // a diamond: the queue is reached twice
    ssc.start();
    await ssc.awaitTerminationOrTimeout(1);
    ssc.stop();
  });
  expect(seen).toEqual(['union [2] < Queue input [0] < map [1]']);
});

test('a negative or non-finite cost is refused with the job named', async () => {
  await expect(run({ job: () => -1 }, 1)).rejects.toThrow('cost of foreachRDD [1] at 1000 ms: -1 is not a duration in seconds ≥ 0');
});

describe('seen from the harness and jest', () => {
  beforeAll(() => expect.extend(dstreamMatchers));

  test('runStreams({ cost }) returns each batch’s BatchInfo; toHaveSchedulingDelays reads the log', async () => {
    const r = await runStreams<number>([[[1], [2], [3], [4], [5]]], (s) => s[0]!.map((x) => Number(x)), 6, { cost: { perBatch: 1.5 } });
    expect(r.batchInfos.map((b) => [b.batchTime.milliseconds, b.processingEndTime])).toEqual([
      [1000, 2500],
      [2000, 4000],
      [3000, 5500],
      [4000, undefined], // running when the harness stops at 6000 ms
      [5000, undefined],
      [6000, undefined],
    ]);
    expect(r).toHaveSchedulingDelays([0, 0.5, 1, 1.5]);
    expect(r).not.toHaveSchedulingDelays([0, 0.5, 1]);
    expect(() => expect(r).toHaveSchedulingDelays([0, 0, 0, 0])).toThrow(
      'expected scheduling delays [0, 0, 0, 0] s, got [0, 0.5, 1, 1.5] s (batches 1000 ms, 2000 ms, 3000 ms, 4000 ms)',
    );
  });
});

describe('stop(stopGracefully = true) (Spark: JobGenerator.stop(processReceivedData = true))', () => {
  async function stopAt(seconds: number, graceful: boolean, cost: CostModel, conf: Record<string, string> = {}): Promise<{ events: SimEvent[]; stoppedAt: number }> {
    return withIsolatedJvm({ stdout: () => undefined, cost }, async (jvm) => {
      const sparkConf = new SparkConf().setMaster('local[2]');
      for (const [k, v] of Object.entries(conf)) sparkConf.set(k, v);
      const ssc = new StreamingContext(new SparkContext({ conf: sparkConf }), 1);
      ssc.queueStream<number>(Array.from({ length: 10 }, (_, i) => [i])).foreachRDD(() => undefined);
      ssc.start();
      await ssc.awaitTerminationOrTimeout(seconds);
      ssc.stop(true, graceful);
      return { events: [...jvm.log.events()], stoppedAt: jvm.clock.now() };
    });
  }
  const completed = (events: readonly SimEvent[]): number[] => events.flatMap((e) => (e.type === 'batchCompleted' ? [e.batchTime] : []));

  test('waits in virtual time: two more ticks of the timer (SPARK-10224), then every queued batch is processed', async () => {
    const immediate = await stopAt(3.5, false, { perBatch: 1.5 });
    expect(completed(immediate.events)).toEqual([1000]); // 2000 runs 2500–4000: dropped
    expect(immediate.stoppedAt).toBe(3500);
    const graceful = await stopAt(3.5, true, { perBatch: 1.5 });
    // The timer fires at 4000 and 5000; batches 1000…5000 run one after another, 1.5 s each.
    expect(completed(graceful.events)).toEqual([1000, 2000, 3000, 4000, 5000]);
    expect(graceful.stoppedAt).toBe(8500);
    const stopped = graceful.events.find((e) => e.type === 'contextStopped');
    expect(stopped).toMatchObject({
      at: 8500,
      graceful: true,
      gracefulLog: [
        'Waiting for all received blocks to be consumed for job generation',
        'Waited for all received blocks to be consumed for job generation',
        'Stopped generation timer',
        'Waiting for jobs to be processed and checkpoints to be written',
        'Waited for jobs to be processed and checkpoints to be written',
      ],
    });
  });

  test('gives up after spark.streaming.gracefulStopTimeout (default 10 batch intervals) with Spark’s warning', async () => {
    const r = await stopAt(1.5, true, { perBatch: 30 });
    expect(r.stoppedAt).toBe(11_500);
    expect(r.events.flatMap((e) => (e.type === 'warning' ? [e.message] : []))).toContain('Timed out while stopping the job generator (timeout = 10000)');
    const short = await stopAt(1.5, true, { perBatch: 30 }, { 'spark.streaming.gracefulStopTimeout': '3s' });
    expect(short.stoppedAt).toBe(4500);
    // Spark: conf.getTimeAsMs — a bare number is milliseconds.
    const bare = await stopAt(1.5, true, { perBatch: 30 }, { 'spark.streaming.gracefulStopTimeout': '3000' });
    expect(bare.stoppedAt).toBe(4500);
  });

  test('the log says how far a timed-out graceful stop got: the timer’s two more ticks do not fit in 1 s, so no jobs are waited for', async () => {
    const r = await stopAt(1.5, true, { perBatch: 30 }, { 'spark.streaming.gracefulStopTimeout': '1s' });
    expect(r.stoppedAt).toBe(2500);
    expect(r.events.find((e) => e.type === 'contextStopped')).toMatchObject({
      graceful: true,
      // The timer is stopped where the wait for its ticks gave up; the wait for the jobs never starts.
      gracefulLog: ['Waiting for all received blocks to be consumed for job generation', 'Waited for all received blocks to be consumed for job generation', 'Stopped generation timer'],
    });
    expect(r.events.flatMap((e) => (e.type === 'warning' ? [e.message] : []))).toContain('Timed out while stopping the job generator (timeout = 1000)');
  });

  test('a graceful stop that times out waiting for the jobs logs no “Waited for jobs”', async () => {
    const r = await stopAt(1.5, true, { perBatch: 30 }, { 'spark.streaming.gracefulStopTimeout': '3s' });
    expect(r.events.find((e) => e.type === 'contextStopped')).toMatchObject({
      gracefulLog: [
        'Waiting for all received blocks to be consumed for job generation',
        'Waited for all received blocks to be consumed for job generation',
        'Stopped generation timer',
        'Waiting for jobs to be processed and checkpoints to be written',
      ],
    });
  });

  test('without a cost it still lets the timer fire twice more, and the batches run at once', async () => {
    const r = await stopAt(2, true, {});
    expect(completed(r.events)).toEqual([1000, 2000, 3000, 4000]);
    expect(r.stoppedAt).toBe(4000);
  });
});

test('a graceful stop with a receiver: received lines still reach a batch before the timer stops', async () => {
  const tl = timeline().socket('nc', 'localhost:9000').lines(0.5, 'nc', 'a').lines(1.5, 'nc', 'b').lines(1.65, 'nc', 'c').build();
  const events = await withIsolatedJvm({ stdout: () => undefined }, async (jvm) => {
    const driver = await TimelineDriver.attach(jvm, tl);
    try {
      const ssc = new StreamingContext(new SparkContext({ master: 'local[2]' }), 1);
      ssc.socketTextStream('localhost', 9000).foreachRDD(() => undefined);
      ssc.start();
      await ssc.awaitTerminationOrTimeout(1.7);
      ssc.stop(true, true);
      expect(jvm.clock.now()).toBe(4000);
    } finally {
      await driver.close();
    }
    return [...jvm.log.events()];
  });
  const delivered = events.flatMap((e) => (e.type === 'inputDelivered' ? [[e.batchTime, e.records]] : []));
  // 'b' and 'c' arrived before the stop (the receiver's last block is cut when it stops): batch 2000.
  expect(delivered).toEqual([
    [1000, ['a']],
    [2000, ['b', 'c']],
    [3000, []],
    [4000, []],
  ]);
  const stop = events.findIndex((e) => e.type === 'receiverStopped');
  expect(events[stop]!.at).toBe(1700);
});
