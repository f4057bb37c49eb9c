/**
 * File streams beyond Spark's suite: Hadoop glob directories (`globStatus`, then each matching
 * directory listed), the paths a stream reports, and `binaryRecordsStream`'s records, errors and
 * printing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IllegalArgumentError, SparkContext, StreamingContext, timeline, withIsolatedJvm, type SimEvent, type StreamingListener } from 'dstream-sim';
import { delivered, runWithTimeline } from '../../__helpers__/timelineRun';
import { globStatus, isGlobPattern } from '../../../src/util/hadoopGlob';
import { pythonBytesRepr, scalaBytesString } from '../../../src/util/format';
import { eventToJson } from '../../../src/views/eventJson';

const warnings = (events: SimEvent[]): string[] => events.flatMap((e) => (e.type === 'warning' ? [e.message] : []));

describe('textFileStream on a glob', () => {
  const logs = timeline()
    .directory('a', 'logs/a')
    .directory('b', 'logs/b')
    .directory('other', 'other/c')
    .file(0.5, 'a', '1.txt', 'a1\n')
    .file(0.7, 'b', '1.txt', 'b1\n')
    .file(0.9, 'other', '1.txt', 'c1\n')
    .file(1.5, 'b', '2.txt', 'b2\n')
    .file(2.5, 'a', '2.txt', 'a2\n')
    .file(2.5, 'b', '3.txt', 'b3\n')
    .build();

  test('`logs/*/`: files appearing in logs/a/ and logs/b/ land in the batch after they appear, directories in sorted order', async () => {
    const r = await runWithTimeline(logs, (ssc) => ssc.textFileStream('logs/*/').pprint(), 3);
    expect(delivered(r.events)).toEqual([
      [1000, ['a1', 'b1']],
      [2000, ['b2']],
      [3000, ['a2', 'b3']],
    ]);
    expect(warnings(r.events)).toEqual([]);
  });

  test('a file the glob matches beside the directories is not scanned as one (Spark: globStatus(…).filter(_.isDirectory))', async () => {
    const withFile = timeline().directory('top', 'logs').directory('a', 'logs/a').file(0.3, 'top', 'readme.txt', 'x\n').file(0.5, 'a', '1.txt', 'a1\n').build();
    const r = await runWithTimeline(withFile, (ssc) => ssc.textFileStream('logs/*').pprint(), 1);
    expect(delivered(r.events)).toEqual([[1000, ['a1']]]);
    expect(warnings(r.events)).toEqual([]);
  });

  test('the files a glob stream picked are reported relative to the run’s directory (StreamInputInfo)', async () => {
    const infos: unknown[] = [];
    const listener: StreamingListener = {
      onBatchSubmitted: (e) => void infos.push(...e.batchInfo.streamIdToInputInfo.values()),
    };
    await runWithTimeline(
      logs,
      (ssc) => {
        ssc.addStreamingListener(listener);
        ssc.textFileStream('logs/*').pprint();
      },
      1,
    );
    expect(infos).toEqual([
      { inputStreamId: 0, numRecords: 0, metadata: { files: ['logs/a/1.txt', 'logs/b/1.txt'], Description: 'logs/a/1.txt\nlogs/b/1.txt' } },
    ]);
  });

  test.each([
    ['logs/{b,a}', [['a1', 'b1'], ['b2']]],
    ['logs/[b-z]', [['b1'], ['b2']]],
    ['logs/?', [['a1', 'b1'], ['b2']]],
    ['*/[ac]', [['a1', 'c1'], []]],
    ['{logs/b,other/c}', [['b1', 'c1'], ['b2']]],
  ])('Hadoop glob syntax: %s', async (pattern, expected) => {
    const r = await runWithTimeline(logs, (ssc) => ssc.textFileStream(pattern).pprint(), 2);
    expect(delivered(r.events).map(([, recs]) => recs)).toEqual(expected);
  });

  test('a glob that matches nothing gives empty batches and no warning, as Spark’s globStatus; a missing plain directory warns', async () => {
    const r = await runWithTimeline(logs, (ssc) => ssc.textFileStream('nothing/*/').pprint(), 1);
    expect(delivered(r.events)).toEqual([[1000, []]]);
    expect(warnings(r.events)).toEqual([]);
    const plain = await runWithTimeline(logs, (ssc) => ssc.textFileStream('nothing').pprint(), 1);
    expect(warnings(plain.events)).toEqual(['No directory to scan: nothing (ENOENT)']);
  });
});

describe('globStatus', () => {
  test('matches, sorted; `*` does not cross `/`; files too (the stream keeps the directories); a trailing / is dropped', () => {
    const cwd = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'glob-'));
    try {
      for (const d of ['x/b', 'x/a', 'x/.h', 'y']) fs.mkdirSync(path.join(cwd, d), { recursive: true });
      fs.writeFileSync(path.join(cwd, 'x', 'f'), '');
      const rel = (ps: string[]): string[] => ps.map((p) => path.relative(cwd, p));
      expect(rel(globStatus('x/*/', cwd))).toEqual(['x/.h', 'x/a', 'x/b', 'x/f']);
      expect(rel(globStatus('x/[!a.]', cwd))).toEqual(['x/b', 'x/f']);
      expect(rel(globStatus('*', cwd))).toEqual(['x', 'y']);
      expect(rel(globStatus('x', cwd))).toEqual(['x']);
      expect(globStatus('z', cwd)).toEqual([]);
    } finally {
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  });

  test('which paths are globs', () => {
    expect(['a/*', 'a?', 'a/[bc]', '{a,b}'].map(isGlobPattern)).toEqual([true, true, true, true]);
    expect(['a/b', 'a\\*', 'a-b_c.d'].map(isGlobPattern)).toEqual([false, false, false]);
  });
});

describe('binaryRecordsStream', () => {
  const bin = timeline().directory('in', 'in').file(0.5, 'in', 'a.bin', 'ab\0cd\n').build();

  test('each file is cut into records of recordLength bytes', async () => {
    const r = await runWithTimeline(bin, (ssc) => ssc.binaryRecordsStream('in', 2).pprint(), 1);
    const recs = delivered(r.events)[0]![1]!;
    expect(recs.map((x) => Buffer.from(x as Uint8Array).toString('latin1'))).toEqual(['ab', '\0c', 'd\n']);
  });

  test('the event log (JSON) shows a binary record as its byte values', async () => {
    const r = await runWithTimeline(bin, (ssc) => ssc.binaryRecordsStream('in', 3).pprint(), 1);
    const input = r.events.find((e) => e.type === 'inputDelivered')!;
    expect(JSON.parse(eventToJson(input))).toMatchObject({ records: [[97, 98, 0], [99, 100, 10]] });
  });

  test('pyspark prints a record as Python’s bytes repr; scala as Array(…) of signed bytes', async () => {
    const py = await runWithTimeline(bin, (ssc) => ssc.binaryRecordsStream('in', 3).pprint(), 1);
    expect(py.printed).toContain("-------------------------------------------\nb'ab\\x00'\nb'cd\\n'\n");
    const scala = await runWithTimeline(bin, (ssc) => ssc.binaryRecordsStream('in', 3).print(), 1, { flavor: 'scala' });
    expect(scala.printed).toContain('Array(97, 98, 0)\nArray(99, 100, 10)\n');
  });

  test('a file whose length is not a multiple of recordLength fails the batch’s job with java.io.EOFException', async () => {
    const run = runWithTimeline(bin, (ssc) => ssc.binaryRecordsStream('in', 4).pprint(), 2);
    await expect(run).rejects.toThrow(
      /^Job aborted due to stage failure: Task 0 in stage \d+\.0 failed 1 times, most recent failure: Lost task 0\.0 in stage \d+\.0 \(TID \d+\) \(localhost executor driver\): java\.io\.EOFException$/,
    );
    await expect(runWithTimeline(bin, (ssc) => ssc.binaryRecordsStream('in', 4).pprint(), 2)).rejects.toMatchObject({
      name: 'SparkError',
      cause: { name: 'EndOfFileError', sparkClass: 'java.io.EOFException', message: '' },
    });
  });

  test('recordLength must be a positive integer', () =>
    withIsolatedJvm({ stdout: () => undefined }, () => {
      const ssc = new StreamingContext(new SparkContext({ master: 'local[2]', appName: 'bin' }), 1);
      for (const n of [0, -1, 1.5]) {
        expect(() => ssc.binaryRecordsStream('in', n)).toThrow(new IllegalArgumentError(`requirement failed: recordLength must be positive, but got ${n}`));
      }
    }));

  test('Python bytes repr and Scala Array text', () => {
    expect(pythonBytesRepr(Uint8Array.from([0x61, 0x27, 0x5c, 0x09, 0x7f, 0xff]))).toBe("b\"a'\\\\\\t\\x7f\\xff\"");
    expect(pythonBytesRepr(Uint8Array.from([0x27, 0x22]))).toBe("b'\\'\"'");
    expect(scalaBytesString(Uint8Array.from([1, 127, 128, 255]))).toBe('Array(1, 127, -128, -1)');
  });
});
