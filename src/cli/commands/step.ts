import * as readline from 'node:readline';
import type { Jvm } from '../../env/Jvm';
import { Stepper } from '../../env/Stepper';
import { loadScenario } from '../../scenario/Scenario';
import { runScenario } from '../../scenario/runScenario';
import { renderTranscript } from '../../scenario/transcript';
import { latestGraph, renderGraph } from '../../views/graph';
import { eventToJson } from '../../views/eventJson';
import { describeStream, explainLastRefusal } from '../../views/streams';
import { describeDelays } from '../../views/delays';
import { parseStartDate } from '../../util/startDate';

const HELP = `commands:
  next | n | (empty)   run to the next batch
  run <seconds>        run this much virtual time
  until <seconds>      run to this virtual time (seconds since the run's start)
  rdd <stream>         the RDD a stream generated at the last batch (name or id)
  window <stream>      which batches and records the window held at the last batch
  state <stream>       the state table after the last batch
  graph                the DStream graph
  delays               each batch's scheduling, processing and total delay (queued, running, done)
  why                  why the last refused call was refused
  events [n]           the last n events (default 10)
  help                 this text
  quit | q             stop and leave
`;

/** Options of `dstream-sim step`. */
export interface StepCommandOptions {
  input?: NodeJS.ReadableStream;
  out?: (text: string) => void;
  /** Show a prompt (a terminal); piped input gets none. */
  prompt?: boolean;
  /** The virtual start date (ISO-8601 with an offset), instead of the scenario's `startDate`. */
  start?: string;
}

/**
 * `dstream-sim step <scenario>`: an interactive stepper for learners. The program runs as written,
 * but virtual time moves only when asked (a {@link Stepper}); after each step the new part of the
 * transcript is shown. Works in a terminal and with piped input (one command per line).
 */
export async function stepCommand(dir: string, opts: StepCommandOptions = {}): Promise<number> {
  const out = opts.out ?? ((t: string) => void process.stdout.write(t));
  const start = opts.start !== undefined ? parseStartDate(opts.start) : undefined;
  if (start !== undefined && 'error' in start) {
    out(`dstream-sim step --start: ${start.error}\n`);
    return 2;
  }
  const loaded = loadScenario(dir);
  const scenario = opts.start !== undefined ? { ...loaded, startDate: opts.start } : loaded;
  let jvm: Jvm | undefined;
  let stepper: Stepper | undefined;
  let jvmMade: () => void = () => undefined;
  const made = new Promise<void>((resolve) => (jvmMade = resolve));
  const run = runScenario(scenario, {
    inspect: { streams: 'all', windows: true, state: true },
    keepEvents: 'all', // the views read the whole log
    onJvm: (j) => {
      jvm = j;
      stepper = new Stepper(j);
      jvmMade();
    },
  });
  await Promise.race([made, run]);
  await stepper!.attach(run);
  let shown = 0;
  const show = (): void => {
    // The events since the last step, in time order (an input read lazily shows under its batch).
    const events = jvm?.log.events() ?? [];
    const fresh = renderTranscript(events, [], { since: shown, originMs: jvm?.startMs ?? 0 });
    shown = events.length;
    if (fresh !== '\n') out(fresh);
  };
  out(`stepping ${scenario.name}: ${scenario.description.split('\n')[0] ?? ''}\n(type help for commands)\n`);
  show();
  const rl = readline.createInterface({ input: opts.input ?? process.stdin, terminal: false });
  const prompt = (): void => {
    if (opts.prompt) out(`[${jvm !== undefined ? jvm.clock.now() - jvm.startMs : 0} ms] > `);
  };
  prompt();
  for await (const raw of rl) {
    const [cmd = '', ...args] = raw.trim().split(/\s+/);
    if (cmd === 'quit' || cmd === 'q') break;
    try {
      out(await stepOnce(cmd, args, stepper!, jvm!, show));
    } catch (e) {
      out(`error: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}\n`);
    }
    prompt();
  }
  rl.close();
  // Leaving ends the run: stop what is active and let the program finish.
  jvm?.activeContext?.stopFromHorizon('exit');
  await stepper!.release();
  await run;
  show();
  return 0;
}

/** One stepper command: parse, call, and return what to print. */
async function stepOnce(cmd: string, args: string[], stepper: Stepper, jvm: Jvm, show: () => void): Promise<string> {
  const events = jvm.log.events();
  switch (cmd) {
    case '':
    case 'n':
    case 'next': {
      const t = stepper.nextBatchTime();
      if (stepper.finished) return 'the program has ended\n';
      if (t === undefined) return 'nothing is scheduled\n';
      await stepper.advanceTo(t);
      show();
      return '';
    }
    case 'run':
    case 'until': {
      const s = Number(args[0]);
      if (!Number.isFinite(s) || s < 0) return `${cmd}: give a number of seconds, e.g. ${cmd} 3\n`;
      await stepper.advanceTo(Math.round(s * 1000) + (cmd === 'run' ? jvm.clock.now() : jvm.startMs));
      show();
      return '';
    }
    case 'rdd':
    case 'window':
    case 'state':
      return describeStream(cmd, args.join(' '), events, jvm.startMs) + '\n';
    case 'graph': {
      const graph = latestGraph(events);
      return (graph ? renderGraph(graph) : 'no StreamingContext has started yet') + '\n';
    }
    case 'why':
      return explainLastRefusal(events, jvm.startMs) + '\n';
    case 'delays':
      return describeDelays(events, jvm.startMs) + '\n';
    case 'events': {
      const n = Number(args[0] ?? 10);
      return events
        .slice(-n)
        .map((e) => `${eventToJson(e)}\n`)
        .join('');
    }
    case 'help':
      return HELP;
    default:
      return `unknown command '${cmd}' (type help)\n`;
  }
}
