import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Scenario } from '../scenario/Scenario';
import type { Timeline } from '../timeline/Timeline';
import { printTimeline } from './printTimeline';

/**
 * Save a counterexample as a ready-to-run scenario directory: the scenario's own files (its
 * program and the modules next to it; not its golden, timeline or scenario.yaml), the
 * counterexample as `timeline.yaml`, and a `scenario.yaml` that runs it as long as the original,
 * with the same inspection, cost, time zone and start date.
 * `dstream-sim run`/`step` work on it at once; `dstream-sim test <dir> --update` records its golden.
 */
export function saveScenario(dir: string, scenario: Scenario, timeline: Timeline, description: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const skip = new Set(['scenario.yaml', 'expected.golden', ...(scenario.timeline ? [path.basename(scenario.timeline)] : [])]);
  for (const entry of fs.readdirSync(scenario.dir, { withFileTypes: true })) {
    if (!entry.isFile() || skip.has(entry.name)) continue;
    fs.copyFileSync(path.join(scenario.dir, entry.name), path.join(dir, entry.name));
  }
  fs.writeFileSync(path.join(dir, 'timeline.yaml'), printTimeline(timeline));
  const length = scenario.batches !== undefined ? `batches: ${scenario.batches}` : `until: ${scenario.until}`;
  const lines = [
    'description: >',
    ...description.split('\n').map((l) => `  ${l}`),
    `program: ${path.relative(scenario.dir, scenario.program)}`,
    'timeline: timeline.yaml',
    length,
  ];
  if (Object.keys(scenario.inspect).length > 0) lines.push(`inspect: ${JSON.stringify(scenario.inspect)}`);
  if (scenario.cost !== undefined) lines.push(`cost: ${JSON.stringify(scenario.cost)}`);
  if (scenario.timeZone !== 'UTC') lines.push(`timeZone: ${scenario.timeZone}`);
  if (scenario.startDate !== undefined) lines.push(`startDate: ${scenario.startDate}`);
  fs.writeFileSync(path.join(dir, 'scenario.yaml'), lines.join('\n') + '\n');
}
