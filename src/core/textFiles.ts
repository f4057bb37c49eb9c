import * as fs from 'node:fs';
import * as path from 'node:path';
import { DStreamSimError } from '../errors';

/** Hadoop's `InvalidInputException` (what `textFile` of a missing path fails with). */
export class InvalidInputError extends DStreamSimError {
  constructor(message: string) {
    super(message, 'INVALID_INPUT', 'org.apache.hadoop.mapred.InvalidInputException');
  }
}

/** One input split of a text file: `length` bytes from `start`. */
export interface TextSplit {
  readonly file: string;
  readonly start: number;
  readonly length: number;
}

/** Hadoop's local file system block size (`fs.local.block.size`, 32 MB). */
const BLOCK_SIZE = 32 * 1024 * 1024;
/** Hadoop's `FileInputFormat.SPLIT_SLOP`. */
const SPLIT_SLOP = 1.1;

/**
 * The files a path names, as Hadoop's `FileInputFormat.listStatus` lists them: a comma-separated
 * list of paths, each a file or a directory's files (not subdirectories; names starting with `_`
 * or `.` are hidden), by name. Glob patterns are not expanded. A missing path fails with every
 * missing path named, one per line, as Hadoop's `InvalidInputException` does.
 */
export function listInputFiles(cwd: string, paths: string): string[] {
  const missing: string[] = [];
  const files = paths.split(',').flatMap((p) => {
    const abs = path.resolve(cwd, p.replace(/^file:/, ''));
    if (!fs.existsSync(abs)) {
      missing.push(`Input path does not exist: file:${abs}`);
      return [];
    }
    if (!fs.statSync(abs).isDirectory()) return [abs];
    return fs
      .readdirSync(abs)
      .filter((n) => !n.startsWith('_') && !n.startsWith('.'))
      .sort()
      .map((n) => path.join(abs, n))
      .filter((f) => fs.statSync(f).isFile());
  });
  if (missing.length > 0) throw new InvalidInputError(missing.join('\n'));
  return files;
}

/**
 * Hadoop's `FileInputFormat.getSplits(job, minPartitions)` (old API, as `textFile` uses it): the
 * goal size is the total size over `minPartitions`; each file is cut into splits of
 * `max(1, min(goal, blockSize))` bytes while more than 1.1 splits remain; an empty file is one
 * empty split.
 */
export function textSplits(files: readonly string[], minPartitions: number): TextSplit[] {
  const sizes = files.map((f) => fs.statSync(f).size);
  const total = sizes.reduce((a, b) => a + b, 0);
  const goal = Math.floor(total / Math.max(1, minPartitions));
  const splitSize = Math.max(1, Math.min(goal, BLOCK_SIZE));
  const out: TextSplit[] = [];
  files.forEach((file, i) => {
    const length = sizes[i]!;
    if (length === 0) {
      out.push({ file, start: 0, length: 0 });
      return;
    }
    let remaining = length;
    while (remaining / splitSize > SPLIT_SLOP) {
      out.push({ file, start: length - remaining, length: splitSize });
      remaining -= splitSize;
    }
    if (remaining !== 0) out.push({ file, start: length - remaining, length: remaining });
  });
  return out;
}

/**
 * Hadoop's `LineRecordReader` over one split: the lines that start inside `(start, start +
 * length]` (or at byte 0), each read to its end even past the split; `\n`, `\r\n` and `\r` end a
 * line; UTF-8.
 */
export function readSplitLines(split: TextSplit): string[] {
  const bytes = fs.readFileSync(split.file);
  const end = split.start + split.length;
  const lines: string[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    let e = pos;
    while (e < bytes.length && bytes[e] !== 0x0a && bytes[e] !== 0x0d) e++;
    let next = e;
    if (next < bytes.length) next += bytes[next] === 0x0d && bytes[next + 1] === 0x0a ? 2 : 1;
    const inSplit = split.start === 0 ? pos <= end : pos > split.start && pos <= end;
    if (inSplit && !(pos === end && split.length > 0 && pos === bytes.length)) {
      lines.push(bytes.subarray(pos, e).toString('utf8'));
    }
    if (pos > end) break;
    pos = next;
  }
  return lines;
}
