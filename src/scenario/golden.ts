import * as fs from 'node:fs';
import * as path from 'node:path';
import { SimulationError } from '../errors';
import { compareGolden, type GoldenMismatch } from './goldenDiff';

/**
 * What checking a transcript against its golden file found: it matches, it differs (with the
 * first differing batch and a diff), there is no golden, or the golden was (re)written.
 */
export type GoldenOutcome =
  | { kind: 'pass' }
  | { kind: 'fail'; mismatch: GoldenMismatch }
  | { kind: 'missing' }
  | { kind: 'updated'; was: 'missing' | 'different' };

/** Options of {@link checkGolden}. */
export interface GoldenCheckOptions {
  /** Write the golden when it is missing or differs (never rewrites an equal one). */
  update: boolean;
  /** How the golden is named in diffs and messages (default: its path). */
  label?: string;
}

/**
 * The one golden mechanism, used by `dstream-sim test` and the `toMatchGolden` matcher: compare
 * `actual` with the golden file; with `update`, write it when missing or different, as a plain
 * file inside its own directory (a symlink that leads out of the directory is refused).
 */
export function checkGolden(goldenPath: string, actual: string, opts: GoldenCheckOptions): GoldenOutcome {
  const label = opts.label ?? goldenPath;
  const exists = fs.existsSync(goldenPath);
  if (exists) {
    const mismatch = compareGolden(fs.readFileSync(goldenPath, 'utf8'), actual, label);
    if (mismatch === undefined) return { kind: 'pass' };
    if (!opts.update) return { kind: 'fail', mismatch };
  } else if (!opts.update) {
    return { kind: 'missing' };
  }
  writeGolden(goldenPath, actual, label);
  return { kind: 'updated', was: exists ? 'different' : 'missing' };
}

/** The update switch: `UPDATE_GOLDEN=1` in the environment (the CLI's `--update` sets it per scenario). */
export function updateRequestedByEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['UPDATE_GOLDEN'] === '1';
}

/** Goldens are never written under CI: the error to give when an update is asked for there. */
export function refuseUpdateUnderCi(env: NodeJS.ProcessEnv = process.env): SimulationError | undefined {
  if (env['CI'] === undefined) return undefined;
  return new SimulationError(
    'refusing to write goldens while CI is set; update them locally, review the diff and commit them',
    'GOLDEN_UPDATE_IN_CI',
  );
}

/** The one advice text for a missing or differing golden. */
export function goldenAdvice(scenarioName: string): string {
  return `review the actual output, then update the golden: dstream-sim test --update ${scenarioName} (or UPDATE_GOLDEN=1 npx jest)`;
}

/** A one-paragraph description of an outcome, for the CLI and the matcher. */
export function describeGoldenOutcome(outcome: GoldenOutcome, goldenLabel: string, scenarioName: string): string {
  switch (outcome.kind) {
    case 'pass':
      return `${goldenLabel} matches`;
    case 'updated':
      return `${goldenLabel} ${outcome.was === 'missing' ? 'written' : 'rewritten'}`;
    case 'missing':
      return `no golden at ${goldenLabel}: ${goldenAdvice(scenarioName)}`;
    case 'fail':
      return `first difference in ${outcome.mismatch.where} (line ${outcome.mismatch.line}); ${goldenAdvice(scenarioName)}\n${outcome.mismatch.diff}`;
  }
}

function writeGolden(goldenPath: string, text: string, label: string): void {
  const dir = fs.realpathSync(path.dirname(path.resolve(goldenPath)));
  let target = path.join(dir, path.basename(goldenPath));
  if (fs.existsSync(target) && fs.lstatSync(target).isSymbolicLink()) {
    const real = fs.realpathSync(target);
    if (path.dirname(real) !== dir) {
      throw new SimulationError(
        `${label} is a symlink to ${real}, outside its scenario directory; dstream-sim writes goldens only inside the scenario directory. Replace the link with a file.`,
        'GOLDEN_OUTSIDE_SCENARIO',
      );
    }
    target = real;
  }
  fs.writeFileSync(target, text);
}
