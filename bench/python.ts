/**
 * `npm run bench`, part 5: PySpark programs in a real CPython (issue 10's figures).
 *
 *   a. Python start-up: a program that only makes a SparkContext, run as a scenario
 *   b. each bundled `scenarios/py-*` scenario, start-up included (target ≤ 150 ms each)
 *   c. word count over 10^5 words per batch through PySpark lambdas on the engine vs the same
 *      count as a plain loop in the same Python process (target ≤ 3×)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { findPython } from '../src/python/findPython';
import { runScenario } from '../src/index';

type Line = (s?: string) => void;
type Fmt = (n: number, digits?: number) => string;

const REPO = path.resolve(__dirname, '..', '..');

async function timed(dir: string, args?: string[], mayFail = false): Promise<{ ms: number; printed: string[] }> {
  const t0 = performance.now();
  const r = await runScenario(dir, args === undefined ? {} : { args });
  const ms = performance.now() - t0;
  const failed = r.events.find((e) => e.type === 'programFailed');
  if (failed !== undefined && !mayFail) throw new Error(`${dir}: the program failed: ${failed.errorName}: ${failed.message}`);
  return { ms, printed: r.events.flatMap((e) => (e.type === 'programOutput' ? [e.text] : [])) };
}

function scenarioDir(program: string, until: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-bench-'));
  fs.writeFileSync(path.join(dir, 'program.py'), program);
  fs.writeFileSync(path.join(dir, 'scenario.yaml'), `program: program.py\nuntil: ${until}\n`);
  return dir;
}

async function best(times: number, fn: () => Promise<number>): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < times; i++) min = Math.min(min, await fn());
  return min;
}

/** The Python section of the bench, or one line saying why it is skipped. */
export async function pythonBench(line: Line, fmt: Fmt): Promise<void> {
  let python: string;
  try {
    python = findPython();
  } catch {
    line('5. Python figures skipped: no python3 found (put CPython ≥ 3.9 on the PATH or set DSTREAM_SIM_PYTHON)');
    return;
  }
  line(`5. PySpark programs in a real CPython (${python})`);
  const empty = scenarioDir('from pyspark import SparkContext\nsc = SparkContext(appName="bench")\n', 1);
  const first = (await timed(empty)).ms;
  const startup = await best(5, async () => (await timed(empty)).ms);
  line(`   a. start-up (a program that makes a SparkContext): ${fmt(startup, 1)} ms (first run ${fmt(first, 1)} ms)`);

  const scenarios = fs
    .readdirSync(path.join(REPO, 'scenarios'))
    .filter((n) => n.startsWith('py-'))
    .sort();
  line(`   b. each scenarios/py-* run (best of 3, start-up included)   target ≤ 150 ms each`);
  let worst = 0;
  for (const name of scenarios) {
    const dir = path.join(REPO, 'scenarios', name);
    const ms = await best(3, async () => (await timed(dir, undefined, true)).ms);
    worst = Math.max(worst, ms);
    line(`      ${name.padEnd(32)} ${fmt(ms, 1).padStart(7)} ms   ${ms <= 150 ? 'met' : 'MISSED'}`);
  }
  line(`      slowest ${fmt(worst, 1)} ms: ${worst <= 150 ? 'met' : 'MISSED'}`);

  const wc = scenarioDir(fs.readFileSync(path.join(REPO, 'bench', 'py', 'wordcount.py'), 'utf8'), 100);
  const batches = 5;
  const words = 100_000;
  let engine = Infinity;
  let loop = Infinity;
  let parallelize = Infinity;
  for (let i = 0; i < 3; i++) {
    const [e, l, p] = (await timed(wc, [String(batches), String(words)])).printed[0]!.split(' ').map(Number);
    engine = Math.min(engine, e!);
    loop = Math.min(loop, l!);
    parallelize = Math.min(parallelize, p!);
  }
  const ratio = engine / loop;
  line(`   c. word count, ${fmt(words)} words per batch × ${batches} batches (flatMap → map → reduceByKey(add) → collect)`);
  line(
    `      engine ${fmt((batches * words) / (engine / 1000))} words/s (${fmt(engine / batches, 1)} ms/batch), plain Python loop ${fmt((batches * words) / (loop / 1000))} words/s (${fmt(loop / batches, 1)} ms/batch)`,
  );
  line(`      (making the ${batches} input RDDs with sc.parallelize: ${fmt(parallelize / batches, 1)} ms/batch, not counted)`);
  line(`      ratio ${fmt(ratio, 2)}×   target ≤ 3×: ${ratio <= 3 ? 'met' : 'MISSED'}`);
}
