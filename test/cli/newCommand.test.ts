/** `dstream-sim new`: a scenario directory that runs at once (issue 9, item 15). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import { runScenario } from 'dstream-sim';
import { newCommand, type NewCommandOptions } from '../../src/cli/commands/new';
import { scenarioTemplate, TEMPLATE_SOURCES } from '../../src/cli/commands/templates';
import { testCommand } from '../../src/cli/commands/test';

let root: string;
beforeEach(() => void (root = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-new-'))));
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function scaffold(name: string, opts: NewCommandOptions = {}): { code: number; out: string } {
  let out = '';
  const code = newCommand(name, { cwd: root, ...opts, out: (t) => void (out += t) });
  return { code, out };
}

describe.each(TEMPLATE_SOURCES)('new --from %s', (from) => {
  test('writes program.ts, scenario.yaml (and a timeline when the source needs one) that run into batches with output', async () => {
    const r = scaffold('my-wc', { from, dir: '.' });
    expect(r.code).toBe(0);
    const dir = path.join(root, 'my-wc');
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(from === 'queue' ? ['program.ts', 'scenario.yaml'] : ['program.ts', 'scenario.yaml', 'timeline.yaml']);
    expect(r.out).toContain(`created my-wc/ (a word count over a ${from} source): `);
    expect(r.out).toContain('dstream-sim test my-wc --update my-wc\n');
    expect(fs.readFileSync(path.join(dir, 'program.ts'), 'utf8')).toContain("from 'dstream-sim'");
    expect(fs.readFileSync(path.join(dir, 'scenario.yaml'), 'utf8')).toMatch(/^description: >\n {2}TODO: /);

    const result = await runScenario(dir);
    expect(result.events.filter((e) => e.type === 'programFailed' || e.type === 'warning' || e.type === 'errorReported')).toEqual([]);
    const outputs = result.events.flatMap((e) => (e.type === 'outputWritten' && e.records.length > 0 ? [[e.batchTime, e.records]] : []));
    expect(outputs).toEqual([
      [1000, [['hello', 2], ['streaming', 1], ['spark', 1]]],
      [2000, [['streaming', 1], ['spark', 1]]],
    ]);
    expect(result.printed).toContain("Time: 1970-01-01 00:00:01\n-------------------------------------------\n('hello', 2)\n");
  });

  test('dstream-sim test --update records its golden, then it passes', async () => {
    expect(scaffold('wc', { from }).code).toBe(0);
    let text = '';
    const out = (t: string): void => void (text += t);
    expect(await testCommand(['wc'], { cwd: root, ci: false, update: ['wc'], out })).toBe(0);
    expect(text).toMatch(/wc\s+3\s+updated/);
    expect(await testCommand(['wc'], { cwd: root, ci: false, out })).toBe(0);
    expect(text).toMatch(/wc\s+3\s+pass/);
  });
});

test('--dir chooses the parent; the default source is a socket', () => {
  fs.mkdirSync(path.join(root, 'scenarios'));
  const r = scaffold('first', { dir: 'scenarios' });
  expect(r.code).toBe(0);
  expect(fs.readFileSync(path.join(root, 'scenarios', 'first', 'program.ts'), 'utf8')).toContain("ssc.socketTextStream('localhost', 9999)");
  expect(r.out).toContain('dstream-sim test scenarios/first --update first\n');
});

test('an existing directory is refused and left as it was', () => {
  fs.mkdirSync(path.join(root, 'taken'));
  fs.writeFileSync(path.join(root, 'taken', 'program.ts'), 'mine\n');
  const r = scaffold('taken');
  expect(r.code).toBe(2);
  expect(r.out).toBe("dstream-sim new: 'taken' already exists; choose another name, or remove it first\n");
  expect(fs.readdirSync(path.join(root, 'taken'))).toEqual(['program.ts']);
  expect(fs.readFileSync(path.join(root, 'taken', 'program.ts'), 'utf8')).toBe('mine\n');
});

test.each(['../escape', 'a/b', '.hidden', '-x', '..', '', 'two words', '/abs'])('the name %j is refused', (name) => {
  const r = scaffold(name);
  expect(r.code).toBe(2);
  expect(r.out).toBe(
    `dstream-sim new: '${name}' is not a plain directory name; use letters, digits, '.', '_' and '-' (e.g. my-word-count), and --dir <parent> to say where\n`,
  );
  expect(fs.readdirSync(root)).toEqual([]);
});

test('a --dir that is not a directory is refused', () => {
  const r = scaffold('x', { dir: 'nowhere' });
  expect(r.code).toBe(2);
  expect(r.out).toBe("dstream-sim new --dir: 'nowhere' is not a directory; create it first\n");
});

test('the programs type-check against the package, as the bundled scenarios do', () => {
  const files = TEMPLATE_SOURCES.map((from) => {
    const file = path.join(root, `${from}.ts`);
    fs.writeFileSync(file, `${scenarioTemplate(from, from)['program.ts']}\nexport {};\n`);
    return file;
  });
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: ['node'],
    typeRoots: [path.join(__dirname, '..', '..', 'node_modules', '@types')],
    skipLibCheck: true,
    paths: { 'dstream-sim': [path.join(__dirname, '..', '..', 'src', 'index.ts')] },
  });
  const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file === undefined || files.includes(path.resolve(d.file.fileName)));
  expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
}, 60_000);
