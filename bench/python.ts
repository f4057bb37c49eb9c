/**
 * `npm run bench`, part 5: PySpark programs in a real CPython (issue 10's figures).
 *
 *   a. Python start-up: a program that only makes a SparkContext, run as a scenario
 *   b. each bundled `scenarios/py-*` scenario, start-up included (target ≤ 150 ms each)
 *   c. word count over 10^5 records (lines of 8 words) per batch through PySpark lambdas on the
 *      engine vs the same count as a plain loop in the same Python process (target ≤ 3×); two
 *      harder shapes beside it (one-word records; 12,500 records = 10^5 words), and the same
 *      lambdas chained without the engine, so the engine's share is visible
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
  line(`   b. each scenarios/py-* run (best of 2, start-up included)   target ≤ 150 ms each`);
  let worst = 0;
  for (const name of scenarios) {
    const dir = path.join(REPO, 'scenarios', name);
    const ms = await best(2, async () => (await timed(dir, undefined, true)).ms);
    worst = Math.max(worst, ms);
    line(`      ${name.padEnd(32)} ${fmt(ms, 1).padStart(7)} ms   ${ms <= 150 ? 'met' : 'MISSED'}`);
  }
  line(`      slowest ${fmt(worst, 1)} ms: ${worst <= 150 ? 'met' : 'MISSED'}`);

  const wc = scenarioDir(fs.readFileSync(path.join(REPO, 'bench', 'py', 'wordcount.py'), 'utf8'), 100);
  line(`   c. word count (flatMap → map → reduceByKey(add) → collect) through PySpark lambdas on the engine`);
  line(`      vs a plain Python loop in the same process; "pipeline" = the same lambdas chained without the engine`);
  /** Each shape: batches, records (lines) per batch, words per line; only the first has the issue's target. */
  const shapes: { batches: number; lines: number; perLine: number; target: boolean }[] = [
    { batches: 3, lines: 100_000, perLine: 8, target: true },
    { batches: 5, lines: 100_000, perLine: 1, target: false },
    { batches: 5, lines: 12_500, perLine: 8, target: false },
  ];
  for (const shape of shapes) {
    let engine = Infinity;
    let loop = Infinity;
    let pipeline = Infinity;
    for (let i = 0; i < (shape.target ? 2 : 1); i++) {
      const [e, l, p] = (await timed(wc, [String(shape.batches), String(shape.lines), String(shape.perLine)])).printed[0]!
        .split(' ')
        .map(Number);
      engine = Math.min(engine, e!);
      loop = Math.min(loop, l!);
      pipeline = Math.min(pipeline, p!);
    }
    const ratio = engine / loop;
    const words = shape.lines * shape.perLine;
    line(
      `      ${fmt(shape.lines)} records of ${shape.perLine} word${shape.perLine > 1 ? 's' : ''} per batch: engine ${fmt(engine / shape.batches, 1)} ms/batch (${fmt((shape.batches * words) / (engine / 1000))} words/s), loop ${fmt(loop / shape.batches, 1)} ms/batch, pipeline ${fmt(pipeline / shape.batches, 1)} ms/batch`,
    );
    line(
      `         engine/loop ${fmt(ratio, 2)}×${shape.target ? `   target ≤ 3× (10^5 records per batch): ${ratio <= 3 ? 'met' : 'MISSED'}` : ''}   (pipeline/loop ${fmt(pipeline / loop, 2)}×: the lambdas' own cost)`,
    );
  }
}
