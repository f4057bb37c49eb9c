import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { findObsoleteGoldens, findScenarios, loadScenario } from '../../scenario/Scenario';
import { compareGolden } from '../../scenario/goldenDiff';
import { runScenario } from '../../scenario/runScenario';
import { paint } from '../style';

/** Options of `dstream-sim test`. */
export interface TestCommandOptions {
  /** `true`: rewrite the goldens of the scenarios named; `'all'`: of every scenario found. */
  update?: boolean | 'all';
  /** Where to write (default stdout). */
  out?: (text: string) => void;
  /** Treat as CI (default: the `CI` environment variable is set). */
  ci?: boolean;
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
  const roots = paths.length > 0 ? paths : ['scenarios'];
  if (opts.update && ci) {
    out('dstream-sim test: refusing to write goldens while CI is set; update them locally and commit them.\n');
    return 2;
  }
  if (opts.update === true && paths.length === 0) {
    out('dstream-sim test --update: name the scenarios to update, or use --update=all.\n');
    return 2;
  }
  const dirs = findScenarios(roots);
  if (dirs.length === 0) {
    out(`dstream-sim test: no scenarios under ${roots.join(', ')} (a scenario is a directory with scenario.yaml).\n`);
    return 1;
  }
  const rows: Row[] = [];
  for (const dir of dirs) {
    const t0 = performance.now();
    let row: Row;
    try {
      const scenario = loadScenario(dir);
      const result = await runScenario(scenario);
      const ms = performance.now() - t0;
      const name = path.relative(process.cwd(), dir) || dir;
      if (opts.update) {
        fs.writeFileSync(scenario.golden, result.transcript);
        row = { name, batches: result.batchTimes.length, result: 'updated', ms };
      } else if (!fs.existsSync(scenario.golden)) {
        row = {
          name,
          batches: result.batchTimes.length,
          result: 'MISSING',
          ms,
          detail: `no expected.golden: review the output, then run dstream-sim test ${name} --update`,
        };
      } else {
        const mismatch = compareGolden(fs.readFileSync(scenario.golden, 'utf8'), result.transcript, path.join(name, 'expected.golden'));
        row = mismatch
          ? {
              name,
              batches: result.batchTimes.length,
              result: 'FAIL',
              ms,
              detail: `first difference in ${mismatch.where} (line ${mismatch.line})\n${mismatch.diff}`,
            }
          : { name, batches: result.batchTimes.length, result: 'pass', ms };
      }
    } catch (e) {
      row = { name: path.relative(process.cwd(), dir) || dir, batches: 0, result: 'ERROR', ms: performance.now() - t0, detail: String(e instanceof Error ? `${e.name}: ${e.message}` : e) };
    }
    rows.push(row);
  }
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
  out(`\n${passed} passed, ${failed} failed${opts.update ? ` (${rows.filter((r) => r.result === 'updated').length} goldens written)` : ''}\n`);
  return failed === 0 ? 0 : 1;
}
