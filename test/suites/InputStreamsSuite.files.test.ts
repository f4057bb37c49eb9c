/**
 * Spark's InputStreamsSuite file tests, as Spark runs them: a ManualClock set past an existing
 * file's modification time (10 s) to 12 s before the stream is made, a 2 s batch, then one new
 * file per batch written half a batch before it ("file input stream - newFilesOnly = true/false",
 * "file input stream - wildcard", "binary records stream"). Where Spark checks only the set of
 * records, these tests check each batch.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  SparkContext,
  StreamingContext,
  TimelineDriver,
  timeline,
  withIsolatedJvm,
  type DStream,
  type RDD,
  type Time,
  type SimEvent,
  type Timeline,
  type TimelineBuilder,
} from '../../src/index';

interface SparkFileRun {
  /** What the output stream got, per batch time (ms). */
  batches: [number, unknown[]][];
  events: SimEvent[];
}

/**
 * Spark's `testFileStream` harness: the timeline's events up to `clockAtMs` happen first (the
 * clock is set there, as Spark's `clock.setTime`), then the context and the stream are made and
 * run for `seconds`.
 */
async function runAsSparkSuite(tl: Timeline, build: (ssc: StreamingContext) => DStream<unknown>, clockAtMs: number, seconds: number): Promise<SparkFileRun> {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-files-'));
  try {
    return await withIsolatedJvm({ stdout: () => undefined, cwd }, async (jvm) => {
      const driver = await TimelineDriver.attach(jvm, tl);
      try {
        jvm.clock.advance(clockAtMs);
        const sc = new SparkContext({ master: 'local[2]', appName: 'InputStreamsSuite', flavor: 'scala' });
        const ssc = new StreamingContext(sc, 2);
        const batches: [number, unknown[]][] = [];
        build(ssc).foreachRDD((time: Time, rdd: RDD<unknown>) => void batches.push([time.milliseconds, rdd.collect()]));
        ssc.start();
        await ssc.awaitTerminationOrTimeout(seconds);
        ssc.stop();
        return { batches, events: [...jvm.log.events()] };
      } finally {
        await driver.close();
      }
    });
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
}

/** Files `1`…`5` (content `i\n`), one every 2 s from 13 s: each lands in the batch 1 s later. */
function newFiles(b: TimelineBuilder, source: (i: number) => string, inputs: number[]): TimelineBuilder {
  inputs.forEach((i, n) => b.file(13 + 2 * n, source(i), String(i), `${i}\n`));
  return b;
}

describe('file input stream (Spark: InputStreamsSuite testFileStream)', () => {
  const existing = (): TimelineBuilder => timeline().directory('test', 'test').file(10, 'test', '0', '0\n');

  test('file input stream - newFilesOnly = true (the default): the existing file (mtime 10 s < made at 12 s) is never read', async () => {
    const tl = newFiles(existing(), () => 'test', [1, 2, 3, 4, 5]).build();
    const r = await runAsSparkSuite(tl, (ssc) => ssc.fileStream('test'), 12_000, 10);
    expect(r.batches).toEqual([
      [14000, ['1']],
      [16000, ['2']],
      [18000, ['3']],
      [20000, ['4']],
      [22000, ['5']],
    ]);
  });

  test('file input stream - newFilesOnly = false: the existing file is read at the first batch (within the remember window)', async () => {
    const tl = newFiles(existing(), () => 'test', [1, 2, 3, 4, 5]).build();
    const r = await runAsSparkSuite(tl, (ssc) => ssc.fileStream('test', () => true, false), 12_000, 10);
    expect(r.batches).toEqual([
      [14000, ['0', '1']],
      [16000, ['2']],
      [18000, ['3']],
      [20000, ['4']],
      [22000, ['5']],
    ]);
  });

  test('newFilesOnly = false picks nothing older than the remember window (t − 60 s)', async () => {
    const tl = timeline().directory('test', 'test').file(1, 'test', 'ancient', 'a\n').file(63, 'test', 'recent', 'r\n', { mtime: 3 }).build();
    const r = await runAsSparkSuite(tl, (ssc) => ssc.fileStream('test', () => true, false), 64_000, 2);
    // At 66 s the threshold is 66 − 60 = 6 s: both mtimes (1 s, 3 s) are at or below it.
    expect(r.batches).toEqual([[66000, []]]);
  });

  test('filter: only the paths it accepts are read; it sees paths relative to the run’s directory', async () => {
    const seen: string[] = [];
    const tl = timeline().directory('test', 'test').file(13, 'test', 'a.txt', 'a\n').file(13, 'test', 'b.log', 'b\n').file(13, 'test', '.c.txt', 'c\n').build();
    const r = await runAsSparkSuite(
      tl,
      (ssc) =>
        ssc.fileStream(
          'test',
          (p) => {
            seen.push(p);
            return p.endsWith('.txt');
          },
          true,
        ),
      12_000,
      2,
    );
    // A user filter replaces Spark's default one, so the hidden file is read too.
    expect(r.batches).toEqual([[14000, ['c', 'a']]]);
    expect(seen).toEqual(['test/.c.txt', 'test/a.txt', 'test/b.log']);
  });

  test('file input stream - wildcard: `test/*/` watches every subdirectory; a file directly in test/ is not read', async () => {
    const b = existing().directory('tmp1', 'test/tmp1').directory('tmp2', 'test/tmp2');
    const tl = newFiles(b, (i) => (i <= 5 ? 'tmp1' : 'tmp2'), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).build();
    const r = await runAsSparkSuite(tl, (ssc) => ssc.textFileStream('test/*/'), 12_000, 20);
    expect(r.batches.flatMap(([, recs]) => recs)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(r.batches[5]).toEqual([24000, ['6']]);
  });

  test('binary records stream: each 1-byte file is one record of 1 byte', async () => {
    const b = timeline().directory('test', 'test').file(10, 'test', '0', '0\n');
    [1, 2, 3, 4, 5].forEach((i, n) => b.file(13 + 2 * n, 'test', String(i), String.fromCharCode(i)));
    const r = await runAsSparkSuite(b.build(), (ssc) => ssc.binaryRecordsStream('test', 1), 12_000, 10);
    expect(r.batches.map(([t, recs]) => [t, recs.map((x) => Array.from(x as Uint8Array))])).toEqual([
      [14000, [[1]]],
      [16000, [[2]]],
      [18000, [[3]]],
      [20000, [[4]]],
      [22000, [[5]]],
    ]);
    expect(r.batches[0]![1][0]).toBeInstanceOf(Uint8Array);
  });
});
