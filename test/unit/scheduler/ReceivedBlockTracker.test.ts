/**
 * How long a receiver's blocks stay allocated to their batch (Spark: `ReceivedBlockTracker.
 * cleanupOldBatches(time − maxRememberDuration)` after each batch, dropping batches `< threshold`).
 * A forgotten RDD of a receiver stream that is computed again reads the blocks still allocated.
 */
import { timeline, type DStream, type RDD, type Time } from 'dstream-sim';
import { runWithTimeline } from '../../__helpers__/timelineRun';

/** In each batch, the records that slicing the 1 s batch of the socket stream gives again. */
async function resliced(build: (lines: DStream<string>) => DStream<string>, seconds: number): Promise<[number, string[]][]> {
  const tl = timeline().socket('nc', 'localhost:9000').lines(0.5, 'nc', 'a').build();
  const seen: [number, string[]][] = [];
  await runWithTimeline(
    tl,
    (ssc) => {
      const lines = ssc.socketTextStream('localhost', 9000);
      build(lines).foreachRDD((t: Time, _rdd: RDD<string>) => void seen.push([t.milliseconds, lines.slice(1)[0]!.collect()]));
    },
    seconds,
  );
  return seen;
}

describe('receiver blocks', () => {
  test('a batch’s blocks are dropped once it is older than the remember duration (1 s here)', async () => {
    // After batch 2 s: threshold 1 s, batch 1 s kept (not < 1 s). After batch 3 s: dropped.
    expect(await resliced((l) => l, 4)).toEqual([
      [1000, ['a']],
      [2000, ['a']],
      [3000, ['a']],
      [4000, []],
    ]);
  });

  test('the longest remember duration of the inputs counts (a 3 s window makes it 4 s)', async () => {
    // The window's parent remembers 1 s + 3 s: after batch 5 s the threshold is 1 s (kept),
    // after batch 6 s it is 2 s (dropped).
    expect(await resliced((l) => l.window(3, 1), 7)).toEqual([
      [1000, ['a']],
      [2000, ['a']],
      [3000, ['a']],
      [4000, ['a']],
      [5000, ['a']],
      [6000, ['a']],
      [7000, []],
    ]);
  });
});
