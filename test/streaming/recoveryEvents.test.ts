/**
 * What a recovery reports (`contextRecovered`): the file it read and, per stream, the batches
 * whose RDDs (a state stream's checkpointed state) and whose file lists (a file stream's
 * remembered batches, Spark's `FileInputDStreamCheckpointData`) the checkpoint brought back.
 */
import * as fs from 'node:fs';
import { SparkContext, StreamingContext, TimelineDriver, timeline, withIsolatedJvm, type SimEvent, type Timeline } from '../../src/index';
import { runDir, socketLines, wordCountProcess } from './checkpointHelpers';

let cwd: string;
beforeEach(() => (cwd = runDir()));
afterEach(() => fs.rmSync(cwd, { recursive: true, force: true }));

const recovered = (events: readonly SimEvent[]): unknown => events.find((e) => e.type === 'contextRecovered');

test('a state stream: the checkpointed state RDD (every 10 s), nothing for the socket input', async () => {
  const lines = socketLines([[0.5, 'a b'], [12.5, 'c']]);
  await wordCountProcess(cwd, lines, 0, 11_000);
  const second = await wordCountProcess(cwd, lines, 11_500, 12_000);
  expect(recovered(second.events)).toMatchObject({
    directory: 'cp',
    file: 'checkpoint-11000',
    checkpointTime: 11_000,
    restored: [{ stream: 'updateStateByKey [3]', rddTimes: [10_000], fileTimes: [] }],
  });
});

test('a file stream: the batches whose file lists it remembers', async () => {
  const files: Timeline = timeline().directory('in', 'in').file(0.5, 'in', 'a.txt', 'a\n').file(1.5, 'in', 'b.txt', 'b\n').file(2.5, 'in', 'c.txt', 'c\n').build();
  const run = (startMs: number, untilMs: number): Promise<SimEvent[]> =>
    withIsolatedJvm({ cwd, clockStartMs: startMs, stdout: () => undefined }, async (jvm) => {
      const driver = await TimelineDriver.attach(jvm, files);
      try {
        const ssc = StreamingContext.getOrCreate('cp', () => {
          const s = new StreamingContext(new SparkContext({ master: 'local[2]', appName: 'files' }), 1);
          s.checkpoint('cp');
          s.textFileStream('in').count().pprint();
          return s;
        });
        ssc.start();
        await ssc.awaitTerminationOrTimeout((untilMs - startMs) / 1000);
        ssc.stop();
      } finally {
        await driver.close();
      }
      return [...jvm.log.events()];
    });
  await run(0, 3_000);
  const r = recovered(await run(3_500, 4_000)) as { restored: { stream: string; rddTimes: number[]; fileTimes: number[] }[] };
  expect(r.restored).toHaveLength(1);
  expect(r.restored[0]).toMatchObject({ stream: 'textFileStream [0]', rddTimes: [] });
  expect(r.restored[0]!.fileTimes).toEqual([1000, 2000, 3000]);
});
