import fc from 'fast-check';
import { SimulationError } from '../errors';
import { loadScenario, type Scenario } from '../scenario/Scenario';
import { runScenario } from '../scenario/runScenario';
import { loadTimeline } from '../timeline/loadTimeline';
import type { Timeline } from '../timeline/Timeline';
import { toScenarioRun, type ScenarioProperty } from './scenarioRun';
import { timelines } from './timelines';

/** Where a check is: trying generated timelines, or shrinking a failing one. */
export interface CheckProgress {
  phase: 'run' | 'shrink';
  /** Timelines tried in this phase so far. */
  done: number;
  /** Timelines to try (the run phase), undefined while shrinking. */
  total: number | undefined;
}

/** Options of {@link checkScenario}. */
export interface CheckScenarioOptions {
  /** The property (default: the same timeline gives the same transcript, run twice). */
  property?: ScenarioProperty;
  /** Default 1: the same timelines on every run. */
  seed?: number;
  /** Timelines to try (default 50). */
  numRuns?: number;
  /** Most batch intervals with arrivals (default: as many as the run lasts, at most 6). */
  maxBatches?: number;
  /** Called after each timeline tried. */
  progress?: (p: CheckProgress) => void;
}

/** What {@link checkScenario} found. */
export interface CheckScenarioResult {
  passed: boolean;
  scenario: Scenario;
  seed: number;
  numRuns: number;
  numShrinks: number;
  /** The smallest failing timeline. */
  counterexample?: Timeline;
  /** Why it failed: the property's error or `false`. */
  message?: string;
}

/** The default property: two runs on the same timeline give the same transcript. */
async function sameTranscript(scenario: Scenario, t: Timeline, first: string): Promise<void> {
  const again = await runScenario(scenario, { timeline: t });
  if (again.transcript !== first) throw new Error('two runs on the same timeline gave different transcripts');
}

/**
 * Run a scenario's program against timelines generated from the scenario's timeline as a
 * template (the same sources, random events in the same batch length) and check a property of
 * each run; a failure is shrunk (fewer batches, emptied and merged batches, earlier events,
 * smaller lines) to the smallest timeline that still fails. The engine of `dstream-sim check`.
 */
export async function checkScenario(dir: string, opts: CheckScenarioOptions = {}): Promise<CheckScenarioResult> {
  const scenario = loadScenario(dir);
  if (scenario.timeline === undefined) {
    throw new SimulationError(`${dir}: check needs a scenario with a timeline (its sources are the template of the generated ones); add one with a socket, directory or queue source`, 'CHECK_NO_TIMELINE');
  }
  const template = loadTimeline(scenario.timeline);
  if (template.sources.length === 0) throw new SimulationError(`${scenario.timeline}: the timeline declares no sources to generate events for`, 'CHECK_NO_TIMELINE');
  const first = await runScenario(scenario);
  const created = first.events.find((e) => e.type === 'contextCreated');
  if (created === undefined || created.type !== 'contextCreated') {
    throw new SimulationError(`${dir}: the program created no StreamingContext, so there is no batch length to place events on`, 'CHECK_NO_CONTEXT');
  }
  const batchMs = created.batchDurationMs;
  const horizonBatches = scenario.batches ?? Math.floor(((scenario.until ?? 0) * 1000) / batchMs);
  const maxBatches = Math.max(1, Math.min(opts.maxBatches ?? 6, horizonBatches));
  const arb = timelines({ sources: template.sources, batchSeconds: batchMs / 1000 }, { maxBatches });
  const seed = opts.seed ?? 1;
  const numRuns = opts.numRuns ?? 50;
  let failing = false;
  let done = 0;
  const property = fc.asyncProperty(arb, async (t) => {
    done++;
    try {
      const r = await runScenario(scenario, { timeline: t });
      if (opts.property === undefined) await sameTranscript(scenario, t, r.transcript);
      else if ((await opts.property(toScenarioRun(t, r))) === false) throw new Error('the property returned false');
    } catch (e) {
      if (!failing) done = 0;
      failing = true;
      throw e;
    } finally {
      opts.progress?.({ phase: failing ? 'shrink' : 'run', done, total: failing ? undefined : numRuns });
    }
  });
  const r = await fc.check(property, { seed, numRuns });
  const result: CheckScenarioResult = { passed: !r.failed, scenario, seed, numRuns: r.numRuns, numShrinks: r.numShrinks };
  if (r.failed && r.counterexample !== null) {
    result.counterexample = r.counterexample[0];
    result.message = r.errorInstance instanceof Error ? r.errorInstance.message : String(r.errorInstance);
  }
  return result;
}
