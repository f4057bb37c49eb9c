/** `dstream-sim test`: progress rows, -t filters, JUnit and JSON reports, --watch, colour. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { testCommand, type TestCommandOptions } from '../../src/cli/commands/test';
import { copyScenarios, removeCopies, until } from '../__helpers__/scenarioDirs';

afterEach(removeCopies);

async function run(paths: string[], opts: TestCommandOptions = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await testCommand(paths, { ci: false, color: false, ...opts, out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

/** Break the golden of `root/name` at the line that holds `from`. */
function breakGolden(root: string, name: string, from: string, to: string): void {
  const golden = path.join(root, name, 'expected.golden');
  const text = fs.readFileSync(golden, 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(golden, text.replace(from, to));
}

test("each scenario's row is printed as it finishes, before the next scenario runs", async () => {
  const root = copyScenarios('notes-flat-map', 'notes-map');
  for (const n of ['notes-flat-map', 'notes-map']) {
    const program = path.join(root, n, 'program.ts');
    fs.writeFileSync(program, `(globalThis as any).__order.push('run ${n}');\n${fs.readFileSync(program, 'utf8')}`);
  }
  const order: string[] = [];
  (globalThis as { __order?: string[] }).__order = order;
  try {
    await testCommand([root], { ci: false, color: false, cwd: root, out: (t) => void order.push(...t.split('\n').filter((l) => l.trim() !== '').map((l) => l.split(/\s+/)[0]!)) });
  } finally {
    delete (globalThis as { __order?: string[] }).__order;
  }
  expect(order).toEqual(['scenario', 'run notes-flat-map', 'notes-flat-map', 'run notes-map', 'notes-map', '2']);
});

describe('-t / --filter', () => {
  test('runs only the scenarios whose name matches the glob', async () => {
    const root = copyScenarios('notes-flat-map', 'notes-map', 'notes-window');
    const r = await run([root], { filter: ['notes-*map'] });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/notes-flat-map\s+\d+\s+pass/);
    expect(r.out).toMatch(/notes-map\s+\d+\s+pass/);
    expect(r.out).not.toContain('notes-window');
    expect(r.out).toMatch(/\n2 passed, 0 failed\n$/);
  });

  test('? is one character and a glob matches the whole name; several globs add up', async () => {
    const root = copyScenarios('notes-flat-map', 'notes-map', 'notes-window');
    expect((await run([root], { filter: ['notes-windo?'] })).out).toMatch(/^scenario.*\n\S*notes-window .*\n\n1 passed, 0 failed\n$/);
    expect((await run([root], { filter: ['notes-wind?'] })).code).toBe(2);
    expect((await run([root], { filter: ['notes-map', 'notes-w*'] })).out).toMatch(/\n2 passed, 0 failed\n$/);
  });

  test('no match is an error that names the pattern and the scenarios there are (exit 2)', async () => {
    const root = copyScenarios('notes-flat-map', 'notes-map');
    const r = await run([root], { filter: ['lifecycle-*'] });
    expect(r.code).toBe(2);
    expect(r.out).toBe(
      "dstream-sim test: no scenario matches 'lifecycle-*' (-t matches scenario names, i.e. directory names, with * and ?; " +
        'quote the pattern so the shell does not expand it). The 2 found: notes-flat-map, notes-map\n',
    );
  });
});

describe('--reporter', () => {
  test('json to stdout: the report alone on stdout, the table on stderr', async () => {
    const root = copyScenarios('notes-map', 'notes-update-state-by-key');
    breakGolden(root, 'notes-update-state-by-key', "('a', 4)", "('a', 5)");
    const r = await run([root], { reporter: 'json', cwd: root });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/notes-update-state-by-key\s+4\s+FAIL/);
    expect(r.err).toMatch(/\n1 passed, 1 failed\n$/);
    const report = JSON.parse(r.out);
    for (const s of report.scenarios) expect(typeof s.durationMs).toBe('number');
    for (const s of report.scenarios) delete s.durationMs;
    const message = report.scenarios[1].message as string;
    delete report.scenarios[1].message;
    expect(report).toEqual({
      numPassed: 1,
      numFailed: 1,
      scenarios: [
        { name: 'notes-map', status: 'passed', batches: 1 },
        { name: 'notes-update-state-by-key', status: 'failed', batches: 4 },
      ],
      obsoleteGoldens: [],
    });
    expect(message).toMatch(/^first difference in batch 9000 ms \(line \d+\); review the actual output/);
    expect(message).toContain("-('a', 5)\n+('a', 4)");
  });

  test('junit to a file: a testcase per scenario, the failure with the first difference and the diff', async () => {
    const root = copyScenarios('notes-map', 'notes-update-state-by-key');
    breakGolden(root, 'notes-update-state-by-key', "('a', 4)", "('a', 5)");
    const file = path.join(root, 'reports', 'scenarios.xml');
    const r = await run([root], { reporter: 'junit', outputFile: file, cwd: root });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^scenario\s+batches\s+result\s+time\n/);
    expect(r.err).toBe('');
    const xml = fs.readFileSync(file, 'utf8').replace(/time="\d+\.\d{3}"/g, 'time="T"');
    const lines = xml.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="dstream-sim" tests="2" failures="1" errors="0" time="T">',
      '  <testsuite name="dstream-sim test" tests="2" failures="1" errors="0" skipped="0" time="T">',
      '    <testcase classname="dstream-sim" name="notes-map" time="T"/>',
    ]);
    expect(lines[4]).toBe('    <testcase classname="dstream-sim" name="notes-update-state-by-key" time="T">');
    expect(lines[5]).toMatch(
      /^ {6}<failure message="first difference in batch 9000 ms \(line \d+\); review the actual output, then update the golden: dstream-sim test --update notes-update-state-by-key \(or UPDATE_GOLDEN=1 npx jest\)" type="golden mismatch">/,
    );
    const body = /<failure [^>]*>([\s\S]*)<\/failure>/.exec(xml)![1]!;
    expect(body).not.toMatch(/[<>]/);
    expect(body).toContain('&gt;&gt;&gt; first difference, in batch 9000 ms');
    expect(body).toContain('-(&apos;a&apos;, 5)\n+(&apos;a&apos;, 4)');
    expect(xml.endsWith('    </testcase>\n  </testsuite>\n</testsuites>\n')).toBe(true);
  });

  test('a scenario that cannot run is an error element', async () => {
    const root = copyScenarios('notes-map');
    fs.appendFileSync(path.join(root, 'notes-map', 'scenario.yaml'), 'colour: blue\n');
    const r = await run([root], { reporter: 'junit', cwd: root });
    expect(r.code).toBe(1);
    expect(r.out).toContain('tests="1" failures="0" errors="1"');
    expect(r.out).toMatch(/<error message="SimulationError: [^"]*scenario.yaml:\d+: unknown field &apos;colour&apos;[^"]*" type="error">/);
  });

  test('misuse is refused with the fix (exit 2)', async () => {
    const root = copyScenarios('notes-map');
    const noReporter = await run([root], { outputFile: 'r.xml' });
    expect(noReporter).toMatchObject({ code: 2, out: 'dstream-sim test: --output-file names where the report goes: add --reporter junit or --reporter json\n' });
    const watching = await run([root], { reporter: 'json', outputFile: 'r.json', watch: true });
    expect(watching.code).toBe(2);
    expect(watching.out).toContain('--watch and --reporter do not mix');
    const blocked = path.join(root, 'a-file');
    fs.writeFileSync(blocked, '');
    const unwritable = await run([root], { reporter: 'json', outputFile: path.join(blocked, 'r.json') });
    expect(unwritable.code).toBe(2);
    expect(unwritable.out).toContain(`dstream-sim test: cannot write the json report to ${path.join(blocked, 'r.json')} (`);
    expect(unwritable.out).toContain('give --output-file a writable path');
  });
});

test('--watch reruns only the scenario whose files changed, and ends when the signal aborts', async () => {
  const root = copyScenarios('notes-flat-map', 'notes-map');
  const golden = path.join(root, 'notes-map', 'expected.golden');
  const good = fs.readFileSync(golden, 'utf8');
  const ac = new AbortController();
  let out = '';
  const done = testCommand([root], { ci: false, color: false, watch: true, signal: ac.signal, debounceMs: 20, cwd: root, out: (t) => void (out += t) });
  try {
    const watching = 'watching 2 scenarios for changes (Ctrl-C to stop)\n';
    await until(() => out.includes(watching), 'the first run');
    expect(out).toMatch(/^scenario[\s\S]*\n2 passed, 0 failed\n\nwatching 2 scenarios/);

    let mark = out.length;
    fs.writeFileSync(golden, good.replace("('a', 1)", "('a', 2)"));
    await until(() => out.slice(mark).includes(watching), 'the rerun after breaking the golden');
    const rerun = out.slice(mark);
    expect(rerun).toMatch(/^\n1 changed: rerunning notes-map\n\nscenario +batches +result +time\nnotes-map +1 +FAIL/);
    expect(rerun).not.toContain('notes-flat-map');
    expect(rerun).toContain('\n0 passed, 1 failed\n');

    mark = out.length;
    fs.writeFileSync(golden, good);
    await until(() => out.slice(mark).includes(watching), 'the rerun after mending the golden');
    expect(out.slice(mark)).toMatch(/notes-map +1 +pass[\s\S]*\n1 passed, 0 failed\n/);
  } finally {
    ac.abort();
  }
  await expect(done).resolves.toBe(0);
}, 30_000);

test('--color colours the result column; --no-color (and the default off a terminal) does not', async () => {
  const root = copyScenarios('notes-map');
  expect((await run([root], { color: true })).out).toContain('\u001b[32mpass   \u001b[39m');
  expect((await run([root], { color: false })).out).not.toContain('\u001b[');
});
