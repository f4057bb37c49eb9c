import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CHECKPOINT_FILES_KEPT,
  checkpointBackupFileName,
  checkpointFileName,
  getCheckpointFiles,
  type CheckpointData,
} from './Checkpoint';

/** What one write did (names relative to the checkpoint directory). */
export interface CheckpointWriteResult {
  file: string;
  bytes: number;
  /** The previous file of the same time, renamed to `.bk`. */
  backedUp: boolean;
  /** Old files deleted to keep the newest ten. */
  deleted: string[];
}

/**
 * Spark: `CheckpointWriter` (its `CheckpointWriteHandler`). The file is named after the latest
 * checkpoint time written so far; it is written to `<dir>/temp` first, an existing file of that
 * name is renamed to `.bk`, then the temp file is renamed into place, so a reader never sees a
 * half-written checkpoint. Only the newest {@link CHECKPOINT_FILES_KEPT} files are kept. Up to 3
 * attempts; the caller reports a final failure as Spark's warning.
 */
export class CheckpointWriter {
  private latestCheckpointTimeMs = -Infinity;
  static readonly MAX_ATTEMPTS = 3;

  constructor(readonly directory: string) {}

  /** Write one checkpoint; throws the last I/O error after {@link CheckpointWriter.MAX_ATTEMPTS}. */
  write(data: CheckpointData): CheckpointWriteResult {
    this.latestCheckpointTimeMs = Math.max(this.latestCheckpointTimeMs, data.checkpointTimeMs);
    const time = this.latestCheckpointTimeMs;
    const text = JSON.stringify(data, null, 1) + '\n';
    let last: unknown;
    for (let attempt = 1; attempt <= CheckpointWriter.MAX_ATTEMPTS; attempt++) {
      try {
        return this.attempt(time, text);
      } catch (e) {
        last = e;
      }
    }
    throw last;
  }

  private attempt(time: number, text: string): CheckpointWriteResult {
    const dir = this.directory;
    const temp = path.join(dir, 'temp');
    const file = path.join(dir, checkpointFileName(time));
    const backup = path.join(dir, checkpointBackupFileName(time));
    fs.rmSync(temp, { force: true });
    fs.writeFileSync(temp, text);
    let backedUp = false;
    if (fs.existsSync(file)) {
      fs.rmSync(backup, { force: true });
      fs.renameSync(file, backup);
      backedUp = true;
    }
    fs.renameSync(temp, file);
    const all = getCheckpointFiles(dir);
    const deleted = all.slice(0, Math.max(0, all.length - CHECKPOINT_FILES_KEPT));
    for (const f of deleted) fs.rmSync(f);
    return { file: path.basename(file), bytes: Buffer.byteLength(text), backedUp, deleted: deleted.map((f) => path.basename(f)) };
  }
}
