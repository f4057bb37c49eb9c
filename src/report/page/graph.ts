import type { GraphView } from '../model/types';
import { el, svg } from './dom';

const W = 290;
const H = 44;
const GAP_X = 50;
const GAP_Y = 14;

/**
 * The lineage as a diagram: inputs on the left, outputs on the right, one box per stream with its
 * name, Spark class, slide and window; arrows from parent to child. The text tree of `step`'s
 * `graph` is beside it, for copying.
 */
export function graphDiagram(graph: GraphView): HTMLElement {
  const byDepth = new Map<number, number>();
  const pos = new Map<number, { x: number; y: number }>();
  for (const n of graph.nodes) {
    const row = byDepth.get(n.depth) ?? 0;
    byDepth.set(n.depth, row + 1);
    pos.set(n.id, { x: 8 + n.depth * (W + GAP_X), y: 8 + row * (H + GAP_Y) });
  }
  const width = 16 + Math.max(1, byDepth.size) * (W + GAP_X);
  const height = 16 + Math.max(1, ...byDepth.values()) * (H + GAP_Y);
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'lineage', role: 'img' });
  root.appendChild(
    svg('defs', {}, svg('marker', { id: `arrow${graph.contextId}`, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrowhead' }))),
  );
  for (const n of graph.nodes) {
    const to = pos.get(n.id)!;
    for (const p of n.parents) {
      const from = pos.get(p);
      if (from === undefined) continue;
      root.appendChild(
        svg('path', { d: `M ${from.x + W} ${from.y + H / 2} C ${from.x + W + GAP_X / 2} ${from.y + H / 2}, ${to.x - GAP_X / 2} ${to.y + H / 2}, ${to.x} ${to.y + H / 2}`, class: 'edge', 'marker-end': `url(#arrow${graph.contextId})` }),
      );
    }
  }
  for (const n of graph.nodes) {
    const { x, y } = pos.get(n.id)!;
    const kind = n.input ? 'input' : n.output !== undefined ? 'output' : n.windowMs !== undefined ? 'window' : 'stream';
    root.appendChild(
      svg(
        'g',
        { class: `node ${kind}`, 'data-lane': n.lane },
        svg('title', {}, `${n.name} (${n.label})`),
        svg('rect', { x, y, width: W, height: H, rx: 6 }),
        svg('text', { x: x + 8, y: y + 17, class: 'name' }, n.output !== undefined ? `${n.name}  → output ${n.output}` : n.name),
        svg('text', { x: x + 8, y: y + 34, class: 'label' }, n.label),
      ),
    );
  }
  return el('div', { className: 'graph', attrs: { 'data-context': String(graph.contextId) } }, root, el('pre', { className: 'tree' }, graph.tree));
}
