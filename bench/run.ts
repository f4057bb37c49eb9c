/**
 * `npm run bench`: the figures the issues ask for, on the virtual clock. Not a test: timings
 * vary by machine; the targets are printed next to the figures.
 *
 *   1. per-batch overhead of a 3-operator pipeline on empty batches (target ≥ 20,000 batches/s)
 *   2. word count (flatMap → map → reduceByKey) records/s vs a hand-written loop (target ≤ 3×)
 *   3. heap after 10k vs 100k batches of a windowed word count with state (target: flat)
 *   4. reduceByKeyAndWindow with an inverse, window 10 vs 100 batches (target: no growth with w)
 *   5. PySpark programs: Python start-up, each scenarios/py-* (target ≤ 150 ms), word count
 *      through Python lambdas vs a plain Python loop (target ≤ 3×); see bench/python.ts
 *   6. the engine at scale (issue 12): the harness beside the fake-timers floor, word count vs a
 *      hand loop at 10^3 … 10^6 words, state and window costs by size, 10^5-event timelines;
 *      see bench/scale.ts
 */
import { performance } from 'node:perf_hooks';
import { pythonBench } from './python';
import { scaleBench } from './scale';
import { SparkContext, StreamingContext, withIsolatedJvm, type Flavor, type Pair, type RDD, type Time } from '../src/index';

const gc = (globalThis as { gc?: () => void }).gc;
const line = (s = ''): void => console.log(s);
const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A seeded generator of words (never Math.random: the bench is deterministic too). */
function wordsFor(seed: number, count: number, vocabulary: number): string[] {
  let x = (seed * 2654435761) >>> 0 || 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out.push(`w${x % vocabulary}`);
  }
  return out;
}

/** A fresh simulated JVM that keeps no event log (long runs keep memory flat). */
async function quietly<R>(fn: () => Promise<R>): Promise<R> {
  return withIsolatedJvm({ stdout: () => undefined, eventLogCapacity: 0 }, fn);
}

function context(flavor: Flavor = 'pyspark', batch = 1): StreamingContext {
  const sc = new SparkContext({ master: 'local[2]', appName: 'bench', flavor });
  const ssc = new StreamingContext(sc, batch);
  ssc.inspect({ inputs: false });
  return ssc;
}

async function emptyBatches(n: number): Promise<number> {
  return quietly(async () => {
    const ssc = context();
    ssc
      .queueStream<number>([[]])
      .map((x) => x + 1)
      .filter((x) => x > 0)
      .map((x) => x * 2)
      .foreachRDD((rdd) => void rdd.count());
    ssc.start();
    await ssc.awaitTerminationOrTimeout(1000); // warm-up
    const t0 = performance.now();
    await ssc.awaitTerminationOrTimeout(n);
    const ms = performance.now() - t0;
    ssc.stop();
    return n / (ms / 1000);
  });
}

async function wordCountEngine(batches: string[][]): Promise<number> {
  return quietly(async () => {
    const ssc = context();
    let checksum = 0;
    ssc
      .queueStream<string>(batches)
      .flatMap((l) => l.split(' '))
      .map((w): Pair<string, number> => [w, 1])
      .reduceByKey((a, b) => a + b)
      .foreachRDD((rdd) => {
        for (const [, c] of rdd.collect()) checksum += c;
      });
    ssc.start();
    const t0 = performance.now();
    await ssc.awaitTerminationOrTimeout(batches.length);
    const ms = performance.now() - t0;
    ssc.stop();
    if (checksum === 0) throw new Error('word count produced nothing');
    return ms;
  });
}

function wordCountByHand(batches: string[][]): number {
  const t0 = performance.now();
  let checksum = 0;
  for (const lines of batches) {
    const counts = new Map<string, number>();
    for (const l of lines) for (const w of l.split(' ')) counts.set(w, (counts.get(w) ?? 0) + 1);
    for (const [, c] of counts) checksum += c;
  }
  if (checksum === 0) throw new Error('hand loop produced nothing');
  return performance.now() - t0;
}

async function windowedStateHeap(checkpoints: number[]): Promise<number[]> {
  return quietly(async () => {
    const ssc = context();
    ssc.checkpoint('bench-checkpoint');
    const words = ssc
      .queueStream<string>([[]])
      .transform((time: Time, rdd: RDD<string>) => rdd.context.parallelize(wordsFor(time.milliseconds, 100, 500)))
      .map((w): Pair<string, number> => [w, 1]);
    words.reduceByKeyAndWindow((a, b) => a + b, (a, b) => a - b, 30, 2).foreachRDD((rdd) => void rdd.count());
    words.updateStateByKey((vs: number[], s: number | undefined) => (s ?? 0) + vs.length).foreachRDD((rdd) => void rdd.count());
    ssc.start();
    const heaps: number[] = [];
    let done = 0;
    for (const target of checkpoints) {
      await ssc.awaitTerminationOrTimeout(target - done);
      done = target;
      gc?.();
      gc?.();
      heaps.push(process.memoryUsage().heapUsed);
    }
    ssc.stop();
    return heaps;
  });
}

async function inverseWindowCost(windowBatches: number, flavor: Flavor, measured: number): Promise<number> {
  return quietly(async () => {
    const ssc = context(flavor);
    ssc.checkpoint('bench-checkpoint');
    ssc
      .queueStream<string>([[]])
      .transform((time: Time, rdd: RDD<string>) => rdd.context.parallelize(wordsFor(time.milliseconds, 200, 100)))
      .map((w): Pair<string, number> => [w, 1])
      .reduceByKeyAndWindow((a, b) => a + b, (a, b) => a - b, windowBatches, 1)
      .foreachRDD((rdd) => void rdd.count());
    ssc.start();
    await ssc.awaitTerminationOrTimeout(windowBatches + 200); // fill the window, warm up
    const t0 = performance.now();
    await ssc.awaitTerminationOrTimeout(measured);
    const ms = performance.now() - t0;
    ssc.stop();
    return (ms * 1000) / measured;
  });
}

async function main(): Promise<void> {
  line(`dstream-sim bench — node ${process.version}${gc ? '' : ' (run with --expose-gc for heap figures)'}`);
  line();

  const rates = [await emptyBatches(100_000), await emptyBatches(100_000)];
  const rate = Math.max(...rates);
  line('1. Empty batches, queueStream → map → filter → map → foreachRDD(count)');
  line(`   ${fmt(rate)} batches/s (${fmt(1e6 / rate, 1)} µs per batch)   target ≥ 20,000: ${rate >= 20_000 ? 'met' : 'MISSED'}`);
  line();

  const batches = Array.from({ length: 100 }, (_, b) =>
    Array.from({ length: 2000 }, (_, i) => wordsFor(b * 100_000 + i + 1, 8, 1000).join(' ')),
  );
  const records = batches.length * 2000 * 8;
  const engine = Math.min(await wordCountEngine(batches), await wordCountEngine(batches), await wordCountEngine(batches));
  const hand = Math.min(wordCountByHand(batches), wordCountByHand(batches), wordCountByHand(batches));
  const ratio = engine / hand;
  line(`2. Word count, ${fmt(records)} words in 100 batches (flatMap → map → reduceByKey → collect)`);
  line(`   engine ${fmt(records / (engine / 1000))} records/s, hand-written loop ${fmt(records / (hand / 1000))} records/s`);
  line(`   ratio ${fmt(ratio, 2)}×   target ≤ 3×: ${ratio <= 3 ? 'met' : 'MISSED'}`);
  line();

  if (gc) {
    const [h10k, h100k] = await windowedStateHeap([10_000, 100_000]);
    const growth = (h100k! - h10k!) / 1024 / 1024;
    line('3. Heap of a windowed word count with state (reduceByKeyAndWindow with inverse + updateStateByKey)');
    line(`   after 10k batches ${fmt(h10k! / 1024 / 1024, 1)} MiB, after 100k batches ${fmt(h100k! / 1024 / 1024, 1)} MiB (Δ ${fmt(growth, 1)} MiB)`);
    line(`   target flat (Δ < 5 MiB): ${Math.abs(growth) < 5 ? 'met' : 'MISSED'}`);
  } else {
    line('3. Heap figures skipped: run with node --expose-gc (npm run bench does)');
  }
  line();

  line('4. reduceByKeyAndWindow with inverse, slide = 1 batch, 200 words per batch');
  for (const flavor of ['scala', 'pyspark'] as const) {
    const w10 = await inverseWindowCost(10, flavor, 2000);
    const w100 = await inverseWindowCost(100, flavor, 2000);
    const growth = w100 / w10;
    line(
      `   ${flavor.padEnd(7)} w = 10: ${fmt(w10, 1)} µs/batch, w = 100: ${fmt(w100, 1)} µs/batch, ratio ${fmt(growth, 2)}   target ≈ 1 (< 1.5): ${growth < 1.5 ? 'met' : 'MISSED'}`,
    );
  }
  line();

  await pythonBench(line, fmt);
  line();

  await scaleBench(line, fmt);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
