import * as path from 'node:path';
import * as propertyModule from '../../property/index';
import { checkScenario, type CheckProgress } from '../../property/checkScenario';
import { loadPropertyFile } from '../../property/loadPropertyFile';
import { printTimeline } from '../../property/printTimeline';
import { saveScenario } from '../../property/saveScenario';
import type { ScenarioProperty } from '../../property/scenarioRun';
import { DStreamSimError } from '../../errors';

/** Options of `dstream-sim check`. */
export interface CheckCommandOptions {
  /** The property file (default: the same timeline gives the same transcript). */
  property?: string;
  /** Timelines to try (default 50). */
  runs?: number;
  /** Seed of the generated timelines (default 1). */
  seed?: number;
  /** Most batch intervals with arrivals. */
  maxBatches?: number;
  /** Save the shrunk counterexample as a scenario directory here. */
  saveCounterexample?: string;
  out?: (text: string) => void;
  cwd?: string;
}

/** A progress line every tenth of the runs, and while shrinking every 10 timelines tried. */
function progressPrinter(say: (t: string) => void): (p: CheckProgress) => void {
  let lastPhase = 'run';
  return (p) => {
    if (p.phase !== lastPhase) say('failed; shrinking to the smallest failing timeline\n');
    lastPhase = p.phase;
    if (p.phase === 'run' && p.total !== undefined && (p.done % Math.max(1, Math.floor(p.total / 10)) === 0 || p.done === p.total)) {
      say(`  ${p.done}/${p.total} timelines\n`);
    } else if (p.phase === 'shrink' && p.done > 0 && p.done % 10 === 0) {
      say(`  ${p.done} smaller timelines tried\n`);
    }
  };
}

/**
 * `dstream-sim check <scenario> [--property file]`: run the scenario's program on timelines
 * generated from its timeline (same sources, random events), check the property on each run,
 * and on a failure print the smallest failing timeline in the timeline format (and save it as a
 * scenario with `--save-counterexample`). Returns 0 when every run passed, 1 on a
 * counterexample, 2 on bad usage.
 */
export async function checkCommand(dir: string, opts: CheckCommandOptions = {}): Promise<number> {
  const say = opts.out ?? ((t: string) => void process.stdout.write(t));
  const cwd = opts.cwd ?? process.cwd();
  let property: ScenarioProperty | undefined;
  try {
    if (opts.property !== undefined) property = loadPropertyFile(path.resolve(cwd, opts.property), propertyModule as unknown as Record<string, unknown>);
  } catch (e) {
    say(`dstream-sim check: ${(e as Error).message}\n`);
    return 2;
  }
  const what = opts.property !== undefined ? `the property in ${opts.property}` : 'the same timeline gives the same transcript';
  const seed = opts.seed ?? 1;
  say(`checking ${dir}: ${what} (seed ${seed})\n`);
  let result;
  try {
    result = await checkScenario(path.resolve(cwd, dir), { property, seed, numRuns: opts.runs, maxBatches: opts.maxBatches, progress: progressPrinter(say) });
  } catch (e) {
    if (!(e instanceof DStreamSimError)) throw e;
    say(`dstream-sim check: ${e.message}\n`);
    return 2;
  }
  if (result.passed) {
    say(`passed: ${result.numRuns} timelines\n`);
    return 0;
  }
  const t = result.counterexample!;
  say(`\nfailed after ${result.numShrinks} shrinks: ${result.message}\n\nsmallest failing timeline (timeline.yaml):\n${printTimeline(t)}`);
  if (opts.saveCounterexample !== undefined) {
    const target = path.resolve(cwd, opts.saveCounterexample);
    saveScenario(
      target,
      result.scenario,
      t,
      `Counterexample found by dstream-sim check (seed ${seed}) for ${result.scenario.name}: ${what}.\n${result.message ?? ''}`.trim(),
    );
    say(`\nsaved as a scenario: ${path.relative(cwd, target) || '.'} (dstream-sim run/step it; dstream-sim test ${path.relative(cwd, target) || '.'} --update records its golden)\n`);
  }
  return 1;
}
