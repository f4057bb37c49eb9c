import { renderTranscript } from '../../scenario/transcript';
import * as path from 'node:path';
import type { Jvm } from '../../env/Jvm';
import type { SimEvent } from '../../events/SimEvent';
import type { Scenario } from '../../scenario/Scenario';
import { checkProgramTypes } from '../../scenario/loadProgram';
import { trackProgress } from '../../scenario/isolated/progress';
import { runScenario } from '../../scenario/runScenario';
import { parseStartDate } from '../../util/startDate';
import { eventToJson } from '../../views/eventJson';
import { inspectionPrinter } from '../inspectionPrinter';
import { inspectionFor, type InspectKind } from '../options';

/** Options of `dstream-sim run`. */
export interface RunCommandOptions {
  timeline?: string;
  until?: number;
  batches?: number;
  transcript?: boolean;
  timeZone?: string;
  /** Type-check the program first; on type errors print them and do not run. */
  typecheck?: boolean;
  /** The virtual start date, ISO-8601 with an offset (`2026-01-01T00:00:00Z`); default the epoch. */
  start?: string;
  /** Record and show these: in the transcript with `transcript`, else beside the program's output. */
  inspect?: readonly InspectKind[];
  /** `json`: print the event log as JSON lines (one event a line, in order) instead of the output. */
  events?: 'json';
  out?: (text: string) => void;
  /** Where errors go (default stderr). */
  err?: (text: string) => void;
  /** Where the run is, for a watchdog on another thread (see scenario/isolated/progress.ts). */
  progress?: { buffer: Float64Array; onOutputs: (names: string[]) => void };
  /** The program's arguments (`sys.argv[1:]` of a `.py` program). */
  args?: string[];
  /** The Python that runs a `.py` program. */
  python?: string;
}

/**
 * `dstream-sim run program.ts --timeline t.yaml --until 30`: run a program as written on the
 * virtual clock and print what it prints (pprint blocks exactly as PySpark prints them) — with
 * `--inspect`, also what the inspection recorded, in the transcript's words — or the golden
 * transcript with `--transcript`, or the event log with `--events json`; `--typecheck`
 * type-checks it first. Returns the exit code.
 */
export async function runCommand(program: string, opts: RunCommandOptions = {}): Promise<number> {
  const out = opts.out ?? ((t: string) => void process.stdout.write(t));
  const usage = refuseUsage(opts);
  if (usage !== undefined) {
    out(`dstream-sim run: ${usage}\n`);
    return 2;
  }
  const dir = path.dirname(path.resolve(program));
  if (opts.typecheck && !program.endsWith('.py')) {
    const errors = checkProgramTypes(path.resolve(program));
    if (errors.length > 0) {
      (opts.err ?? ((t: string) => void process.stderr.write(t)))(`${errors.join('\n')}\ndstream-sim run: ${errors.length} type error${errors.length > 1 ? 's' : ''}; the program did not run\n`);
      return 1;
    }
  }
  const scenario: Scenario = {
    name: path.basename(program),
    dir,
    description: '',
    program: path.resolve(program),
    timeline: opts.timeline !== undefined ? path.resolve(opts.timeline) : undefined,
    until: opts.until,
    batches: opts.batches,
    inspect: inspectionFor(opts.inspect ?? []),
    timeZone: opts.timeZone ?? 'UTC',
    ...(opts.start !== undefined ? { startDate: opts.start } : {}),
    golden: path.join(dir, 'expected.golden'),
  };
  const onJvm = (jvm: Jvm): void => {
    if (opts.progress !== undefined) trackProgress(jvm, opts.progress.buffer, opts.progress.onOutputs);
    if (opts.events === 'json') {
      const print = (e: SimEvent): void => out(`${eventToJson(e)}\n`);
      jvm.log.events().forEach(print);
      jvm.log.subscribe(print);
    } else if (!opts.transcript && opts.inspect !== undefined && opts.inspect.length > 0) {
      jvm.log.subscribe(inspectionPrinter(opts.inspect, jvm.startMs, out));
    }
    if (!opts.transcript && opts.events === undefined) {
      // A crash and a recovery are shown between the program's output, in the transcript's words.
      jvm.log.subscribe((e) => out(renderTranscript([e], [], { originMs: jvm.startMs })), ['driverCrashed', 'driverRestarted', 'contextRecovered', 'batchesRescheduled']);
    }
    jvm.log.subscribe((e) => void (failed ??= e), ['programFailed']);
  };
  let failed: SimEvent | undefined;
  // Without --transcript or --events nothing needs the log afterwards: the run keeps none (flat memory).
  const keepEvents = opts.events !== undefined ? 'all' : opts.transcript === true ? 'shown' : 'none';
  const result = await runScenario(scenario, { onJvm, keepEvents, args: opts.args, python: opts.python, ...(opts.transcript || opts.events ? {} : { echo: out }) });
  if (opts.transcript) out(result.transcript);
  if (failed && failed.type === 'programFailed') {
    const where = failed.where !== undefined ? `\n  at ${failed.where}${failed.frame ? `\n${failed.frame.replace(/^/gm, '  ')}` : ''}` : '';
    (opts.err ?? ((t: string) => void process.stderr.write(t)))(`dstream-sim run: the program failed: ${failed.errorName}: ${failed.message}${where}\n`);
    return 1;
  }
  return 0;
}

/** What is wrong with the options, if anything (each message says what to write). */
function refuseUsage(opts: RunCommandOptions): string | undefined {
  if (opts.until === undefined && opts.batches === undefined) return 'say how long to run: --until <seconds> or --batches <n>';
  if (opts.transcript && opts.events !== undefined) return '--transcript and --events both print to stdout; choose one';
  if (opts.start !== undefined) {
    const r = parseStartDate(opts.start);
    if ('error' in r) return `--start: ${r.error}`;
  }
  return undefined;
}
