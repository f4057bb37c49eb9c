/**
 * `textFileStream` / `fileStream` (Spark: `FileInputDStream`) beyond the suite: empty files,
 * `spark.streaming.fileStream.minRememberDuration`, and files forgotten after the remember window.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SparkContext, StreamingContext, TimelineDriver, timeline, withIsolatedJvm, type DStream, type SimEvent } from 'dstream-sim';
import { delivered, runWithTimeline } from '../../__helpers__/timelineRun';

const nonEmpty = (events: SimEvent[]): [number, unknown[] | undefined][] =>
  delivered(events).filter(([, recs]) => (recs?.length ?? 0) > 0);

describe('files', () => {
  test('an empty file is skipped with Spark’s warning and gives no partition', async () => {
    const tl = timeline().directory('in', 'input').file(0.5, 'in', 'empty.txt', '').build();
    const r = await runWithTimeline(tl, (ssc) => ssc.textFileStream('input').pprint(), 1, { keepDir: false });
    const input = r.events.find((e) => e.type === 'inputDelivered');
    expect(input).toMatchObject({ records: [], numPartitions: 0 });
    const warning = r.events.find((e) => e.type === 'warning' && e.message.includes('has no data in it'));
    expect(warning).toMatchObject({
      message: `File input/empty.txt has no data in it. Spark Streaming can only ingest files that have been "moved" to the directory assigned to the file stream. Refer to the streaming programming guide for more details.`,
    });
  });

  test('spark.streaming.fileStream.minRememberDuration shortens how far back old files are picked', async () => {
    const tl = timeline().directory('in', 'input').file(12.5, 'in', 'old.txt', 'old\n', { mtime: 0.5 }).build();
    const picked = await runWithTimeline(tl, (ssc) => ssc.fileStream('input', undefined, false).pprint(), 13);
    expect(nonEmpty(picked.events)).toEqual([[13000, ['old']]]); // default 60 s: threshold 0
    const short = await runWithTimeline(
      tl,
      (ssc) => {
        ssc.sparkContext.conf.set('spark.streaming.fileStream.minRememberDuration', '10s');
        ssc.fileStream('input', undefined, false).pprint();
      },
      13,
    );
    expect(nonEmpty(short.events)).toEqual([]); // 10 s: threshold 13 − 10 = 3 s > 0.5 s
  });

  test.each([
    ['spark.streaming.minRememberDuration', '10s'], // the older name Spark still reads
    ['spark.streaming.fileStream.minRememberDuration', '10'], // a bare number is seconds (getTimeAsSeconds)
  ])('%s = %s: the same 10 s', async (key, value) => {
    const tl = timeline().directory('in', 'input').file(12.5, 'in', 'old.txt', 'old\n', { mtime: 0.5 }).build();
    const r = await runWithTimeline(
      tl,
      (ssc) => {
        ssc.sparkContext.conf.set(key, value);
        ssc.fileStream('input', undefined, false).pprint();
      },
      13,
    );
    expect(nonEmpty(r.events)).toEqual([]);
  });

  test('a picked file is forgotten after the remember window: if it changed meanwhile, it is read again', async () => {
    const tl = timeline().directory('in', 'input').file(0.5, 'in', 'a.txt', 'v1\n').file(30.5, 'in', 'a.txt', 'v2\n').build();
    const r = await runWithTimeline(tl, (ssc) => ssc.textFileStream('input').pprint(), 64);
    // Picked at 1 s and remembered 60 s: forgotten once 1 s < t − 60 s, i.e. after batch 62 s.
    // Its new modification time (30.5 s) is then within the window (63 − 60 = 3 s), so Spark
    // reads it again at 63 s (the programming guide's warning about files changed in place).
    expect(nonEmpty(r.events)).toEqual([
      [1000, ['v1']],
      [63000, ['v2']],
    ]);
  });

  test('a file whose modification time is the batch time itself is that batch’s (Spark: modTime <= currentTime)', async () => {
    const tl = timeline().directory('in', 'input').file(1.5, 'in', 'edge.txt', 'edge\n', { mtime: 2 }).build();
    const r = await runWithTimeline(tl, (ssc) => ssc.textFileStream('input').pprint(), 3);
    expect(nonEmpty(r.events)).toEqual([[2000, ['edge']]]);
  });
});

describe('files already there when the stream is made (Spark: newFilesOnly)', () => {
  /** A first context runs 5 s while a file appears at 1 s; then a second context's stream looks. */
  async function seenBySecondContext(make: (ssc: StreamingContext) => DStream<string>): Promise<[number, unknown[] | undefined][]> {
    const tl = timeline().directory('in', 'input').file(1, 'in', 'early.txt', 'early\n').build();
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-newfiles-'));
    try {
      return await withIsolatedJvm({ stdout: () => undefined, cwd }, async (jvm) => {
        const driver = await TimelineDriver.attach(jvm, tl);
        try {
          const sc = new SparkContext({ master: 'local[2]', appName: 'newFiles' });
          const first = new StreamingContext(sc, 1);
          first.queueStream<number>([[1]]).foreachRDD(() => undefined);
          first.start();
          await first.awaitTerminationOrTimeout(5);
          first.stop(false);
          const second = new StreamingContext(sc, 1);
          make(second).pprint();
          second.start();
          await second.awaitTerminationOrTimeout(2);
          second.stop();
        } finally {
          await driver.close();
        }
        return delivered([...jvm.log.events()]).filter(([t, r]) => t > 5000 && r !== undefined && r.length > 0);
      });
    } finally {
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  }

  test('textFileStream takes only files modified after it was made', async () => {
    expect(await seenBySecondContext((ssc) => ssc.textFileStream('input'))).toEqual([]);
  });

  test('fileStream(…, newFilesOnly = false) takes them too, within the remember window', async () => {
    expect(await seenBySecondContext((ssc) => ssc.fileStream('input', undefined, false))).toEqual([[6000, ['early']]]);
  });
});
