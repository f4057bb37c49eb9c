/**
 * The program loader: programs bundle with their relative modules, import the runner's own
 * dstream-sim, see the scope they are given, and report compile, type and runtime errors at the
 * user's own file:line:column.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as api from '../../src/index';
import { SimulationError } from '../../src/errors';
import { loadProgram, runProgram } from '../../src/scenario/loadProgram';
import { inJvm } from '../__helpers__/sim';

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-loader-'));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

let n = 0;
/** Write the files of a program directory; returns the path of its program.ts. */
function program(files: Record<string, string>): string {
  const dir = path.join(root, `p${n++}`);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return path.join(dir, 'program.ts');
}

/** A console that records what the program prints. */
function recorder(): { console: { log: (...a: unknown[]) => void }; lines: string[] } {
  const lines: string[] = [];
  return { console: { log: (...a: unknown[]) => void lines.push(a.map(String).join(' ')) }, lines };
}

/** What the promise rejects with (fails the test if it resolves). */
async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the promise to reject');
}

/** What the function throws (fails the test if it returns). */
function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

const lines = (...ls: string[]): string => ls.join('\n') + '\n';

describe('what a program can import', () => {
  test('relative modules (.ts and .js, in subdirectories) are bundled with the program', async () => {
    const file = program({
      'program.ts': lines(
        "import { shout } from './lib/words';",
        "import { twice } from './helpers.js';",
        "import data from './data.json';",
        'console.log(shout(twice(data.word)));',
      ),
      'lib/words.ts': lines('export const shout = (s: string): string => `${s.toUpperCase()}!`;'),
      'helpers.js': lines('export function twice(s) { return s + s; }'),
      'data.json': '{ "word": "ab" }',
    });
    const out = recorder();
    await runProgram(file, { api, scope: { console: out.console } });
    expect(out.lines).toEqual(['ABAB!']);
  });

  test("'dstream-sim' is the runner's own module instance", async () => {
    const file = program({
      'program.ts': lines("import * as sim from 'dstream-sim';", "import { SparkConf } from 'dstream-sim';", 'console.log(sim.marker, typeof SparkConf);'),
    });
    const out = recorder();
    await runProgram(file, { api: { ...api, marker: 'the runner api' }, scope: { console: out.console } });
    expect(out.lines).toEqual(['the runner api function']);
  });

  test('dynamic import() of a relative module, a package and a computed name', async () => {
    const file = program({
      'program.ts': lines(
        "const { twice } = await import('./helpers');",
        "const p = await import('node:path');",
        "const name = ['node', 'os'].join(':');",
        'const o = await import(name);',
        "console.log(twice(2), p.basename('/a/b.txt'), typeof o.EOL);",
      ),
      'helpers.ts': lines('export const twice = (n: number): number => 2 * n;'),
    });
    const out = recorder();
    await runProgram(file, { api, scope: { console: out.console } });
    expect(out.lines).toEqual(['4 b.txt string']);
  });

  test('the text import( inside strings and comments is left alone', async () => {
    const file = program({
      'program.ts': lines(
        '// import(comment)',
        "const where = 'x';",
        'console.log("import(x)", `import(${where})`, \'await import("y")\');',
      ),
    });
    const out = recorder();
    await runProgram(file, { api, scope: { console: out.console } });
    expect(out.lines).toEqual(['import(x) import(x) await import("y")']);
  });

  test('the program starts within the call, top-level await runs in order, exports are allowed', async () => {
    const file = program({
      'program.ts': lines(
        "export const name = 'tla';",
        "console.log('before');",
        'await new Promise<void>((resolve) => queueMicrotask(resolve));',
        "console.log('after', name);",
      ),
    });
    const out = recorder();
    const run = runProgram(file, { api, scope: { console: out.console } });
    // The program runs up to its first await within the call: the stepper relies on it.
    expect(out.lines).toEqual(['before']);
    await run;
    expect(out.lines).toEqual(['before', 'after tla']);
  });
});

describe('the program scope', () => {
  test('a console in the scope gets the console calls of the program and its modules; the global console is untouched', async () => {
    const file = program({
      'program.ts': lines("import { greet } from './greet';", "console.log('from program', 1);", 'greet();'),
      'greet.ts': lines("export function greet(): void { console.log('from module'); }"),
    });
    const globalLog = console.log;
    const spy = jest.spyOn(console, 'log');
    try {
      const out = recorder();
      await runProgram(file, { api, scope: { console: out.console } });
      expect(out.lines).toEqual(['from program 1', 'from module']);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    expect(console.log).toBe(globalLog);
  });

  test('a scope name that cannot be a variable is refused with the fix', async () => {
    const file = program({ 'program.ts': lines('console.log(1);') });
    for (const name of ['class', 'eval', 'require']) {
      const e = await rejection(runProgram(file, { api, scope: { [name]: 1 } }));
      expect(e.message).toMatch(new RegExp(`^runProgram: scope name '${name}' cannot be a variable of the program`));
    }
    const e = await rejection(runProgram(file, { api, scope: { 'not-a-name': 1 } }));
    expect(e).toBeInstanceOf(SimulationError);
    expect(e.message).toBe("runProgram: scope name 'not-a-name' cannot be a variable of the program; use an identifier other than __dstreamSimRequire, require, __filename, __dirname");
  });

  test('two programs run at once each see their own scope', async () => {
    const a = program({ 'program.ts': lines("await Promise.resolve();", "console.log('a');") });
    const b = program({ 'program.ts': lines("await Promise.resolve();", "console.log('b');") });
    const [oa, ob] = [recorder(), recorder()];
    await Promise.all([runProgram(a, { api, scope: { console: oa.console } }), runProgram(b, { api, scope: { console: ob.console } })]);
    expect([oa.lines, ob.lines]).toEqual([['a'], ['b']]);
  });
});

describe('compile errors', () => {
  test("a syntax error shows esbuild's message at program.ts:line:column with the failing line", async () => {
    const file = program({ 'program.ts': lines("import { SparkConf } from 'dstream-sim';", '', 'const a = 1 x;') });
    const e = thrown(() => loadProgram(file));
    expect(e).toBeInstanceOf(SimulationError);
    expect((e as SimulationError).errorClass).toBe('PROGRAM_INVALID');
    expect(e.message).toBe(['program.ts:3:13: ERROR: Expected ";" but found "x"', '  3 | const a = 1 x;', '    |             ^'].join('\n'));
  });

  test('an error in a relative module names that module; columns count characters, not bytes', async () => {
    const file = program({
      'program.ts': lines("import { f } from './lib/bad';", 'f();'),
      'lib/bad.ts': lines("export function f(): void {", "  const s = 'héllo😀'; s s;", '}'),
    });
    const e = thrown(() => loadProgram(file));
    expect(e.message).toBe(
      ['lib/bad.ts:2:26: ERROR: Expected ";" but found "s"', "  2 |   const s = 'héllo😀'; s s;", `    | ${' '.repeat(25)}^`].join('\n'),
    );
  });

  test('an import that resolves to nothing is refused at its line', async () => {
    const file = program({ 'program.ts': lines('const x = 1;', "import { y } from './missing';", 'console.log(x, y);') });
    const e = thrown(() => loadProgram(file));
    expect(e.message).toBe(['program.ts:2:19: ERROR: Could not resolve "./missing"', "  2 | import { y } from './missing';", '    |                   ^'].join('\n'));
  });

  test('a missing program file', async () => {
    const e = thrown(() => loadProgram(path.join(root, 'nowhere', 'program.ts')));
    expect((e as SimulationError).errorClass).toBe('PROGRAM_NOT_FOUND');
    expect(e.message).toContain('cannot read the program');
  });
});

describe('runtime errors at the user line', () => {
  test('an error thrown at the top level is located at program.ts:line:column', async () => {
    const file = program({
      'program.ts': lines(
        "import { SparkConf } from 'dstream-sim';",
        'const conf: SparkConf = new SparkConf();',
        "type T = { a: number };",
        "if (conf) throw new Error('boom');",
      ),
    });
    const prog = loadProgram(file);
    const e = await rejection(prog.run({ api }));
    expect(e.message).toBe('boom');
    expect(prog.locate(e)).toEqual({
      file: 'program.ts',
      line: 4,
      column: 17,
      where: 'program.ts:4:17',
      frame: ["  4 | if (conf) throw new Error('boom');", '    |                 ^'].join('\n'),
    });
    expect(prog.mapStack(e)).toBe(['Error: boom', '    at program.ts:4:17'].join('\n'));
  });

  test("an error the engine throws is located at the user's call, not in the engine", async () => {
    const file = program({
      'program.ts': lines(
        "import { SparkContext, StreamingContext } from 'dstream-sim';",
        "const sc = new SparkContext({ master: 'local[2]', appName: 'loader' });",
        'const ssc = new StreamingContext(sc, 1);',
        '',
        '  ssc.start();',
      ),
    });
    const prog = loadProgram(file);
    const e = await inJvm(() => rejection(prog.run({ api })));
    expect(e.message).toBe('requirement failed: No output operations registered, so nothing to execute');
    expect(prog.locate(e)?.where).toBe('program.ts:5:7');
    const stack = prog.mapStack(e);
    expect(stack).toBe(['IllegalArgumentError: requirement failed: No output operations registered, so nothing to execute', '    at program.ts:5:7'].join('\n'));
  });

  test('frames in relative modules map to their files, with function names', async () => {
    const file = program({
      'program.ts': lines("import { parse } from './lib/parse';", '', 'parse("{");'),
      'lib/parse.ts': lines('export function parse(text: string): unknown {', '  return check(text);', '}', 'function check(text: string): unknown {', "  if (text === '{') throw new RangeError(`unbalanced: ${text}`);", '  return text;', '}'),
    });
    const prog = loadProgram(file);
    const e = await rejection(prog.run({ api }));
    expect(prog.mapStack(e)).toBe(
      ['RangeError: unbalanced: {', '    at check (lib/parse.ts:5:27)', '    at parse (lib/parse.ts:2:10)', '    at program.ts:3:1'].join('\n'),
    );
    // V8 places the error where it is constructed: at `new`.
    expect(prog.locate(e)?.frame).toBe(["  5 |   if (text === '{') throw new RangeError(`unbalanced: ${text}`);", `    | ${' '.repeat(26)}^`].join('\n'));
  });

  test('an error in a map lambda run later, in a batch, is located at the lambda line', async () => {
    const file = program({
      'program.ts': lines(
        "import { SparkContext, StreamingContext } from 'dstream-sim';",
        "const sc = new SparkContext({ master: 'local[2]', appName: 'loader' });",
        'const ssc = new StreamingContext(sc, 1);',
        "ssc.queueStream([sc.parallelize(['a', 'bb'])])",
        '  .map((w) => {',
        "    if (w.length > 1) throw new TypeError(`too long: ${w}`);",
        '    return w;',
        '  })',
        '  .pprint();',
        'ssc.start();',
        'await ssc.awaitTermination();',
      ),
    });
    const prog = loadProgram(file);
    const e = await inJvm(() => rejection(prog.run({ api })), { horizonMs: 3000 });
    // Spark reports the failed job (a SparkError whose cause is the lambda's error) to awaitTermination.
    expect(e.message).toContain('Job aborted due to stage failure');
    expect(prog.locate(e)).toMatchObject({ where: 'program.ts:6:29', line: 6 });
    expect(prog.mapStack(e)).toMatch(/\nCaused by: TypeError: too long: bb\n {4}at program\.ts:6:29/);
  });

  test('a function of the program called after the run resolves is still mapped', async () => {
    const file = program({ 'program.ts': lines("import { later } from 'dstream-sim';", '', 'later(() => {', '  return [1].map((x) => (x as unknown as { a: { b: number } }).a.b);', '});') });
    const prog = loadProgram(file);
    let saved: (() => unknown) | undefined;
    await prog.run({ api: { later: (f: () => unknown) => (saved = f) } });
    let caught: unknown;
    try {
      saved!();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(TypeError);
    // The property read from undefined: `.b`, past the type assertion esbuild removed.
    expect(prog.locate(caught)?.where).toBe('program.ts:4:66');
  });

  test('an error that did not come out of the program has no location', async () => {
    const prog = loadProgram(program({ 'program.ts': lines('export {};') }));
    expect(prog.locate(new Error('elsewhere'))).toBeUndefined();
    expect(prog.locate('a string')).toBeUndefined();
    expect(prog.mapStack('a string')).toBe('a string');
  });
});

describe('--typecheck', () => {
  test('type errors are reported at program.ts:line:column and the program does not run', async () => {
    const file = program({
      'program.ts': lines(
        "import { SparkContext, StreamingContext } from 'dstream-sim';",
        "import { count } from './lib/count';",
        "const sc = new SparkContext({ master: 'local[2]', appName: 'typed' });",
        "const ssc = new StreamingContext(sc, 'one second');",
        "console.log(count('x'));",
        'ssc.start();',
      ),
      'lib/count.ts': lines('export const count = (n: number): number => n + 1;'),
    });
    const out = recorder();
    const e = await rejection(runProgram(file, { api, typecheck: true, scope: { console: out.console } }));
    expect((e as SimulationError).errorClass).toBe('PROGRAM_TYPE_ERROR');
    expect(e.message.split('\n').filter((l) => /error TS/.test(l))).toEqual([
      expect.stringMatching(/^program\.ts:4:38 - error TS2345: Argument of type 'string' is not assignable to parameter of type '.*'\.$/),
      "program.ts:5:19 - error TS2345: Argument of type 'string' is not assignable to parameter of type 'number'.",
    ]);
    expect(e.message).toContain(["  5 | console.log(count('x'));", '    |                   ^'].join('\n'));
    expect(out.lines).toEqual([]);
  }, 60_000);

  test('a program that type-checks runs', async () => {
    const file = program({
      'program.ts': lines("import { SparkConf } from 'dstream-sim';", "import { count } from './lib/count';", "console.log(count(1), new SparkConf().get('x', 'd'));"),
      'lib/count.ts': lines('export const count = (n: number): number => n + 1;'),
    });
    const out = recorder();
    await runProgram(file, { api, typecheck: true, scope: { console: out.console } });
    expect(out.lines).toEqual(['2 d']);
  }, 60_000);
});
