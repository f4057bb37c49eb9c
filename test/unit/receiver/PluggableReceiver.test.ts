/**
 * A user's custom receiver (Spark: `Receiver` + `ReceiverSupervisorImpl`, `ssc.receiverStream`):
 * its `store`/`restart`/`reportError`/`stop`/`isStopped`/`isStarted`/`streamId` reach the
 * supervisor, which calls its `onStart`/`onStop` and reports it under its own class name.
 */
import { PluggableReceiver } from '../../../src/receiver/PluggableReceiver';
import { Receiver } from '../../../src/receiver/UserReceiver';
import { fakeRuntime, stored } from './fakeRuntime';

class Counter extends Receiver<number> {
  starts = 0;
  stops = 0;
  onStart(): void {
    this.starts++;
    this.store(this.starts * 10);
  }
  onStop(): void {
    this.stops++;
  }
}

function supervised(conf: Record<string, string> = {}) {
  const rt = fakeRuntime(conf);
  const user = new Counter();
  const sup = new PluggableReceiver(rt.ssc, 3, 'Pluggable input [3]', user);
  return { rt, user, sup };
}

test('before its context starts it, a receiver is stopped and refuses to be used', () => {
  const user = new Counter();
  expect(user.isStopped()).toBe(true);
  expect(user.isStarted()).toBe(false);
  const refusal = 'A receiver can only be used after ssc.receiverStream(receiver) has started it';
  expect(() => user.streamId).toThrow(refusal);
  expect(() => user.restart('x')).toThrow(refusal);
  expect(() => user.reportError('x', 'y')).toThrow(refusal);
  expect(() => user.stop('x')).toThrow(refusal);
});

test('started: onStart runs, the receiver knows its stream id, and is reported under its own class name', () => {
  const { rt, user, sup } = supervised();
  sup.start();
  expect([user.starts, user.isStarted(), user.isStopped(), user.streamId]).toEqual([1, true, false, 3]);
  expect(rt.events).toEqual([
    { type: 'receiverStarted', contextId: 0, streamId: 3, name: 'Pluggable input [3]', receiverClass: 'Counter', at: 0 },
  ]);
  rt.clock.advance(200);
  expect(stored(rt)).toEqual([10]);
});

test('restart(message, error) from the receiver: onStop, a receiverError with the delay, onStart again after it', () => {
  const { rt, user, sup } = supervised({ 'spark.streaming.receiverRestartDelay': '500' });
  sup.start();
  user.restart('lost the feed', new Error('gone'));
  expect(user.stops).toBe(1);
  expect(rt.events[1]).toStrictEqual({
    type: 'receiverError',
    contextId: 0,
    streamId: 3,
    name: 'Pluggable input [3]',
    message: 'lost the feed',
    error: 'Error: gone',
    restartDelayMs: 500,
    at: 0,
  });
  rt.clock.advance(500);
  expect(user.starts).toBe(2);
  rt.clock.advance(200);
  expect(stored(rt)).toEqual([10, 20]);
});

test('reportError(message, error): the driver hears it (no restart, no delay), the receiver keeps running', () => {
  const { rt, user, sup } = supervised();
  sup.start();
  user.reportError('odd record', 'bad byte');
  expect(rt.events[1]).toStrictEqual({
    type: 'receiverError',
    contextId: 0,
    streamId: 3,
    name: 'Pluggable input [3]',
    message: 'odd record',
    error: 'bad byte',
    at: 0,
  });
  rt.clock.advance(5000);
  expect([user.starts, user.stops, user.isStarted()]).toEqual([1, 0, true]);
});

test('stop(message) from the receiver stops it for good, with its message; the driver’s later stop adds nothing', () => {
  const { rt, user, sup } = supervised();
  sup.start();
  rt.clock.advance(100);
  user.stop('enough');
  expect([user.stops, user.isStopped(), user.isStarted()]).toEqual([1, true, false]);
  sup.stop();
  expect(user.stops).toBe(1);
  expect(rt.events.filter((e) => e.type === 'receiverStopped').map((e) => [e.at, e.message])).toEqual([[100, 'enough']]);
  expect(stored(rt)).toEqual([10]); // the last block, cut at the stop
});

test('a receiver’s storage level: MEMORY_AND_DISK_2 (socketTextStream’s default) unless given', () => {
  expect(new Counter().storageLevel).toBe('MEMORY_AND_DISK_2');
  class Kept extends Counter {
    constructor() {
      super('MEMORY_ONLY');
    }
  }
  expect(new Kept().storageLevel).toBe('MEMORY_ONLY');
});
