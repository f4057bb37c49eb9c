/** The report's search and window cover, as the page uses them. */
import { coveredRows, matchesQuery, matchingRows, rowTexts } from '../../src/report/model/search';
import type { RowView } from '../../src/report/model/types';

const row = (time: number, records: string[], extra: Partial<RowView> = {}): RowView => ({
  kind: 'batch',
  time,
  title: `batch ${time} ms`,
  contextId: 0,
  cells: { c0s0: { records, partitions: [records.length], arrivals: undefined, noRdd: false } },
  windows: [],
  states: [],
  outputs: [],
  marks: [],
  delays: undefined,
  diff: undefined,
  goldenParts: [],
  ...extra,
});

test('a query matches text containing it, ignoring case; an empty query matches nothing', () => {
  expect(matchesQuery("('Spark', 2)", 'spark')).toBe(true);
  expect(matchesQuery('hello', 'spark')).toBe(false);
  expect(matchesQuery('anything', '  ')).toBe(false);
});

test('rows match on records, state keys and values, outputs and events', () => {
  const rows = [
    row(1000, ["'a'"]),
    row(2000, ["'b'"], { states: [{ lane: 'c0s2', name: 's', rows: [{ key: "'zeta'", value: '1', change: 'added', before: undefined }] }] }),
    row(3000, [], { outputs: [{ opId: 0, lane: undefined, text: 'Time: x\nzeta\n' }] }),
    row(4000, [], { marks: [{ at: 4000, kind: 'warning', text: 'warning: ZETA', detail: undefined }] }),
  ];
  expect(matchingRows(rows, 'zeta')).toEqual([1, 2, 3]);
  expect(matchingRows(rows, "'a'")).toEqual([0]);
  expect(matchingRows(rows, '')).toEqual([]);
  expect(rowTexts(rows[1]!)).toEqual(["'b'", "'zeta'", '1']);
});

test('a window covers the rows of its batch times, in its own context only', () => {
  const rows = [row(1000, []), row(1000, [], { contextId: 1 }), row(2000, []), row(3000, [])];
  expect(coveredRows(rows, 3, [2000, 3000])).toEqual([2, 3]);
  expect(coveredRows(rows, 2, [1000, 2000])).toEqual([0, 2]);
});
