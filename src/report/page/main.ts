/**
 * The report page: reads the view model from the page's `report-data` JSON and draws it — the
 * lineage, the time axis (a virtual list of batch rows, a column per lane), and the selected
 * batch's details. Click a row or use ← → (↑ ↓, Home, End) to select; the search box highlights
 * a record or key across batches (Enter: the next batch that has it).
 */
import type { ReportModel } from '../model/types';
import { coveredRows, matchingRows } from '../model/search';
import { axisRow, laneHeader, LANE_WIDTH, MARKS_WIDTH, ROW_HEIGHT, TIME_WIDTH } from './axis';
import { details } from './details';
import { clear, el } from './dom';
import { graphDiagram } from './graph';
import { VirtualList } from './virtualList';

const model = JSON.parse(document.getElementById('report-data')!.textContent ?? '{}') as ReportModel;
const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

const rowOf = new Map<string, number>();
model.rows.forEach((r, i) => {
  if (r.kind === 'batch') rowOf.set(`${r.contextId}@${r.time}`, i);
});
const state = { selected: firstInterestingRow(), query: '', matches: new Set<number>(), covered: new Map<string, Set<number>>(), rowOf };

function firstInterestingRow(): number {
  const first = model.rows.findIndex((r) => r.diff === 'first');
  if (first >= 0) return first;
  const batch = model.rows.findIndex((r) => r.kind === 'batch');
  return batch >= 0 ? batch : 0;
}

byId('title').textContent = model.title;
byId('description').textContent = model.description;
byId('header').textContent = model.header;

const graphs = byId('graph-diagram');
if (model.graphs.length === 0) graphs.appendChild(el('p', { className: 'none' }, 'no StreamingContext started, so there is no DStream graph'));
for (const g of model.graphs) graphs.appendChild(graphDiagram(g));

if (model.golden !== undefined) {
  const g = model.golden;
  const banner = byId('golden-banner');
  banner.hidden = false;
  banner.className = `golden ${g.status}`;
  const status = g.status === 'pass' ? `${g.label} matches` : g.status === 'missing' ? `no golden at ${g.label}` : `${g.label} differs: first difference in ${g.firstDifference ?? '?'}`;
  banner.appendChild(el('strong', { className: 'golden-status' }, status));
  if (g.status === 'fail') {
    const jump = el('button', { attrs: { type: 'button', id: 'jump-first-diff' } }, 'show the first difference');
    jump.addEventListener('click', () => select(model.rows.findIndex((r) => r.diff === 'first')));
    banner.appendChild(jump);
    banner.appendChild(el('details', {}, el('summary', {}, 'unified diff'), el('pre', { className: 'diff' }, g.diff ?? '')));
  }
}

const rows = byId('rows');
const header = byId('lane-header');
header.appendChild(laneHeader(model.lanes));
rows.addEventListener('scroll', () => {
  header.scrollLeft = rows.scrollLeft;
});
// A stream of the diagram, clicked: its lane is scrolled into view and marked.
graphs.addEventListener('click', (e) => {
  const lane = (e.target as Element).closest('[data-lane]')?.getAttribute('data-lane');
  const i = model.lanes.findIndex((l) => l.id === lane);
  if (i < 0) return;
  rows.scrollLeft = Math.max(0, TIME_WIDTH + MARKS_WIDTH + i * LANE_WIDTH - (rows.clientWidth - LANE_WIDTH) / 2);
  header.scrollLeft = rows.scrollLeft;
  for (const h of Array.from(header.querySelectorAll('.col.lane'))) h.classList.toggle('focused', h.getAttribute('data-lane') === lane);
});
const maxSpan = Math.max(1, ...model.rows.flatMap((r) => r.windows.map((w) => w.batchTimes.length)));
const list = new VirtualList(rows, ROW_HEIGHT, model.rows.length, (i) => axisRow(model, i, state, select), maxSpan + 2);

function select(i: number): void {
  if (i < 0 || i >= model.rows.length) return;
  state.selected = i;
  state.covered = new Map();
  for (const w of model.rows[i]!.windows) state.covered.set(w.lane, new Set(coveredRows(model.rows, i, w.batchTimes)));
  list.refresh();
  list.reveal(i);
  showDetails();
}

function showDetails(): void {
  const box = byId('details');
  clear(box);
  if (model.rows.length === 0) {
    box.appendChild(el('p', { className: 'none' }, 'nothing happened in this run'));
    return;
  }
  box.appendChild(details(model, state.selected, state.query, select, rowOf));
}

const search = byId<HTMLInputElement>('search');
const status = byId('search-status');
search.addEventListener('input', () => {
  state.query = search.value;
  state.matches = new Set(matchingRows(model.rows, state.query));
  status.textContent = state.query.trim() === '' ? '' : `${state.matches.size} ${state.matches.size === 1 ? 'batch matches' : 'batches match'}`;
  list.refresh();
  showDetails();
});
search.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter' || state.matches.size === 0) return;
  const all = [...state.matches];
  select(all.find((i) => (e.shiftKey ? i < state.selected : i > state.selected)) ?? (e.shiftKey ? all[all.length - 1]! : all[0]!));
});

document.addEventListener('keydown', (e) => {
  if (e.target instanceof HTMLInputElement) return;
  const step = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1 }[e.key];
  if (step !== undefined) select(Math.min(model.rows.length - 1, Math.max(0, state.selected + step)));
  else if (e.key === 'Home') select(0);
  else if (e.key === 'End') select(model.rows.length - 1);
  else return;
  e.preventDefault();
});

select(state.selected);
document.body.setAttribute('data-ready', 'true');
