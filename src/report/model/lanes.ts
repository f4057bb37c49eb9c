import type { SimEvent } from '../../events/SimEvent';
import { lineage } from '../../views/graph';
import { renderGraph } from '../../views/graph';
import type { GraphView, LaneView } from './types';

/** The lane id of a stream of a context. */
export const streamLane = (contextId: number, streamId: number): string => `c${contextId}s${streamId}`;

/** The lane id of a timeline source. */
export const sourceLane = (source: string): string => `src:${source}`;

const STATEFUL = /State/;

/**
 * The graphs (one per started context, from `contextStarted`) and the lanes: a lane per timeline
 * source that delivered something, in order of first arrival, then one per stream of each graph,
 * in the order the program made them (stream ids); streams the log names but no graph holds get a
 * lane at the end.
 */
export function lanesAndGraphs(events: readonly SimEvent[]): { lanes: LaneView[]; graphs: GraphView[] } {
  const sources: LaneView[] = [];
  const streams: LaneView[] = [];
  const seen = new Set<string>();
  const graphs: GraphView[] = [];
  const add = (into: LaneView[], lane: LaneView): void => {
    if (seen.has(lane.id)) return;
    seen.add(lane.id);
    into.push(lane);
  };
  for (const e of events) {
    if (e.type === 'timelineEvent' && e.records !== undefined) {
      add(sources, { id: sourceLane(e.source), kind: 'source', name: e.source, label: `timeline source (${e.kind === 'push' ? 'queue' : e.kind === 'file' ? 'directory' : 'socket'})`, windowMs: undefined, slideMs: undefined });
    }
    if (e.type === 'contextStarted') {
      const nodes = lineage(e.graph);
      graphs.push({
        contextId: e.contextId,
        tree: renderGraph(e.graph),
        nodes: nodes.map((n) => ({ id: n.id, name: n.name, kind: n.kind, label: n.label, slideMs: n.slideMs, windowMs: n.windowMs, parents: n.parents, depth: n.depth, input: n.input, output: n.output, lane: streamLane(e.contextId, n.id) })),
      });
      // Lanes in the order the program made the streams (ids), which reads as the program does.
      for (const n of [...nodes].sort((a, b) => a.id - b.id)) {
        const kind = n.input ? 'input' : n.output !== undefined ? 'output' : n.windowMs !== undefined ? 'window' : STATEFUL.test(n.kind) ? 'state' : 'stream';
        add(streams, { id: streamLane(e.contextId, n.id), kind, name: n.name, label: n.label, windowMs: n.windowMs, slideMs: n.slideMs });
      }
    }
  }
  // Streams recorded without a started graph (a context whose start failed after inputs ran).
  for (const e of events) {
    if (e.type === 'inputDelivered' || e.type === 'rddGenerated' || e.type === 'windowComputed' || e.type === 'stateChanged') {
      const kind = e.type === 'inputDelivered' ? 'input' : e.type === 'windowComputed' ? 'window' : e.type === 'stateChanged' ? 'state' : 'stream';
      add(streams, { id: streamLane(e.contextId, e.streamId), kind, name: e.streamName, label: '', windowMs: e.type === 'windowComputed' ? e.windowMs : undefined, slideMs: undefined });
    }
  }
  return { lanes: [...sources, ...streams], graphs };
}
