import * as fs from 'node:fs';
import * as path from 'node:path';
import { RDD } from '../rdd/RDD';
import { LineSplitter } from '../receiver/LineSplitter';
import type { StreamingRuntime } from './StreamingRuntime';
import type { Duration } from '../time/Duration';
import type { Time } from '../time/Time';
import type { StreamInputInfo } from '../events/SimEvent';
import { InputDStream } from './internal';
import { timeStringAsMs } from '../util/timeString';
import { globStatus, isDirectory, isGlobPattern } from '../util/hadoopGlob';
import { RememberedListing } from '../util/RememberedListing';

/**
 * Spark's default file filter: skip names starting with `.` (names starting with `_` are kept).
 * A filter is given each candidate's path relative to the run's directory (`logs/a/1.txt`).
 */
export const defaultFileFilter = (p: string): boolean => !path.basename(p).startsWith('.');

/**
 * How a file stream turns one picked file into the records of its partition (Spark: the Hadoop
 * `InputFormat` of `fileStream[K, V, F]`): `TextInputFormat` lines, or fixed-length records.
 */
export type FileRecordReader<T> = (bytes: Buffer) => T[];

/** Spark's `TextInputFormat` as `textFileStream` reads it: UTF-8 lines (`\n`, `\r`, `\r\n`). */
export const textLines: FileRecordReader<string> = (bytes) => {
  const splitter = new LineSplitter();
  return [...splitter.push(bytes), ...splitter.end()];
};

/**
 * Spark's `FixedLengthBinaryInputFormat`: the file cut into records of `recordLength` bytes
 * (`Uint8Array`s). A last record shorter than that is kept as read; `binaryRecordsStream` fails
 * the job on it, as Spark's reader does (`java.io.EOFException`).
 */
export function fixedLengthRecords(recordLength: number): FileRecordReader<Uint8Array> {
  return (bytes) => {
    const out: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += recordLength) out.push(Uint8Array.from(bytes.subarray(i, i + recordLength)));
    return out;
  };
}

/**
 * Spark: `FileInputDStream`, made by `textFileStream` / `fileStream` / `binaryRecordsStream`. At
 * batch t it resolves the directory as Spark's `globStatus(directory)` does — a plain path, or a
 * Hadoop glob (`logs/*\/`, `in/{a,b}`, `day-[0-9]`) whose matching **directories** are taken,
 * sorted — lists each (not recursively, names in sorted order) and selects the files that pass
 * the filter, have `threshold < mtime <= t` and were not selected before, where
 * `threshold = max(initialThreshold, t − remember)`, `initialThreshold` = the clock when the
 * stream was made (`newFilesOnly`) or 0, and `remember = ceil(60 s / batch) × batch`
 * (`spark.streaming.fileStream.minRememberDuration`). Each selected file is one partition of
 * records (read when selected). Reports 0 records, as Spark does, and the files it picked.
 */
export class FileInputDStream<T = string> extends InputDStream<T> {
  private initialModTimeIgnoreThreshold: number;
  private readonly durationToRemember: Duration;
  private readonly batchTimeToSelectedFiles = new Map<number, string[]>();
  private readonly recentlySelectedFiles = new Set<string>();
  /** The names of each directory listed last batch (not checkpointed: Spark's listing is transient too). */
  private listings = new Map<string, RememberedListing>();

  constructor(
    ssc: StreamingRuntime,
    readonly directory: string,
    private readonly fileFilter: (path: string) => boolean,
    newFilesOnly: boolean,
    private readonly readRecords: FileRecordReader<T>,
    opName = 'textFileStream',
  ) {
    super(ssc, opName);
    const conf = ssc.sparkContext.conf;
    // Spark reads it with second granularity (getTimeAsSeconds).
    const minRememberMs =
      Math.trunc(
        timeStringAsMs(
          conf.get('spark.streaming.fileStream.minRememberDuration', conf.get('spark.streaming.minRememberDuration', '60s')),
          's',
        ) / 1000,
      ) * 1000;
    const slide = ssc.batchDuration;
    const numBatchesToRemember = Math.ceil(minRememberMs / slide.milliseconds);
    this.durationToRemember = slide.times(numBatchesToRemember);
    this.initialModTimeIgnoreThreshold = newFilesOnly ? ssc.clock.now() : 0;
    this.remember(this.durationToRemember);
  }

  /** The directory as the process sees it (relative paths resolve against the JVM's cwd). */
  get resolvedDirectory(): string {
    return path.resolve(this.ssc.cwd, this.directory);
  }

  compute(validTime: Time): RDD<T> | undefined {
    const files = this.findNewFiles(validTime.milliseconds);
    this.batchTimeToSelectedFiles.set(validTime.milliseconds, files);
    for (const f of files) this.recentlySelectedFiles.add(f);
    return this.filesToRDD(files);
  }

  /** Spark: `filesToRDD`: one partition per non-empty file, its records in order. */
  private filesToRDD(files: readonly string[]): RDD<T> {
    const parts: T[][] = [];
    for (const f of files) {
      const bytes = fs.readFileSync(f);
      if (bytes.length === 0) {
        this.ssc.warn(
          `File ${this.shown(f)} has no data in it. Spark Streaming can only ingest files that have been "moved" to the directory assigned to the file stream. Refer to the streaming programming guide for more details.`,
        );
        continue;
      }
      parts.push(this.readRecords(bytes));
    }
    return RDD.fromPartitions(this.ssc.sparkContext, parts);
  }

  /** Spark: a file stream reports 0 records and the files it picked (`files`, `Description`). */
  protected override reportedInfo(time: Time): StreamInputInfo {
    // Reported right after compute(time), which recorded the batch's files.
    const files = this.batchTimeToSelectedFiles.get(time.milliseconds)!.map((f) => this.shown(f));
    return { inputStreamId: this.inputId, numRecords: 0, metadata: { files, Description: files.join('\n') } };
  }

  /**
   * Spark: `findNewFiles`: each directory listed once (its names remembered in sorted order, so a
   * batch sorts only the names that are new), and every entry that passes the filter and was not
   * selected recently asked for its modification time — on a real file system only that call sees
   * a file written again in place or touched.
   */
  private findNewFiles(t: number): string[] {
    const threshold = Math.max(this.initialModTimeIgnoreThreshold, t - this.durationToRemember.milliseconds);
    const calls = this.ssc.directoryCalls;
    const usesDefaultFilter = this.fileFilter === defaultFileFilter;
    const selected: string[] = [];
    const listed = new Map<string, RememberedListing>();
    for (const dir of this.directoriesToScan()) {
      let names: string[];
      try {
        names = calls.readdir(dir);
      } catch (e) {
        this.ssc.warn(`No directory to scan: ${this.shown(dir)} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
        continue;
      }
      const listing = this.listings.get(dir) ?? new RememberedListing(dir, (p) => this.shown(p));
      listed.set(dir, listing);
      for (const entry of listing.update(names)) {
        const passes = usesDefaultFilter ? (entry.passesDefaultFilter ??= defaultFileFilter(entry.shown)) : this.fileFilter(entry.shown);
        if (!passes || this.recentlySelectedFiles.has(entry.path)) continue;
        const mtimeMs = calls.mtimeMs(entry.path);
        if (mtimeMs === undefined) continue;
        const mtime = Math.round(mtimeMs);
        if (threshold < mtime && mtime <= t) selected.push(entry.path);
      }
    }
    this.listings = listed; // a directory a glob no longer matches is forgotten
    return selected;
  }

  /**
   * Spark: `globStatus(directoryPath).filter(_.isDirectory)`: a glob gives its matching
   * directories, sorted (none when nothing matches: no warning, as in Spark); a plain path is
   * listed as it is, so a missing directory is warned about when it is listed.
   */
  private directoriesToScan(): string[] {
    if (!isGlobPattern(this.directory)) return [this.resolvedDirectory];
    return globStatus(this.directory, this.ssc.cwd).filter(isDirectory);
  }

  /** A path as logs show it: relative to the run's directory, so no run-specific path is printed. */
  private shown(p: string): string {
    return path.relative(this.ssc.cwd, p).split(path.sep).join('/') || '.';
  }

  /**
   * @internal Spark: `FileInputDStreamCheckpointData.update`: the files selected per remembered
   * batch time, as paths relative to the run's directory.
   */
  /** @internal Spark's `initialModTimeIgnoreThreshold` (saved in a checkpoint with the stream). */
  get ignoreBeforeMs(): number {
    return this.initialModTimeIgnoreThreshold;
  }

  /** @internal */
  checkpointedFiles(): { timeMs: number; files: string[] }[] {
    return [...this.batchTimeToSelectedFiles].sort(([a], [b]) => a - b).map(([timeMs, files]) => ({ timeMs, files: files.map((f) => this.shown(f)) }));
  }

  /**
   * @internal Spark: `FileInputDStreamCheckpointData.restore`: remember the files again (so they
   * are not selected twice) and rebuild each batch's RDD from them.
   */
  restoreFiles(entries: readonly { timeMs: number; files: readonly string[] }[], ignoreBeforeMs: number): void {
    // Spark deserializes the stream with the threshold it was made with (files older than the
    // first run's start stay ignored; files of the down time are found).
    this.initialModTimeIgnoreThreshold = ignoreBeforeMs;
    for (const { timeMs, files } of entries) {
      const abs = files.map((f) => path.resolve(this.ssc.cwd, f));
      this.batchTimeToSelectedFiles.set(timeMs, abs);
      for (const f of abs) this.recentlySelectedFiles.add(f);
      this.generatedRDDs.set(timeMs, this.filesToRDD(abs));
    }
  }

  /** Spark: files selected before `t − remember` are forgotten (they are older than the threshold). */
  override clearMetadata(time: Time): void {
    super.clearMetadata(time);
    const limit = time.milliseconds - this.rememberDuration!.milliseconds; // set at start
    for (const [t, files] of this.batchTimeToSelectedFiles) {
      if (t < limit) {
        this.batchTimeToSelectedFiles.delete(t);
        for (const f of files) this.recentlySelectedFiles.delete(f);
      }
    }
  }
}
