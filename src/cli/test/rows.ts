import * as fs from 'node:fs';
import * as path from 'node:path';
import { realStopwatch } from '../../util/Clock';
import { checkGolden, describeGoldenOutcome } from '../../scenario/golden';
import { loadScenario } from '../../scenario/Scenario';
import { runScenario } from '../../scenario/runScenario';
import type { Color } from '../style';
import { modelOfRun, writeReport } from '../../report/reportRun';
import { buildReportModel } from '../../report/model/buildReportModel';
import type { KeptEvents, ScenarioResult } from '../../scenario/runScenario';

/** What running one scenario against its golden gave: one row of the `dstream-sim test` table. */
export interface ScenarioRow {
  /** The scenario's directory, relative to the working directory. */
  name: string;
  batches: number;
  result: 'pass' | 'FAIL' | 'updated' | 'MISSING' | 'ERROR';
  /** Wall-clock duration (display only: it varies from run to run). */
  ms: number;
  /** Why it did not pass: the first line says what is wrong and what to do; a diff may follow. */
  detail?: string;
}

/** Whether a row counts as passed. */
export const passed = (r: ScenarioRow): boolean => r.result === 'pass' || r.result === 'updated';


/** What a scenario that could not run says: the error's name and message. */
export const errorText = (e: unknown): string => String(e instanceof Error ? `${e.name}: ${e.message}` : e);

/**
 * What a row needs of a run: its transcript and batch times (in this thread, or from a worker's);
 * a run in this thread gives its whole {@link ScenarioResult} (the event log `--report` draws).
 */
export type ScenarioRunner = (dir: string, keepEvents?: KeptEvents) => Promise<{ transcript: string; batchTimes: readonly number[] } | ScenarioResult>;

/** Runs in this thread (keeping the whole log when a report will draw it). */
export const runHere: ScenarioRunner = (dir, keepEvents) => runScenario(dir, keepEvents !== undefined ? { keepEvents } : {});

/**
 * Run one scenario and check (or, with `update`, write) its golden. Never throws. With
 * `reportDir`, also write its HTML report there (`<name>.html`): the run, and the golden against
 * the transcript, the first difference marked (needs a runner that hands over the result).
 */
export async function runRow(dir: string, update: boolean, cwd: string, runner: ScenarioRunner = runHere, reportDir?: string): Promise<ScenarioRow> {
  const elapsed = realStopwatch(); // the table's time column: display only
  const name = path.relative(cwd, dir) || dir;
  try {
    const scenario = loadScenario(dir);
    const run = await runner(dir, reportDir !== undefined ? 'all' : undefined);
    const label = path.join(name, 'expected.golden');
    const expected = reportDir !== undefined && fs.existsSync(scenario.golden) ? fs.readFileSync(scenario.golden, 'utf8') : undefined;
    const outcome = checkGolden(scenario.golden, run.transcript, { update, label });
    if (reportDir !== undefined && 'events' in run) {
      const golden = { label, expected: outcome.kind === 'updated' ? run.transcript : expected, actual: run.transcript };
      writeReport(path.join(reportDir, `${scenario.name}.html`), modelOfRun(run, golden));
    }
    const result = ({ pass: 'pass', updated: 'updated', missing: 'MISSING', fail: 'FAIL' } as const)[outcome.kind];
    const detail = outcome.kind === 'fail' || outcome.kind === 'missing' ? describeGoldenOutcome(outcome, label, scenario.name) : undefined;
    return { name, batches: run.batchTimes.length, result, ms: elapsed(), ...(detail !== undefined ? { detail } : {}) };
  } catch (e) {
    const detail = errorText(e);
    if (reportDir !== undefined) {
      writeReport(path.join(reportDir, `${path.basename(dir)}.html`), buildReportModel([], { title: path.basename(dir), description: `The scenario could not run: ${detail}` }));
    }
    return { name, batches: 0, result: 'ERROR', ms: elapsed(), detail };
  }
}

/** The table's first line; `width` is that of the longest scenario name. */
export function tableHeader(width: number): string {
  return `${'scenario'.padEnd(width)}  batches  result   time\n`;
}

/** One table line. */
export function tableRow(r: ScenarioRow, width: number, paint: (c: Color, t: string) => string): string {
  const result = paint(passed(r) ? 'green' : 'red', r.result.padEnd(7));
  return `${r.name.padEnd(width)}  ${String(r.batches).padStart(7)}  ${result}  ${r.ms.toFixed(0).padStart(4)} ms\n`;
}

/** What went wrong, scenario by scenario, after the table. */
export function failureDetails(rows: readonly ScenarioRow[], paint: (c: Color, t: string) => string): string {
  return rows
    .filter((r) => r.detail !== undefined)
    .map((r) => `\n${paint('red', `✗ ${r.name}`)}: ${r.detail}\n`)
    .join('');
}
