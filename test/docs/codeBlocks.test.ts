/**
 * Every code block in README.md and docs/ is executed or compared, so the docs cannot drift.
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
 * - a `sh` block's lines are commands: `npm run X` / `npm test` name existing scripts,
 *   `node bin/dstream-sim.js …` runs (with `q` on stdin) and exits 0.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadScenario, parseTimeline } from 'dstream-sim';
import * as api from '../../src/api';
import * as property from '../../src/property';
import { loadProgram } from '../../src/scenario/loadProgram';
import { ProgramConsole } from '../../src/scenario/ProgramConsole';

const root = path.join(__dirname, '..', '..');

interface Block {
  doc: string;
  line: number;
  lang: string;
  check: string | undefined;
  text: string;
}

function blocksOf(doc: string): Block[] {
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

const docs = ['README.md', ...fs.readdirSync(path.join(root, 'docs'), { recursive: true }).map((f) => path.join('docs', String(f)))]
  .filter((f) => f.endsWith('.md'))
  .sort();
const blocks = docs.flatMap(blocksOf);

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
    await program.run({ api: api as unknown as Record<string, unknown>, modules: { 'dstream-sim/property': property }, scope: { console: new ProgramConsole((t) => void printed.push(t)) } });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const expected = expectedOutput(b.text);
  if (expected !== undefined) expect(printed.join('\n').split('\n')).toEqual(expected);
}

/**
 * A sh block runs in a fresh directory where `scenarios` is the repository's (read only for these
 * commands) and `bin/dstream-sim.js` is the built command, so a block that makes a scenario
 * (`dstream-sim new …`) never writes into the repository.
 */
function runShell(b: Block): void {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-doc-sh-'));
  fs.symlinkSync(path.join(root, 'scenarios'), path.join(cwd, 'scenarios'));
  try {
    runShellIn(b, cwd);
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
}

function runShellIn(b: Block, cwd: string): void {
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
      // The shell parses the command (quotes, globs), as when a reader pastes it.
      const r = spawnSync('bash', ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(root, 'bin', 'dstream-sim.js'))} ${cli[1]!}`], {
        cwd,
        input: 'q\n',
        encoding: 'utf8',
        // A doc's commands run as a user runs them: not as CI (which refuses to write goldens).
        env: Object.fromEntries(Object.entries({ ...process.env, NO_COLOR: '1' }).filter(([k]) => k !== 'CI')),
      });
      expect({ cmd, status: r.status, stderr: r.stderr }).toEqual({ cmd, status: 0, stderr: '' });
    }
  }
}

/** The line continuations of a sh block joined, so a command spans one line. */
function joinContinuations(text: string): string {
  return text.replace(/\\\n\s*/g, ' ');
}

function check(b: Block): void | Promise<void> {
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
    case '':
    case undefined:
      if (b.lang === 'ts') return runTs(b);
      if (b.lang === 'sh') return runShell({ ...b, text: joinContinuations(b.text) });
      throw new Error(`${b.doc}:${b.line}: a ${b.lang || 'plain'} block needs <!-- check: … --> before it`);
    default:
      throw new Error(`${b.doc}:${b.line}: unknown check '${b.check}'`);
  }
}

test('the docs have code blocks to check', () => {
  expect(blocks.length).toBeGreaterThan(5);
});

test.each(blocks.map((b) => [`${b.doc}:${b.line} (${b.lang || b.check})`, b] as const))('%s', async (_name, b) => {
  await check(b);
}, 60_000);
