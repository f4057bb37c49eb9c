/**
 * Spark's `BlockGenerator` with its `RateLimiter`, on the virtual clock: block ids and times, the
 * last block at stop, a rate limit (records over it wait), lifting it, and the receiver's rate
 * settings (`spark.streaming.receiver.maxRate`, `spark.streaming.backpressure.initialRate`).
 */
import { SparkConf } from 'dstream-sim';
import { BlockGenerator, type ReceivedBlock } from '../../../src/receiver/BlockGenerator';
import type { ReceiverRuntime } from '../../../src/receiver/ReceiverRuntime';
import { ConnectException, SocketException } from '../../../src/receiver/SocketReceiver';
import { ManualClock } from '../../../src/util/ManualClock';
import { Probe } from './fakeRuntime';

function generator(): { clock: ManualClock; blocks: ReceivedBlock<string>[]; gen: BlockGenerator<string> } {
  const clock = new ManualClock();
  const blocks: ReceivedBlock<string>[] = [];
  const gen = new BlockGenerator<string>(clock, 3, 200, (b) => void blocks.push(b));
  gen.start();
  return { clock, blocks, gen };
}

test('every 200 ms what was added becomes a block named input-<stream>-<tick − interval>; stop cuts the rest', () => {
  const { clock, blocks, gen } = generator();
  gen.add('a');
  gen.add('b');
  clock.advance(200);
  clock.advance(200); // nothing added: no block
  gen.add('c');
  clock.advance(50);
  gen.stop(450);
  expect(blocks).toEqual([
    { streamId: 3, blockId: 'input-3-0', timeMs: 200, records: ['a', 'b'] },
    { streamId: 3, blockId: 'input-3-250', timeMs: 450, records: ['c'] },
  ]);
  gen.add('late');
  clock.advance(1000); // stopped: no more blocks
  expect(blocks).toHaveLength(2);
});

test('a rate limit lets through what a second allows (bursts up to a second), the rest waits; lifting it releases all', () => {
  const { clock, blocks, gen } = generator();
  gen.setRate(10); // 10 records/s: 2 per 200 ms
  for (let i = 0; i < 7; i++) gen.add(`r${i}`);
  clock.advance(200);
  expect(blocks.map((b) => b.records)).toEqual([['r0', 'r1']]);
  expect(gen.waitingRecords).toBe(5);
  clock.advance(200);
  expect(blocks.map((b) => b.records)).toEqual([['r0', 'r1'], ['r2', 'r3']]);
  gen.setRate(undefined);
  expect(gen.waitingRecords).toBe(0);
  clock.advance(200);
  expect(blocks.map((b) => b.records)).toEqual([['r0', 'r1'], ['r2', 'r3'], ['r4', 'r5', 'r6']]);
});

test('unused permits accumulate up to one second’s worth, no more', () => {
  const { clock, blocks, gen } = generator();
  gen.setRate(5);
  clock.advance(3000); // idle: at most 5 permits saved
  for (let i = 0; i < 12; i++) gen.add(`r${i}`);
  clock.advance(200); // the 5 saved permits (the cap), not 5 + 1
  expect(blocks.map((b) => b.records.length)).toEqual([5]);
  clock.advance(200);
  expect(blocks.map((b) => b.records.length)).toEqual([5, 1]);
});


function runtime(conf: Record<string, string> = {}): { ssc: ReceiverRuntime; clock: ManualClock; events: unknown[]; blocks: ReceivedBlock<unknown>[] } {
  const clock = new ManualClock();
  const events: unknown[] = [];
  const blocks: ReceivedBlock<unknown>[] = [];
  const sparkConf = new SparkConf();
  for (const [k, v] of Object.entries(conf)) sparkConf.set(k, v);
  const ssc = {
    contextId: 0,
    clock,
    conf: sparkConf,
    network: undefined as never,
    addBlock: (b: ReceivedBlock<unknown>) => void blocks.push(b),
    post: (e: unknown) => void events.push(e),
    warn: () => undefined,
  } as ReceiverRuntime;
  return { ssc, clock, events, blocks };
}

/** How many of 100 records stored at once reach the first block (after one second). */
function firstSecond(conf: Record<string, string>, newRate?: number): number {
  const { ssc, clock, blocks } = runtime(conf);
  const r = new Probe(ssc);
  r.start();
  if (newRate !== undefined) r.updateRate(newRate);
  for (let i = 0; i < 100; i++) r.store(`x${i}`);
  clock.advance(1000);
  return blocks.reduce((n, b) => n + b.records.length, 0);
}

test('the first rate: initialRate, at most maxRate; none without either', () => {
  expect(firstSecond({})).toBe(100);
  expect(firstSecond({ 'spark.streaming.receiver.maxRate': '30' })).toBe(30);
  expect(firstSecond({ 'spark.streaming.backpressure.initialRate': '20' })).toBe(20);
  expect(firstSecond({ 'spark.streaming.backpressure.initialRate': '50', 'spark.streaming.receiver.maxRate': '30' })).toBe(30);
  expect(firstSecond({ 'spark.streaming.backpressure.initialRate': '10', 'spark.streaming.receiver.maxRate': '30' })).toBe(10);
});

test('updateRate: a positive rate, capped by maxRate, recorded as receiverRateUpdated; 0 or less is ignored', () => {
  expect(firstSecond({}, 40)).toBe(40);
  expect(firstSecond({ 'spark.streaming.receiver.maxRate': '25' }, 40)).toBe(25);
  expect(firstSecond({}, 0)).toBe(100);
  const { ssc, events } = runtime();
  const r = new Probe(ssc);
  r.updateRate(40); // before start: no block generator yet, nothing happens
  expect(events).toEqual([]);
  r.start();
  r.updateRate(-1);
  r.updateRate(40);
  expect(events.filter((e) => (e as { type: string }).type === 'receiverRateUpdated')).toEqual([
    { type: 'receiverRateUpdated', contextId: 0, streamId: 0, name: 'Probe input [0]', rate: 40 },
  ]);
});

test('stop calls onStop once; a restart after stop, or while one is pending, does nothing', () => {
  const { ssc, clock, events } = runtime();
  const r = new Probe(ssc);
  expect(r.isStopped()).toBe(true);
  r.start();
  expect(r.isStopped()).toBe(false);
  r.restart('first');
  r.restart('second (ignored: a restart is pending)');
  expect(r.stops).toBe(1);
  clock.advance(2000);
  expect(r.starts).toBe(2);
  r.stop();
  r.stop();
  expect(r.stops).toBe(2);
  r.restart('after stop');
  clock.advance(5000);
  expect(r.starts).toBe(2);
  expect(events.filter((e) => (e as { type: string }).type === 'receiverError')).toHaveLength(1);
  // A stop while a restart is pending cancels it.
  const second = runtime();
  const p = new Probe(second.ssc);
  p.start();
  p.restart('x');
  p.stop();
  second.clock.advance(5000);
  expect(p.starts).toBe(1);
});

test('the receivers’ Java exceptions: class names and error classes', () => {
  expect(String(new ConnectException('Connection refused (Connection refused)'))).toBe('java.net.ConnectException: Connection refused (Connection refused)');
  expect(new ConnectException('x').errorClass).toBe('CONNECT_EXCEPTION');
  expect(String(new SocketException('Connection reset'))).toBe('java.net.SocketException: Connection reset');
  expect(new SocketException('x').errorClass).toBe('SOCKET_EXCEPTION');
});
