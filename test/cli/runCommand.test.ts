/** `dstream-sim run`: --inspect, --events json and --start (issue 9, items 16 and 17). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCommand, type RunCommandOptions } from '../../src/cli/commands/run';
import { inspectOption } from '../../src/cli/options';

const scenarios = path.join(__dirname, '..', '..', 'scenarios');
const stateProgram = path.join(scenarios, 'notes-update-state-by-key', 'program.ts');
const windowProgram = path.join(scenarios, 'notes-window', 'program.ts');

async function run(program: string, opts: RunCommandOptions): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCommand(program, { ...opts, out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

let root: string;
beforeEach(() => void (root = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-run-cmd-'))));
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** A program whose second batch fails with `new Error('boom')`. */
function boomProgram(): string {
  const file = path.join(root, 'boom.ts');
  fs.writeFileSync(
    file,
    `import { SparkContext, StreamingContext } from 'dstream-sim';
const ssc = new StreamingContext(new SparkContext({ master: 'local[2]' }), 1);
ssc.queueStream([[1, 2], [3]]).foreachRDD((rdd) => {
  if (rdd.collect().includes(3)) throw new Error('boom');
  console.log(rdd.collect());
});
ssc.start();
await ssc.awaitTermination();
`,
  );
  return file;
}

describe('run --inspect', () => {
  test('without --transcript: what the inspection recorded, in the transcript’s words, between the program’s output', async () => {
    const r = await run(stateProgram, { until: 6, inspect: ['state'] });
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        '== batch 3000 ms ==',
        "state updateStateByKey [2]: added 'b'=1, 'c'=1, 'a'=1",
        '-------------------------------------------',
        'Time: 1970-01-01 00:00:03',
        '-------------------------------------------',
        "('b', 1)",
        "('c', 1)",
        "('a', 1)",
        '',
        '== batch 6000 ms ==',
        "state updateStateByKey [2]: updated 'b': 1 → 2, 'c': 1 → 2",
        '-------------------------------------------',
        'Time: 1970-01-01 00:00:06',
        '-------------------------------------------',
        "('b', 2)",
        "('c', 2)",
        "('a', 1)",
        '',
        '',
      ].join('\n'),
    );
    // Without --inspect, the program's output only.
    expect((await run(stateProgram, { until: 6 })).out).not.toContain('state ');
  });

  test('delays: a line per completed batch under its header (no declared cost: every delay is 0)', async () => {
    const r = await run(windowProgram, { until: 6, inspect: ['delays'] });
    const delays = r.out.split('\n').filter((l) => /^(== batch|delays)/.test(l));
    expect(delays).toEqual([
      '== batch 3000 ms ==',
      'delays: scheduling 0 ms, processing 0 ms, total 0 ms (started 3000 ms, done 3000 ms)',
      '== batch 6000 ms ==',
      'delays: scheduling 0 ms, processing 0 ms, total 0 ms (started 6000 ms, done 6000 ms)',
    ]);
  });

  test('windows and inputs: one header per batch, the lines as the transcript has them', async () => {
    const r = await run(windowProgram, { until: 6, inspect: ['windows', 'inputs'] });
    const transcript = (await run(windowProgram, { until: 6, inspect: ['windows', 'inputs'], transcript: true })).out;
    expect(r.out).toMatch(/^== batch 3000 ms ==\ninput Queue input \[0\]: \[1\]\nwindow window \[1\] \(-6000 ms, 3000 ms\] = batches \[3000\]: \[1\]\n/);
    expect(r.out.match(/== batch/g)).toHaveLength(2);
    // Every inspection line printed is a line of the transcript, in the same order.
    const lines = r.out.split('\n').filter((l) => /^(== batch|input |window )/.test(l));
    expect(lines).toEqual(transcript.split('\n').filter((l) => /^(== batch|input |window )/.test(l)));
    expect(lines.filter((l) => l.startsWith('window '))).toHaveLength(4);
  });

  test('with --transcript the transcript shows them', async () => {
    const r = await run(windowProgram, { until: 3, inspect: ['windows', 'streams'], transcript: true });
    expect(r.out).toContain('window window [1] (-6000 ms, 3000 ms] = batches [3000]: [1]');
    expect(r.out).toContain('rdd Queue input [0]: [1]');
    expect((await run(windowProgram, { until: 3, transcript: true })).out).not.toContain('window window [1]');
  });

  test('the option names what it accepts', () => {
    expect(inspectOption('windows, state,windows')).toEqual(['windows', 'state']);
    expect(inspectOption('inputs,streams')).toEqual(['inputs', 'streams']);
    expect(() => inspectOption('window')).toThrow("'window' is not one of windows, state, inputs, streams, delays (comma-separated, e.g. windows,state)");
    expect(() => inspectOption(',')).toThrow('name what to inspect: windows, state, inputs, streams, delays (comma-separated)');
  });
});

describe('run --events json', () => {
  test('one event a line, in order, errors as their strings; nothing else on stdout', async () => {
    const r = await run(boomProgram(), { until: 3, events: 'json' });
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      [
        'dstream-sim run: the program failed: Error: boom',
        '  at boom.ts:4:40',
        "    4 |   if (rdd.collect().includes(3)) throw new Error('boom');",
        '      |                                        ^',
        '',
      ].join('\n'),
    );
    expect(r.out.endsWith('\n')).toBe(true);
    const events = r.out.trimEnd().split('\n').map((l) => JSON.parse(l) as { type: string; seq: number; [k: string]: unknown });
    expect(events.map((e) => e.seq)).toEqual(events.map((_e, i) => i));
    expect(events[0]).toEqual({ type: 'contextCreated', contextId: 0, batchDurationMs: 1000, flavor: 'pyspark', seq: 0, at: 0 });
    expect(events.find((e) => e.type === 'inputDelivered')).toMatchObject({ batchTime: 1000, records: [1, 2] });
    expect(events.find((e) => e.type === 'programOutput')).toMatchObject({ text: '[ 1, 2 ]', at: 1000 });
    expect(events.find((e) => e.type === 'errorReported')).toMatchObject({ error: 'Error: boom', message: 'boom', batchTime: 2000 });
    expect(events.at(-1)).toMatchObject({ type: 'contextStopped', reason: 'exit' });
    // The program's own printing is in the events, not beside them.
    expect(r.out).not.toContain('\n[ 1, 2 ]\n');
  });

  test('the same run prints the same bytes', async () => {
    const a = await run(stateProgram, { until: 9, events: 'json', inspect: ['state', 'windows'] });
    const b = await run(stateProgram, { until: 9, events: 'json', inspect: ['state', 'windows'] });
    expect(a.out).toBe(b.out);
    expect(a.out).toContain('"type":"stateChanged"');
    expect(a.out).not.toContain(os.tmpdir());
  });

  test('with --transcript it is refused: both print to stdout', async () => {
    const r = await run(stateProgram, { until: 3, events: 'json', transcript: true });
    expect(r.code).toBe(2);
    expect(r.out).toBe('dstream-sim run: --transcript and --events both print to stdout; choose one\n');
  });
});

describe('run --start', () => {
  test('pprint headers read the date; the transcript counts from the start and names it', async () => {
    const r = await run(stateProgram, { until: 3, start: '2026-01-01T00:00:00Z', transcript: true });
    expect(r.out).toContain('until: 3 s   start: 2026-01-01T00:00:00Z\n');
    expect(r.out).toContain('== batch 3000 ms ==');
    expect(r.out).toContain('Time: 2026-01-01 00:00:03\n');
    expect(r.out).toContain('[3000 ms] StreamingContext 0 stopped (end of run; was ACTIVE)');
    expect((await run(stateProgram, { until: 3, start: '2026-06-01T12:00:00+02:00', timeZone: 'Europe/Paris' })).out).toContain(
      'Time: 2026-06-01 12:00:03\n',
    );
  });

  test('a bad date is refused with what to write', async () => {
    const r = await run(stateProgram, { until: 3, start: '2026-01-01 00:00' });
    expect(r.code).toBe(2);
    expect(r.out).toBe(
      "dstream-sim run: --start: '2026-01-01 00:00' is not an ISO-8601 date-time (YYYY-MM-DDThh:mm:ss with Z or an offset); write e.g. 2026-01-01T00:00:00Z\n",
    );
  });
});
