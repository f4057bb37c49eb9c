/**
 * Issue 9, item 8: virtual time is whole milliseconds, so a timeline time finer than a
 * millisecond (`at: 1.0001`) is an error naming the file, line and field — it used to be rounded
 * silently into another batch. The same rule holds in YAML, JSON and the typed builder.
 */
import { parseTimeline, timeline, TimelineError, timelineQueue } from '../../src/index';
import { delivered, runWithTimeline } from '../__helpers__/timelineRun';

const PRECISION = 'times are in seconds with at most millisecond precision';

function errorOf(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error, got none');
}

describe('timeline times are whole milliseconds', () => {
  test.each([
    ['YAML at', `sources:\n  q: { queue: q }\nevents:\n  - { at: 1, source: q, push: [[1]] }\n  - { at: 1.0001, source: q, push: [[2]] }\n`, 't.yaml', `t.yaml:5: events[1].at: 1.0001 is finer than a millisecond; ${PRECISION}`],
    [
      'JSON at',
      JSON.stringify({ sources: { q: { queue: 'q' } }, events: [{ at: 2.5005, source: 'q', push: [[1]] }] }, null, 2),
      't.json',
      `t.json:8: events[0].at: 2.5005 is finer than a millisecond; ${PRECISION}`,
    ],
    [
      'YAML mtime',
      `sources:\n  d: { directory: in }\nevents:\n  - { at: 2, source: d, file: a.txt, content: x, mtime: 0.0005 }\n`,
      't.yaml',
      `t.yaml:4: events[0].mtime: 0.0005 is finer than a millisecond; ${PRECISION}`,
    ],
  ])('%s finer than a millisecond is refused with file:line', (_name, text, file, message) => {
    const e = errorOf(() => parseTimeline(text, file));
    expect(e).toBeInstanceOf(TimelineError);
    expect(e.message).toBe(message);
  });

  test('the typed builder refuses it too', () => {
    expect(() => timeline().queue('q').push(1, 'q', [1]).push(1.0001, 'q', [2]).build()).toThrow(
      `timeline: events[1].at: 1.0001 is finer than a millisecond; ${PRECISION}`,
    );
    expect(() => timeline().directory('d', 'in').file(1, 'd', 'a.txt', 'x', { mtime: 0.9999 }).build()).toThrow(
      `timeline: events[0].mtime: 0.9999 is finer than a millisecond; ${PRECISION}`,
    );
  });

  test('whole milliseconds are kept, also when computed (0.1 + 0.2 s)', () => {
    expect(parseTimeline(`sources:\n  q: { queue: q }\nevents:\n  - { at: 1.001, source: q, push: [[1]] }\n`).events[0]!.at).toBe(1.001);
    expect(timeline().queue('q').push(0.1 + 0.2, 'q', [1]).build().events[0]!.at).toBeCloseTo(0.3, 10);
  });

  test('a push at 1.001 s lands in the batch ending at 2 s, one at 1 s in the batch ending at 1 s', async () => {
    const tl = timeline().queue('q').push(1, 'q', ['at 1']).push(1.001, 'q', ['at 1.001']).build();
    const r = await runWithTimeline(tl, (ssc) => void ssc.queueStream(timelineQueue<string>('q'), true).pprint(), 3);
    expect(delivered(r.events)).toEqual([
      [1000, ['at 1']],
      [2000, ['at 1.001']],
      [3000, []],
    ]);
  });
});
