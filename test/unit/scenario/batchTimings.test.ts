/** The scheduler's times a transcript keeps: only while they can still matter. */
import { BatchTimings, type StopRecord } from '../../../src/scenario/batchTimings';
import type { SimEvent } from '../../../src/events/SimEvent';

let seq = 0;
const ev = (e: Record<string, unknown>): SimEvent => ({ seq: seq++, ...e }) as unknown as SimEvent;
const submitted = (t: number, at: number): SimEvent => ev({ type: 'batchSubmitted', at, contextId: 0, batchTime: t, numJobs: 1, numRecords: 0, inputInfos: [], outputOpNames: [] });
const started = (t: number, at: number): SimEvent => ev({ type: 'batchStarted', at, contextId: 0, batchTime: t });
const completed = (t: number, at: number): SimEvent => ev({ type: 'batchCompleted', at, contextId: 0, batchTime: t, failedJobs: 0 });

test('a completed batch is forgotten: a thousand batches leave nothing held, and each completion knows its delays', () => {
  const timings = new BatchTimings();
  let i = 0;
  for (let t = 1000; t <= 1_000_000; t += 1000) {
    timings.note(submitted(t, t), i++, 0);
    timings.note(started(t, t + 10), i++, 0);
    const delays = timings.note(completed(t, t + 500), i++, 0);
    expect(delays).toEqual({ submittedAt: t, startedAt: t + 10 });
  }
  expect(timings.held()).toBe(0);
});

test('a stop lists the batches still open; one completing at the stop’s own time is taken off, later ones are not', () => {
  const timings = new BatchTimings();
  timings.note(submitted(1000, 1000), 0, 0);
  timings.note(started(1000, 1000), 1, 0);
  timings.note(submitted(2000, 2000), 2, 0);
  timings.note(submitted(3000, 3000), 3, 0);
  const stop = timings.note(ev({ type: 'contextStopped', at: 3000, contextId: 0 }), 4, 0) as StopRecord;
  expect([...stop.dropped.values()]).toEqual([
    { batchTime: 1000, running: true },
    { batchTime: 2000, running: false },
    { batchTime: 3000, running: false },
  ]);
  timings.note(started(2000, 3000), 5, 0);
  timings.note(completed(3000, 3000), 6, 0);
  timings.note(completed(1000, 4000), 7, 0);
  expect([...stop.dropped.values()]).toEqual([
    { batchTime: 1000, running: true },
    { batchTime: 2000, running: true },
  ]);
});

test('completions are kept only for contexts that write checkpoints, for a recovery’s re-run marks', () => {
  const timings = new BatchTimings();
  timings.note(completed(1000, 1500), 0, 0);
  expect(timings.ranBefore('0@1000', 1, 10)).toBe(false);
  timings.note(ev({ type: 'checkpointWritten', at: 2000, contextId: 0 }), 1, 0);
  timings.note(completed(2000, 2500), 2, 0);
  expect(timings.ranBefore('0@2000', 1, 10)).toBe(true);
  expect(timings.ranBefore('0@2000', 0, 1)).toBe(false);
  expect(timings.held()).toBe(1);
});
