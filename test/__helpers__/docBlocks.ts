/**
 * The code blocks of README.md and docs/, and how each is checked (test/docs/codeBlocks.test.ts).
 *
 * A `ts` block runs as a program (as `dstream-sim run` runs one); when it shows its output in
 * comments — after `console.log(…)` on the same line, or as the comment lines that end the block
 * — what it prints must be exactly that. Other blocks say how they are checked with a comment
 * just before them, `<!-- check: <how> [path] -->`:
 *
 * - `file P`: the block is the file P; `within P`: the block's text appears in P as written;
 * - `excerpt P`: the block's lines appear in P in this order (`…` stands for lines left out);
 * - `files D`: the tree lists files of directory D that exist;
 * - `scenario-yaml` / `timeline-yaml`: the block loads as a scenario.yaml / timeline;
 * - `output`: a console session. The first line is `$ node bin/dstream-sim.js …`, the rest is
 *   exactly what the command prints (stdout; it must exit 0 with nothing on stderr). For `step`,
 *   lines `> cmd` are what the reader types; the output before each of them must be what the
 *   stepper printed before reading that command (checked by running it on every prefix of the
 *   commands);
 * - a `sh` block's lines are commands: `npm run X` / `npm test` name existing scripts,
 *   `node bin/dstream-sim.js …` runs (with `q` on stdin) and exits 0.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadScenario, parseTimeline } from 'dstream-sim';
import * as api from '../../src/api';
import { loadProgram } from '../../src/scenario/loadProgram';
import { ProgramConsole } from '../../src/scenario/ProgramConsole';

export const root = path.join(__dirname, '..', '..');

/** One fenced code block of a Markdown file. */
export interface Block {
  doc: string;
  line: number;
  lang: string;
  check: string | undefined;
  text: string;
}

/** The fenced blocks of a Markdown file (path relative to the repository), with their check markers. */
export function blocksOf(doc: string): Block[] {
  const lines = fs.readFileSync(path.join(root, doc), 'utf8').split('\n');
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const end = lines.indexOf('```', i + 1);
    if (end < 0) throw new Error(`${doc}:${i + 1}: unclosed code block`);
    const check = /^<!-- check: (.+) -->$/.exec(lines[i - 1] ?? '')?.[1];
    out.push({ doc, line: i + 1, lang: open[1]!, check, text: lines.slice(i + 1, end).join('\n') + '\n' });
    i = end;
  }
  return out;
}

/** README.md and every Markdown file under docs/, sorted. */
export function docFiles(): string[] {
  return ['README.md', ...fs.readdirSync(path.join(root, 'docs'), { recursive: true }).map((f) => path.join('docs', String(f)))]
    .filter((f) => f.endsWith('.md'))
    .sort();
}

/** What a ts block says it prints: comments after console.log(…), or the comment lines ending it. */
function expectedOutput(text: string): string[] | undefined {
  const lines = text.trimEnd().split('\n');
  const inline = lines.flatMap((l) => {
    const m = /console\.log\(.*\);\s*\/\/ (.*)$/.exec(l);
    return m ? [m[1]!] : [];
  });
  const trailing: string[] = [];
  for (let i = lines.length - 1; i >= 0 && lines[i]!.startsWith('// '); i--) trailing.unshift(lines[i]!.slice(3));
  const all = [...inline, ...trailing];
  return all.length > 0 ? all : undefined;
}

async function runTs(b: Block): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-doc-'));
  const file = path.join(dir, `${path.basename(b.doc, '.md')}-${b.line}.ts`);
  fs.writeFileSync(file, b.text);
  const printed: string[] = [];
  try {
    const program = loadProgram(file);
    await program.run({ api: api as unknown as Record<string, unknown>, scope: { console: new ProgramConsole((t) => void printed.push(t)) } });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const expected = expectedOutput(b.text);
  if (expected !== undefined) expect(printed.join('\n').split('\n')).toEqual(expected);
}

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A fresh directory where `scenarios` is the repository's (read only for these commands), so a
 * command that makes a scenario (`dstream-sim new …`) never writes into the repository.
 */
function inScratchDir<T>(fn: (cwd: string) => T): T {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-doc-sh-'));
  fs.symlinkSync(path.join(root, 'scenarios'), path.join(cwd, 'scenarios'));
  try {
    return fn(cwd);
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
}

/** Runs `node bin/dstream-sim.js <args>`, the shell parsing args (quotes, globs) as when a reader pastes them. */
function runCli(args: string, input: string, cwd: string): CliResult {
  const r = spawnSync('bash', ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(root, 'bin', 'dstream-sim.js'))} ${args}`], {
    cwd,
    input,
    encoding: 'utf8',
    // A doc's commands run as a user runs them: not as CI (which refuses to write goldens).
    env: Object.fromEntries(Object.entries({ ...process.env, NO_COLOR: '1' }).filter(([k]) => k !== 'CI')),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A session's command with the same input runs once per process (the two languages of the tutorial show the same sessions). */
const sessionRuns = new Map<string, CliResult>();
function runSession(args: string, input: string): CliResult {
  const key = JSON.stringify([args, input]);
  let r = sessionRuns.get(key);
  if (r === undefined) {
    r = inScratchDir((cwd) => runCli(args, input, cwd));
    sessionRuns.set(key, r);
  }
  return r;
}

/**
 * A sh block's commands run one after another in one scratch directory (`new x` then `test x`);
 * a block with the same text (the tutorial's two languages) runs once per process.
 */
const shellRuns = new Map<string, { cmd: string; status: number | null; stderr: string }[]>();
function runShell(b: Block): void {
  let runs = shellRuns.get(b.text);
  if (runs === undefined) {
    runs = inScratchDir((cwd) => runShellIn(b, cwd));
    shellRuns.set(b.text, runs);
  }
  for (const r of runs) expect(r).toEqual({ cmd: r.cmd, status: 0, stderr: '' });
}

/** Runs a sh block's commands (checking npm scripts and npx tools at once); returns how each dstream-sim command ended. */
function runShellIn(b: Block, cwd: string): { cmd: string; status: number | null; stderr: string }[] {
  const runs: { cmd: string; status: number | null; stderr: string }[] = [];
  const scripts = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  for (const raw of b.text.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (line === '') continue;
    for (const cmd of line.split('&&').map((c) => c.trim())) {
      const npm = /^npm (?:run (\S+)|(test)|ci)$/.exec(cmd);
      if (npm) {
        const script = npm[1] ?? npm[2];
        if (script !== undefined) expect(Object.keys(scripts)).toContain(script);
        continue;
      }
      const npx = /^npx (\S+)/.exec(cmd);
      if (npx) {
        // A tool from the project's devDependencies: it must be installed where the docs say.
        expect({ cmd, installed: fs.existsSync(path.join(root, 'node_modules', '.bin', npx[1]!)) }).toEqual({ cmd, installed: true });
        continue;
      }
      const cli = /^node bin\/dstream-sim\.js (.*)$/.exec(cmd);
      if (!cli) throw new Error(`${b.doc}:${b.line}: no rule checks the command '${cmd}'`);
      const r = runCli(cli[1]!, 'q\n', cwd);
      runs.push({ cmd, status: r.status, stderr: r.stderr });
    }
  }
  return runs;
}

/** What a stepper prints when its input ends: the end of the run. */
const endOfInput = /^\[\d+ ms\] (StreamingContext \d+ stopped \(program ended|receiver .* stopped$|warning: timeline: .* never happened)/;

/** A console session: `$ node bin/dstream-sim.js …`, then its output; in a `step` session `> cmd` lines are typed. */
function checkOutput(b: Block): void {
  const [first, ...rest] = b.text.trimEnd().split('\n');
  const cli = /^\$ node bin\/dstream-sim\.js (.*)$/.exec(first ?? '');
  if (!cli) throw new Error(`${b.doc}:${b.line}: an output block starts with '$ node bin/dstream-sim.js …', not '${first}'`);
  const cmd = cli[1]!;
  const typed = rest.filter((l) => l.startsWith('> ')).map((l) => l.slice(2));
  const shown = rest.filter((l) => !l.startsWith('> '));
  const r = runSession(cmd, typed.map((t) => `${t}\n`).join(''));
  expect({ cmd, status: r.status, stderr: r.stderr }).toEqual({ cmd, status: 0, stderr: '' });
  expect(r.stdout.trimEnd().split('\n')).toEqual(shown);
  // Each typed command stands where the stepper asked for it: with only the commands before it,
  // the stepper printed exactly the lines before it (then stopped at the end of its input).
  const before: string[] = [];
  let k = 0;
  for (const l of rest) {
    if (!l.startsWith('> ')) {
      before.push(l);
      continue;
    }
    const partial = runSession(cmd, typed.slice(0, k).map((t) => `${t}\n`).join(''));
    const printed = partial.stdout.split('\n');
    expect({ typed: l, before: printed.slice(0, before.length) }).toEqual({ typed: l, before });
    // The stepper printed nothing more before reading the command, except how the run ended
    // when its input did (the context and receivers stopped, timeline events that never came).
    expect({ typed: l, then: printed.slice(before.length).filter((p) => p !== '' && !endOfInput.test(p)) }).toEqual({ typed: l, then: [] });
    k++;
  }
}

/** The line continuations of a sh block joined, so a command spans one line. */
function joinContinuations(text: string): string {
  return text.replace(/\\\n\s*/g, ' ');
}

/** Checks one block as its marker (or its language) says; fails (a jest assertion or an Error) when the doc has drifted. */
export function check(b: Block): void | Promise<void> {
  const [how, arg] = (b.check ?? '').split(/\s+/, 2);
  const target = arg !== undefined ? path.join(root, arg) : '';
  switch (how) {
    case 'file':
      expect(b.text).toBe(fs.readFileSync(target, 'utf8'));
      return;
    case 'within':
      expect(fs.readFileSync(target, 'utf8')).toContain(b.text);
      return;
    case 'excerpt': {
      const lines = fs.readFileSync(target, 'utf8').split('\n');
      let at = 0;
      for (const l of b.text.trimEnd().split('\n')) {
        if (l === '…') continue;
        const i = lines.indexOf(l, at);
        expect({ line: l, found: i >= 0 }).toEqual({ line: l, found: true });
        at = i + 1;
      }
      return;
    }
    case 'files':
      for (const m of b.text.matchAll(/[├└]── (\S+)/g)) {
        expect({ file: m[1], exists: fs.existsSync(path.join(target, m[1]!)) }).toEqual({ file: m[1], exists: true });
      }
      return;
    case 'scenario-yaml': {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-doc-'));
      fs.writeFileSync(path.join(dir, 'scenario.yaml'), b.text);
      fs.writeFileSync(path.join(dir, 'program.ts'), '');
      fs.writeFileSync(path.join(dir, 'timeline.yaml'), 'sources: {}\nevents: []\n');
      try {
        expect(loadScenario(dir).until ?? loadScenario(dir).batches).toBeDefined();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      return;
    }
    case 'timeline-yaml':
      parseTimeline(b.text, `${b.doc}:${b.line}`);
      return;
    case 'output':
      checkOutput(b);
      return;
    case '':
    case undefined:
      if (b.lang === 'ts') return runTs(b);
      if (b.lang === 'sh') return runShell({ ...b, text: joinContinuations(b.text) });
      throw new Error(`${b.doc}:${b.line}: a ${b.lang || 'plain'} block needs <!-- check: … --> before it`);
    default:
      throw new Error(`${b.doc}:${b.line}: unknown check '${b.check}'`);
  }
}
