import * as fs from 'node:fs';
import * as path from 'node:path';
import { refuseUpdateUnderCi } from '../../scenario/golden';
import { findObsoleteGoldens, findScenarios } from '../../scenario/Scenario';
import { yieldToEventLoop } from '../signals';
import { paint, type Color } from '../style';
import { obsoleteMessage, renderReport, type Reporter } from '../test/report';
import { ScenarioPool } from '../../scenario/isolated/ScenarioPool';
import { failureDetails, passed, runHere, runRow, tableHeader, tableRow, type ScenarioRow, type ScenarioRunner } from '../test/rows';
import { filterByName, nameMatches, selectForUpdate } from '../test/select';
import { watchDirs } from '../test/watch';

/** Options of `dstream-sim test`. */
export interface TestCommandOptions {
  /**
   * Which goldens to write when missing or different: `'all'` every scenario found; `true` every
   * scenario under the paths given (refused without paths); a list of scenario names or paths.
   */
  update?: boolean | 'all' | readonly string[];
  /** Run only the scenarios whose name (directory name) matches one of these globs (`*`, `?`). */
  filter?: readonly string[];
  /** Also produce a machine-readable report: to `outputFile`, or to `out` (the table then goes to `err`). */
  reporter?: Reporter;
  /** Where the report goes (needs `reporter`). */
  outputFile?: string;
  /** After the first run, rerun the scenarios whose directories change, until `signal` aborts. */
  watch?: boolean;
  /** Ends `watch`. */
  signal?: AbortSignal;
  /** Quiet time after a change before the rerun (ms, default 100). */
  debounceMs?: number;
  /** `--color` (true) / `--no-color` (false); default: decided by NO_COLOR, FORCE_COLOR, terminal. */
  color?: boolean;
  /** Where to write (default stdout). */
  out?: (text: string) => void;
  /** Where the table goes when the report goes to `out` (default stderr). */
  err?: (text: string) => void;
  /** Treat as CI (default: the `CI` environment variable is set). */
  ci?: boolean;
  /** The directory paths and the default `scenarios` folder resolve against (default: the process's). */
  cwd?: string;
  /**
   * Run scenarios in worker threads, this many at once, each with a real-time budget
   * (`timeoutMs`); output and exit code are those of a run one after another. Only where the
   * compiled worker exists (the built CLI); otherwise scenarios run in this thread.
   */
  jobs?: number;
  /** Real-time budget of one scenario in a worker (ms, default 30 000). */
  timeoutMs?: number;
  /** Run only this share of the (filtered, sorted) scenarios: the i-th of n, 1-based (`--shard 2/4`). */
  shard?: Shard;
  /**
   * Write an HTML report per scenario into this directory (`<name>.html`, docs/report.md): a
   * failing one shows the golden against the actual transcript per batch, the first difference
   * marked. The reports need each run's event log, so scenarios then run in this thread.
   */
  report?: string;
}

/** One of n equal shares of a suite (as jest's and playwright's `--shard`). */
export interface Shard {
  index: number;
  total: number;
}

/** How one run over scenarios prints and what it may write. */
interface Cycle {
  say: (text: string) => void;
  /** Worker threads with a watchdog, when used. */
  pool: ScenarioPool | undefined;
  jobs: number;
  paint: (c: Color, t: string) => string;
  cwd: string;
  ci: boolean;
  toUpdate: ReadonlySet<string>;
  updating: boolean;
  /** Where the HTML reports go (`--report`). */
  reportDir: string | undefined;
}

/**
 * `dstream-sim test [paths…]`: run scenarios against their goldens; print the table's header, a
 * row as each scenario finishes, then what went wrong (the first differing batch with a unified
 * diff) and a summary; optionally write a JUnit or JSON report, or keep watching the scenarios
 * and rerun those that change. Returns the exit code (0 all passed, 1 some failed, 2 bad usage).
 */
export async function testCommand(paths: string[], opts: TestCommandOptions = {}): Promise<number> {
  const out = opts.out ?? ((t: string) => void process.stdout.write(t));
  const reportToOut = opts.reporter !== undefined && opts.outputFile === undefined;
  const say = reportToOut ? (opts.err ?? ((t: string) => void process.stderr.write(t))) : out;
  const stream = reportToOut ? process.stderr : process.stdout;
  const ci = opts.ci ?? process.env['CI'] !== undefined;
  const cwd = opts.cwd ?? process.cwd();
  const roots = (paths.length > 0 ? paths : ['scenarios']).map((p) => path.resolve(cwd, p));
  const update = opts.update === false ? undefined : opts.update;
  const usage = (message: string): number => {
    say(`dstream-sim test: ${message}\n`);
    return 2;
  };
  if (opts.outputFile !== undefined && opts.reporter === undefined) return usage('--output-file names where the report goes: add --reporter junit or --reporter json');
  if (opts.watch && opts.reporter !== undefined) return usage('--watch and --reporter do not mix (a report is for CI, watching is for a terminal); drop one');
  if (opts.watch && opts.report !== undefined) return usage('--watch and --report do not mix (reports are for CI, watching is for a terminal); drop one');
  if (update !== undefined && ci) return usage(`${refuseUpdateUnderCi({ CI: '1' })!.message}.`);
  if (update === true && paths.length === 0) {
    say('dstream-sim test --update: name the scenarios to update (--update <name>), or use --update=all.\n');
    return 2;
  }
  const found = findScenarios(roots);
  if (found.length === 0) {
    say(`dstream-sim test: no scenarios under ${roots.map((r) => path.relative(cwd, r) || '.').join(', ')} (a scenario is a directory with scenario.yaml).\n`);
    return 1;
  }
  const filtered = filterByName(found, opts.filter ?? []);
  if (!Array.isArray(filtered)) return usage(filtered.error);
  // Shards take every n-th scenario of the sorted list, so they stay even as scenarios are added.
  const dirs = opts.shard === undefined ? filtered : filtered.filter((_, i) => i % opts.shard!.total === opts.shard!.index - 1);
  const toUpdate = selectForUpdate(dirs, update, cwd);
  if (typeof toUpdate === 'string') {
    say(`dstream-sim test --update: ${toUpdate}\n`);
    return 2;
  }
  const obsolete = findObsoleteGoldens(roots)
    .filter((g) => nameMatches(path.dirname(g), opts.filter ?? []))
    .map((g) => path.relative(cwd, g) || g);
  const jobs = Math.max(1, opts.jobs ?? 1);
  const reportDir = opts.report !== undefined ? path.resolve(cwd, opts.report) : undefined;
  const pool = reportDir === undefined && opts.jobs !== undefined && ScenarioPool.available() ? new ScenarioPool({ workers: jobs, timeoutMs: opts.timeoutMs ?? 30_000 }) : undefined;
  const cycle: Cycle = { say, paint: (c, t) => paint(c, t, stream, opts.color), cwd, ci, toUpdate, updating: update !== undefined, pool, jobs, reportDir };
  try {
    return await runAndReport(dirs, cycle, obsolete, opts, out, usage);
  } finally {
    await pool?.close();
  }
}

async function runAndReport(
  dirs: readonly string[],
  cycle: Cycle,
  obsolete: readonly string[],
  opts: TestCommandOptions,
  out: (text: string) => void,
  usage: (message: string) => number,
): Promise<number> {
  const { cwd, ci } = cycle;
  const first = await runCycle(dirs, cycle, obsolete);
  if (opts.watch) return watch(dirs, cycle, first.code, opts);
  if (opts.reporter === undefined) return first.code;
  const report = renderReport(opts.reporter, { rows: first.rows, obsolete, ci });
  if (opts.outputFile === undefined) {
    out(report);
    return first.code;
  }
  const file = path.resolve(cwd, opts.outputFile);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, report);
  } catch (e) {
    return usage(`cannot write the ${opts.reporter} report to ${opts.outputFile} (${(e as Error).message}); give --output-file a writable path`);
  }
  return first.code;
}

/** Run scenarios one after another, printing the header, each row as it finishes, then the rest. */
async function runCycle(dirs: readonly string[], c: Cycle, obsolete: readonly string[]): Promise<{ rows: ScenarioRow[]; code: number }> {
  const width = Math.max(8, ...dirs.map((d) => (path.relative(c.cwd, d) || d).length));
  c.say(tableHeader(width));
  const rows: ScenarioRow[] = [];
  const pool = c.pool;
  const runner: ScenarioRunner = pool !== undefined ? (dir) => pool.run(dir) : runHere;
  // Up to `jobs` scenarios run at once; rows print in the scenarios' order, each as soon as it and
  // those before it are done, so the output is that of a run one after another.
  const pending = dirs.map(() => undefined as Promise<ScenarioRow> | undefined);
  const start = (i: number): Promise<ScenarioRow> => (pending[i] ??= runRow(dirs[i]!, c.toUpdate.has(dirs[i]!), c.cwd, runner, c.reportDir));
  for (let i = 0; i < dirs.length; i++) {
    await yieldToEventLoop(); // a Ctrl-C between scenarios is handled now, not after the last one
    for (let j = i; j < Math.min(dirs.length, i + c.jobs); j++) void start(j);
    const row = await start(i);
    rows.push(row);
    c.say(tableRow(row, width, c.paint));
  }
  c.say(failureDetails(rows, c.paint));
  for (const g of obsolete) {
    c.say(`\n${c.paint(c.ci ? 'red' : 'yellow', `${c.ci ? '✗' : '!'} obsolete golden`)}: ${obsoleteMessage(g)}\n`);
  }
  const numPassed = rows.filter(passed).length;
  const failed = rows.length - numPassed + (c.ci ? obsolete.length : 0);
  const written = c.updating ? ` (${rows.filter((r) => r.result === 'updated').length} goldens written)` : '';
  c.say(`\n${numPassed} passed, ${failed} failed${written}\n`);
  if (c.reportDir !== undefined) c.say(`reports: ${path.relative(c.cwd, c.reportDir) || '.'}/<scenario>.html (${rows.length})\n`);
  return { rows, code: failed === 0 ? 0 : 1 };
}

/** `--watch`: after the first run, rerun the scenarios whose directories change. Returns the last exit code. */
async function watch(dirs: readonly string[], c: Cycle, code: number, opts: TestCommandOptions): Promise<number> {
  const watching = (): void =>
    c.say(`\n${c.paint('cyan', `watching ${dirs.length} scenario${dirs.length === 1 ? '' : 's'} for changes`)} (Ctrl-C to stop)\n`);
  watching();
  let last = code;
  await watchDirs(
    dirs,
    async (changed) => {
      c.say(`\n${changed.length} changed: rerunning ${changed.map((d) => path.basename(d)).join(', ')}\n\n`);
      last = (await runCycle(changed, c, [])).code;
      watching();
    },
    { signal: opts.signal, debounceMs: opts.debounceMs },
  );
  return last;
}
