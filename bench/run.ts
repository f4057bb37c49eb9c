/**
 * `npm run bench`: the figures the issues ask for, on the virtual clock. Not a test: timings
 * vary by machine; the targets are printed next to the figures.
 *
 *   (parts 1, 2 and 4 — issue 5's empty batches, word count and inverse window — are now part 6's
 *   a, b and e, with stricter targets)
 * Part 6 runs first (the engine's figures in a fresh process), then 3, then 5.
 *
 *   3. heap after 10k vs 100k batches of a windowed word count with state (target: flat)
 *   5. PySpark programs: Python start-up, each scenarios/py-* (target ≤ 150 ms), word count
 *      through Python lambdas vs a plain Python loop (target ≤ 3×); see bench/python.ts
 *   6. the engine at scale (issue 12): the harness beside the fake-timers floor, word count vs a
 *      hand loop at 10^3 … 10^6 words, state and window costs by size, 10^5-event timelines;
 *      see bench/scale.ts
 */
import { performance } from 'node:perf_hooks';
import { pythonBench } from './python';
import { quietContext, quietly, scaleBench, words } from './scale';
import type { Pair, RDD, Time } from '../src/index';

const gc = (globalThis as { gc?: () => void }).gc;
const line = (s = ''): void => console.log(s);
const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function windowedStateHeap(checkpoints: number[]): Promise<number[]> {
  return quietly(async () => {
    const ssc = quietContext();
    ssc.checkpoint('bench-checkpoint');
    const pairs = ssc
      .queueStream<string>([[]])
      .transform((time: Time, rdd: RDD<string>) => rdd.context.parallelize(words(time.milliseconds, 10, 50)))
      .map((w): Pair<string, number> => [w, 1]);
    pairs.reduceByKeyAndWindow((a, b) => a + b, (a, b) => a - b, 30, 2).foreachRDD((rdd) => void rdd.count());
    pairs.updateStateByKey((vs: number[], s: number | undefined) => (s ?? 0) + vs.length).foreachRDD((rdd) => void rdd.count());
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

/** How long each part took (wall seconds): the bench's own budget is a minute. */
const parts: string[] = [];
let partStart = performance.now();
const began = partStart;
function took(part: string): void {
  const now = performance.now();
  parts.push(`${part} ${fmt((now - partStart) / 1000, 1)} s`);
  partStart = now;
}

async function main(): Promise<void> {
  line(`dstream-sim bench — node ${process.version}${gc ? '' : ' (run with --expose-gc for heap figures)'}`);
  line();

  // Part 6 first: its per-batch figures are the engine's in a fresh process, before parts 3 and 5
  // leave a large heap behind (a later run pays for collecting it).
  await scaleBench(line, fmt, took);
  line();

  if (gc) {
    const [h10k, h100k] = await windowedStateHeap([10_000, 100_000]);
    const growth = (h100k! - h10k!) / 1024 / 1024;
    line('3. Heap of a windowed word count with state (reduceByKeyAndWindow with inverse + updateStateByKey; 10 words a batch over 50 keys)');
    line(`   after 10k batches ${fmt(h10k! / 1024 / 1024, 1)} MiB, after 100k batches ${fmt(h100k! / 1024 / 1024, 1)} MiB (Δ ${fmt(growth, 1)} MiB)`);
    line(`   target flat (Δ < 5 MiB): ${Math.abs(growth) < 5 ? 'met' : 'MISSED'}`);
  } else {
    line('3. Heap figures skipped: run with node --expose-gc (npm run bench does)');
  }
  took('3');
  line();

  await pythonBench(line, fmt);
  took('5');
  line();
  const total = (performance.now() - began) / 1000;
  line(`The bench took ${fmt(total)} s (target ≤ 60 s: ${total <= 60 ? 'met' : 'MISSED'}): ${parts.join(', ')}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
