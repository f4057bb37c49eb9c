/**
 * Which metadata checkpoints Spark's `JobGenerator` writes: `generateJobs(time)` posts
 * `DoCheckpoint(time)` after the batch's jobs are generated — and also when generating them failed
 * (the post follows the `Try` either way); `ClearMetadata(time)` posts a second one once the
 * batch completed. After `stop()` nothing more is written (the event loop and the checkpoint
 * writer are stopped).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SparkContext, StreamingContext, withIsolatedJvm, type RDD, type SimEvent, type Time } from 'dstream-sim';

/** Runs `build` on a context checkpointing to `cp` in a fresh run directory; returns the events (type, batch or checkpoint time). */
async function checkpointedRun(build: (ssc: StreamingContext) => void, seconds: number): Promise<[string, number | undefined][]> {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-'));
  try {
    return await withIsolatedJvm({ stdout: () => undefined, cwd }, async () => {
      const ssc = new StreamingContext(new SparkContext({ master: 'local[2]', flavor: 'scala' }), 1);
      ssc.checkpoint('cp');
      build(ssc);
      ssc.start();
      await ssc.awaitTerminationOrTimeout(seconds).catch(() => undefined);
      ssc.stop();
      const time = (e: SimEvent): number | undefined => ('checkpointTime' in e ? e.checkpointTime : 'batchTime' in e ? e.batchTime : undefined);
      return ssc
        .events()
        .filter((e) => ['batchCompleted', 'errorReported', 'checkpointWritten', 'contextStopped'].includes(e.type))
        .map((e): [string, number | undefined] => [e.type, time(e)]);
    });
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
}

test('each completed batch writes its checkpoint twice: after generating its jobs and after its last job completed', async () => {
  // Two output operations: the batch completes (and ClearMetadata follows) once, with the second.
  const events = await checkpointedRun((ssc) => {
    const q = ssc.queueStream<number>([[1], [2]], true);
    q.foreachRDD((_t: Time, rdd: RDD<number>) => void rdd.count());
    q.foreachRDD((_t: Time, rdd: RDD<number>) => void rdd.collect());
  }, 2);
  expect(events).toEqual([
    ['batchCompleted', 1000],
    ['checkpointWritten', 1000],
    ['checkpointWritten', 1000],
    ['batchCompleted', 2000],
    ['checkpointWritten', 2000],
    ['checkpointWritten', 2000],
    ['contextStopped', undefined],
  ]);
});

test('a batch whose jobs could not be generated still writes its checkpoint once (it never completes)', async () => {
  const events = await checkpointedRun((ssc) => {
    ssc
      .queueStream<number>([[1], [2]], true)
      .transform((t: Time, rdd: RDD<number>) => {
        if (t.milliseconds === 2000) throw new Error('cannot generate');
        return rdd;
      })
      .foreachRDD((_t: Time, rdd: RDD<number>) => void rdd.count());
  }, 3);
  expect(events).toEqual([
    ['batchCompleted', 1000],
    ['checkpointWritten', 1000],
    ['checkpointWritten', 1000],
    ['errorReported', 2000],
    ['checkpointWritten', 2000],
    ['contextStopped', undefined],
  ]);
});

test('ssc.stop() called by a job: its batch still completes, but no checkpoint is written after the stop', async () => {
  let ctx: StreamingContext | undefined;
  const events = await checkpointedRun((ssc) => {
    ctx = ssc;
    ssc.queueStream<number>([[1], [2], [3]], true).foreachRDD((t: Time, _rdd: RDD<number>) => {
      if (t.milliseconds === 2000) ctx!.stop(false);
    });
  }, 4);
  expect(events).toEqual([
    ['batchCompleted', 1000],
    ['checkpointWritten', 1000],
    ['checkpointWritten', 1000],
    ['contextStopped', undefined],
    ['batchCompleted', 2000],
  ]);
});
