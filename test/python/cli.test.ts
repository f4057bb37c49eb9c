/** The built CLI runs a .py job: arguments after `--`, --python, a clear error without Python. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

jest.setTimeout(60_000);

const bin = path.join(__dirname, '..', '..', 'bin', 'dstream-sim.js');
const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

function job(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-cli-py-'));
  fs.writeFileSync(
    path.join(dir, 'job.py'),
    `import sys, time
from pyspark import SparkContext
from pyspark.streaming import StreamingContext
sc = SparkContext(appName="NetworkWordCount")
ssc = StreamingContext(sc, 1)
print("args", sys.argv)
lines = ssc.socketTextStream(sys.argv[1], int(sys.argv[2]))
lines.flatMap(lambda l: l.split(" ")).map(lambda w: (w, 1)).reduceByKey(lambda a, b: a + b).pprint()
ssc.start()
time.sleep(3)
ssc.stop(stopSparkContext=True, stopGraceFully=True)
`,
  );
  fs.writeFileSync(
    path.join(dir, 't.yaml'),
    'sources:\n  nc: { socket: "localhost:9999" }\nevents:\n  - { at: 1.5, source: nc, lines: ["to be or not to be"] }\n',
  );
  return dir;
}

test('dstream-sim run job.py --timeline t.yaml --until 30 -- localhost 9999', () => {
  const dir = job();
  const r = run(['run', path.join(dir, 'job.py'), '--timeline', path.join(dir, 't.yaml'), '--until', '30', '--', 'localhost', '9999']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("args ['job.py', 'localhost', '9999']\n");
  // PYTHONHASHSEED=0: hash('to') % 2 == 0, hash('be' | 'or' | 'not') % 2 == 1.
  expect(r.stdout).toContain(
    "-------------------------------------------\nTime: 1970-01-01 00:00:02\n-------------------------------------------\n('to', 2)\n('be', 2)\n('or', 1)\n('not', 1)\n\n",
  );
});

test('--python chooses the interpreter; a missing one is a clear error naming both ways to choose', () => {
  const dir = job();
  const r = run(['run', path.join(dir, 'job.py'), '--until', '1', '--python', '/nonexistent/python3', '--', 'localhost', '9999']);
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("cannot run Python '/nonexistent/python3' (from --python)");
  expect(r.stderr).toContain('--python <path> or the DSTREAM_SIM_PYTHON environment variable');
  const e = run(['run', path.join(dir, 'job.py'), '--until', '1', '--', 'localhost', '9999'], { DSTREAM_SIM_PYTHON: '/nonexistent/python3' });
  expect(e.stderr).toContain("cannot run Python '/nonexistent/python3' (from DSTREAM_SIM_PYTHON)");
});
