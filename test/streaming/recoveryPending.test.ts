/**
 * Spark: `JobGenerator.restart()` reschedules the checkpoint's pending batches (submitted, not yet
 * completed when it was written) together with the down time's batches: distinct, sorted, before
 * the restart time. Batches are pending here because their jobs take virtual time (a cost).
 */
import * as fs from 'node:fs';
import { SparkContext, StreamingContext, TimelineDriver, withIsolatedJvm, type CostModel, type RDD, type SimEvent, type Time } from '../../src/index';
import { runDir, socketLines } from './checkpointHelpers';

let cwd: string;
beforeEach(() => (cwd = runDir()));
afterEach(() => fs.rmSync(cwd, { recursive: true, force: true }));

const lines = socketLines([[0.5, 'a'], [1.5, 'b'], [2.5, 'c'], [3.5, 'd']]);

async function run(startMs: number, untilMs: number, cost: CostModel): Promise<SimEvent[]> {
  return withIsolatedJvm({ cwd, clockStartMs: startMs, stdout: () => undefined, cost }, async (jvm) => {
    const driver = await TimelineDriver.attach(jvm, lines);
    try {
      const ssc = StreamingContext.getOrCreate('cp', () => {
        const s = new StreamingContext(new SparkContext({ master: 'local[2]', appName: 'pending', flavor: 'scala' }), 1);
        s.checkpoint('cp');
        s.socketTextStream('localhost', 9000).count().pprint();
        return s;
      });
      ssc.start();
      await ssc.awaitTerminationOrTimeout((untilMs - startMs) / 1000);
    } finally {
      await driver.close();
    }
    return [...jvm.log.events()];
  });
}

test('pending batches of the checkpoint are rescheduled with the down time, once each, in time order', async () => {
  // Each batch's job takes 2.5 s: at the crash (4.2 s) batch 1 s has completed (1.0–3.5 s), batch
  // 2 s runs (3.5–6.0 s), batches 3 s and 4 s wait. The last checkpoint (after batch 4 s was
  // generated, at 4 s) names 2 s, 3 s and 4 s pending.
  const first = await run(0, 4_200, { perOutput: 2.5 });
  const written = first.filter((e) => e.type === 'checkpointWritten');
  expect(written.at(-1)).toMatchObject({ checkpointTime: 4000 });
  // Spark sorts the pending times it reads (they are a set in its checkpoint): write them reversed.
  const file = `${cwd}/cp/checkpoint-4000`;
  const cp = JSON.parse(fs.readFileSync(file, 'utf8')) as { pendingTimesMs: number[] };
  expect(cp.pendingTimesMs).toEqual([2000, 3000, 4000]);
  fs.writeFileSync(file, JSON.stringify({ ...cp, pendingTimesMs: [4000, 2000, 3000] }));
  const second = await run(6_500, 7_000, {});
  expect(second.find((e) => e.type === 'batchesRescheduled')).toMatchObject({
    checkpointTime: 4000,
    restartTime: 7000,
    pendingTimes: [2000, 3000, 4000],
    downTimes: [4000, 5000, 6000],
    rescheduled: [2000, 3000, 4000, 5000, 6000],
  });
});

test('a stop from a rescheduled batch’s job ends the rescheduling: the later batches never run', async () => {
  await run(0, 4_200, { perOutput: 2.5 });
  const ran: number[] = [];
  const later = await withIsolatedJvm({ cwd, clockStartMs: 6_500, stdout: () => undefined }, async (jvm) => {
    const driver = await TimelineDriver.attach(jvm, lines);
    try {
      const ssc = StreamingContext.getOrCreate('cp', () => {
        const s = new StreamingContext(new SparkContext({ master: 'local[2]', appName: 'pending', flavor: 'scala' }), 1);
        s.checkpoint('cp');
        s.socketTextStream('localhost', 9000)
          .count()
          .foreachRDD((t: Time, _rdd: RDD<number>) => {
            ran.push(t.milliseconds);
            if (t.milliseconds === 3000) s.stop(false);
          });
        return s;
      });
      ssc.start();
      await ssc.awaitTerminationOrTimeout(1);
    } finally {
      await driver.close();
    }
    return jvm.log.events().flatMap((e) => ('batchTime' in e && typeof e.batchTime === 'number' && e.batchTime > 3000 ? [e.type] : []));
  });
  expect(ran).toEqual([2000, 3000]);
  expect(later).toEqual([]); // nothing of batches 4 s…6 s: not generated, not computed
});
