import * as fs from 'node:fs';
import * as path from 'node:path';
import { CheckpointReadError } from '../errors';
import { CHECKPOINT_FORMAT, CHECKPOINT_VERSION, getCheckpointFiles, type CheckpointData } from './Checkpoint';

/** What reading a checkpoint directory found. */
export interface CheckpointReadResult {
  checkpoint: CheckpointData;
  /** The file it was read from (its name in the directory). */
  file: string;
  /** Newer files that could not be read, each with why (Spark logs "Error reading checkpoint from file …"). */
  skipped: { file: string; reason: string }[];
}

/**
 * Spark: `CheckpointReader.read(checkpointDir, conf, hadoopConf, ignoreReadError)`: try the
 * checkpoint files newest first (backups included) and return the first that reads; no files
 * (or no directory) gives `undefined`; files that all fail give Spark's
 * `SparkException("Failed to read checkpoint from directory <dir>")` with the last error as its
 * cause, unless `ignoreReadError` (then `undefined`, and the caller creates a new context).
 */
export function readCheckpoint(dir: string, shownDir: string, ignoreReadError: boolean): CheckpointReadResult | undefined {
  const files = getCheckpointFiles(dir).reverse();
  if (files.length === 0) return undefined;
  const skipped: { file: string; reason: string }[] = [];
  let lastError: Error | undefined;
  for (const file of files) {
    try {
      // Stryker disable next-line StringLiteral: Node reads an empty encoding name as UTF-8
      const checkpoint = parseCheckpoint(fs.readFileSync(file, 'utf8'));
      return { checkpoint, file: path.basename(file), skipped };
    } catch (e) {
      lastError = e instanceof Error ? e : new Error(String(e));
      skipped.push({ file: path.basename(file), reason: lastError.message });
    }
  }
  if (ignoreReadError) return undefined;
  throw new CheckpointReadError(shownDir, skipped, lastError);
}

/** Parse and check one file's text (`Checkpoint.deserialize` + `validate`). */
export function parseCheckpoint(text: string): CheckpointData {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`not a checkpoint (invalid JSON: ${(e as Error).message})`, { cause: e });
  }
  const d = data as Partial<CheckpointData> | null;
  if (d === null || d.format !== CHECKPOINT_FORMAT) throw new Error(`not a ${CHECKPOINT_FORMAT} file`);
  if (d.version !== CHECKPOINT_VERSION) {
    throw new Error(`checkpoint format version ${String(d.version)} is not supported (this build reads version ${CHECKPOINT_VERSION})`);
  }
  for (const k of ['checkpointTimeMs', 'batchDurationMs', 'zeroTimeMs', 'startTimeMs'] as const) {
    if (typeof d[k] !== 'number') throw new Error(`Checkpoint.${k} is missing`);
  }
  if (d.graph === undefined || !Array.isArray(d.graph.streams) || !Array.isArray(d.pendingTimesMs)) throw new Error('Checkpoint.graph is null');
  for (const s of d.graph.streams) {
    if (s.unrecoverable !== undefined) throw new Error(s.unrecoverable);
  }
  return d as CheckpointData;
}
