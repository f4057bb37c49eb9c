import type { RowView } from './types';

/**
 * The report's search, shared by the page and the tests: a query matches a text when the text
 * contains it, ignoring case (an empty query matches nothing).
 */
export function matchesQuery(text: string, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q !== '' && text.toLowerCase().includes(q);
}

/** Every text of a row the search looks at: records, window records, state keys and values, outputs, events. */
export function rowTexts(row: RowView): string[] {
  const texts: string[] = [];
  for (const cell of Object.values(row.cells)) texts.push(...cell.records);
  for (const w of row.windows) texts.push(...w.records);
  for (const s of row.states) for (const r of s.rows) texts.push(r.key, r.value);
  for (const o of row.outputs) texts.push(o.text);
  for (const m of row.marks) texts.push(m.text);
  return texts;
}

/** The indexes of the rows that hold the query somewhere, in order. */
export function matchingRows(rows: readonly RowView[], query: string): number[] {
  if (query.trim() === '') return [];
  const out: number[] = [];
  rows.forEach((row, i) => {
    if (rowTexts(row).some((t) => matchesQuery(t, query))) out.push(i);
  });
  return out;
}

/**
 * The rows a window at row `index` covers, as row indexes: the rows of the same context whose
 * batch times the window names.
 */
export function coveredRows(rows: readonly RowView[], index: number, batchTimes: readonly number[]): number[] {
  const ctx = rows[index]?.contextId;
  const wanted = new Set(batchTimes);
  const out: number[] = [];
  rows.forEach((r, i) => {
    if (r.kind === 'batch' && r.contextId === ctx && wanted.has(r.time)) out.push(i);
  });
  return out;
}
