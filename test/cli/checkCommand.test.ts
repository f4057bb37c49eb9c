/** `dstream-sim check`: a scenario's program on generated timelines, a user's property, the shrunk counterexample. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseTimeline, runScenario } from 'dstream-sim';
import { loadPropertyFile, toScenarioRun, toTimeline } from 'dstream-sim/property';
import * as propertyModule from 'dstream-sim/property';
import { checkCommand } from '../../src/cli/commands/check';

const root = path.join(__dirname, '..', '..');
const wordCount = path.join(root, 'scenarios', 'notes-socket-word-count');
let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-check-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const property = (name: string, text: string): string => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
};
const run = async (dir: string, opts: Parameters<typeof checkCommand>[1]): Promise<{ code: number; out: string }> => {
  let out = '';
  const code = await checkCommand(dir, { ...opts, out: (t) => void (out += t), cwd: tmp });
  return { code, out };
};

const fixture = (name: string): string => path.join(__dirname, '..', 'property', 'fixtures', name);

test('a failing property is shrunk, printed as a timeline and saved as a scenario that fails it again', async () => {
  const file = fixture('no-word-thrice.ts');
  const { code, out } = await run(wordCount, { property: file, runs: 30, saveCounterexample: 'cx' });
  expect(code).toBe(1);
  expect(out).toContain('failed; shrinking to the smallest failing timeline');
  const yaml = /smallest failing timeline \(timeline\.yaml\):\n([\s\S]*?)\n\nsaved as a scenario: cx/.exec(out)![1]! + '\n';
  const t = parseTimeline(yaml);
  // The smallest failure is one batch with one or two lines: three of a word in one batch.
  expect(t.events.length).toBeLessThanOrEqual(2);
  expect(new Set(t.events.map((e) => Math.ceil(e.at / 3))).size).toBe(1);
  const saved = path.join(tmp, 'cx');
  expect(fs.readFileSync(path.join(saved, 'timeline.yaml'), 'utf8')).toBe(yaml);
  expect(fs.readdirSync(saved).sort()).toEqual(['program.ts', 'scenario.yaml', 'timeline.yaml']);
  const again = await runScenario(saved);
  const check = loadPropertyFile(file, propertyModule as unknown as Record<string, unknown>);
  expect(await check(toScenarioRun(t, again))).toBe(false);
}, 60_000);

test('a property that holds passes every run, with progress', async () => {
  const file = fixture('every-word-counted.ts');
  const { code, out } = await run(wordCount, { property: file, runs: 20 });
  expect(out).toContain('  10/20 timelines\n  12/20 timelines');
  expect(out.endsWith('passed: 20 timelines\n')).toBe(true);
  expect(code).toBe(0);
}, 60_000);

test('without a property, check runs the determinism law', async () => {
  const { code, out } = await run(wordCount, { runs: 5 });
  expect(out.split('\n')[0]).toBe(`checking ${wordCount}: the same timeline gives the same transcript (seed 1)`);
  expect(code).toBe(0);
}, 60_000);

test('bad usage says what to do', async () => {
  const noDefault = property('none.ts', 'export const x = 1;\n');
  expect(await run(wordCount, { property: noDefault })).toEqual({
    code: 2,
    out: `dstream-sim check: ${noDefault}: a property file's default export is a function of the run, e.g. export default (run) => run.outputs.length > 0\n`,
  });
  const noTimeline = path.join(root, 'scenarios', 'lifecycle-add-after-start');
  const r = await run(noTimeline, {});
  expect(r.code).toBe(2);
  expect(r.out).toContain('check needs a scenario with a timeline');
});

test('generated timelines keep the template’s sources and batch grid', () => {
  const t = toTimeline({ sources: [{ name: 'nc', kind: 'socket', address: 'localhost:9000' }], batchSeconds: 3 }, [
    [{ source: 'nc', offsetMs: 3000, kind: 'lines', lines: ['a'] }],
    [],
    [{ source: 'nc', offsetMs: 1, kind: 'lines', lines: ['b'] }],
  ]);
  expect(t.events.map((e) => e.at)).toEqual([3, 6.001]);
});

test('a saved counterexample keeps the scenario’s run length, cost and inspection, and loads', async () => {
  const { loadScenario } = await import('dstream-sim');
  const { saveScenario } = await import('dstream-sim/property');
  const original = loadScenario(path.join(root, 'scenarios', 'backpressure-catches-up'));
  const t = { sources: [{ name: 'nc', kind: 'socket' as const, address: 'localhost:9000' }], events: [{ at: 1, source: 'nc', kind: 'lines' as const, lines: ['x'] }] };
  saveScenario(path.join(tmp, 'saved'), original, t, 'one line');
  const saved = loadScenario(path.join(tmp, 'saved'));
  expect({ until: saved.until, cost: saved.cost, inspect: saved.inspect, description: saved.description.trim() }).toEqual({
    until: original.until,
    cost: original.cost,
    inspect: original.inspect,
    description: 'one line',
  });
  expect(parseTimeline(fs.readFileSync(saved.timeline!, 'utf8'))).toEqual(t);
});
