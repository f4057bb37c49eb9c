import * as fs from 'node:fs';
import * as path from 'node:path';
import { SimulationError } from '../errors';
import { loadScenario, type Scenario } from '../scenario/Scenario';
import { runScenario, type ScenarioResult } from '../scenario/runScenario';
import { buildReportModel } from './model/buildReportModel';
import type { GoldenInput } from './model/goldenParts';
import type { ReportModel } from './model/types';
import { renderReportHtml } from './renderReportHtml';

/** What `dstream-sim report` runs: a scenario directory, or a program with a timeline and a length. */
export interface ReportTarget {
  /** A scenario directory (with scenario.yaml), or a `.ts` / `.js` / `.py` program. */
  path: string;
  /** The timeline, for a program (a scenario names its own). */
  timeline?: string;
  /** Seconds of virtual time to run (a scenario's own length otherwise). */
  until?: number;
  /** The Python that runs a `.py` program. */
  python?: string;
}

/** The scenario a report target stands for; errors say what to give. */
export function reportScenario(target: ReportTarget): Scenario {
  const p = path.resolve(target.path);
  if (fs.existsSync(p) && fs.statSync(p).isDirectory()) {
    const s = loadScenario(p);
    if (target.timeline !== undefined) return { ...s, timeline: path.resolve(target.timeline) };
    return s;
  }
  if (!fs.existsSync(p)) throw new SimulationError(`${target.path}: no such scenario directory or program`, 'REPORT_TARGET');
  if (target.until === undefined) throw new SimulationError(`${target.path}: say how long to run the program: --until <seconds>`, 'REPORT_TARGET');
  return {
    name: path.basename(p),
    dir: path.dirname(p),
    description: '',
    program: p,
    timeline: target.timeline !== undefined ? path.resolve(target.timeline) : undefined,
    until: target.until,
    batches: undefined,
    inspect: {},
    timeZone: 'UTC',
    golden: path.join(path.dirname(p), 'expected.golden'),
  };
}

/**
 * Run a target for its report: as written, recording everything the report can show (every
 * stream's RDDs, windows and state), and build the report's view model from the event log.
 */
export async function runForReport(target: ReportTarget): Promise<{ result: ScenarioResult; model: ReportModel }> {
  const scenario = reportScenario(target);
  const result = await runScenario(scenario, {
    inspect: { inputs: true, streams: 'all', windows: true, state: true },
    keepEvents: 'all',
    ...(target.until !== undefined ? { until: target.until } : {}),
    ...(target.python !== undefined ? { python: target.python } : {}),
  });
  return { result, model: modelOfRun(result) };
}

/** The view model of a finished run (and, for a test, of its golden against its transcript). */
export function modelOfRun(result: ScenarioResult, golden?: GoldenInput): ReportModel {
  const header = result.transcript.split('\n')[0]?.replace(/^# /, '') ?? '';
  return buildReportModel(result.events, {
    title: result.scenario.name,
    description: result.scenario.description.trim(),
    header,
    originMs: result.originMs,
    ...(golden !== undefined ? { golden } : {}),
  });
}

/** Write a report file (its directory is made when missing). */
export function writeReport(file: string, model: ReportModel): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, renderReportHtml(model));
}
