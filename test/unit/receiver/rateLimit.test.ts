/**
 * Receiver rate limits (Spark: `RateLimiter` in the BlockGenerator): `spark.streaming.receiver.maxRate`
 * caps what goes into blocks per second, the rest waits in the receiver; backpressure's updates
 * are recorded and never exceed maxRate.
 */
import { SparkConf, SparkContext, StreamingContext, TimelineDriver, timeline, withIsolatedJvm, type CostModel, type SimEvent } from 'dstream-sim';

async function run(conf: Record<string, string>, seconds: number, cost?: CostModel): Promise<SimEvent[]> {
  const lines = Array.from({ length: 50 }, (_, i) => `l${i}`);
  let tl = timeline().socket('nc', 'localhost:9000');
  for (let s = 0; s < seconds; s++) tl = tl.lines(s + 0.1, 'nc', ...lines);
  return withIsolatedJvm({ stdout: () => undefined, cost }, async (jvm) => {
    const driver = await TimelineDriver.attach(jvm, tl.build());
    try {
      const sparkConf = new SparkConf().setMaster('local[2]');
      for (const [k, v] of Object.entries(conf)) sparkConf.set(k, v);
      const ssc = new StreamingContext(new SparkContext({ conf: sparkConf }), 1);
      ssc.socketTextStream('localhost', 9000).foreachRDD(() => undefined);
      ssc.start();
      await ssc.awaitTerminationOrTimeout(seconds);
      ssc.stop();
    } finally {
      await driver.close();
    }
    return [...jvm.log.events()];
  });
}

const records = (events: readonly SimEvent[]): number[] => events.flatMap((e) => (e.type === 'batchSubmitted' ? [e.numRecords] : []));

test('without a limit every line of a second lands in its batch', async () => {
  expect(records(await run({}, 4))).toEqual([50, 50, 50, 50]);
});

test('spark.streaming.receiver.maxRate = 20: 20 records a second go into blocks, the rest wait their turn', async () => {
  expect(records(await run({ 'spark.streaming.receiver.maxRate': '20' }, 4))).toEqual([20, 20, 20, 20]);
});

test('backpressure updates are recorded as receiverRateUpdated, capped by maxRate', async () => {
  const events = await run({ 'spark.streaming.backpressure.enabled': 'true', 'spark.streaming.receiver.maxRate': '40' }, 6, { perRecord: 0.03 });
  const rates = events.flatMap((e) => (e.type === 'receiverRateUpdated' ? [e.rate] : []));
  expect(rates.length).toBeGreaterThan(0);
  for (const r of rates) expect(r).toBeLessThanOrEqual(40);
  expect(records(events).every((n) => n <= 40)).toBe(true);
  // The same run without backpressure: no rate controller, so no update.
  const off = await run({ 'spark.streaming.receiver.maxRate': '40' }, 6, { perRecord: 0.03 });
  expect(off.filter((e) => e.type === 'receiverRateUpdated')).toEqual([]);
});

describe('the PID estimator’s settings (spark.streaming.backpressure.pid.*)', () => {
  /** The rates backpressure sets over 10 s of 200 and 60 lines a second in turn, at `perRecord` s a record. */
  async function rates(conf: Record<string, string>, perRecord: number): Promise<number[]> {
    let tl = timeline().socket('nc', 'localhost:9000');
    for (let s = 0; s < 10; s++) tl = tl.lines(s + 0.1, 'nc', ...Array.from({ length: s % 2 === 0 ? 200 : 60 }, (_, i) => `l${i}`));
    const events = await withIsolatedJvm({ stdout: () => undefined, cost: { perRecord } }, async (jvm) => {
      const driver = await TimelineDriver.attach(jvm, tl.build());
      try {
        const sparkConf = new SparkConf().setMaster('local[2]').set('spark.streaming.backpressure.enabled', 'true');
        for (const [k, v] of Object.entries(conf)) sparkConf.set(k, v);
        const ssc = new StreamingContext(new SparkContext({ conf: sparkConf }), 1);
        ssc.socketTextStream('localhost', 9000).foreachRDD(() => undefined);
        ssc.start();
        await ssc.awaitTerminationOrTimeout(10);
        ssc.stop();
      } finally {
        await driver.close();
      }
      return [...jvm.log.events()];
    });
    return events.flatMap((e) => (e.type === 'receiverRateUpdated' ? [Math.round(e.rate)] : []));
  }

  test.each([
    ['proportional', '0.5'],
    ['integral', '0'],
    ['derived', '0.5'],
  ])('%s = %s gives other rates than the default (1.0, 0.2, 0.0)', async (name, value) => {
    const defaults = await rates({}, 0.008);
    expect(defaults.length).toBeGreaterThan(3);
    expect(await rates({ [`spark.streaming.backpressure.pid.${name}`]: value }, 0.008)).not.toEqual(defaults);
  });

  test('minRate: the rate never goes below it (default 100)', async () => {
    expect(Math.min(...(await rates({}, 0.03)))).toBe(100);
    expect(Math.min(...(await rates({ 'spark.streaming.backpressure.pid.minRate': '5' }, 0.03)))).toBeLessThan(100);
  });
});

test('an unknown rate estimator is refused at start with Spark’s message', async () => {
  await expect(run({ 'spark.streaming.backpressure.enabled': 'true', 'spark.streaming.backpressure.rateEstimator': 'pi' }, 1)).rejects.toThrow(
    'Unknown rate estimator: pi',
  );
});

test('with backpressure on, an input without a receiver (a queue) gets no rate controller and runs as without', () =>
  withIsolatedJvm({ cost: { perRecord: 0.03 } }, async () => {
    const conf = new SparkConf().set('spark.streaming.backpressure.enabled', 'true');
    const ssc = new StreamingContext(new SparkContext({ master: 'local[2]', appName: 'bp', conf }), 1);
    const batches = Array.from({ length: 6 }, (_, b) => Array.from({ length: 50 }, (_, i) => b * 50 + i));
    let seen = 0;
    ssc.queueStream<number>(batches).foreachRDD((rdd) => void (seen += rdd.count()));
    ssc.start();
    await ssc.awaitTerminationOrTimeout(6);
    ssc.stop();
    expect(seen).toBe(300);
    expect(ssc.events().filter((e) => e.type === 'receiverRateUpdated' || e.type === 'warning')).toEqual([]);
  }));
