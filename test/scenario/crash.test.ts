/** A timeline `crash` in scenario runs: the driver dies, nothing in memory survives, the program runs again. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runScenario } from '../../src/index';

function scenario(program: string, timelineYaml: string, until: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-crash-'));
  fs.writeFileSync(path.join(dir, 'program.ts'), program);
  fs.writeFileSync(path.join(dir, 'timeline.yaml'), timelineYaml);
  fs.writeFileSync(path.join(dir, 'scenario.yaml'), `description: crash\nprogram: program.ts\ntimeline: timeline.yaml\nuntil: ${until}\n`);
  return dir;
}

const noCheckpoint = `
import { SparkContext, StreamingContext } from 'dstream-sim';
console.log('program starts');
const ssc = new StreamingContext(new SparkContext({ master: 'local[2]', appName: 'x' }), 2);
ssc.socketTextStream('localhost', 9000).count().pprint();
setTimeout(() => console.log('timer of the first program'), 5000);
ssc.start();
await ssc.awaitTermination();
`;
const lines = `sources:\n  nc: { socket: "localhost:9000" }\nevents:\n  - { at: 1, source: nc, lines: ["x"] }\n`;

test('without getOrCreate the restarted program starts from nothing: a new context, new batch times, its own output again; the timers of the dead program never fire', async () => {
  const dir = scenario(noCheckpoint, `${lines}  - { at: 3, crash: { restart: 4.5 } }\n`, 8);
  try {
    const { transcript } = await runScenario(dir);
    expect(transcript.split('\n').filter((l) => /^\[\d+ ms\] program:|crashed|restarted|started: first batch|== batch/.test(l))).toEqual([
      '[0 ms] program: program starts',
      '[0 ms] StreamingContext 0 started: first batch at 2000 ms',
      '== batch 2000 ms ==',
      '[3000 ms] driver crashed (timeline): nothing in memory survives; it restarts at 4500 ms',
      '[4500 ms] driver restarted: the program runs again from the top',
      '[4500 ms] program: program starts',
      '[4500 ms] StreamingContext 0 started: first batch at 6000 ms',
      '== batch 6000 ms ==',
      '== batch 8000 ms ==',
    ]);
    expect(transcript).not.toContain('timer of the first program');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a restart at or after the end of the run does not happen', async () => {
  const dir = scenario(noCheckpoint, `${lines}  - { at: 3, crash: { restart: 9 } }\n`, 8);
  try {
    const { transcript } = await runScenario(dir);
    expect(transcript).toContain('[3000 ms] driver crashed (timeline): nothing in memory survives; it restarts at 9000 ms');
    expect(transcript).not.toContain('driver restarted');
    // A crash is no stop: the context never reports stopping, no batch runs after it.
    expect(transcript).not.toMatch(/StreamingContext 0 stopped|== batch [4-8]000 ms/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('with a declared cost, batches still pending at the crash come from the checkpoint and are run again, marked as pending', async () => {
  const src = path.join(__dirname, '..', '..', 'scenarios', 'checkpoint-sample');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-crash-'));
  try {
    for (const f of ['program.ts', 'timeline.yaml']) fs.copyFileSync(path.join(src, f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, 'scenario.yaml'), 'description: pending\nprogram: program.ts\ntimeline: timeline.yaml\nuntil: 24\ncost: { perBatch: 4 }\n');
    const { transcript } = await runScenario(dir);
    const lines = transcript.split('\n');
    expect(lines).toContain('  Batches pending processing (2 batches): 9000 ms, 12000 ms');
    expect(lines).toContain('  Batches to reschedule (3 batches): 9000 ms, 12000 ms, 15000 ms');
    expect(lines).toContain('== batch 9000 ms (pending at the crash, run after recovery) ==');
    expect(lines).toContain('== batch 15000 ms (down time, run after recovery) ==');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the dead program's StreamingListeners hear nothing after the crash; the restarted program's do", async () => {
  const program = `
import { SparkContext, StreamingContext } from 'dstream-sim';
const ssc = new StreamingContext(new SparkContext({ master: 'local[2]', appName: 'x' }), 2);
ssc.socketTextStream('localhost', 9000).count().pprint();
ssc.addStreamingListener({ onBatchCompleted: (e) => console.log('completed', e.batchInfo.batchTime.milliseconds) });
ssc.start();
await ssc.awaitTermination();
`;
  const dir = scenario(program, `${lines}  - { at: 3, crash: { restart: 4.5 } }\n`, 8);
  try {
    const { events } = await runScenario(dir);
    const heard = events.flatMap((e) => (e.type === 'programOutput' ? [e.text] : []));
    expect(heard).toEqual(['completed 2000', 'completed 6000', 'completed 8000']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
