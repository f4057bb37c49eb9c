import * as fs from 'node:fs';
import * as path from 'node:path';
import type { StreamCheckpoint } from '../dstream/DStreamCheckpointData';

export type { CheckpointedRdd, StreamCheckpoint } from '../dstream/DStreamCheckpointData';

/** The format name every checkpoint file starts with (docs/checkpoints.md). */
export const CHECKPOINT_FORMAT = 'dstream-sim-checkpoint';
/** The version of the format this build writes and reads. */
export const CHECKPOINT_VERSION = 1;
/** Spark: `Checkpoint.PREFIX`. */
export const CHECKPOINT_PREFIX = 'checkpoint-';
/** Spark: `Checkpoint.REGEX` (`checkpoint-<ms>` and `checkpoint-<ms>.bk`). */
const CHECKPOINT_NAME = /^checkpoint-(\d+)([\w.]*)$/;
/** Spark's CheckpointWriter keeps this many files (backups included). */
export const CHECKPOINT_FILES_KEPT = 10;

/**
 * The content of a `checkpoint-<ms>` file. Spark: `Checkpoint` (master, framework, graph,
 * checkpointDir, checkpointDuration, pendingTimes, sparkConfPairs, checkpointTime), as readable
 * JSON; the graph is named by stream ids and kinds, the functions are not in it (recovery re-runs
 * the program's setup code to rebuild them, as PySpark re-registers its functions).
 */
export interface CheckpointData {
  format: typeof CHECKPOINT_FORMAT;
  version: number;
  checkpointTimeMs: number;
  master: string;
  appName: string;
  flavor: string;
  batchDurationMs: number;
  checkpointDir: string;
  checkpointDurationMs: number;
  zeroTimeMs: number;
  startTimeMs: number;
  /** Spark: `pendingTimes`: batches submitted and not yet completed. */
  pendingTimesMs: number[];
  sparkConf: [string, string][];
  graph: { inputs: number[]; outputs: number[]; streams: StreamCheckpoint[] };
}

/** Spark: `Checkpoint.checkpointFile`. */
export function checkpointFileName(timeMs: number): string {
  return `${CHECKPOINT_PREFIX}${timeMs}`;
}

/** Spark: `Checkpoint.checkpointBackupFile`. */
export function checkpointBackupFileName(timeMs: number): string {
  return `${CHECKPOINT_PREFIX}${timeMs}.bk`;
}

/**
 * Spark: `Checkpoint.getCheckpointFiles`: the checkpoint files in `dir`, oldest first (by time; at
 * one time the `.bk` backup before the file). A missing directory has none.
 */
export function getCheckpointFiles(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const parsed = names.flatMap((n) => {
    const m = CHECKPOINT_NAME.exec(n);
    return m ? [{ n, time: Number(m[1]), bk: m[2] !== '' }] : [];
  });
  parsed.sort((a, b) => a.time - b.time || Number(b.bk) - Number(a.bk) || (a.n < b.n ? -1 : a.n > b.n ? 1 : 0));
  return parsed.map((p) => path.join(dir, p.n));
}
