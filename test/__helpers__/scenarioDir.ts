import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The files of a scenario made for one test (program.ts, scenario.yaml, optional timeline.yaml). */
export interface ScenarioFiles {
  program: string;
  yaml: string;
  timeline?: string;
  /** Other files, by path relative to the scenario directory. */
  extra?: Record<string, string>;
}

/** Write a scenario into a fresh temporary directory named `name`; returns the directory. */
export function makeScenario(name: string, files: ScenarioFiles): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-test-'));
  const dir = path.join(root, name);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'program.ts'), files.program);
  fs.writeFileSync(path.join(dir, 'scenario.yaml'), files.yaml);
  if (files.timeline !== undefined) fs.writeFileSync(path.join(dir, 'timeline.yaml'), files.timeline);
  for (const [rel, text] of Object.entries(files.extra ?? {})) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}
