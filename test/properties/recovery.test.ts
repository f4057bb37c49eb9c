/**
 * The recovery guarantee (docs/checkpoints.md), checked with fast-check (fixed seed) over random
 * inputs, crash points and down times: a run whose driver crashes and recovers through
 * getOrCreate prints, for every batch, exactly what the uninterrupted run prints, and ends with the
 * same state; a batch is printed more than once only when Spark re-emits it (a rescheduled batch
 * that had run before the crash). The programs are the bundled stateful and windowed scenarios
 * (notes-update-state-by-key, notes-window, map-with-state-timeout) written with getOrCreate and
 * a file input in place of their queue, which Spark cannot recover (spark-semantics §6.1).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { runScenario, type SimEvent } from '../../src/index';

const PROGRAMS: Record<string, string> = {
  'update-state-by-key': `
import { SparkContext, StreamingContext } from 'dstream-sim';
const create = (): StreamingContext => {
  const ssc = new StreamingContext(new SparkContext({ master: 'local[*]', appName: 'StateSample' }), 1);
  ssc.checkpoint('cp');
  const updateFunc = (newValues: number[], currentValue: number | undefined): number =>
    newValues.reduce((x, y) => x + y, 0) + (currentValue ?? 0);
  ssc.textFileStream('in').map((v): [string, number] => [v, 1]).updateStateByKey(updateFunc).pprint();
  return ssc;
};
const ssc = StreamingContext.getOrCreate('cp', create);
ssc.start();
await ssc.awaitTermination();
`,
  window: `
import { SparkContext, StreamingContext } from 'dstream-sim';
const create = (): StreamingContext => {
  const ssc = new StreamingContext(new SparkContext({ master: 'local[*]', appName: 'WindowSample' }), 1);
  ssc.checkpoint('cp');
  const ds = ssc.textFileStream('in').map((w) => w.length);
  ds.window(3, 1).pprint();
  ds.reduceByWindow((a, b) => a + b, null, 3, 1).pprint();
  ds.countByWindow(4, 2).pprint();
  return ssc;
};
const ssc = StreamingContext.getOrCreate('cp', create);
ssc.start();
await ssc.awaitTermination();
`,
  'map-with-state': `
import { SparkContext, StateSpec, StreamingContext, type State } from 'dstream-sim';
const create = (): StreamingContext => {
  const ssc = new StreamingContext(new SparkContext({ master: 'local[2]', appName: 'Sessions', flavor: 'scala' }), 1);
  ssc.checkpoint('cp');
  const spec = StateSpec.function((user: string, clicks: number | undefined, state: State<number>) => {
    if (state.isTimingOut()) return \`\${user} timed out after \${state.get()} clicks\`;
    state.update((state.getOption() ?? 0) + (clicks ?? 0));
    return \`\${user}: \${state.get()}\`;
  }).timeout(3);
  ssc.textFileStream('in').map((u): [string, number] => [u, 1]).mapWithState(spec).print();
  return ssc;
};
const ssc = StreamingContext.getOrCreate('cp', create);
ssc.start();
await ssc.awaitTermination();
`,
};

const UNTIL = 24;

interface Case {
  files: { at: number; words: string[] }[];
  crash: number;
  down: number;
}

const aCase: fc.Arbitrary<Case> = fc.record({
  files: fc.array(
    fc.record({
      at: fc.integer({ min: 100, max: 21_000 }).map((ms) => ms / 1000),
      words: fc.array(fc.constantFrom('a', 'b', 'c', 'dd'), { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 8 },
  ),
  // After the first checkpoint (1 s), and restarting before the run ends.
  crash: fc.integer({ min: 1_001, max: 17_000 }).map((ms) => ms / 1000),
  down: fc.integer({ min: 1, max: 5_000 }).map((ms) => ms / 1000),
});

function scenarioDir(program: string, c: Case, crash: boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-recovery-'));
  fs.writeFileSync(path.join(dir, 'program.ts'), program);
  const events = [...c.files]
    .map((f, i) => ({ at: f.at, line: `  - { at: ${f.at}, source: in, file: f${i}.txt, content: ${JSON.stringify(f.words.join('\n') + '\n')} }` }))
    .concat(crash ? [{ at: c.crash, line: `  - { at: ${c.crash}, crash: { restart: ${c.crash + c.down} } }` }] : [])
    .sort((a, b) => a.at - b.at)
    .map((e) => e.line);
  fs.writeFileSync(path.join(dir, 'timeline.yaml'), `sources:\n  in: { directory: in }\nevents:\n${events.join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'scenario.yaml'), `description: recovery property\nprogram: program.ts\ntimeline: timeline.yaml\nuntil: ${UNTIL}\n`);
  return dir;
}

/** Every output's text per `batchTime/outputOpId`, in the order printed. */
function printed(events: readonly SimEvent[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of events) {
    if (e.type !== 'outputWritten') continue;
    const key = `${e.batchTime}/${e.outputOpId}`;
    out.set(key, [...(out.get(key) ?? []), e.text]);
  }
  return out;
}

async function run(program: string, c: Case, crash: boolean): Promise<SimEvent[]> {
  const dir = scenarioDir(program, c, crash);
  try {
    return (await runScenario(dir)).events;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(Object.keys(PROGRAMS))('%s: a crashed and recovered run prints what the uninterrupted run prints', (name) => {
  test('for random inputs, crash points and down times', async () => {
    await fc.assert(
      fc.asyncProperty(aCase, async (c) => {
        const program = PROGRAMS[name]!;
        const plain = printed(await run(program, c, false));
        const events = await run(program, c, true);
        const crashed = printed(events);
        expect(events.some((e) => e.type === 'contextRecovered')).toBe(true);
        expect(events.some((e) => e.type === 'programFailed' || e.type === 'errorReported')).toBe(false);
        // Every batch's output, in both runs, and the same text each time it is printed.
        expect([...crashed.keys()].sort()).toEqual([...plain.keys()].sort());
        for (const [key, texts] of crashed) for (const t of texts) expect([key, t]).toEqual([key, plain.get(key)![0]]);
        // Printed twice only when Spark re-emits: a rescheduled batch that ran before the crash.
        const rescheduled = new Set(events.flatMap((e) => (e.type === 'batchesRescheduled' ? e.rescheduled : [])));
        const crashAt = events.find((e) => e.type === 'driverCrashed')!.at;
        for (const [key, texts] of crashed) {
          if (texts.length === 1) continue;
          const t = Number(key.split('/')[0]);
          expect({ key, times: texts.length, rescheduled: rescheduled.has(t), ranBefore: t < crashAt }).toEqual({ key, times: 2, rescheduled: true, ranBefore: true });
        }
      }),
      { seed: 13, numRuns: 25 },
    );
  }, 120_000);
});
