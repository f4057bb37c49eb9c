/**
 * Issue 9, item 12: a bad scenario.yaml value is an error naming the file, the line and the field
 * — never a run whose failure could be written into a golden.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadScenario, runScenario } from '../../src/index';
import { testCommand } from '../../src/cli/commands/test';

let root: string;
beforeEach(() => void (root = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-scenario-'))));
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** A scenario directory with this scenario.yaml, a program.ts (unless `program: false`) and a timeline.yaml. */
function scenario(yaml: string, opts: { program?: boolean } = {}): { dir: string; file: string } {
  const dir = path.join(root, 'bad');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'scenario.yaml'), yaml);
  if (opts.program !== false) fs.writeFileSync(path.join(dir, 'program.ts'), "console.log('ran');\n");
  fs.writeFileSync(path.join(dir, 'timeline.yaml'), 'sources: {}\nevents: []\n');
  return { dir, file: path.join(dir, 'scenario.yaml') };
}

const INSPECT = 'inputs, streams, windows, state, delays, checkpoints';

const cases: [string, string, string][] = [
  ['inspect: 5', 'until: 3\ninspect: 5\n', `:2: inspect: a map of what the golden also shows (${INSPECT}), e.g. { windows: true, state: true }`],
  ['an unknown inspect key', 'until: 3\ninspect: {windowz: true}\n', `:2: inspect.windowz: unknown (expected ${INSPECT})`],
  ['a non-boolean inspect value', "until: 3\ninspect:\n  state: true\n  windows: 'yes'\n", ':4: inspect.windows: must be true or false, not "yes"'],
  ['inspect.streams other than all or none', 'until: 3\ninspect: { streams: [map] }\n', `:2: inspect.streams: must be 'all' or 'none', not ["map"]`],
  ['cost: 5', 'until: 3\ncost: 5\n', ':2: cost: a map of seconds (perBatch, perRecord, perOutput, perStream), e.g. { perBatch: 1.5 } or { perRecord: 0.001, perStream: { "reduceByKey [3]": 0.2 } }'],
  ['an unknown cost key', 'until: 3\ncost:\n  perJob: 1\n', ':3: cost.perJob: unknown (expected perBatch, perRecord, perOutput, perStream)'],
  ['a negative cost', 'until: 3\ncost: { perBatch: -1 }\n', ':2: cost.perBatch: must be a number of seconds ≥ 0, not -1'],
  ['a perStream cost that is not seconds', 'until: 3\ncost:\n  perStream:\n    "map [1]": fast\n', ':4: cost.perStream.map [1]: must be a number of seconds ≥ 0, not "fast"'],
  ['an invalid timeZone', 'until: 3\ntimeZone: Mars/Olympus_Mons\n', ":2: timeZone: 'Mars/Olympus_Mons' is not a time zone; use an IANA name such as UTC or Europe/Paris"],
  ['a non-string program', 'until: 3\nprogram: 5\n', ':2: program: must be a string (a file name, e.g. program.ts), not 5'],
  ['a non-string timeline', 'until: 3\ntimeline: [a.yaml]\n', ':2: timeline: must be a string (a file name, e.g. timeline.yaml), not ["a.yaml"]'],
  ['a non-string description', 'description:\n  what: x\nuntil: 3\n', ':1: description: must be a string (a paragraph of text), not {"what":"x"}'],
  [
    'a program that does not exist',
    'until: 3\nprogram: prog.ts\n',
    ":2: program: 'prog.ts' does not exist (paths are relative to the scenario's directory); create it or fix the name",
  ],
  [
    'a timeline that does not exist',
    'until: 3\n\ntimeline: timeline.yml\n',
    ":3: timeline: 'timeline.yml' does not exist (paths are relative to the scenario's directory); create it or fix the name",
  ],
  ['a negative until', 'description: x\nuntil: -1\n', ':2: until: must be a number ≥ 0'],
  ['an unknown field', 'until: 3\nbatchez: 2\n', ":2: unknown field 'batchez' (expected description, program, timeline, until, batches, inspect, timeZone, startDate, cost)"],
  ['a YAML syntax error', 'until: 3\ninspect: { windows: true\n', ':3: '],
];

describe('scenario.yaml values are checked, with file:line', () => {
  test.each(cases)('%s', async (_name, yaml, message) => {
    const { dir, file } = scenario(yaml);
    expect(() => loadScenario(dir)).toThrow(`${file}${message}`);
    await expect(runScenario(dir)).rejects.toThrow(`${file}${message}`);
  });

  test('a missing default program.ts is named', () => {
    const { dir, file } = scenario('until: 3\n', { program: false });
    expect(() => loadScenario(dir)).toThrow(
      `${file}: program: 'program.ts' (the default) does not exist (paths are relative to the scenario's directory); create it or fix the name`,
    );
  });

  test('valid values load', () => {
    const { dir } = scenario('until: 3\ntimeline: timeline.yaml\ntimeZone: Europe/Paris\ninspect: { inputs: false, streams: all, windows: true, state: false }\n');
    const s = loadScenario(dir);
    expect(s.inspect).toEqual({ inputs: false, streams: 'all', windows: true, state: false });
    expect(s.timeZone).toBe('Europe/Paris');
    expect(s.timeline).toBe(path.join(dir, 'timeline.yaml'));
    expect(s.program).toBe(path.join(dir, 'program.ts'));
  });

  test('dstream-sim test reports a bad scenario as an ERROR with file:line, and --update writes no golden for it', async () => {
    const { dir, file } = scenario('until: 3\nprogram: prog.ts\n');
    let text = '';
    const code = await testCommand([dir], { ci: false, update: true, out: (t) => void (text += t) });
    expect(code).toBe(1);
    expect(text).toMatch(/bad\s+0\s+ERROR/);
    expect(text).toContain(`${file}:2: program: 'prog.ts' does not exist`);
    expect(fs.existsSync(path.join(dir, 'expected.golden'))).toBe(false);
  });
});

describe('docs/scenarios.md, as written', () => {
  const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'scenarios.md'), 'utf8');

  test('its scenario.yaml example loads', () => {
    const { dir } = scenario(/```yaml\n([\s\S]*?)```/.exec(doc)![1]!);
    const s = loadScenario(dir);
    expect(s.until).toBe(9);
    expect(s.inspect).toEqual({ windows: true, state: true });
    expect(s.description.length).toBeGreaterThan(10);
  });

  test('the error it quotes is the one a user gets', () => {
    const quoted = /`scenarios\/x\/(scenario\.yaml:4: [^`]*)`/.exec(doc.replace(/\s*\n\s*/g, ' '))![1]!;
    const { dir } = scenario("description: x\nuntil: 3\ninspect:\n  windows: 'yes'\n");
    expect(() => loadScenario(dir)).toThrow(`${path.join(dir, quoted)}`);
  });
});
