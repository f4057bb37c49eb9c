/** `dstream-sim report` and `dstream-sim test --report`: the files they write and what they say. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { reportCommand } from '../../src/cli/commands/report';
import { testCommand } from '../../src/cli/commands/test';
import type { ReportModel } from '../../src/report/model/types';
import { copyScenarios, removeCopies } from '../__helpers__/scenarioDirs';

afterEach(removeCopies);

/** The view model a report file embeds (what its page draws). */
const modelIn = (file: string): ReportModel =>
  JSON.parse(/<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(fs.readFileSync(file, 'utf8'))![1]!) as ReportModel;

test('report <scenario> -o file: writes one HTML file and says what it holds', async () => {
  const root = copyScenarios('notes-window');
  const said: string[] = [];
  const file = path.join(root, 'out', 'window.html');
  expect(await reportCommand(path.join(root, 'notes-window'), { output: file, out: (t) => void said.push(t) })).toBe(0);
  expect(said.join('')).toBe(`wrote ${file}: 5 batches, 9 lanes\n`);
  expect(modelIn(file).rows.filter((r) => r.kind === 'batch').map((r) => r.time)).toEqual([3000, 6000, 9000, 12000, 15000]);
});

test('report <program> needs --until; --until and --timeline apply to a program', async () => {
  const root = copyScenarios('notes-socket-word-count');
  const dir = path.join(root, 'notes-socket-word-count');
  const errs: string[] = [];
  const file = path.join(root, 'r.html');
  expect(await reportCommand(path.join(dir, 'program.ts'), { output: file, err: (t) => void errs.push(t) })).toBe(1);
  expect(errs.join('')).toBe(`dstream-sim report: ${path.join(dir, 'program.ts')}: say how long to run the program: --until <seconds>\n`);
  expect(fs.existsSync(file)).toBe(false);
  expect(await reportCommand(path.join(dir, 'program.ts'), { output: file, until: 6, timeline: path.join(dir, 'timeline.yaml'), out: () => undefined })).toBe(0);
  const m = modelIn(file);
  expect(m.rows.filter((r) => r.kind === 'batch').map((r) => r.title)).toEqual(['batch 3000 ms', 'batch 6000 ms']);
  expect(m.rows.find((r) => r.title === 'batch 6000 ms')!.cells['src:nc']!.records).toEqual(["'typed at six'"]);
  expect(await reportCommand(path.join(root, 'nope'), { output: file, err: (t) => void errs.push(t) })).toBe(1);
  expect(errs.at(-1)).toContain('nope: no such scenario directory or program');
});

test('test --report DIR: a report per scenario; a passing one says its golden matches, a failing one marks the first difference', async () => {
  const root = copyScenarios('notes-map', 'notes-update-state-by-key');
  const golden = path.join(root, 'notes-update-state-by-key', 'expected.golden');
  fs.writeFileSync(golden, fs.readFileSync(golden, 'utf8').replace("('a', 4)", "('a', 5)"));
  const said: string[] = [];
  const code = await testCommand([root], { report: 'reports', cwd: root, ci: false, color: false, out: (t) => void said.push(t) });
  expect(code).toBe(1);
  expect(said.join('')).toContain('\nreports: reports/<scenario>.html (2)\n');
  const pass = modelIn(path.join(root, 'reports', 'notes-map.html'));
  expect(pass.golden).toMatchObject({ status: 'pass', label: 'notes-map/expected.golden' });
  expect(pass.rows.every((r) => r.diff === 'same')).toBe(true);
  const fail = modelIn(path.join(root, 'reports', 'notes-update-state-by-key.html'));
  expect(fail.golden).toMatchObject({ status: 'fail', firstDifference: 'batch 9000 ms' });
  expect(fail.rows.map((r) => `${r.title}: ${r.diff}`)).toEqual(['before the first batch: same', 'batch 3000 ms: same', 'batch 6000 ms: same', 'batch 9000 ms: first', 'batch 12000 ms: same']);
  const part = fail.golden!.parts.find((p) => p.first)!;
  expect(part.expected).toContain("('a', 5)");
  expect(part.actual).toContain("('a', 4)");
});

test('test --report and --watch do not mix', async () => {
  const said: string[] = [];
  const code = await testCommand([os.tmpdir()], { report: 'r', watch: true, out: (t) => void said.push(t), ci: false });
  expect(code).toBe(2);
  expect(said.join('')).toContain('--watch and --report do not mix');
});
