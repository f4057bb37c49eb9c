import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkGolden, describeGoldenOutcome, refuseUpdateUnderCi } from '../../scenario/golden';
import { findObsoleteGoldens, findScenarios, loadScenario } from '../../scenario/Scenario';
import { runScenario } from '../../scenario/runScenario';
import { paint } from '../style';

/** Options of `dstream-sim test`. */
export interface TestCommandOptions {
  /**
   * Which goldens to write when missing or different: `'all'` every scenario found; `true` every
   * scenario under the paths given (refused without paths); a list of scenario names or paths.
   */
  update?: boolean | 'all' | readonly string[];
  /** Where to write (default stdout). */
  out?: (text: string) => void;
  /** Treat as CI (default: the `CI` environment variable is set). */
  ci?: boolean;
  /** The directory paths and the default `scenarios` folder resolve against (default: the process's). */
  cwd?: string;
}

interface Row {
  name: string;
  batches: number;
  result: 'pass' | 'FAIL' | 'updated' | 'MISSING' | 'ERROR';
  ms: number;
  detail?: string;
}

/**
 * `dstream-sim test [paths…]`: run scenarios against their goldens; print a table and a summary;
 * on a mismatch show the first differing batch with a unified diff. Returns the exit code.
 */
export async function testCommand(paths: string[], opts: TestCommandOptions = {}): Promise<number> {
  const out = opts.out ?? ((t: string) => void process.stdout.write(t));
  const ci = opts.ci ?? process.env['CI'] !== undefined;
  const cwd = opts.cwd ?? process.cwd();
  const roots = (paths.length > 0 ? paths : ['scenarios']).map((p) => path.resolve(cwd, p));
  const update = opts.update === false ? undefined : opts.update;
  if (update !== undefined && ci) {
    out(`dstream-sim test: ${refuseUpdateUnderCi({ CI: '1' })!.message}.\n`);
    return 2;
  }
  if (update === true && paths.length === 0) {
    out('dstream-sim test --update: name the scenarios to update (--update <name>), or use --update=all.\n');
    return 2;
  }
  const dirs = findScenarios(roots);
  if (dirs.length === 0) {
    out(`dstream-sim test: no scenarios under ${roots.map((r) => path.relative(cwd, r) || '.').join(', ')} (a scenario is a directory with scenario.yaml).\n`);
    return 1;
  }
  const toUpdate = selectForUpdate(dirs, update, cwd);
  if (typeof toUpdate === 'string') {
    out(`dstream-sim test --update: ${toUpdate}\n`);
    return 2;
  }
  const rows: Row[] = [];
  for (const dir of dirs) rows.push(await runOne(dir, toUpdate.has(dir), cwd));
  const obsolete = findObsoleteGoldens(roots);
  const width = Math.max(8, ...rows.map((r) => r.name.length));
  out(`${'scenario'.padEnd(width)}  batches  result   time\n`);
  for (const r of rows) {
    const color = r.result === 'pass' || r.result === 'updated' ? 'green' : 'red';
    out(`${r.name.padEnd(width)}  ${String(r.batches).padStart(7)}  ${paint(color, r.result.padEnd(7))}  ${r.ms.toFixed(0).padStart(4)} ms\n`);
  }
  for (const r of rows) {
    if (r.detail === undefined) continue;
    out(`\n${paint('red', `✗ ${r.name}`)}: ${r.detail}\n`);
  }
  for (const g of obsolete) {
    out(`\n${paint(ci ? 'red' : 'yellow', `${ci ? '✗' : '!'} obsolete golden`)}: ${g} has no scenario.yaml beside it; delete it or restore the scenario\n`);
  }
  const failed = rows.filter((r) => r.result !== 'pass' && r.result !== 'updated').length + (ci ? obsolete.length : 0);
  const passed = rows.length - rows.filter((r) => r.result !== 'pass' && r.result !== 'updated').length;
  out(`\n${passed} passed, ${failed} failed${update !== undefined ? ` (${rows.filter((r) => r.result === 'updated').length} goldens written)` : ''}\n`);
  return failed === 0 ? 0 : 1;
}

/** The scenario directories whose goldens may be written, or an error message. */
function selectForUpdate(dirs: readonly string[], update: TestCommandOptions['update'], cwd: string): Set<string> | string {
  if (update === undefined || update === false) return new Set();
  if (update === 'all' || update === true) return new Set(dirs);
  const chosen = new Set<string>();
  for (const name of update) {
    const wanted = path.resolve(cwd, name);
    const hits = dirs.filter((d) => d === wanted || path.basename(d) === name);
    if (hits.length === 0) {
      return `no scenario named '${name}' among ${dirs.length} found (${dirs.map((d) => path.basename(d)).join(', ')})`;
    }
    hits.forEach((d) => chosen.add(d));
  }
  return chosen;
}

/** Run one scenario and check (or write) its golden. */
async function runOne(dir: string, update: boolean, cwd: string): Promise<Row> {
  const t0 = performance.now();
  const name = path.relative(cwd, dir) || dir;
  try {
    const scenario = loadScenario(dir);
    const run = await runScenario(scenario);
    const batches = run.batchTimes.length;
    const label = path.join(name, 'expected.golden');
    const outcome = checkGolden(scenario.golden, run.transcript, { update, label });
    const ms = performance.now() - t0;
    const result: Row['result'] = ({ pass: 'pass', updated: 'updated', missing: 'MISSING', fail: 'FAIL' } as const)[outcome.kind];
    const detail = outcome.kind === 'fail' || outcome.kind === 'missing' ? describeGoldenOutcome(outcome, label, scenario.name) : undefined;
    return { name, batches, result, ms, ...(detail !== undefined ? { detail } : {}) };
  } catch (e) {
    return { name, batches: 0, result: 'ERROR', ms: performance.now() - t0, detail: String(e instanceof Error ? `${e.name}: ${e.message}` : e) };
  }
}
