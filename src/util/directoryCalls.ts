import * as fs from 'node:fs';

/**
 * The file-system calls a file stream lists its directories with (Hadoop: `FileSystem.listStatus`
 * and the `FileStatus` it returns). Node's by default ({@link nodeDirectoryCalls}); a simulated
 * JVM may be given others (`JvmOptions.directoryCalls`), so a test can observe how often a
 * directory is listed without touching node's `fs`.
 */
export interface DirectoryCalls {
  /** The names in `dir`, in any order; throws as `fs.readdirSync` does (`ENOENT` for a missing one). */
  readdir(dir: string): string[];
  /** `file`'s modification time (ms, as the file system reports it), undefined when it is gone or cannot be read. */
  mtimeMs(file: string): number | undefined;
}

/** {@link DirectoryCalls} on the real file system (node's `fs`). */
export const nodeDirectoryCalls: DirectoryCalls = {
  readdir: (dir) => fs.readdirSync(dir),
  mtimeMs: (file) => {
    try {
      return fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;
    } catch {
      return undefined; // unreadable (EACCES, ELOOP …): skipped, as a vanished file is
    }
  },
};
