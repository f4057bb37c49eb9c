/** A `.py` program's checkpoint holds its records' pickles untouched (docs/checkpoints.md). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runScenario } from '../../src/index';
import { makePyScenario, PREAMBLE } from './pyScenario';

test('the state RDD in a checkpoint file is the records as Python pickled them: unpickling gives the very state', async () => {
  const dir = makePyScenario(
    'py-checkpoint-content',
    `${PREAMBLE}ssc.checkpoint("cp")
ssc.textFileStream("in").map(lambda w: (w.strip(), 1)).updateStateByKey(lambda vs, s: sum(vs) + (s or 0)).pprint()
ssc.start()
ssc.awaitTerminationOrTimeout(10.5)
import base64, json, pickle
cp = json.load(open("cp/checkpoint-10000"))
state = [s for s in cp["graph"]["streams"] if s["kind"] == "PythonStateDStream"][0]
print([r["timeMs"] for r in state["rdds"]])
print(sorted(pickle.loads(base64.b64decode(rec["$py"]["p"])) for part in state["rdds"][0]["partitions"] for rec in part))
`,
    'timeline: timeline.yaml\nuntil: 12\n',
    'sources:\n  d: { directory: in }\nevents:\n  - { at: 0.5, source: d, file: a.txt, content: "a\\n" }\n  - { at: 1.5, source: d, file: b.txt, content: "b\\na\\n" }\n',
  );
  try {
    const result = await runScenario(dir);
    const printed = result.events.flatMap((e) => (e.type === 'programOutput' ? [e.text] : []));
    expect(printed).toEqual(['[10000]', "[('a', 2), ('b', 1)]"]);
    expect(result.events.some((e) => e.type === 'warning' && e.message.startsWith('Could not write checkpoint'))).toBe(false);
  } finally {
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  }
});

test("PySpark's getOrCreate on a directory whose checkpoint files cannot be read raises Spark's error, after a warning per file; setupFunc is not called", async () => {
  const dir = makePyScenario(
    'py-checkpoint-corrupt',
    `import os
from pyspark import SparkContext
from pyspark.streaming import StreamingContext
os.makedirs("cp")
with open("cp/checkpoint-1000", "w") as f:
    f.write("not json")
def setup():
    print("setup called")
    return StreamingContext(SparkContext(appName="x"), 1)
ssc = StreamingContext.getOrCreate("cp", setup)
`,
    'until: 2\n',
  );
  try {
    const result = await runScenario(dir);
    const lines = result.transcript.split('\n').filter((l) => /warning|program/.test(l) && !l.startsWith('#'));
    expect(lines[0]).toMatch(/^\[0 ms\] warning: Error reading checkpoint from file cp\/checkpoint-1000: not a checkpoint \(invalid JSON: /);
    expect(lines).toContain(
      "[0 ms] warning: No checkpoint file in cp could be read (the files are left as they are): repair or remove them to start afresh, or pass createOnError = true to getOrCreate to create a new context instead.",
    );
    const failed = result.events.find((e) => e.type === 'programFailed');
    expect(failed).toMatchObject({ message: expect.stringContaining('Failed to read checkpoint from directory cp') });
    expect(result.transcript).not.toContain('setup called');
  } finally {
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  }
});

/** This process's child processes whose command line contains `text` (Linux's /proc). */
function childrenRunning(text: string): number {
  let n = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text)) n++;
    } catch {
      // the process ended meanwhile
    }
  }
  return n;
}

test('the driver started ahead for a restart runs the program after the crash, and is ended when the run ends before the restart', async () => {
  const program = `${PREAMBLE}print("driver up")
ssc.queueStream([], default=sc.parallelize([1])).count().pprint()
ssc.start()
ssc.awaitTermination()
`;
  const restarted = makePyScenario('py-crash-restart', program, 'timeline: timeline.yaml\nuntil: 4\n', 'events:\n  - { at: 1.5, crash: { restart: 2.5 } }\n');
  const neverRestarted = makePyScenario('py-crash-late', program, 'timeline: timeline.yaml\nuntil: 4\n', 'events:\n  - { at: 1.5, crash: { restart: 9 } }\n');
  try {
    const a = await runScenario(restarted);
    expect(a.events.filter((e) => e.type === 'programOutput').map((e) => (e.type === 'programOutput' ? e.text : ''))).toEqual(['driver up', 'driver up']);
    expect(a.printed).toContain('Time: 1970-01-01 00:00:03');
    const b = await runScenario(neverRestarted);
    expect(b.events.filter((e) => e.type === 'programOutput')).toHaveLength(1);
    expect(childrenRunning('_dstream_sim_main.py')).toBe(0);
  } finally {
    for (const d of [restarted, neverRestarted]) fs.rmSync(path.dirname(d), { recursive: true, force: true });
  }
});
