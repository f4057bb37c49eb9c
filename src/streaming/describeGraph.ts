import type { DStream } from '../dstream/internal';
import type { StreamGraph, StreamGraphNode } from '../events/SimEvent';
import type { DStreamGraph } from './DStreamGraph';

/** The graph as data for the `contextStarted` event: every reachable stream, outputs first. */
export function describeGraph(graph: DStreamGraph): StreamGraph {
  const streams: StreamGraphNode[] = graph.reachableStreams().map((s: DStream<unknown>) => {
    const w = (s as { windowDuration?: { milliseconds: number } }).windowDuration;
    return {
      id: s.id,
      name: s.name,
      kind: s.className,
      slideMs: s.slideDuration.milliseconds,
      windowMs: w?.milliseconds,
      dependencies: s.dependencies.map((d) => d.id),
    };
  });
  return { streams, outputs: graph.outputStreams.map((o) => o.id) };
}
