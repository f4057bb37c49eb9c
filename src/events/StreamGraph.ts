
/** A context's DStream graph, as data: every stream reachable from an output, outputs first. */
export interface StreamGraph {
  streams: readonly StreamGraphNode[];
  /** The output streams' ids, in registration (output operation) order. */
  outputs: readonly number[];
}

/** One DStream of a {@link StreamGraph}. */
export interface StreamGraphNode {
  id: number;
  /** The stream's name in every event, e.g. `map [2]` or `Queue input [0]`. */
  name: string;
  /** The Spark class it mirrors, e.g. `MappedDStream`. */
  kind: string;
  slideMs: number;
  /** The window length, for windowed streams. */
  windowMs: number | undefined;
  /** The parents' ids. */
  dependencies: readonly number[];
}
