/**
 * A checkpoint cuts the lineage (Spark: `RDD.doCheckpoint` forgets the dependencies), so a long
 * windowed or stateful stream with checkpoints holds a bounded heap: the RDDs of earlier batches
 * can be collected. Measured after full collections (`--expose-gc` set for this file); a leak of
 * one RDD chain link per batch grows the heap by megabytes over these 1,000 batches.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { SparkContext, StreamingContext, withIsolatedJvm, type Pair, type RDD, type Time } from '../../../src/index';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** The heap (MiB) after the current job has ended and two full collections. */
async function heapMiB(): Promise<number> {
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

test.each([
  ['reduceByKeyAndWindow with an inverse', 'window', 'scala'],
  ['reduceByKeyAndWindow with an inverse', 'window', 'pyspark'],
  ['updateStateByKey', 'state', 'scala'],
  ['updateStateByKey', 'state', 'pyspark'],
] as const)('%s (%s, %s flavor) with checkpoints: the heap does not grow with the batches', async (_, kind, flavor) => {
  await withIsolatedJvm({ stdout: () => undefined, eventLogCapacity: 0 }, async () => {
    const sc = new SparkContext({ master: 'local[2]', appName: 'lineage', flavor });
    const ssc = new StreamingContext(sc, 1);
    ssc.checkpoint('checkpoints');
    const pairs = ssc
      .queueStream<string>([[]])
      .transform((time: Time, rdd: RDD<string>) => rdd.context.parallelize(Array.from({ length: 10 }, (__, i) => `k${(time.milliseconds / 1000 + i * 7) % 50}`)))
      .map((w): Pair<string, number> => [w, 1]);
    const out =
      kind === 'window'
        ? pairs.reduceByKeyAndWindow((a, b) => a + b, (a, b) => a - b, 30, 2)
        : pairs.updateStateByKey((vs: number[], s: number | undefined) => (s ?? 0) + vs.length);
    let total = 0;
    out.foreachRDD((rdd: RDD<Pair<string, number>>) => void (total = rdd.map(([, n]) => n).reduce((a, b) => a + b)));
    ssc.start();
    await ssc.awaitTerminationOrTimeout(200);
    const before = await heapMiB();
    await ssc.awaitTerminationOrTimeout(1000);
    const after = await heapMiB();
    ssc.stop();
    expect(total).toBeGreaterThan(0);
    expect(after - before).toBeLessThan(2);
  });
  // About 0.25 s; under Stryker's instrumentation on a busy machine it has taken over 5 s.
}, 60_000);
