/**
 * The receiver supervisor's lifecycle (Spark: `ReceiverSupervisor` start/stop/restartReceiver and
 * the `RateLimiter` settings): what a receiver is asked to do (onStart/onStop), what the driver
 * hears (receiverStarted/receiverError/receiverStopped) and when, in virtual time.
 */
import { fakeRuntime, Probe, stored } from './fakeRuntime';

const lifecycle = (events: { type: string; at?: unknown; message?: unknown }[]): [string, unknown, unknown][] =>
  events.filter((e) => e.type !== 'receiverRateUpdated').map((e) => [e.type, e.at, e.message]);

test('a restart reports the error with its delay, calls onStop, and starts the receiver again after the delay', () => {
  const rt = fakeRuntime({ 'spark.streaming.receiverRestartDelay': '300' });
  const r = new Probe(rt.ssc);
  r.start();
  rt.clock.advance(100);
  r.restart('lost it', 'boom');
  expect([r.starts, r.stops]).toEqual([1, 1]);
  rt.clock.advance(299);
  expect(r.starts).toBe(1);
  rt.clock.advance(1);
  expect([r.starts, r.stops]).toEqual([2, 1]);
  expect(rt.events.find((e) => e.type === 'receiverError')).toEqual({
    type: 'receiverError',
    contextId: 0,
    streamId: 0,
    name: 'Probe input [0]',
    message: 'lost it',
    error: 'boom',
    restartDelayMs: 300,
    at: 100,
  });
  expect(lifecycle(rt.events)).toEqual([
    ['receiverStarted', 0, undefined],
    ['receiverError', 100, 'lost it'],
    ['receiverStarted', 400, undefined],
  ]);
});

test('a stop while a restart is pending cancels it: the receiver is never started again', () => {
  const rt = fakeRuntime();
  const r = new Probe(rt.ssc);
  r.start();
  r.restart('x');
  rt.clock.advance(500);
  r.stop();
  rt.clock.advance(10_000);
  expect(r.starts).toBe(1);
  expect(lifecycle(rt.events)).toEqual([
    ['receiverStarted', 0, undefined],
    ['receiverError', 0, 'x'],
    ['receiverStopped', 500, 'Stopped by driver'],
  ]);
});

test('stop: onStop once, isStopped() from then on, and a later restart is ignored', () => {
  const rt = fakeRuntime();
  const r = new Probe(rt.ssc);
  r.start();
  r.stop('done here');
  expect(r.isStopped()).toBe(true);
  expect(r.stops).toBe(1);
  r.restart('too late');
  rt.clock.advance(10_000);
  expect([r.starts, r.stops]).toEqual([1, 1]);
  expect(lifecycle(rt.events)).toEqual([
    ['receiverStarted', 0, undefined],
    ['receiverStopped', 0, 'done here'],
  ]);
});

test('a receiver stopped before it ever started is not asked to stop (onStop), yet reports receiverStopped', () => {
  const rt = fakeRuntime();
  const r = new Probe(rt.ssc);
  r.stop();
  expect([r.starts, r.stops]).toEqual([0, 0]);
  expect(r.isStopped()).toBe(true);
  expect(lifecycle(rt.events)).toEqual([['receiverStopped', 0, 'Stopped by driver']]);
});

test('records stored before a stop come out as a last block at the stop', () => {
  const rt = fakeRuntime();
  const r = new Probe(rt.ssc);
  r.start();
  r.store('a');
  rt.clock.advance(250); // one block at 200
  r.store('b');
  rt.clock.advance(30);
  r.stop();
  expect(rt.blocks.map((b) => [b.timeMs, b.records])).toEqual([
    [200, ['a']],
    [280, ['b']],
  ]);
});

/** How many of 100 records stored at once reach blocks within the first second. */
function firstSecond(conf: Record<string, string>): number {
  const rt = fakeRuntime(conf);
  const r = new Probe(rt.ssc);
  r.start();
  for (let i = 0; i < 100; i++) r.store(`x${i}`);
  rt.clock.advance(1000);
  return stored(rt).length;
}

test('a rate setting that is not a finite positive number sets no limit', () => {
  for (const v of ['0', '-5', 'many', 'Infinity']) {
    expect([v, firstSecond({ 'spark.streaming.receiver.maxRate': v })]).toEqual([v, 100]);
    expect([v, firstSecond({ 'spark.streaming.backpressure.initialRate': v })]).toEqual([v, 100]);
  }
  expect(firstSecond({ 'spark.streaming.receiver.maxRate': 'Infinity', 'spark.streaming.backpressure.initialRate': '30' })).toBe(30);
});
