/**
 * What Spark's `JobScheduler` keeps about batches in flight, as a user sees it when jobs take
 * virtual time (a declared cost, docs/processing-time.md): a batch stays pending — and is named
 * in every metadata checkpoint written meanwhile (`Checkpoint.pendingTimes`, from
 * `getPendingTimes()`) — until its LAST job completed; the RDDs it marked for checkpointing are
 * checkpointed when it completes. An immediate stop records no graceful-stop log.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SparkContext, StreamingContext, withIsolatedJvm, type CostModel, type RDD, type SimEvent, type Time } from 'dstream-sim';

async function costedRun<R>(cost: CostModel, body: (ssc: StreamingContext, cwd: string) => Promise<R>): Promise<R> {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-'));
  try {
    return await withIsolatedJvm({ stdout: () => undefined, cwd, cost }, () =>
      body(new StreamingContext(new SparkContext({ master: 'local[2]', flavor: 'scala' }), 1), cwd),
    );
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
}

test('a batch is pending in the checkpoints until its last job completed', async () => {
  // Two jobs of 0.6 s each, one at a time: batch 1 s runs 1.0–2.2 s, batch 2 s waits for it.
  const pending = await costedRun({ perOutput: 0.6 }, async (ssc, cwd) => {
    ssc.checkpoint('cp');
    const q = ssc.queueStream<number>([[1], [2], [3]], true);
    q.foreachRDD((_t: Time, rdd: RDD<number>) => void rdd.count());
    q.foreachRDD((_t: Time, rdd: RDD<number>) => void rdd.count());
    ssc.start();
    await ssc.awaitTerminationOrTimeout(2.5);
    ssc.stop(false);
    const read = (file: string): number[] => JSON.parse(fs.readFileSync(path.join(cwd, 'cp', file), 'utf8')).pendingTimesMs;
    // Spark's CheckpointWriter names the file after the latest checkpoint time so far: the
    // write at 2.2 s (batch 1 s completed) goes to checkpoint-2000, the one of 2.0 s becomes .bk.
    return Object.fromEntries(['checkpoint-1000', 'checkpoint-2000.bk', 'checkpoint-2000'].map((f) => [f, read(f)]));
  });
  expect(pending).toEqual({
    'checkpoint-1000': [1000], // at 1.0 s
    'checkpoint-2000.bk': [1000, 2000], // at 2.0 s: batch 1 s has run one of its two jobs
    'checkpoint-2000': [2000], // at 2.2 s: batch 1 s completed
  });
});

test('with a cost, the RDDs a batch marked are checkpointed when the batch completes', async () => {
  const states = await costedRun({ perOutput: 0.5 }, async (ssc) => {
    ssc.checkpoint('cp');
    const rdds: [number, RDD<number>][] = [];
    const ds = ssc.queueStream<number>([[1], [2]], true).map((x) => x * 2).checkpoint(1);
    ds.foreachRDD((t: Time, rdd: RDD<number>) => {
      rdds.push([t.milliseconds, rdd]);
      rdd.count();
    });
    ssc.start();
    await ssc.awaitTerminationOrTimeout(1.2); // batch 1 s still runs (1.0–1.5 s)
    const during = rdds.map(([t, r]) => [t, r.isCheckpointed()]);
    await ssc.awaitTerminationOrTimeout(0.5);
    const after = rdds.map(([t, r]) => [t, r.isCheckpointed()]);
    ssc.stop(false);
    return { during, after };
  });
  expect(states).toEqual({ during: [[1000, false]], after: [[1000, true]] });
});

test('an immediate stop records no graceful-stop log', () =>
  withIsolatedJvm({ stdout: () => undefined }, async () => {
    const ssc = new StreamingContext(new SparkContext({ master: 'local[2]' }), 1);
    ssc.queueStream<number>([[1]]).pprint();
    ssc.start();
    await ssc.awaitTerminationOrTimeout(1);
    ssc.stop(false, false);
    const stopped = ssc.events().find((e): e is Extract<SimEvent, { type: 'contextStopped' }> => e.type === 'contextStopped')!;
    expect(stopped.graceful).toBe(false);
    expect('gracefulLog' in stopped).toBe(false);
  }));
