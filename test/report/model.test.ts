/**
 * The report's view model: a pure function from the event log to what the page shows. These
 * tests read the model as the page does (no DOM): rows, lanes, records by partition, windows,
 * state changes, outputs, marks.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runScenario } from '../../src/scenario/runScenario';
import { modelOfRun, runForReport } from '../../src/report/reportRun';
import { buildReportModel } from '../../src/report/model/buildReportModel';
import type { ReportModel, RowView } from '../../src/report/model/types';

const scenarios = path.join(__dirname, '..', '..', 'scenarios');
const row = (m: ReportModel, title: string): RowView => {
  const r = m.rows.find((x) => x.title === title);
  if (r === undefined) throw new Error(`no row ${title} in ${m.rows.map((x) => x.title).join(', ')}`);
  return r;
};

test('notes-window: a row per batch, lifecycle before the first; each window names the batches it covers', async () => {
  const { model } = await runForReport({ path: path.join(scenarios, 'notes-window') });
  expect(model.rows.map((r) => r.title)).toEqual(['before the first batch', 'batch 3000 ms', 'batch 6000 ms', 'batch 9000 ms', 'batch 12000 ms', 'batch 15000 ms']);
  expect(model.rows[0]!.marks.map((m) => m.text)).toEqual(['StreamingContext 0 created: batch 3000 ms, pyspark', 'StreamingContext 0 started: first batch at 3000 ms']);
  expect(row(model, 'batch 15000 ms').marks.map((m) => m.text)).toEqual(['StreamingContext 0 stopped (end of run; was ACTIVE)']);
  const w = row(model, 'batch 9000 ms').windows.find((x) => x.name === 'window [1]')!;
  expect(w).toMatchObject({ from: 0, to: 9000, windowMs: 9000, slideMs: 3000, batchTimes: [3000, 6000, 9000], records: ['1', '2', '3'] });
  expect(row(model, 'batch 15000 ms').windows.find((x) => x.name === 'window [1]')!.batchTimes).toEqual([9000, 12000, 15000]);
  // Lanes: every stream of the graph in the order the program made them, kinds as the page colours them.
  expect(model.lanes.map((l) => `${l.kind} ${l.name}`)).toEqual([
    'input Queue input [0]',
    'window window [1]',
    'output pprint [2]',
    'stream map [3]',
    'stream reduceByKey [4]',
    'window window [5]',
    'stream reduceByKey [6]',
    'stream map [7]',
    'output pprint [8]',
  ]);
  // pprint's text exactly as printed, by output operation.
  expect(row(model, 'batch 6000 ms').outputs.map((o) => o.text)).toEqual([
    '-------------------------------------------\nTime: 1970-01-01 00:00:06\n-------------------------------------------\n1\n2\n\n',
    '-------------------------------------------\nTime: 1970-01-01 00:00:06\n-------------------------------------------\n3\n\n',
  ]);
  expect(model.graphs[0]!.tree).toContain('window [1]  (WindowedDStream, slide 3000 ms, window 9000 ms)');
});

test('records keep their partitions: sizes add up to the records, a window of three batches has their partitions', async () => {
  const { model } = await runForReport({ path: path.join(scenarios, 'notes-window') });
  const cells = model.rows.flatMap((r) => Object.values(r.cells));
  expect(cells.length).toBeGreaterThan(20);
  for (const c of cells) expect(c.partitions.reduce((a, b) => a + b, 0)).toBe(c.records.length);
  // parallelize([i]) on local[*] (2 cores) is 2 partitions, the first empty; window(9, 3) unions three such RDDs.
  expect(row(model, 'batch 9000 ms').cells['c0s0']).toEqual({ records: ['3'], partitions: [0, 1], arrivals: undefined, noRdd: false });
  expect(row(model, 'batch 9000 ms').cells['c0s1']!.partitions).toEqual([0, 1, 0, 1, 0, 1]);
});

test('updateStateByKey: each key\'s change per batch, the state after it in order', async () => {
  const { model } = await runForReport({ path: path.join(scenarios, 'notes-update-state-by-key') });
  const state = (title: string): string[] => row(model, title).states[0]!.rows.map((r) => `${r.key}=${r.value} ${r.change}${r.before !== undefined ? ` (was ${r.before})` : ''}`);
  expect(state('batch 3000 ms')).toEqual(["'b'=1 added", "'c'=1 added", "'a'=1 added"]);
  expect(state('batch 6000 ms')).toEqual(["'b'=2 updated (was 1)", "'c'=2 updated (was 1)", "'a'=1 same"]);
  expect(state('batch 9000 ms')).toEqual(["'b'=2 same", "'c'=2 same", "'a'=4 updated (was 1)"]);
  expect(row(model, 'batch 3000 ms').states[0]!.lane).toBe('c0s2');
  expect(model.rows[0]!.marks.map((m) => `${m.kind}: ${m.text}`)).toContain("warning: warning: queueStream doesn't support checkpointing");
});

test('a socket\'s lines arrive on the source lane at their times, in the batch whose interval holds them', async () => {
  const { model } = await runForReport({ path: path.join(scenarios, 'notes-socket-word-count') });
  expect(model.lanes[0]).toMatchObject({ id: 'src:nc', kind: 'source', name: 'nc' });
  const six = row(model, 'batch 6000 ms').cells['src:nc']!;
  expect(six.records).toEqual(["'typed at six'"]);
  expect(six.arrivals).toEqual([6000]);
  expect(row(model, 'batch 3000 ms').cells['src:nc']!.records).toEqual(["'hello spark streaming'", "'hello again'"]);
});

test('refusals carry their rule and its explanation; failed jobs and errors sit on their batch', async () => {
  const refused = await runForReport({ path: path.join(scenarios, 'lifecycle-start-twice') });
  const marks = refused.model.rows.flatMap((r) => r.marks);
  expect(marks.some((m) => m.kind === 'warning' && m.text === 'warning: StreamingContext has already been started')).toBe(true);
  const restart = await runForReport({ path: path.join(scenarios, 'lifecycle-restart-after-stop') });
  const refusal = restart.model.rows.flatMap((r) => r.marks).find((m) => m.kind === 'refusal')!;
  expect(refusal.text).toMatch(/^refused StreamingContext\.start\(\) \[rule start-after-stop\]: /);
  expect(refusal.detail).toBe('rule start-after-stop: A StreamingContext starts once; after stop() it can never be started again. Make a new one.');
  const failing = await runForReport({ path: path.join(scenarios, 'pitfall-error-in-a-function') });
  const failed = failing.model.rows.filter((r) => r.marks.some((m) => m.kind === 'failedJob'));
  expect(failed.length).toBeGreaterThan(0);
  expect(failed.map((r) => r.title)).toEqual(['batch 2000 ms']);
  // Recording every stream for the report changes nothing about the failure: the job fails as in
  // the golden, with the same stage.
  const golden = fs.readFileSync(path.join(scenarios, 'pitfall-error-in-a-function', 'expected.golden'), 'utf8');
  const failedJob = failed[0]!.marks.find((m) => m.kind === 'failedJob')!;
  expect(golden).toContain(`${failedJob.text}: ${failedJob.detail}`);
  expect(failed[0]!.marks.find((m) => m.kind === 'error')?.detail).toMatch(/^at program\.ts:\d+:\d+/);
});

test('the model is the log\'s alone: the same events give the same model, and no events give an empty axis', async () => {
  const r = await runScenario(path.join(scenarios, 'notes-map'));
  expect(JSON.stringify(modelOfRun(r))).toBe(JSON.stringify(modelOfRun(r)));
  const again = await runScenario(path.join(scenarios, 'notes-map'));
  expect(JSON.stringify(modelOfRun(again))).toBe(JSON.stringify(modelOfRun(r)));
  const empty = buildReportModel([], { title: 'nothing' });
  expect(empty).toMatchObject({ title: 'nothing', rows: [], lanes: [], graphs: [], golden: undefined });
});

test('recording every stream for the report runs the user\'s functions as often as a plain run, and the outputs are the same', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-side-'));
  try {
    const program = path.join(dir, 'program.ts');
    fs.writeFileSync(
      program,
      [
        "import { SparkContext, StreamingContext } from 'dstream-sim';",
        "const sc = new SparkContext({ master: 'local[2]', appName: 'Side' });",
        'const ssc = new StreamingContext(sc, 1);',
        'const m = ssc.queueStream([sc.parallelize([1, 2], 2), sc.parallelize([3], 1)]).map((x) => { console.log(`map ${x}`); return x * 10; });',
        'm.pprint();',
        'm.count().pprint();',
        'ssc.start();',
        'await ssc.awaitTermination();',
      ].join('\n'),
    );
    const scenario = { name: 'side', dir, description: '', program, timeline: undefined, until: 2, batches: undefined, inspect: {}, timeZone: 'UTC', golden: path.join(dir, 'expected.golden') };
    const plain = await runScenario(scenario);
    const { result, model } = await runForReport({ path: program, until: 2 });
    const said = (events: typeof plain.events): string[] => events.flatMap((e) => (e.type === 'programOutput' ? [e.text] : e.type === 'outputWritten' ? [e.text] : []));
    expect(said(result.events).filter((t) => t.startsWith('map')).sort()).toEqual(said(plain.events).filter((t) => t.startsWith('map')).sort());
    expect(said(result.events).filter((t) => !t.startsWith('map'))).toEqual(said(plain.events).filter((t) => !t.startsWith('map')));
    expect(said(plain.events).filter((t) => t.startsWith('map'))).toHaveLength(6); // two output operations compute map each
    expect(row(model, 'batch 1000 ms').cells['c0s1']).toEqual({ records: ['10', '20'], partitions: [1, 1], arrivals: undefined, noRdd: false });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('with a golden, each row shows its parts of both transcripts; the lines after the last batch go to the last row', async () => {
  const r = await runScenario(path.join(scenarios, 'notes-window'));
  const expected = r.transcript.replace('(end of run; was ACTIVE)', '(stop(); was ACTIVE)');
  const model = modelOfRun(r, { label: 'notes-window/expected.golden', expected, actual: r.transcript });
  expect(model.golden!.firstDifference).toBe('after the last batch');
  expect(model.rows.map((x) => `${x.title}: ${x.diff} [${x.goldenParts.map((i) => model.golden!.parts[i]!.title).join(', ')}]`)).toEqual([
    'before the first batch: same [before the first batch]',
    'batch 3000 ms: same [batch 3000 ms]',
    'batch 6000 ms: same [batch 6000 ms]',
    'batch 9000 ms: same [batch 9000 ms]',
    'batch 12000 ms: same [batch 12000 ms]',
    'batch 15000 ms: first [batch 15000 ms, after the last batch]',
  ]);
  const last = model.golden!.parts.at(-1)!;
  expect([last.expected, last.actual]).toEqual(['[15000 ms] StreamingContext 0 stopped (stop(); was ACTIVE)\n', '[15000 ms] StreamingContext 0 stopped (end of run; was ACTIVE)\n']);
});
