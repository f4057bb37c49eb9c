import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { SimulationError } from '../errors';
import type { InspectionOptions } from '../streaming/StreamingContext';

/**
 * A bundled or user scenario: a directory with `scenario.yaml`, the program, an optional
 * timeline and the golden transcript `expected.golden`.
 *
 * ```yaml
 * description: One paragraph saying what the scenario shows.
 * program: program.ts        # default program.ts
 * timeline: timeline.yaml    # optional
 * until: 9                   # seconds of virtual time to run (or batches: N)
 * inspect: { windows: true, state: true }   # optional: what the golden also shows
 * timeZone: UTC              # optional (PySpark prints local times)
 * ```
 */
export interface Scenario {
  name: string;
  dir: string;
  description: string;
  program: string;
  timeline: string | undefined;
  until: number | undefined;
  batches: number | undefined;
  inspect: InspectionOptions;
  timeZone: string;
  golden: string;
}

const FIELDS = ['description', 'program', 'timeline', 'until', 'batches', 'inspect', 'timeZone'];

/** Read `dir/scenario.yaml`. Errors name the file and the field. */
export function loadScenario(dir: string): Scenario {
  const file = path.join(dir, 'scenario.yaml');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new SimulationError(`${file}: no scenario here (a scenario directory has a scenario.yaml)`, 'SCENARIO_INVALID');
  }
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new SimulationError(`${file}: ${doc.errors[0]!.message.split('\n')[0]}`, 'SCENARIO_INVALID');
  const v = (doc.toJSON() ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(v)) {
    if (!FIELDS.includes(k)) throw new SimulationError(`${file}: unknown field '${k}' (expected ${FIELDS.join(', ')})`, 'SCENARIO_INVALID');
  }
  const num = (k: string): number | undefined => {
    const x = v[k];
    if (x === undefined) return undefined;
    if (typeof x !== 'number' || !(x >= 0)) throw new SimulationError(`${file}: ${k} must be a number ≥ 0`, 'SCENARIO_INVALID');
    return x;
  };
  const until = num('until');
  const batches = num('batches');
  if (until === undefined && batches === undefined) {
    throw new SimulationError(`${file}: say how long to run: until (seconds) or batches`, 'SCENARIO_INVALID');
  }
  return {
    name: path.basename(path.resolve(dir)),
    dir: path.resolve(dir),
    description: typeof v['description'] === 'string' ? v['description'].trim() : '',
    program: path.resolve(dir, typeof v['program'] === 'string' ? v['program'] : 'program.ts'),
    timeline: typeof v['timeline'] === 'string' ? path.resolve(dir, v['timeline']) : undefined,
    until,
    batches,
    inspect: (v['inspect'] ?? {}) as InspectionOptions,
    timeZone: typeof v['timeZone'] === 'string' ? v['timeZone'] : 'UTC',
    golden: path.join(path.resolve(dir), 'expected.golden'),
  };
}

/** Every scenario directory under the given paths (a path may itself be a scenario), sorted. */
export function findScenarios(paths: readonly string[]): string[] {
  const found = new Set<string>();
  const walk = (p: string): void => {
    if (!fs.existsSync(p) || !fs.statSync(p).isDirectory()) return;
    if (fs.existsSync(path.join(p, 'scenario.yaml'))) {
      found.add(path.resolve(p));
      return;
    }
    for (const e of fs.readdirSync(p).sort()) if (!e.startsWith('.') && e !== 'node_modules') walk(path.join(p, e));
  };
  for (const p of paths) walk(p);
  return [...found].sort();
}

/** Golden files with no scenario beside them (obsolete). */
export function findObsoleteGoldens(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string): void => {
    if (!fs.existsSync(p) || !fs.statSync(p).isDirectory()) return;
    const golden = path.join(p, 'expected.golden');
    if (fs.existsSync(golden) && !fs.existsSync(path.join(p, 'scenario.yaml'))) out.push(golden);
    for (const e of fs.readdirSync(p).sort()) if (!e.startsWith('.') && e !== 'node_modules') walk(path.join(p, e));
  };
  for (const p of paths) walk(p);
  return out;
}
