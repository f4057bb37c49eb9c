/**
 * What the event log records beyond the always-on events, for every context of a simulated JVM
 * (see docs/inspection.md). `StreamingContext.inspect()` adds a per-stream choice on top.
 */
export interface InspectionDefaults {
  /** Record the records each input delivered per batch (default true). */
  inputs?: boolean;
  /** Record every generated RDD of every stream (`'all'`) or of none (default). */
  streams?: 'all' | 'none';
  /** Record window contents (batch times and records) per window output (default false). */
  windows?: boolean;
  /** Record state changes of stateful streams per batch (default false). */
  state?: boolean;
  /**
   * Show each batch's scheduling, processing and total delay in the transcript (default false;
   * the times are always in the log: `batchSubmitted`/`batchStarted`/`batchCompleted`).
   */
  delays?: boolean;
  /** Show every checkpoint file written in the transcript (default false; always in the log: `checkpointWritten`). */
  checkpoints?: boolean;
}
