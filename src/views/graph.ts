import type { SimEvent, StreamGraph, StreamGraphNode } from '../events/SimEvent';

/** The DStream graph of the most recently started context in the log, if any. */
export function latestGraph(events: readonly SimEvent[]): StreamGraph | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === 'contextStarted') return e.graph;
  }
  return undefined;
}

/**
 * The lineage as a tree, from each output operation down to its inputs: each node's name, the
 * Spark class it mirrors, its slide and (for windows) its window. A stream shared by several
 * outputs is drawn under each.
 */
export function renderGraph(graph: StreamGraph): string {
  const byId = new Map<number, StreamGraphNode>(graph.streams.map((s) => [s.id, s]));
  const lines: string[] = [];
  const walk = (id: number, prefix: string, last: boolean, root: boolean): void => {
    const s = byId.get(id);
    if (s === undefined) return;
    const window = s.windowMs !== undefined ? `, window ${s.windowMs} ms` : '';
    lines.push(`${prefix}${root ? '' : last ? '└─ ' : '├─ '}${s.name}  (${s.kind}, slide ${s.slideMs} ms${window})`);
    const childPrefix = root ? prefix + '  ' : prefix + (last ? '   ' : '│  ');
    s.dependencies.forEach((d, i) => walk(d, childPrefix, i === s.dependencies.length - 1, false));
  };
  graph.outputs.forEach((o, i) => {
    lines.push(`output ${i}:`);
    walk(o, '  ', true, true);
  });
  return lines.join('\n');
}
