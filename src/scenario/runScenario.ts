import * as path from 'node:path';
import { DriverCrash, withIsolatedJvm, type InspectionDefaults, type Jvm } from '../env/Jvm';
import { runUntil } from '../env/runUntil';
import type { SimEvent } from '../events/SimEvent';
import { loadTimeline } from '../timeline/loadTimeline';
import type { Timeline } from '../timeline/Timeline';
import { TimelineDriver } from '../timeline/TimelineDriver';
import { loadScenario, type Scenario } from './Scenario';
import { loadProgram, type ProgramModule } from './loadProgram';
import { ProgramConsole } from './ProgramConsole';
import { TranscriptRecorder } from './transcript';
import { LazyRunDir } from '../util/tempDirs';
import { watchForSilentRun } from './silentRun';
import { VirtualTime } from './virtualTime';
import { driveWhileSleeping } from './sleepDriver';
import * as programApi from '../api';
import type { PythonProcess } from '../python/PythonProcess';
import { runPythonProgram, startWaitingDriver } from '../python/runPythonProgram';
import type { CostModel } from '../env/CostModel';

/** What a scenario result keeps of the event log (see {@link RunScenarioOptions.keepEvents}). */
export type KeptEvents = 'shown' | 'all' | 'none';

/** What running a scenario produced. */
export interface ScenarioResult {
  scenario: Scenario;
  /** The golden transcript text (see docs/scenarios.md). */
  transcript: string;
  /** The event log: every event, or those the transcript shows (the default; see `keptEvents`). */
  events: SimEvent[];
  /** What `events` holds: `'shown'` (the default), `'all'`, or `'none'`. */
  keptEvents: KeptEvents;
  /** Everything the program's outputs printed (pprint), in order. */
  printed: string;
  /** Batch times that ran, in order (ms), over all contexts. */
  batchTimes: number[];
  /** The run's start (virtual ms): the transcript's times are ms since it. */
  originMs: number;
}

/** Options of {@link runScenario}. */
export interface RunScenarioOptions {
  /** Also write what the program prints (pprint and console) here, as it happens. */
  echo?: (text: string) => void;
  /** Override the scenario's run length (seconds of virtual time). */
  until?: number;
  /** Override: run this many batches of the first context. */
  batches?: number;
  /** Called with the JVM before the program runs (the stepper drives it). */
  onJvm?: (jvm: Jvm) => void | Promise<void>;
  /**
   * What the result keeps of the run's event log. `'shown'` (the default): the events its
   * transcript shows — lifecycle, inputs, windows, state, outputs, errors — not the scheduler's
   * per-batch bookkeeping (batch submitted/started/completed, output operation started/completed),
   * so a long run's memory grows with what it prints, not with its batches. `'all'`: every event
   * (reports, `toHaveSchedulingDelays`). `'none'`: nothing — `events` is empty and `transcript`
   * and `printed` are '' — for a run whose caller subscribes in `onJvm` (`dstream-sim run` does).
   */
  keepEvents?: KeptEvents;
  /** Record more than the scenario asks for (the stepper records everything). */
  inspect?: InspectionDefaults;
  /** The program's command-line arguments (`sys.argv[1:]` of a `.py` program). */
  args?: readonly string[];
  /** The Python that runs a `.py` program (else DSTREAM_SIM_PYTHON, else python3 on the PATH). */
  python?: string;
  /** How long jobs take (overrides the scenario's `cost`; a function form is allowed here). */
  cost?: CostModel;
  /** Play this timeline instead of the scenario's (`dstream-sim check` plays generated ones). */
  timeline?: Timeline;
  /** Permute, from this seed, where Spark promises no order (`dstream-sim test --adversarial-order`). */
  adversarialOrder?: number;
}

/**
 * Run a scenario (a directory with scenario.yaml, or a loaded {@link Scenario}): the program runs
 * as written in a fresh simulated JVM whose working directory is a new temporary directory (made
 * on first use, so a run that touches no file makes none, and removed when the run ends), with
 * the scenario's timeline playing, until the run horizon — there the active context is stopped
 * as Spark's shutdown hook would. A program that ends earlier ends the run (its active context
 * is stopped); an uncaught error is recorded and ends the run.
 */
export async function runScenario(dirOrScenario: string | Scenario, opts: RunScenarioOptions = {}): Promise<ScenarioResult> {
  const scenario = typeof dirOrScenario === 'string' ? loadScenario(dirOrScenario) : dirOrScenario;
  const timeline = opts.timeline ?? (scenario.timeline !== undefined ? loadTimeline(scenario.timeline) : undefined);
  // Made on first use (a file source, textFileStream, checkpoint, saveAsTextFiles, a Python driver's cwd).
  const runDir = new LazyRunDir();
  const printed: string[] = [];
  const kept = opts.keepEvents ?? 'shown';
  const keep = kept !== 'none';
  const until = opts.until ?? scenario.until;
  const inspect = { ...scenario.inspect, ...opts.inspect } as InspectionDefaults;
  const cost = opts.cost ?? scenario.cost;
  const batches = opts.batches ?? (opts.until !== undefined ? undefined : scenario.batches);
  try {
    return await withIsolatedJvm(
      {
        cwd: () => runDir.path,
        timeZone: scenario.timeZone,
        inspect,
        startDate: scenario.startDate,
        cost,
        adversarialOrder: opts.adversarialOrder,
        stdout: (t) => {
          if (keep) printed.push(t);
          opts.echo?.(t);
        },
        ...(kept === 'all' ? {} : { eventLogCapacity: 0 }),
      },
      async (jvm) => {
        if (batches === undefined && until !== undefined) jvm.horizonMs = jvm.startMs + Math.round(until * 1000);
        if (batches !== undefined) horizonAfterBatches(jvm, batches);
        const warnIfSilent = watchForSilentRun(jvm);
        const recorder = new TranscriptRecorder({ originMs: jvm.startMs, delays: inspect.delays === true, checkpoints: inspect.checkpoints === true });
        const batchTimes: number[] = [];
        if (keep) {
          jvm.log.subscribe((e) => {
            recorder.add(e);
            if (e.type !== 'batchSubmitted' && e.type !== 'inputDelivered') return;
            // In order but for a second context or a recovery's re-runs: the rare look back.
            const last = batchTimes.length > 0 ? batchTimes[batchTimes.length - 1]! : -Infinity;
            if (e.batchTime > last || (e.batchTime !== last && !batchTimes.includes(e.batchTime))) batchTimes.push(e.batchTime);
          });
        }
        const drivers: PythonDrivers = { crashesLeft: timeline?.events.filter((e) => e.kind === 'crash').length ?? 0 };
        const driver = timeline !== undefined ? await TimelineDriver.attach(jvm, timeline) : undefined;
        const programConsole = new ProgramConsole((text) => {
          if (jvm.rebuilding > 0) return; // getOrCreate's rebuild: Spark does not call the setup code
          jvm.log.emit({ type: 'programOutput', text });
          opts.echo?.(text + '\n');
        });
        try {
          await opts.onJvm?.(jvm);
          for (;;) {
            if (scenario.program.endsWith('.py')) await runPyProgram(jvm, scenario, opts, drivers);
            else await runTsProgram(jvm, scenario, programConsole);
            if (!(await restartAfterCrash(jvm))) break;
          }
          // The program ended: the driver process exits, and the shutdown hook stops the context.
          jvm.activeContext?.stopFromHorizon('exit');
          warnIfSilent(driver);
        } finally {
          await driver?.close();
          await drivers.waiting?.close(); // the run ended before the restart it was started for
        }
        // The header names files relative to the scenario, never its directory: a renamed or
        // copied scenario keeps its golden.
        const header = [
          `program: ${path.relative(scenario.dir, scenario.program)}${
            scenario.timeline ? `   timeline: ${path.relative(scenario.dir, scenario.timeline)}` : ''
          }   ${batches !== undefined ? `batches: ${batches}` : `until: ${until} s`}${scenario.startDate ? `   start: ${scenario.startDate}` : ''}${
            cost !== undefined ? `   cost: ${describeCost(cost)}` : ''
          }`,
        ];
        return {
          scenario,
          transcript: keep ? recorder.render(header) : '',
          events: kept === 'all' ? [...jvm.log.events()] : recorder.events(),
          keptEvents: kept,
          printed: printed.join(''),
          batchTimes,
          originMs: jvm.startMs,
        };
      },
    );
  } finally {
    runDir.release();
  }
}

/**
 * After a timeline `crash`: let time pass while the driver is down (the timeline goes on), then
 * start the driver process again (nothing in memory survives). False when there was no crash, or
 * the run ends before the restart time.
 */
async function restartAfterCrash(jvm: Jvm): Promise<boolean> {
  const crash = jvm.crashed;
  if (crash === undefined) return false;
  jvm.crashed = undefined;
  await runUntil(jvm, crash.restartAtMs, () => false, () => 'the driver is down', true);
  if (jvm.horizonMs !== undefined && jvm.clock.now() >= jvm.horizonMs) return false;
  jvm.restartProcess();
  jvm.log.emit({ type: 'driverRestarted' });
  return true;
}

/** The Python drivers of a run: the one started ahead for the next restart, and how many crashes remain. */
interface PythonDrivers {
  waiting?: PythonProcess;
  crashesLeft: number;
}

/**
 * A `.py` program in a real CPython; its uncaught exception becomes `programFailed`. When the
 * timeline crashes the driver later, the next driver is started now and waits
 * (`drivers.waiting`), so its start-up overlaps this run instead of following the crash.
 */
async function runPyProgram(jvm: Jvm, scenario: Scenario, opts: RunScenarioOptions, drivers: PythonDrivers): Promise<void> {
  // CPython needs a real working directory when it is spawned: a Python run makes its directory here.
  const python = { program: scenario.program, relativeTo: scenario.dir, args: opts.args, python: opts.python, cwd: jvm.cwd, timeZone: scenario.timeZone };
  const waiting = drivers.waiting;
  drivers.waiting = drivers.crashesLeft-- > 0 ? startWaitingDriver(python) : undefined;
  const end = await runPythonProgram(
    jvm,
    python,
    (line) => {
      if (jvm.rebuilding > 0) return; // getOrCreate's rebuild: PySpark does not call setupFunc
      jvm.log.emit({ type: 'programOutput', text: line });
      opts.echo?.(line + '\n');
    },
    waiting,
  );
  if (end.failed !== undefined) {
    const f = end.failed;
    jvm.log.emit({ type: 'programFailed', errorName: f.errorName, message: f.message, where: f.where, frame: f.frame });
  }
}

/** A `.ts`/`.js` program, bundled and run with virtual time; what it throws becomes `programFailed` at its own line. */
async function runTsProgram(jvm: Jvm, scenario: Scenario, programConsole: ProgramConsole): Promise<void> {
  let program: ProgramModule | undefined;
  let time: VirtualTime | undefined;
  try {
    program = loadProgram(scenario.program, { relativeTo: scenario.dir });
    jvm.locateUserCode = (e) => program?.locate(e);
    time = new VirtualTime(jvm);
    const running = program.run({ api: programApi as unknown as Record<string, unknown>, scope: { ...time.scope, console: programConsole } });
    await driveWhileSleeping(jvm, running, time);
  } catch (e) {
    if (e instanceof DriverCrash || jvm.crashed !== undefined) {
      time?.cancelAll(); // the dead program's timers never fire
      return;
    }
    const where = program?.locate(e);
    jvm.log.emit({
      type: 'programFailed',
      errorName: e instanceof Error ? e.name : typeof e,
      message: e instanceof Error ? e.message : String(e),
      where: where?.where,
      frame: where?.frame,
    });
  }
}

/** The cost model as the header shows it: `perBatch 1.5 s, perStream reduceByKey [3] 0.2 s`. */
function describeCost(cost: CostModel): string {
  const parts: string[] = [];
  for (const k of ['perBatch', 'perRecord', 'perOutput'] as const) if (cost[k] !== undefined) parts.push(`${k} ${cost[k]} s`);
  for (const [name, s] of Object.entries(cost.perStream ?? {})) parts.push(`perStream ${name} ${s} s`);
  if (cost.job !== undefined) parts.push('a cost function');
  return parts.join(', ');
}

/** `batches: N`: the run ends after the first context's N-th batch. */
function horizonAfterBatches(jvm: Jvm, n: number): void {
  let batchMs = 0;
  const off = jvm.log.subscribe((e) => {
    if (e.type === 'contextCreated' && batchMs === 0) batchMs = e.batchDurationMs;
    if (e.type === 'contextStarted') {
      jvm.horizonMs = e.zeroTimeMs + n * batchMs;
      off();
    }
  }, ['contextCreated', 'contextStarted']);
}
