/**
 * The receiver supervisor's rules (Spark: `ReceiverSupervisor`, `BlockGenerator`): restarts wait
 * `spark.streaming.receiverRestartDelay`, a stop cancels a pending restart, the receiver's
 * lifecycle is reported, and every block interval cuts one block (one partition).
 */
import {
  SparkConf,
  SparkContext,
  StreamingContext,
  TimelineDriver,
  timeline,
  withIsolatedJvm,
  type SimEvent,
  type Timeline,
} from 'dstream-sim';

/** Run `socketTextStream('localhost', port)` against a timeline with the given conf entries. */
async function runSocket(
  tl: Timeline,
  port: number,
  conf: Record<string, string>,
  seconds: number,
  onRdd: (parts: number) => void = () => undefined,
): Promise<SimEvent[]> {
  return withIsolatedJvm({ stdout: () => undefined }, async (jvm) => {
    const driver = await TimelineDriver.attach(jvm, tl);
    try {
      const sparkConf = new SparkConf().setMaster('local[2]');
      for (const [k, v] of Object.entries(conf)) sparkConf.set(k, v);
      const ssc = new StreamingContext(new SparkContext({ conf: sparkConf }), 1);
      ssc.socketTextStream('localhost', port).foreachRDD((rdd) => onRdd(rdd.getNumPartitions()));
      ssc.start();
      await ssc.awaitTerminationOrTimeout(seconds);
      ssc.stop();
    } finally {
      await driver.close();
    }
    return [...jvm.log.events()];
  });
}

const receiverEvents = (events: SimEvent[]): [string, number, string][] =>
  events.flatMap((e) =>
    e.type === 'receiverStarted'
      ? [[e.type, e.at, e.name] as [string, number, string]]
      : e.type === 'receiverError' || e.type === 'receiverStopped'
        ? [[e.type, e.at, e.message] as [string, number, string]]
        : [],
  );

describe('receiver restarts', () => {
  test('spark.streaming.receiverRestartDelay sets the wait between attempts', async () => {
    const events = await runSocket(timeline().build(), 9999, { 'spark.streaming.receiverRestartDelay': '700' }, 2);
    expect(receiverEvents(events)).toEqual([
      ['receiverStarted', 0, 'Socket input [0]'],
      ['receiverError', 0, 'Error connecting to localhost:9999'],
      ['receiverStarted', 700, 'Socket input [0]'],
      ['receiverError', 700, 'Error connecting to localhost:9999'],
      ['receiverStarted', 1400, 'Socket input [0]'],
      ['receiverError', 1400, 'Error connecting to localhost:9999'],
      ['receiverStopped', 2000, 'Stopped by driver'],
    ]);
  });

  test('a stop while a restart is pending cancels it: no attempt after the stop', async () => {
    // Refused at 0 s; the retry would come at 2 s, but the context stops at 1 s.
    const events = await runSocket(timeline().build(), 9999, {}, 1);
    expect(receiverEvents(events)).toEqual([
      ['receiverStarted', 0, 'Socket input [0]'],
      ['receiverError', 0, 'Error connecting to localhost:9999'],
      ['receiverStopped', 1000, 'Stopped by driver'],
    ]);
  });

  test('a connection that ends is restarted once, not once per end/close signal', async () => {
    const tl = timeline().socket('nc', 'localhost:9000').lines(0.1, 'nc', 'x').close(0.5, 'nc').build();
    const events = await runSocket(tl, 9000, {}, 2);
    expect(receiverEvents(events).filter(([t]) => t === 'receiverError')).toEqual([
      ['receiverError', 500, 'Socket data stream had no more data'],
    ]);
  });
});

describe('blocks', () => {
  test('records arriving in different block intervals are different blocks (partitions)', async () => {
    const tl = timeline().socket('nc', 'localhost:9000').lines(0.1, 'nc', 'a').lines(0.3, 'nc', 'b').lines(0.35, 'nc', 'c').build();
    const withDefault: number[] = [];
    await runSocket(tl, 9000, {}, 1, (n) => void withDefault.push(n));
    const wide: number[] = [];
    await runSocket(tl, 9000, { 'spark.streaming.blockInterval': '500ms' }, 1, (n) => void wide.push(n));
    // 200 ms blocks: (0, 200] holds a, (200, 400] holds b and c. One 500 ms block holds all three.
    expect(withDefault).toEqual([2]);
    expect(wide).toEqual([1]);
  });
});

describe('reported errors and settings', () => {
  test('a restart without an error reports none; a refused connection reports ConnectException', async () => {
    const tl = timeline().socket('nc', 'localhost:9000').close(0.5, 'nc').build();
    const events = await runSocket(tl, 9000, {}, 3);
    const errors = events.flatMap((e) => (e.type === 'receiverError' ? [[e.at, e.message, e.error]] : []));
    expect(errors).toEqual([
      [500, 'Socket data stream had no more data', undefined],
      [2500, 'Error connecting to localhost:9000', 'java.net.ConnectException: Connection refused (Connection refused)'],
    ]);
  });

  test('a block interval without a unit is in milliseconds (Spark: getTimeAsMs)', async () => {
    const tl = timeline().socket('nc', 'localhost:9000').lines(0.1, 'nc', 'a').lines(0.3, 'nc', 'b').build();
    const parts: number[] = [];
    await runSocket(tl, 9000, { 'spark.streaming.blockInterval': '500' }, 1, (n) => void parts.push(n));
    expect(parts).toEqual([1]); // one 500 ms block; 500 s would hold nothing by 1 s
  });
});
