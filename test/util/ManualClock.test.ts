import { ManualClock } from '../../src/util/ManualClock';
import { RecurringTimer } from '../../src/util/RecurringTimer';

describe('ManualClock', () => {
  test('starts at the given time and fires callbacks in time order, then creation order', () => {
    const clock = new ManualClock(0);
    const fired: string[] = [];
    clock.schedule(200, () => fired.push('b'));
    clock.schedule(100, () => fired.push('a'));
    clock.schedule(200, () => fired.push('c'));
    expect(clock.nextScheduledTime()).toBe(100);
    clock.advance(250);
    expect(fired).toEqual(['a', 'b', 'c']);
    expect(clock.now()).toBe(250);
    expect(clock.nextScheduledTime()).toBeUndefined();
  });

  test('cancel removes a callback; time never goes backwards', () => {
    const clock = new ManualClock(1000);
    const h = clock.schedule(1500, () => {
      throw new Error('should not fire');
    });
    clock.cancel(h);
    clock.setTime(2000);
    expect(() => clock.setTime(1000)).toThrow('cannot travel back in time');
    expect(() => clock.advance(-1)).toThrow();
  });

  test('a callback scheduled with a reserved id takes the place it would have had when the id was reserved', () => {
    const clock = new ManualClock(0);
    const fired: string[] = [];
    const first = clock.reserveIds(2);
    clock.schedule(100, () => fired.push('later, same time and priority'), 0);
    clock.schedule(50, () => fired.push('earlier time'), 0);
    clock.scheduleReserved(first + 1, 100, () => fired.push('reserved 2'), 0);
    clock.scheduleReserved(first, 100, () => fired.push('reserved 1'), 0);
    const seen: number[] = [];
    clock.beforeFire = (id) => void seen.push(id);
    expect(clock.nextScheduledId()).not.toBe(first);
    clock.advance(100);
    expect(fired).toEqual(['earlier time', 'reserved 1', 'reserved 2', 'later, same time and priority']);
    expect(seen.slice(1, 3)).toEqual([first, first + 1]);
    expect(clock.nextScheduledId()).toBeUndefined();
  });

  test('does not touch the process timers', () => {
    const before = setTimeout;
    const clock = new ManualClock();
    clock.schedule(10, () => undefined);
    expect(setTimeout).toBe(before);
  });
});

describe('RecurringTimer', () => {
  test('starts at the next multiple of the period strictly after now and fires every multiple', () => {
    const clock = new ManualClock(2000);
    const fired: number[] = [];
    const timer = new RecurringTimer(clock, 1000, (t) => fired.push(t));
    expect(timer.getStartTime()).toBe(3000);
    timer.start();
    clock.advance(3500); // one jump over several periods still fires each one, in order
    expect(fired).toEqual([3000, 4000, 5000]);
    expect(timer.stop()).toBe(5000);
    clock.advance(5000);
    expect(fired).toHaveLength(3);
  });
});

describe('ManualClock priorities', () => {
  test('at one instant: inputs, then blocks, then the batch, whatever the scheduling order', () => {
    const clock = new ManualClock(0);
    const fired: string[] = [];
    clock.schedule(1000, () => fired.push('batch'), 2);
    clock.schedule(1000, () => fired.push('block'), 1);
    clock.schedule(1000, () => fired.push('input'), 0);
    clock.advance(1000);
    expect(fired).toEqual(['input', 'block', 'batch']);
  });

  test('fireNext fires exactly one callback', () => {
    const clock = new ManualClock(0);
    const fired: number[] = [];
    clock.schedule(5, () => fired.push(1));
    clock.schedule(5, () => fired.push(2));
    clock.fireNext();
    expect(fired).toEqual([1]);
    expect(clock.now()).toBe(5);
  });
});

describe('the timer queue (a binary heap)', () => {
  test('keeps the total order (time, priority, scheduling order) for many timers scheduled out of order', () => {
    const clock = new ManualClock(0);
    const fired: string[] = [];
    const times = [5, 3, 9, 3, 1, 9, 5, 0];
    times.forEach((t, i) => clock.schedule(t, () => fired.push(`${t}/${i % 2}/${i}`), i % 2));
    clock.advance(10);
    expect(fired).toEqual(['0/1/7', '1/0/4', '3/1/1', '3/1/3', '5/0/0', '5/0/6', '9/0/2', '9/1/5']);
  });

  test('a cancelled timer never fires, and cancelling a fired or unknown one is harmless', () => {
    const clock = new ManualClock(0);
    const fired: number[] = [];
    const a = clock.schedule(1, () => fired.push(1));
    const b = clock.schedule(2, () => fired.push(2));
    clock.schedule(3, () => fired.push(3));
    clock.cancel(b);
    expect(clock.nextScheduledTime()).toBe(1);
    clock.advance(1);
    clock.cancel(a); // already fired
    clock.cancel({ id: 999 });
    expect(clock.nextScheduledTime()).toBe(3);
    clock.advance(5);
    expect(fired).toEqual([1, 3]);
    expect(clock.nextScheduledTime()).toBeUndefined();
  });
});
