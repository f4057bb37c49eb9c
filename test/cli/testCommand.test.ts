/** `dstream-sim test`: the table, readable diffs at the right batch, and the --update rules. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { testCommand } from '../../src/cli/commands/test';

const source = path.join(__dirname, '..', '..', 'scenarios', 'notes-update-state-by-key');

function copyScenario(): { root: string; dir: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-cli-'));
  const dir = path.join(root, 'notes-update-state-by-key');
  fs.cpSync(source, dir, { recursive: true });
  return { root, dir };
}

async function run(paths: string[], opts: Parameters<typeof testCommand>[1] = {}): Promise<{ code: number; text: string }> {
  let text = '';
  const code = await testCommand(paths, { ci: false, color: false, ...opts, out: (t) => void (text += t) });
  return { code, text };
}

describe('dstream-sim test', () => {
  test('a passing scenario: table row and summary line', async () => {
    const { root } = copyScenario();
    const { code, text } = await run([root]);
    expect(code).toBe(0);
    expect(text).toMatch(/^scenario\s+batches\s+result\s+time\n/);
    expect(text).toMatch(/notes-update-state-by-key\s+4\s+pass\s+\d+ ms/);
    expect(text).toMatch(/\n1 passed, 0 failed\n$/);
  });

  test('a broken golden line shows the first differing batch, marked, with a unified diff', async () => {
    const { root, dir } = copyScenario();
    const golden = path.join(dir, 'expected.golden');
    fs.writeFileSync(golden, fs.readFileSync(golden, 'utf8').replace("('a', 4)", "('a', 5)"));
    const { code, text } = await run([root]);
    expect(code).toBe(1);
    expect(text).toMatch(/notes-update-state-by-key\s+4\s+FAIL/);
    expect(text).toContain('first difference in batch 9000 ms');
    expect(text).toContain('>>> first difference, in batch 9000 ms');
    expect(text).toContain("-('a', 5)");
    expect(text).toContain("+('a', 4)");
    // One batch of context: the previous batch's header is shown, not a JSON dump.
    expect(text).toContain(' == batch 6000 ms ==');
    expect(text).not.toContain('{"');
    expect(text).toMatch(/\n0 passed, 1 failed\n$/);
  });

  test('--update rewrites only the scenarios named, and refuses without names or in CI', async () => {
    const { root, dir } = copyScenario();
    const golden = path.join(dir, 'expected.golden');
    fs.writeFileSync(golden, 'stale\n');
    expect((await run([], { update: true })).text).toContain('name the scenarios to update (--update <name>), or use --update=all');
    const inCi = await run([dir], { update: true, ci: true });
    expect(inCi.code).toBe(2);
    expect(inCi.text).toContain('refusing to write goldens while CI is set');
    expect(fs.readFileSync(golden, 'utf8')).toBe('stale\n');
    const updated = await run([dir], { update: true });
    expect(updated.code).toBe(0);
    expect(fs.readFileSync(golden, 'utf8')).toBe(fs.readFileSync(path.join(source, 'expected.golden'), 'utf8'));
    expect((await run([root])).code).toBe(0);
  });

  test('--update <name> writes exactly the named scenario, not the others, and not an unchanged one', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-cli-'));
    const names = ['notes-update-state-by-key', 'notes-flat-map', 'notes-window'];
    for (const n of names) fs.cpSync(path.join(source, '..', n), path.join(root, n), { recursive: true });
    const golden = (n: string): string => path.join(root, n, 'expected.golden');
    fs.writeFileSync(golden('notes-flat-map'), 'stale\n');
    fs.writeFileSync(golden('notes-window'), 'stale too\n');
    const untouched = fs.statSync(golden('notes-update-state-by-key')).mtimeMs;
    const r = await run([root], { update: ['notes-flat-map'] });
    expect(fs.readFileSync(golden('notes-flat-map'), 'utf8')).toBe(fs.readFileSync(path.join(source, '..', 'notes-flat-map', 'expected.golden'), 'utf8'));
    expect(fs.readFileSync(golden('notes-window'), 'utf8')).toBe('stale too\n');
    expect(r.text).toMatch(/notes-flat-map\s+\d+\s+updated/);
    expect(r.text).toMatch(/notes-window\s+\d+\s+FAIL/);
    expect(r.code).toBe(1);
    // a path names a scenario too; an unchanged golden is not rewritten
    const again = await run([root], { update: [path.join(root, 'notes-update-state-by-key'), 'notes-window'] });
    expect(again.text).toMatch(/notes-update-state-by-key\s+\d+\s+pass/);
    expect(fs.statSync(golden('notes-update-state-by-key')).mtimeMs).toBe(untouched);
    expect(again.code).toBe(0);
    const unknown = await run([root], { update: ['no-such'] });
    expect(unknown.code).toBe(2);
    expect(unknown.text).toContain("no scenario named 'no-such'");
  });

  test('--update names work without a path (the default scenarios folder)', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-cli-'));
    fs.cpSync(source, path.join(root, 'scenarios', 'wc'), { recursive: true });
    fs.writeFileSync(path.join(root, 'scenarios', 'wc', 'expected.golden'), 'stale\n');
    const r = await run([], { update: ['wc'], cwd: root });
    expect(r.code).toBe(0);
    expect(r.text).toMatch(/wc\s+\d+\s+updated/);
  });

  test('--update never follows a symlinked golden out of its scenario directory', async () => {
    const { root, dir } = copyScenario();
    const outside = path.join(root, 'elsewhere.txt');
    fs.writeFileSync(outside, 'keep me\n');
    fs.rmSync(path.join(dir, 'expected.golden'));
    fs.symlinkSync(outside, path.join(dir, 'expected.golden'));
    const r = await run([dir], { update: true });
    expect(r.code).toBe(1);
    expect(r.text).toContain('outside its scenario directory');
    expect(fs.readFileSync(outside, 'utf8')).toBe('keep me\n');
  });

  test('a missing golden fails; an obsolete golden fails in CI', async () => {
    const { root, dir } = copyScenario();
    fs.rmSync(path.join(dir, 'expected.golden'));
    const missing = await run([root]);
    expect(missing.code).toBe(1);
    expect(missing.text).toContain('MISSING');
    expect(missing.text).toContain('no golden at ');
    expect(missing.text).toContain('dstream-sim test --update notes-update-state-by-key (or UPDATE_GOLDEN=1 npx jest)');
    const gone = path.join(root, 'gone');
    fs.mkdirSync(gone);
    fs.writeFileSync(path.join(gone, 'expected.golden'), 'x\n');
    fs.cpSync(path.join(source, 'expected.golden'), path.join(dir, 'expected.golden'));
    expect((await run([root])).code).toBe(0);
    const ci = await run([root], { ci: true });
    expect(ci.code).toBe(1);
    expect(ci.text).toContain('obsolete golden');
  });
});
