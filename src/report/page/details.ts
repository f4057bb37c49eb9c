import type { GoldenPartView, ReportModel, RowView } from '../model/types';
import { matchesQuery } from '../model/search';
import { chips } from './axis';
import { el, type Child } from './dom';

/** The selected row in full: events, windows, state tables, outputs, every lane's records by partition, and the golden's parts. */
export function details(model: ReportModel, index: number, query: string, onSelect: (i: number) => void, rowOf: ReadonlyMap<string, number>): HTMLElement {
  const row = model.rows[index]!;
  const box = el('div', { className: 'details-body', attrs: { 'data-row': String(index) } });
  const delays = row.delays ? `scheduling ${row.delays.scheduling} ms, processing ${row.delays.processing} ms, total ${row.delays.total} ms` : undefined;
  box.appendChild(el('h2', { className: 'details-title' }, row.title));
  if (delays) box.appendChild(el('p', { className: 'delays' }, delays));
  if (row.marks.length > 0) {
    box.appendChild(
      section(
        'Events',
        el(
          'ul',
          { className: 'marks-list' },
          ...row.marks.map((m) => el('li', { className: `mark-item ${m.kind}` }, el('span', { className: 'at' }, `[${m.at} ms] `), el('span', { className: 'text' }, m.text), m.detail ? el('pre', { className: 'mark-detail' }, m.detail) : undefined)),
        ),
      ),
    );
  }
  // Records come after what they make (windows, state, output): the lanes can be long.
  const lanes = model.lanes.filter((l) => row.cells[l.id] !== undefined);
  const records =
    lanes.length === 0
      ? undefined
      : section(
        'Records',
        ...lanes.map((l) => {
          const cell = row.cells[l.id]!;
          const parts = cell.arrivals !== undefined ? `${cell.records.length} arrived` : `${cell.records.length} record${cell.records.length === 1 ? '' : 's'} in ${cell.partitions.length} partition${cell.partitions.length === 1 ? '' : 's'}`;
          return el('div', { className: `lane-detail ${l.kind}`, attrs: { 'data-lane': l.id } }, el('h4', {}, l.name, el('span', { className: 'sub' }, ` ${l.label} · ${parts}`)), partitions(cell, query));
        }),
      );
  if (row.windows.length > 0) {
    box.appendChild(
      section(
        'Windows',
        ...row.windows.map((w) =>
          el(
            'div',
            { className: 'window-detail', attrs: { 'data-lane': w.lane } },
            el('h4', {}, w.name, el('span', { className: 'sub' }, ` window ${w.windowMs} ms, slide ${w.slideMs} ms`)),
            el(
              'p',
              { className: 'covers' },
              `(${w.from} ms, ${w.to} ms] covers batches `,
              ...w.batchTimes.flatMap((t, i) => {
                const target = rowOf.get(`${row.contextId}@${t}`);
                const b = el('button', { className: 'batch-link', attrs: { type: 'button' } }, `${t} ms`);
                if (target !== undefined) b.addEventListener('click', () => onSelect(target));
                return i === 0 ? [b] : [', ', b];
              }),
            ),
            chips({ records: w.records, partitions: [], arrivals: undefined, noRdd: false }, query, Infinity),
          ),
        ),
      ),
    );
  }
  for (const s of row.states) {
    box.appendChild(
      section(
        `State of ${s.name}`,
        el(
          'table',
          { className: 'state-table', attrs: { 'data-lane': s.lane } },
          el('thead', {}, el('tr', {}, el('th', {}, 'key'), el('th', {}, 'state'), el('th', {}, 'change'))),
          el(
            'tbody',
            {},
            ...s.rows.map((r) =>
              el(
                'tr',
                { className: `${r.change}${matchesQuery(r.key, query) || matchesQuery(r.value, query) ? ' hit' : ''}` },
                el('td', { className: 'key' }, r.key),
                el('td', { className: 'value' }, r.value),
                el('td', { className: 'change' }, r.change === 'updated' ? `updated (was ${r.before ?? ''})` : r.change === 'timedOut' ? 'timed out' : r.change === 'same' ? '' : r.change),
              ),
            ),
          ),
        ),
      ),
    );
  }
  if (row.outputs.length > 0) {
    box.appendChild(section('Output', ...row.outputs.map((o) => el('pre', { className: `output${matchesQuery(o.text, query) ? ' hit' : ''}`, attrs: { 'data-op': String(o.opId) } }, o.text))));
  }
  if (records !== undefined) box.appendChild(records);
  const golden = goldenParts(model, row);
  if (golden.length > 0) box.appendChild(section('Expected vs actual', ...golden.map(goldenPart)));
  if (box.childElementCount === 1) box.appendChild(el('p', { className: 'none' }, 'nothing was recorded here'));
  return box;
}

function section(title: string, ...children: Child[]): HTMLElement {
  return el('section', { className: 'detail-section' }, el('h3', {}, title), ...children);
}

function partitions(cell: RowView['cells'][string], query: string): HTMLElement {
  if (cell.arrivals !== undefined) {
    return el('ul', { className: 'arrivals' }, ...cell.records.map((r, i) => el('li', {}, el('span', { className: 'at' }, `${cell.arrivals![i]} ms `), el('span', { className: `chip${matchesQuery(r, query) ? ' hit' : ''}` }, r))));
  }
  const box = el('div', { className: 'partitions' });
  let from = 0;
  const sizes = cell.partitions.length > 0 ? cell.partitions : [cell.records.length];
  sizes.forEach((n, p) => {
    box.appendChild(el('div', { className: 'partition', attrs: { 'data-partition': String(p) } }, el('span', { className: 'pno' }, `partition ${p}`), chips({ records: cell.records.slice(from, from + n), partitions: [], arrivals: undefined, noRdd: cell.noRdd }, query, Infinity)));
    from += n;
  });
  return box;
}

/** The golden's parts this row shows. */
function goldenParts(model: ReportModel, row: RowView): GoldenPartView[] {
  if (model.golden === undefined) return [];
  return row.goldenParts.map((i) => model.golden!.parts[i]!);
}

function goldenPart(p: GoldenPartView): HTMLElement {
  return el(
    'div',
    { className: `golden-part${p.differs ? ' differs' : ''}${p.first ? ' first' : ''}` },
    el('h4', {}, p.title, p.first ? el('span', { className: 'diff-flag' }, ' ← first difference') : p.differs ? el('span', { className: 'diff-flag' }, ' differs') : el('span', { className: 'sub' }, ' same')),
    el('div', { className: 'side-by-side' }, el('div', {}, el('h5', {}, 'expected'), el('pre', { className: 'expected' }, p.expected ?? '(no golden)')), el('div', {}, el('h5', {}, 'actual'), el('pre', { className: 'actual' }, p.actual ?? '(nothing)'))),
  );
}
