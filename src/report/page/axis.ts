import type { CellView, LaneView, ReportModel, RowView } from '../model/types';
import { matchesQuery } from '../model/search';
import { el } from './dom';

/** Pixel sizes of the axis (rows are fixed-height for the virtual list). */
export const ROW_HEIGHT = 58;
export const TIME_WIDTH = 150;
export const MARKS_WIDTH = 90;
export const LANE_WIDTH = 190;
const MAX_CHIPS = 12;

/** What a row's rendering depends on besides the model. */
export interface AxisState {
  selected: number;
  query: string;
  matches: ReadonlySet<number>;
  /** Rows covered by the selected row's windows, by lane id. */
  covered: ReadonlyMap<string, ReadonlySet<number>>;
  /** Row index of each batch, by `context@time`. */
  rowOf: ReadonlyMap<string, number>;
}

const MARK_SYMBOL: Record<string, string> = { lifecycle: '●', refusal: '⛔', warning: '!', failedJob: '✗', error: '⚠', receiver: '↻', program: '›', timeline: '~' };

/** The header above the rows: time, events, then one column per lane. */
export function laneHeader(lanes: readonly LaneView[]): HTMLElement {
  return el(
    'div',
    { className: 'lane-header', attrs: { style: `width:${TIME_WIDTH + MARKS_WIDTH + lanes.length * LANE_WIDTH}px` } },
    el('div', { className: 'col time' }, 'batch'),
    el('div', { className: 'col marks' }, 'events'),
    ...lanes.map((l) => el('div', { className: `col lane ${l.kind}`, title: l.label ? `${l.name} (${l.label})` : l.name, attrs: { 'data-lane': l.id } }, el('span', { className: 'lane-name' }, l.name), el('span', { className: 'lane-kind' }, l.label || l.kind))),
  );
}

/** One row of the axis. */
export function axisRow(model: ReportModel, index: number, state: AxisState, onSelect: (i: number) => void): HTMLElement {
  const row = model.rows[index]!;
  const classes = ['row', row.kind];
  if (index === state.selected) classes.push('selected');
  if (state.matches.has(index)) classes.push('has-hit');
  if (row.diff === 'differs' || row.diff === 'first') classes.push('diff');
  if (row.diff === 'first') classes.push('first-diff');
  const e = el(
    'div',
    { className: classes.join(' '), attrs: { 'data-row': String(index), 'data-title': row.title, role: 'row', style: `width:${TIME_WIDTH + MARKS_WIDTH + model.lanes.length * LANE_WIDTH}px` } },
    el('div', { className: 'col time' }, el('span', { className: 'row-title' }, row.title), row.diff === 'first' ? el('span', { className: 'diff-flag' }, 'first difference') : row.diff === 'differs' ? el('span', { className: 'diff-flag' }, 'differs') : undefined),
    el('div', { className: 'col marks' }, ...marks(row)),
    ...model.lanes.map((lane) => laneCell(row, index, lane, state)),
  );
  e.addEventListener('click', () => onSelect(index));
  return e;
}

function marks(row: RowView): HTMLElement[] {
  const byKind = new Map<string, string[]>();
  for (const m of row.marks) byKind.set(m.kind, [...(byKind.get(m.kind) ?? []), m.text]);
  return [...byKind].map(([kind, texts]) => el('span', { className: `mark ${kind}`, title: texts.join('\n') }, `${MARK_SYMBOL[kind] ?? '•'}${texts.length > 1 ? texts.length : ''}`));
}

function laneCell(row: RowView, index: number, lane: LaneView, state: AxisState): HTMLElement {
  const cell = row.cells[lane.id];
  const inWindow = state.covered.get(lane.id)?.has(index) ?? false;
  const e = el('div', { className: `col lane ${lane.kind}${inWindow ? ' in-window' : ''}`, attrs: { 'data-lane': lane.id } });
  const windowOnly = cell === undefined ? row.windows.find((w) => w.lane === lane.id) : undefined;
  if (cell !== undefined) e.appendChild(chips(cell, state.query));
  // A window whose stream was not inspected still shows what the window held.
  else if (windowOnly !== undefined) e.appendChild(chips({ records: windowOnly.records, partitions: [], arrivals: undefined, noRdd: false }, state.query));
  const st = row.states.find((s) => s.lane === lane.id);
  if (st !== undefined) {
    const count = (c: string): number => st.rows.filter((r) => r.change === c).length;
    const changes = [['added', 'added'], ['updated', 'updated'], ['removed', 'removed'], ['timedOut', 'timed out']].flatMap(([c, word]) => (count(c!) > 0 ? [`${count(c!)} ${word}`] : []));
    const keys = st.rows.length - count('removed') - count('timedOut');
    e.appendChild(el('span', { className: 'state-summary', title: 'the state after this batch: keys, and what changed' }, `state: ${keys} key${keys === 1 ? '' : 's'} · ${changes.join(', ') || 'unchanged'}`));
  }
  const outs = row.outputs.filter((o) => o.lane === lane.id);
  if (outs.length > 0 && cell === undefined) {
    // What pprint showed, without its header (the whole text is in the batch's details).
    const shown = outs.flatMap((o) => o.text.split('\n').filter((l) => l !== '' && !/^-+$/.test(l) && !/^Time: /.test(l)));
    e.appendChild(el('div', { className: 'printed', title: 'printed (select the batch for the text as printed)' }, chips({ records: shown, partitions: [], arrivals: undefined, noRdd: false }, state.query)));
  }
  for (const w of row.windows.filter((x) => x.lane === lane.id)) {
    const first = Math.min(...w.batchTimes.map((t) => state.rowOf.get(`${row.contextId}@${t}`) ?? index));
    const span = index - first + 1;
    const slot = Math.round(w.to / Math.max(1, w.slideMs)) % Math.max(1, Math.round(w.windowMs / Math.max(1, w.slideMs)));
    e.appendChild(
      el('div', {
        className: `bracket${index === state.selected ? ' current' : ''}`,
        title: `${w.name} (${w.from} ms, ${w.to} ms] covers batches [${w.batchTimes.join(', ')}]`,
        attrs: { 'data-span': String(span), style: `top:${-(span - 1) * ROW_HEIGHT + 4}px;height:${span * ROW_HEIGHT - 8}px;right:${4 + slot * 7}px` },
      }),
    );
  }
  return e;
}

/**
 * A cell's records as chips, matches highlighted. A stream's records are grouped by partition (a
 * bar at each partition's start; an empty partition is a bar alone), so partitions stay visible.
 */
export function chips(cell: CellView, query: string, limit = MAX_CHIPS): HTMLElement {
  const box = el('div', { className: 'chips' });
  if (cell.noRdd) {
    box.appendChild(el('span', { className: 'none' }, 'no RDD'));
    return box;
  }
  if (cell.records.length === 0 && cell.partitions.length <= 1) box.appendChild(el('span', { className: 'none' }, 'empty'));
  const chip = (r: string, i: number): HTMLElement => {
    const at = cell.arrivals?.[i];
    return el('span', { className: `chip${matchesQuery(r, query) ? ' hit' : ''}`, title: at !== undefined ? `${r} arrived at ${at} ms` : r }, r);
  };
  if (cell.partitions.length <= 1) {
    cell.records.slice(0, limit).forEach((r, i) => box.appendChild(chip(r, i)));
  } else {
    let from = 0;
    cell.partitions.forEach((size, p) => {
      const part = el('span', { className: `part${size === 0 ? ' empty' : ''}`, title: `partition ${p}: ${size} record${size === 1 ? '' : 's'}` });
      for (let i = from; i < from + size && i < limit; i++) part.appendChild(chip(cell.records[i]!, i));
      from += size;
      box.appendChild(part);
    });
  }
  if (cell.records.length > limit) box.appendChild(el('span', { className: 'more' }, `+${cell.records.length - limit}`));
  return box;
}
