import * as readline from 'node:readline';
import { ManualDrive, type Jvm } from '../../env/Jvm';
import { runUntil } from '../../env/runUntil';
import type { DStream } from '../../dstream/DStream';
import type { SimEvent } from '../../events/SimEvent';
import { StreamingContext } from '../../streaming/StreamingContext';
import { loadScenario } from '../../scenario/Scenario';
import { runScenario } from '../../scenario/runScenario';
import { renderTranscript } from '../../scenario/transcript';
import { pythonRepr } from '../../util/format';

/** Why each lifecycle rule exists, for `why` (docs/lifecycle.md has the full table). */
const RULES: Record<string, string> = {
  'start-after-stop': 'A StreamingContext starts once; after stop() it can never be started again. Make a new one.',
  'one-active-context': 'Only one StreamingContext may be active per JVM. Stop the running one first (stop(false) keeps the SparkContext).',
  'add-after-start': 'The DStream graph is fixed at start(): define every input, transformation and output before it.',
  'add-after-stop': 'A stopped context takes no new streams. Make a new StreamingContext.',
  'no-output-operations': 'Nothing would run: register an output operation (pprint, foreachRDD, saveAsTextFiles) before start().',
  'checkpoint-directory-required': 'Stateful and inverse-window operations need a checkpoint directory: ssc.checkpoint(dir) before start().',
  'persist-after-start': 'Storage levels are fixed at start().',
  'checkpoint-after-start': 'Checkpoint intervals are fixed at start().',
  'remember-once': 'ssc.remember() can be set once.',
  'queue-stream-empty': 'PySpark reads rdds[0]: an empty list without a default fails.',
  'start-failed': 'start() failed while validating the graph; the context is now stopped.',
};

const HELP = `commands:
  next | n | (empty)   run to the next batch
  run <seconds>        run this much virtual time
  until <seconds>      run to this virtual time
  rdd <stream>         the RDD a stream generated at the last batch (name or id)
  window <stream>      which batches and records the window held at the last batch
  state <stream>       the state table after the last batch
  graph                the DStream graph
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
}

/**
 * `dstream-sim step <scenario>`: an interactive stepper for learners. The program runs as written,
 * but virtual time moves only when asked; after each step the new part of the transcript is shown.
 * Works in a terminal and with piped input (one command per line).
 */
export async function stepCommand(dir: string, opts: StepCommandOptions = {}): Promise<number> {
  const out = opts.out ?? ((t: string) => void process.stdout.write(t));
  const input = opts.input ?? process.stdin;
  const scenario = loadScenario(dir);
  let jvm: Jvm | undefined;
  let ssc: StreamingContext | undefined;
  let shown = 0;
  const run = runScenario(scenario, {
    inspect: { streams: 'all', windows: true, state: true },
    onJvm: (j) => {
      jvm = j;
      j.manual = new ManualDrive();
      j.log.subscribe((e) => {
        if (e.type === 'contextStarted') ssc = StreamingContext.getActive() ?? findActive(j);
      });
    },
  });
  let finished = false;
  void run.then(
    () => (finished = true),
    () => (finished = true),
  );
  await settle();
  const show = (): void => {
    const text = renderTranscript(jvm?.log.events() ?? []);
    const lines = text.split('\n');
    const fresh = lines.slice(shown, lines.length - 1);
    shown = lines.length - 1;
    if (fresh.length > 0) out(fresh.join('\n') + '\n');
  };
  out(`stepping ${scenario.name}: ${scenario.description.split('\n')[0] ?? ''}\n(type help for commands)\n`);
  show();
  const advanceTo = async (targetMs: number): Promise<void> => {
    const j = jvm!;
    await runUntil(j, targetMs, () => false, () => 'nothing left to run', true);
    j.manual?.wake();
    await settle();
    show();
  };
  const nextBatch = (): number | undefined => {
    const j = jvm!;
    const active = (j.activeContext as StreamingContext | undefined) ?? ssc;
    if (active === undefined || active.getState() !== 'ACTIVE') return j.clock.nextScheduledTime();
    const zero = active.graph.zeroTime?.milliseconds ?? 0;
    const b = active.batchDuration.milliseconds;
    return zero + (Math.floor((j.clock.now() - zero) / b) + 1) * b;
  };
  const rl = readline.createInterface({ input, terminal: false });
  const prompt = (): void => {
    if (opts.prompt) out(`[${jvm?.clock.now() ?? 0} ms] > `);
  };
  prompt();
  for await (const raw of rl) {
    const [cmd = '', ...args] = raw.trim().split(/\s+/);
    const events = jvm?.log.events() ?? [];
    try {
      if (cmd === '' || cmd === 'n' || cmd === 'next') {
        const t = nextBatch();
        if (t === undefined || finished) out(finished ? 'the program has ended\n' : 'nothing is scheduled\n');
        else await advanceTo(t);
      } else if (cmd === 'run' || cmd === 'until') {
        const s = Number(args[0]);
        if (!Number.isFinite(s) || s < 0) out(`${cmd}: give a number of seconds, e.g. ${cmd} 3\n`);
        else await advanceTo(cmd === 'run' ? jvm!.clock.now() + Math.round(s * 1000) : Math.round(s * 1000));
      } else if (cmd === 'rdd' || cmd === 'window' || cmd === 'state') {
        out(describeStream(cmd, args.join(' '), events) + '\n');
      } else if (cmd === 'graph') {
        out((ssc ? renderGraph(ssc) : 'no StreamingContext has started yet') + '\n');
      } else if (cmd === 'why') {
        const r = [...events].reverse().find((e) => e.type === 'callRefused');
        out(
          r && r.type === 'callRefused'
            ? `${r.call} was refused at ${r.at} ms.\nrule: ${r.rule} — ${RULES[r.rule] ?? ''}\nSpark says: ${r.errorName}: ${r.message}\n`
            : 'no call has been refused\n',
        );
      } else if (cmd === 'events') {
        const n = Number(args[0] ?? 10);
        for (const e of events.slice(-n)) out(`${JSON.stringify(e, (_k, v: unknown) => (v instanceof Error ? String(v) : v))}\n`);
      } else if (cmd === 'help') {
        out(HELP);
      } else if (cmd === 'quit' || cmd === 'q') {
        break;
      } else {
        out(`unknown command '${cmd}' (type help)\n`);
      }
    } catch (e) {
      out(`error: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}\n`);
    }
    prompt();
  }
  rl.close();
  // Leaving ends the run: stop what is active, wake the program, let it finish.
  jvm?.activeContext?.stopFromHorizon('exit');
  jvm?.manual?.wake();
  await run;
  show();
  return 0;
}

/** Let the program run until it waits again (it runs on promises, never on real time). */
async function settle(): Promise<void> {
  // eslint-disable-next-line no-restricted-globals
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
}

function findActive(j: Jvm): StreamingContext | undefined {
  return j.activeContext instanceof StreamingContext ? j.activeContext : undefined;
}

function matches(name: string, id: number, query: string): boolean {
  return query === String(id) || name === query || name.startsWith(`${query} `) || name.includes(query);
}

function describeStream(kind: 'rdd' | 'window' | 'state', query: string, events: readonly SimEvent[]): string {
  if (query === '') return `${kind}: name a stream (its name or id, e.g. ${kind} 3)`;
  for (const e of [...events].reverse()) {
    if (kind === 'rdd' && e.type === 'rddGenerated' && matches(e.streamName, e.streamId, query)) {
      return `${e.streamName} at ${e.batchTime} ms (${e.numPartitions} partitions): [${e.records.map((r) => pythonRepr(r)).join(', ')}]`;
    }
    if (kind === 'window' && e.type === 'windowComputed' && matches(e.streamName, e.streamId, query)) {
      return `${e.streamName} at ${e.batchTime} ms covers (${e.batchTime - e.windowMs} ms, ${e.batchTime} ms]: batches [${e.batchTimes.join(', ')}]\nrecords: [${(e.records ?? []).map((r) => pythonRepr(r)).join(', ')}]`;
    }
    if (kind === 'state' && e.type === 'stateChanged' && matches(e.streamName, e.streamId, query)) {
      const rows = e.after.map(([k, s]) => `  ${pythonRepr(k).padEnd(16)} ${pythonRepr(s)}`);
      return `${e.streamName} after ${e.batchTime} ms (${e.after.length} keys):\n${rows.join('\n') || '  (empty)'}`;
    }
  }
  return `no ${kind} recorded for '${query}' yet`;
}

/** The graph, from each output operation down to its inputs. */
export function renderGraph(ssc: StreamingContext): string {
  const lines: string[] = [];
  const walk = (s: DStream<unknown>, depth: number): void => {
    lines.push(`${'  '.repeat(depth)}${s.name}  (${s.className}, slide ${s.slideDuration})`);
    for (const d of s.dependencies) walk(d, depth + 1);
  };
  ssc.graph.outputStreams.forEach((o, i) => {
    lines.push(`output ${i}:`);
    walk(o, 1);
  });
  return lines.join('\n');
}
