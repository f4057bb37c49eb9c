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

/** A checkpoint file's name as Spark's `Checkpoint.REGEX` reads it: its time, and whether it has a suffix (`.bk`). */
export interface CheckpointFileName {
  name: string;
  timeMs: number;
  backup: boolean;
}

/** Spark: `Checkpoint.REGEX`; `undefined` for a file that is not a checkpoint. */
export function parseCheckpointFileName(name: string): CheckpointFileName | undefined {
  const m = CHECKPOINT_NAME.exec(name);
  return m ? { name, timeMs: Number(m[1]), backup: m[2] !== '' } : undefined;
}

/**
 * Spark: `Checkpoint.sortFunc`: by time, at one time a backup first; the name breaks the ties
 * Spark leaves to the directory listing (`checkpoint-1000.x` and `checkpoint-1000.bk`), so that the
 * order never depends on the file system.
 */
export function compareCheckpointFileNames(a: CheckpointFileName, b: CheckpointFileName): number {
  return a.timeMs - b.timeMs || Number(b.backup) - Number(a.backup) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
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
  const parsed = names.flatMap((n) => parseCheckpointFileName(n) ?? []);
  parsed.sort(compareCheckpointFileNames);
  return parsed.map((p) => path.join(dir, p.name));
}
