import type { EventBase } from './EventBase';

/**
 * Spark: `CheckpointWriter` logged "Checkpoint for time <t> saved to file '<file>'": a metadata
 * checkpoint was written (names relative to the checkpoint directory). Shown in a transcript
 * only with `inspect: { checkpoints: true }`.
 */
export interface CheckpointWrittenEvent extends EventBase {
  type: 'checkpointWritten';
  contextId: number;
  checkpointTime: number;
  file: string;
  bytes: number;
  /** The previous file of the same time was renamed to `<file>.bk`. */
  backedUp: boolean;
  /** Older files deleted to keep the newest ten. */
  deleted: string[];
}

/**
 * Spark: `CheckpointReader.read` found a readable checkpoint and the context was recovered from
 * it (`getOrCreate` / `getActiveOrCreate`); newer files it could not read are listed with why.
 */
export interface ContextRecoveredEvent extends EventBase {
  type: 'contextRecovered';
  contextId: number;
  /** The checkpoint directory as the program named it. */
  directory: string;
  file: string;
  checkpointTime: number;
  skipped: { file: string; reason: string }[];
  /** What the checkpoint restored: per stream, the batch times of its checkpointed RDDs and remembered files. */
  restored: { stream: string; rddTimes: number[]; fileTimes: number[] }[];
}

/** Spark: `JobGenerator.restart()`'s three log lines and the restart time (all ms). */
export interface BatchesRescheduledEvent extends EventBase {
  type: 'batchesRescheduled';
  contextId: number;
  checkpointTime: number;
  restartTime: number;
  downTimes: number[];
  pendingTimes: number[];
  rescheduled: number[];
}
