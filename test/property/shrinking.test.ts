/** Shrinking keeps the time structure: the candidates, and where fast-check's search ends. */
import { parseTimeline } from 'dstream-sim';
import { batches, fc, keyedRecords, printTimeline, timelines, type BatchSlots } from 'dstream-sim/property';

const digits = fc.integer({ min: 0, max: 9 });

function candidates<T>(arb: fc.Arbitrary<BatchSlots<T>>, v: BatchSlots<T>): BatchSlots<T>[] {
  return [...arb.shrink(v, undefined)].map((x) => x.value);
}

describe('the shrink candidates of a batch table', () => {
  const arb = batches(digits, { minBatches: 1 });
  const all = candidates(arb, [[1, 2], [3], [4]]);
  test.each([
    ['drops the trailing batch', [[1, 2], [3]]],
    ['empties a batch', [[], [3], [4]]],
    ['merges neighbours', [[1, 2, 3], [4]]],
    ['moves a record one batch earlier', [[1, 2, 3], [], [4]]],
    ['removes a record inside a batch', [[2], [3], [4]]],
    ['shrinks a record inside a batch', [[0, 2], [3], [4]]],
  ])('%s', (_what, expected) => {
    expect(all).toContainEqual(expected);
  });

  test('structure comes before records: dropping and emptying are tried first', () => {
    expect(all.slice(0, 2)).toEqual([[[1, 2], [3]], [[], [3], [4]]]);
  });

  test('never goes below minBatches, and a batch with no RDD becomes an empty one', () => {
    const two = batches(digits, { minBatches: 2 });
    expect(candidates(two, [[1], null]).every((c) => c.length === 2)).toBe(true);
    expect(candidates(two, [[1], null])).toContainEqual([[1], []]);
  });
});

describe("fast-check's search with these shrinks", () => {
  const firstFailure = <T>(arb: fc.Arbitrary<T>, pred: (v: T) => boolean): T => {
    const r = fc.check(fc.property(arb, pred), { seed: 101, numRuns: 500 });
    expect(r.failed).toBe(true);
    return r.counterexample![0];
  };

  test('a big record in a late batch shrinks to an empty first batch and that record', () => {
    const arb = batches(digits, { maxBatches: 8 });
    expect(firstFailure(arb, (v) => !v.slice(1).some((b) => (b ?? []).some((x) => x >= 3)))).toEqual([[], [3]]);
  });

  test('records spread over batches merge into one batch', () => {
    const arb = batches(digits, { maxBatches: 8 });
    const shrunk = firstFailure(arb, (v) => v.flat().filter((x) => x !== null).length < 3);
    expect(shrunk).toEqual([[0, 0, 0]]);
  });

  const template = {
    batchSeconds: 2,
    sources: [
      { name: 'nc', kind: 'socket' as const, address: 'localhost:9000' },
      { name: 'landing', kind: 'directory' as const, path: 'landing' },
      { name: 'q', kind: 'queue' as const, queue: 'q' },
    ],
  };

  test('a timeline shrinks to one event, moved to the earliest time, printed in the timeline format', () => {
    const shrunk = firstFailure(timelines(template, { maxBatches: 6 }), (t) => !t.events.some((e) => e.kind === 'file' && e.mtime === 0));
    expect(printTimeline(shrunk)).toBe(
      [
        'sources:',
        '  nc: { socket: "localhost:9000" }',
        '  landing: { directory: landing }',
        '  q: { queue: q }',
        'events:',
        '  - { at: 0.001, source: landing, file: landing-1.txt, content: "a\\n", mtime: 0 }',
        '',
      ].join('\n'),
    );
  });

  test('generated timelines print in the YAML timeline format and read back the same', () => {
    fc.assert(
      fc.property(timelines(template), (t) => {
        expect(parseTimeline(printTimeline(t))).toEqual(t);
      }),
      { seed: 9, numRuns: 200 },
    );
  });

  test('timelines have on-boundary, just-late, old-mtime and future-mtime arrivals', () => {
    const seen = new Set<string>();
    for (const t of fc.sample(timelines(template), { seed: 4, numRuns: 200 })) {
      for (const e of t.events) {
        const ms = Math.round(e.at * 1000);
        if (ms % 2000 === 0) seen.add('on a boundary');
        if (ms % 2000 === 1) seen.add('just after a boundary');
        if (e.kind === 'file' && e.mtime === 0) seen.add('old mtime');
        if (e.kind === 'file' && e.mtime !== undefined && e.mtime > e.at) seen.add('future mtime');
        seen.add(e.kind);
      }
    }
    expect([...seen].sort()).toEqual(['file', 'future mtime', 'just after a boundary', 'lines', 'old mtime', 'on a boundary', 'push']);
  });
});

test('keyed records are skewed: the hot key is most of them, every key appears, and shrinking goes to the hot key', () => {
  const sample = fc.sample(keyedRecords({ keys: ['hot', 'b', 'c', 'd'] }), { seed: 12, numRuns: 1000 });
  const share = (k: string): number => sample.filter(([key]) => key === k).length / sample.length;
  expect(share('hot')).toBeGreaterThan(0.7);
  for (const k of ['b', 'c', 'd']) expect(share(k)).toBeGreaterThan(0.02);
  const r = fc.check(fc.property(batches(keyedRecords({ keys: ['hot', 'b'] })), (v) => v.flat().length < 2), { seed: 3 });
  expect(r.counterexample![0]).toEqual([[['hot', 1], ['hot', 1]]]);
});
