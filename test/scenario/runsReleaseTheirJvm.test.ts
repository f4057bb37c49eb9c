/**
 * A run that has ended holds nothing: its simulated JVM (event log, transcript, timeline) can be
 * collected, even when the run was the first in the process to open a socket. (Node creates some
 * process-wide resources — the DNS resolver — inside whatever async context first needs them, and
 * they keep that context: the run's JVM, for good.) Checked in a fresh process, where nothing has
 * made those resources yet, with a weak reference and full collections.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBuilt, root } from '../__helpers__/builtCli';

beforeAll(ensureBuilt, 120_000);

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-release-test-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * Run the scenario in `dir` in a fresh process with `--expose-gc`: whether `check` (an expression
 * over the result `r`) held, and whether the run's JVM was collected once the run had ended (its
 * loopback sockets finish closing on later turns of the event loop: it gets some).
 */
function runInFreshProcess(check: string, env: Record<string, string> = {}): { counted: boolean; collected: boolean } {
  const script = `
    const { runScenario } = require(${JSON.stringify(path.join(root, 'dist', 'index.js'))});
    let ref;
    (async () => {
      const r = await runScenario(${JSON.stringify(dir)}, { onJvm: (jvm) => void (ref = new WeakRef(jvm)) });
      const counted = ${check};
      let collected = false;
      for (let turn = 0; turn < 200 && !collected; turn++) {
        await new Promise((resolve) => setImmediate(resolve));
        global.gc();
        collected = ref.deref() === undefined;
      }
      console.log(JSON.stringify({ counted, collected }));
    })();`;
  return JSON.parse(execFileSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8', env: { ...process.env, ...env } })) as {
    counted: boolean;
    collected: boolean;
  };
}

test('after the first socket run of a process ends, its JVM is collectable', () => {
  fs.writeFileSync(
    path.join(dir, 'program.ts'),
    "import { SparkContext, StreamingContext } from 'dstream-sim';\nconst ssc = new StreamingContext(new SparkContext({ master: 'local[2]' }), 1);\nssc.socketTextStream('localhost', 9000).count().pprint();\nssc.start();\nawait ssc.awaitTermination();\n",
  );
  fs.writeFileSync(path.join(dir, 'timeline.yaml'), 'sources:\n  nc: { socket: "localhost:9000" }\nevents:\n  - { at: 0.5, source: nc, lines: ["a b"] }\n  - { at: 1.5, source: nc, lines: ["c"] }\n');
  fs.writeFileSync(path.join(dir, 'scenario.yaml'), 'program: program.ts\ntimeline: timeline.yaml\nuntil: 3\n');
  // A fresh compile cache: the program is bundled in the run (esbuild's worker starts there).
  expect(runInFreshProcess(`r.transcript.includes("input Socket input [0]: ['c']")`, { DSTREAM_SIM_CACHE_DIR: path.join(dir, 'cache') })).toEqual({
    counted: true,
    collected: true,
  });
});

test('after the first Python run of a process ends, its JVM is collectable (the pipes thread stays for later runs)', () => {
  fs.writeFileSync(
    path.join(dir, 'program.py'),
    'from pyspark import SparkContext\nfrom pyspark.streaming import StreamingContext\nsc = SparkContext("local[2]", "release")\nssc = StreamingContext(sc, 1)\nssc.queueStream([sc.parallelize([1, 2])]).count().pprint()\nssc.start()\nssc.awaitTermination()\n',
  );
  fs.writeFileSync(path.join(dir, 'scenario.yaml'), 'program: program.py\nuntil: 2\n');
  expect(runInFreshProcess("r.transcript.includes('\\n2\\n')")).toEqual({ counted: true, collected: true });
});
