import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { SimulationError } from '../errors';
import type { InspectionOptions } from '../streaming/StreamingContext';
import { parseStartDate } from '../util/startDate';
import type { CostModel } from '../env/CostModel';

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
 * startDate: 2026-01-01T00:00:00Z   # optional: the virtual clock starts here (default: the epoch)
 * cost: { perBatch: 1.5 }    # optional: how long jobs take, in seconds (docs/processing-time.md)
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
  /** The virtual start date as written (ISO-8601 with an offset); none: the clock starts at 0. */
  startDate?: string;
  /** How long jobs take (seconds of virtual time); none: no time. */
  cost?: CostModel;
  golden: string;
}

const FIELDS = ['description', 'program', 'timeline', 'until', 'batches', 'inspect', 'timeZone', 'startDate', 'cost'];

/** The `inspect` keys a scenario may set: those of {@link InspectionOptions} (checked by the compiler). */
const INSPECT_KEYS: Record<keyof InspectionOptions, true> = { inputs: true, streams: true, windows: true, state: true, delays: true, checkpoints: true };

/** The `cost` keys a scenario may set (a cost function is for TypeScript harness runs only). */
const COST_KEYS = ['perBatch', 'perRecord', 'perOutput', 'perStream'];

/**
 * Read `dir/scenario.yaml`. Errors name the file, the line and the field, and say what to write
 * instead; a scenario that loads names a program and a timeline that exist.
 */
export function loadScenario(dir: string): Scenario {
  const file = path.join(dir, 'scenario.yaml');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new SimulationError(`${file}: no scenario here (a scenario directory has a scenario.yaml)`, 'SCENARIO_INVALID');
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const fail = (line: number | undefined, message: string): never => {
    throw new SimulationError(`${file}${line !== undefined ? `:${line}` : ''}: ${message}`, 'SCENARIO_INVALID');
  };
  const lineOf = (n: unknown): number | undefined => {
    const range = (n as Node | null | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  if (doc.errors.length > 0) fail(doc.errors[0]!.linePos?.[0].line, doc.errors[0]!.message.split('\n')[0]!);
  const root = doc.contents;
  if (root !== null && !isMap(root)) fail(lineOf(root), `a scenario is a map of fields (${FIELDS.join(', ')})`);
  /** Line of each field's key, and of each key of a nested map, as `field` / `field.key`. */
  const lines = new Map<string, number | undefined>();
  const keysOf = (map: YAMLMap, prefix: string): void => {
    for (const pair of map.items) lines.set(prefix + String(isScalar(pair.key) ? pair.key.value : pair.key), lineOf(pair.key));
  };
  if (isMap(root)) {
    keysOf(root, '');
    const inspect = root.get('inspect', true);
    if (isMap(inspect)) keysOf(inspect, 'inspect.');
    const cost = root.get('cost', true);
    if (isMap(cost)) {
      keysOf(cost, 'cost.');
      const perStream = cost.get('perStream', true);
      if (isMap(perStream)) keysOf(perStream, 'cost.perStream.');
    }
  }
  const v = (doc.toJSON() ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(v)) {
    if (!FIELDS.includes(k)) fail(lines.get(k), `unknown field '${k}' (expected ${FIELDS.join(', ')})`);
  }
  const num = (k: string): number | undefined => {
    const x = v[k];
    if (x === undefined) return undefined;
    if (typeof x !== 'number' || !(x >= 0)) fail(lines.get(k), `${k}: must be a number ≥ 0`);
    return x as number;
  };
  const until = num('until');
  const batches = num('batches');
  if (until === undefined && batches === undefined) fail(undefined, 'say how long to run: until (seconds) or batches');
  const str = (k: string, what: string): string | undefined => {
    const x = v[k];
    if (x !== undefined && typeof x !== 'string') fail(lines.get(k), `${k}: must be a string (${what}), not ${JSON.stringify(x)}`);
    return x as string | undefined;
  };
  const existing = (k: string, name: string, isDefault = false): string => {
    const p = path.resolve(dir, name);
    if (!fs.statSync(p, { throwIfNoEntry: false })?.isFile()) {
      fail(lines.get(k), `${k}: '${name}'${isDefault ? ' (the default)' : ''} does not exist (paths are relative to the scenario's directory); create it or fix the name`);
    }
    return p;
  };
  const description = str('description', 'a paragraph of text');
  const programName = str('program', 'a file name, e.g. program.ts');
  const timelineName = str('timeline', 'a file name, e.g. timeline.yaml');
  const timeZone = str('timeZone', 'an IANA time zone name, e.g. UTC') ?? 'UTC';
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
  } catch {
    fail(lines.get('timeZone'), `timeZone: '${timeZone}' is not a time zone; use an IANA name such as UTC or Europe/Paris`);
  }
  const startDate = str('startDate', 'an ISO-8601 date-time, e.g. 2026-01-01T00:00:00Z');
  const start = startDate !== undefined ? parseStartDate(startDate) : undefined;
  if (start !== undefined && 'error' in start) fail(lines.get('startDate'), `startDate: ${start.error}`);
  return {
    name: path.basename(path.resolve(dir)),
    dir: path.resolve(dir),
    description: description?.trim() ?? '',
    program: existing('program', programName ?? 'program.ts', programName === undefined),
    timeline: timelineName !== undefined ? existing('timeline', timelineName) : undefined,
    until,
    batches,
    inspect: inspectOptions(v['inspect'], lines, fail),
    timeZone,
    ...(startDate !== undefined ? { startDate } : {}),
    ...(v['cost'] !== undefined ? { cost: costModel(v['cost'], lines, fail) } : {}),
    golden: path.join(path.resolve(dir), 'expected.golden'),
  };
}

/** Check the `inspect` field: a map of {@link INSPECT_KEYS}, booleans except `streams` ('all' or 'none'). */
function inspectOptions(
  x: unknown,
  lines: ReadonlyMap<string, number | undefined>,
  fail: (line: number | undefined, message: string) => never,
): InspectionOptions {
  if (x === undefined) return {};
  const expected = Object.keys(INSPECT_KEYS).join(', ');
  if (x === null || typeof x !== 'object' || Array.isArray(x)) {
    fail(lines.get('inspect'), `inspect: a map of what the golden also shows (${expected}), e.g. { windows: true, state: true }`);
  }
  for (const [k, value] of Object.entries(x as Record<string, unknown>)) {
    const line = lines.get(`inspect.${k}`);
    if (!Object.hasOwn(INSPECT_KEYS, k)) fail(line, `inspect.${k}: unknown (expected ${expected})`);
    if (k === 'streams') {
      if (value !== 'all' && value !== 'none') fail(line, `inspect.streams: must be 'all' or 'none', not ${JSON.stringify(value)}`);
    } else if (typeof value !== 'boolean') {
      fail(line, `inspect.${k}: must be true or false, not ${JSON.stringify(value)}`);
    }
  }
  return x as InspectionOptions;
}

/** Check the `cost` field: seconds ≥ 0 for `perBatch`, `perRecord`, `perOutput`, and per stream name. */
function costModel(x: unknown, lines: ReadonlyMap<string, number | undefined>, fail: (line: number | undefined, message: string) => never): CostModel {
  const example = 'e.g. { perBatch: 1.5 } or { perRecord: 0.001, perStream: { "reduceByKey [3]": 0.2 } }';
  if (x === null || typeof x !== 'object' || Array.isArray(x)) fail(lines.get('cost'), `cost: a map of seconds (${COST_KEYS.join(', ')}), ${example}`);
  const seconds = (key: string, value: unknown): void => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      fail(lines.get(key), `${key}: must be a number of seconds ≥ 0, not ${JSON.stringify(value)}`);
    }
  };
  for (const [k, value] of Object.entries(x as Record<string, unknown>)) {
    if (!COST_KEYS.includes(k)) fail(lines.get(`cost.${k}`), `cost.${k}: unknown (expected ${COST_KEYS.join(', ')})`);
    if (k !== 'perStream') {
      seconds(`cost.${k}`, value);
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      fail(lines.get('cost.perStream'), `cost.perStream: a map of stream names (as the graph names them) to seconds, ${example}`);
    }
    for (const [name, s] of Object.entries(value as Record<string, unknown>)) seconds(`cost.perStream.${name}`, s);
  }
  return x as CostModel;
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
