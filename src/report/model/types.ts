/**
 * The report's view model: everything the HTML report shows, as plain JSON data made from the
 * event log alone (see {@link buildReportModel}). The page script (src/report/page/) renders it and
 * reads nothing else. Times are ms since the run's start, as in the transcript; records are
 * strings, formatted as the transcript formats them (Python's repr, or Scala's toString).
 */
export interface ReportModel {
  /** The scenario's (or program's) name. */
  title: string;
  description: string;
  /** The transcript's header line (`program: program.ts   until: 15 s`). */
  header: string;
  /** The batch interval of the first context, when one was created. */
  batchMs: number | undefined;
  /** The DStream graph of each started context (lineage), in start order. */
  graphs: readonly GraphView[];
  /** The lanes: one per timeline source (arrivals), then one per stream of each graph, inputs first. */
  lanes: readonly LaneView[];
  /** The rows of the time axis: the batches in time order, plus rows for events outside any batch. */
  rows: readonly RowView[];
  /** When the report shows a test result: the golden expected vs the actual transcript. */
  golden: GoldenView | undefined;
}

/** One context's graph as the diagram draws it (the same data as `step`'s `graph`). */
export interface GraphView {
  contextId: number;
  nodes: readonly GraphNodeView[];
  /** `step`'s `graph` text. */
  tree: string;
}

/** One stream in a {@link GraphView}. */
export interface GraphNodeView {
  id: number;
  name: string;
  kind: string;
  /** Kind, slide and window in words. */
  label: string;
  slideMs: number;
  windowMs: number | undefined;
  parents: readonly number[];
  depth: number;
  input: boolean;
  output: number | undefined;
  /** Its lane's id. */
  lane: string;
}

/** A column of the time axis. */
export interface LaneView {
  /** `src:<name>` for a timeline source, `c<ctx>s<id>` for a stream. */
  id: string;
  kind: 'source' | 'input' | 'stream' | 'window' | 'state' | 'output';
  name: string;
  /** Kind, slide and window in words, for streams. */
  label: string;
  windowMs: number | undefined;
  slideMs: number | undefined;
}

/** A row of the time axis: a batch, or the moments before the first / after the last batch. */
export interface RowView {
  kind: 'batch' | 'before' | 'after';
  /** The batch time (ms since the start), or the time of the row's first event. */
  time: number;
  /** `batch 3000 ms`, `before the first batch`, `after the last batch`. */
  title: string;
  contextId: number | undefined;
  /** What each lane holds in this row, by lane id (lanes with nothing are absent). */
  cells: Readonly<Record<string, CellView>>;
  windows: readonly WindowView[];
  states: readonly StateView[];
  outputs: readonly OutputView[];
  /** Lifecycle events, refusals, warnings, receiver events, failed jobs, errors, program lines. */
  marks: readonly MarkView[];
  /** The batch's delays, when the log has them. */
  delays: { scheduling: number; processing: number; total: number } | undefined;
  /** With a golden: whether this row's part of the transcript differs, and whether it is the first. */
  diff: 'same' | 'differs' | 'first' | undefined;
  /** With a golden: the parts of the transcripts (indexes into `golden.parts`) this row shows. */
  goldenParts: readonly number[];
}

/** The records of a lane in a row. */
export interface CellView {
  /** For timeline sources: one group per arrival, at its time. For streams: the RDD's records. */
  records: readonly string[];
  /** How many records each partition holds (streams), in order. */
  partitions: readonly number[];
  /** For source lanes: when each record arrived (ms), parallel to `records`. */
  arrivals: readonly number[] | undefined;
  /** An input that made no RDD for this batch. */
  noRdd: boolean;
}

/** A window a windowed stream computed at a batch. */
export interface WindowView {
  lane: string;
  name: string;
  /** The interval `(from, to]` it covers. */
  from: number;
  to: number;
  windowMs: number;
  slideMs: number;
  /** The parent batch times it covers. */
  batchTimes: readonly number[];
  records: readonly string[];
}

/** A stateful stream's state after a batch, key by key. */
export interface StateView {
  lane: string;
  name: string;
  rows: readonly StateRowView[];
}

/** One key of a {@link StateView}. */
export interface StateRowView {
  key: string;
  /** The state after the batch (for removed / timed-out keys: the last state). */
  value: string;
  change: 'added' | 'updated' | 'removed' | 'timedOut' | 'same';
  /** The state before, for an updated key. */
  before: string | undefined;
}

/** What an output operation printed, exactly. */
export interface OutputView {
  opId: number;
  /** The output stream's lane, when known. */
  lane: string | undefined;
  text: string;
}

/** Something that happened on the axis. */
export interface MarkView {
  at: number;
  kind: 'lifecycle' | 'refusal' | 'warning' | 'failedJob' | 'error' | 'receiver' | 'program' | 'timeline';
  /** One line, as the transcript words it. */
  text: string;
  /** For refusals: the rule and its explanation; for errors: where the user's code threw. */
  detail: string | undefined;
}

/** A test result: the golden and the actual transcript, part by part. */
export interface GoldenView {
  status: 'pass' | 'fail' | 'missing';
  /** The golden's name (`scenarios/x/expected.golden`). */
  label: string;
  /** Where the first difference is (`batch 3000 ms`), and the unified diff around it. */
  firstDifference: string | undefined;
  diff: string | undefined;
  /** The transcripts split into the part before the batches and one part per batch title. */
  parts: readonly GoldenPartView[];
}

/** One part of the transcripts: the same title in both (missing on one side: `undefined`). */
export interface GoldenPartView {
  title: string;
  expected: string | undefined;
  actual: string | undefined;
  differs: boolean;
  first: boolean;
}
