/**
 * `dstream-sim run --typecheck` in the installed command: type errors are printed at the user's
 * line and the program does not run; a program that checks runs, its relative modules included.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'dstream-sim.js');
let dir: string;

beforeAll(() => {
  // npm ci builds dist/ (prepare); build it here too when a developer has not.
  if (!fs.existsSync(path.join(root, 'dist', 'cli', 'main.js'))) {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root });
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-typecheck-'));
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (source: string): { status: number | null; stdout: string; stderr: string } => {
  const file = path.join(dir, 'program.ts');
  fs.writeFileSync(file, source);
  fs.mkdirSync(path.join(dir, 'lib'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'lib', 'greeting.ts'), "export const greeting = (n: number): string => `running ${n}`;\n");
  const r = spawnSync(process.execPath, [bin, 'run', file, '--batches', '1', '--typecheck'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

const program = (batch: string): string =>
  [
    "import { SparkContext, StreamingContext } from 'dstream-sim';",
    "import { greeting } from './lib/greeting';",
    "const sc = new SparkContext({ master: 'local[2]', appName: 'typed' });",
    `const ssc = new StreamingContext(sc, ${batch});`,
    'console.log(greeting(1));',
    'ssc.queueStream([[1, 2]]).pprint();',
    'ssc.start();',
    'await ssc.awaitTermination();',
    '',
  ].join('\n');

test('a type error is printed at program.ts:line:column with the line, and the program does not run', () => {
  const r = run(program("'1 second'"));
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(
    [
      "program.ts:4:38 - error TS2345: Argument of type 'string' is not assignable to parameter of type 'number'.",
      "  4 | const ssc = new StreamingContext(sc, '1 second');",
      '    |                                      ^',
      'dstream-sim run: 1 type error; the program did not run',
      '',
    ].join('\n'),
  );
}, 60_000);

test('a program that type-checks runs, with its relative TypeScript module', () => {
  const r = run(program('1'));
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('running 1\n');
  expect(r.stdout).toContain('Time: 1970-01-01 00:00:01');
}, 60_000);
