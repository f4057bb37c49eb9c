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
 * One stream of the lineage as the views draw it (the stepper's `graph` tree and the report's
 * diagram read the same data): its name, Spark class, slide and window, and where it sits —
 * `depth` 0 for inputs, one more than its deepest parent otherwise.
 */
export interface LineageNode {
  id: number;
  name: string;
  kind: string;
  slideMs: number;
  windowMs: number | undefined;
  parents: readonly number[];
  children: readonly number[];
  depth: number;
  /** An input stream (no parents). */
  input: boolean;
  /** The output operation's index, for an output stream. */
  output: number | undefined;
  /** `MappedDStream, slide 1000 ms, window 2000 ms`. */
  label: string;
}

/** The words after a stream's name: its Spark class, slide and (for windows) window. */
export function describeNode(s: StreamGraphNode): string {
  const window = s.windowMs !== undefined ? `, window ${s.windowMs} ms` : '';
  return `${s.kind}, slide ${s.slideMs} ms${window}`;
}

/**
 * The graph's streams as {@link LineageNode}s, inputs first: by depth, then by id (a stable
 * order that does not depend on how the graph was walked).
 */
export function lineage(graph: StreamGraph): LineageNode[] {
  const byId = new Map<number, StreamGraphNode>(graph.streams.map((s) => [s.id, s]));
  const children = new Map<number, number[]>();
  for (const s of graph.streams) for (const d of s.dependencies) children.set(d, [...(children.get(d) ?? []), s.id]);
  const depth = new Map<number, number>();
  const depthOf = (id: number, seen: ReadonlySet<number>): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const s = byId.get(id);
    const parents = (s?.dependencies ?? []).filter((d) => byId.has(d) && !seen.has(d));
    const d = parents.length === 0 ? 0 : 1 + Math.max(...parents.map((p) => depthOf(p, new Set([...seen, id]))));
    depth.set(id, d);
    return d;
  };
  return graph.streams
    .map((s): LineageNode => {
      const out = graph.outputs.indexOf(s.id);
      return {
        id: s.id,
        name: s.name,
        kind: s.kind,
        slideMs: s.slideMs,
        windowMs: s.windowMs,
        parents: s.dependencies.filter((d) => byId.has(d)),
        children: [...(children.get(s.id) ?? [])].sort((a, b) => a - b),
        depth: depthOf(s.id, new Set()),
        input: s.dependencies.length === 0,
        output: out >= 0 ? out : undefined,
        label: describeNode(s),
      };
    })
    .sort((a, b) => a.depth - b.depth || a.id - b.id);
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
    lines.push(`${prefix}${root ? '' : last ? '└─ ' : '├─ '}${s.name}  (${describeNode(s)})`);
    const childPrefix = root ? prefix + '  ' : prefix + (last ? '   ' : '│  ');
    s.dependencies.forEach((d, i) => walk(d, childPrefix, i === s.dependencies.length - 1, false));
  };
  graph.outputs.forEach((o, i) => {
    lines.push(`output ${i}:`);
    walk(o, '  ', true, true);
  });
  return lines.join('\n');
}
