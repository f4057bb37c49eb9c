/**
 * `timelineQueue(name)`: the named queue a timeline pushes to; one queue per name and JVM.
 */
import { timelineQueue, withIsolatedJvm } from 'dstream-sim';
import { LiveQueue } from '../../../src/dstream/LiveQueue';

describe('timelineQueue', () => {
  test('the same name gives the same queue within a JVM, another name another queue', () =>
    withIsolatedJvm({ stdout: () => undefined }, () => {
      const q = timelineQueue<number>('q');
      expect(timelineQueue<number>('q')).toBe(q);
      expect(timelineQueue<number>('other')).not.toBe(q);
    }));

  test('each JVM has its own queues', async () => {
    const first = await withIsolatedJvm({ stdout: () => undefined }, () => timelineQueue<number>('q'));
    const second = await withIsolatedJvm({ stdout: () => undefined }, () => timelineQueue<number>('q'));
    expect(second).not.toBe(first);
  });
});

describe('LiveQueue', () => {
  test('only the queue itself is live: arrays derived from it (map, filter, slice) are plain arrays', () => {
    const q = new LiveQueue<number>();
    q.push([1], [2]);
    for (const derived of [q.map((x) => x), q.filter(() => true), q.slice()]) {
      expect(derived).not.toBeInstanceOf(LiveQueue);
      expect(derived).toEqual([[1], [2]]);
    }
  });
});
