/**
 * A program is compiled once per content: a copy of a scenario (same files) reuses the compiled
 * bundle, an edited module is compiled again, and a broken or unwritable cache only means
 * compiling again — the program always runs what its files say now.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleProgram } from '../../src/scenario/program/bundle';
import { defaultCacheDir } from '../../src/scenario/program/bundleCache';

const tmp = (prefix: string): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

function programDir(libValue: number): string {
  const dir = tmp('dstream-sim-bundle-');
  fs.writeFileSync(path.join(dir, 'program.ts'), "import { x } from './lib';\nconsole.log(x);\n");
  fs.writeFileSync(path.join(dir, 'lib.ts'), `export const x: number = ${libValue};\n`);
  return dir;
}

const entries = (cache: string): string[] => (fs.existsSync(path.join(cache, 'programs')) ? fs.readdirSync(path.join(cache, 'programs')) : []);
const compile = (dir: string, cache: string | undefined): string => bundleProgram(path.join(dir, 'program.ts'), dir, cache).code;

test('a copy of a program with the same files uses the bundle compiled for the first', () => {
  const cache = tmp('dstream-sim-cache-');
  const first = compile(programDir(41), cache);
  expect(entries(cache)).toHaveLength(1);
  const entry = path.join(cache, 'programs', entries(cache)[0]!);
  const stamp = fs.statSync(entry).mtimeMs;
  expect(compile(programDir(41), cache)).toBe(first);
  expect(entries(cache)).toHaveLength(1);
  expect(fs.statSync(entry).mtimeMs).toBe(stamp); // read, not written again
  expect(first).toContain('41');
});

test('an edited module is compiled again: the run sees what the files say now', () => {
  const cache = tmp('dstream-sim-cache-');
  const dir = programDir(1);
  expect(compile(dir, cache)).toMatch(/x = 1\b/);
  fs.writeFileSync(path.join(dir, 'lib.ts'), 'export const x: number = 2;\n');
  const again = compile(dir, cache);
  expect(again).toMatch(/x = 2\b/);
  expect(again).not.toMatch(/x = 1\b/);
});

test('a corrupt entry or an unwritable cache directory still compiles the program', () => {
  const cache = tmp('dstream-sim-cache-');
  const dir = programDir(7);
  const good = compile(dir, undefined);
  compile(dir, cache);
  for (const e of entries(cache)) fs.writeFileSync(path.join(cache, 'programs', e), '{ not json');
  expect(compile(dir, cache)).toBe(good);
  const blocked = tmp('dstream-sim-cache-');
  fs.writeFileSync(path.join(blocked, 'programs'), 'a file where the directory should be');
  expect(compile(dir, blocked)).toBe(good);
});

test('the cache lives in the package’s node_modules/.cache unless DSTREAM_SIM_CACHE_DIR says otherwise (empty: none)', () => {
  expect(defaultCacheDir({})).toBe(path.resolve(__dirname, '..', '..', 'node_modules', '.cache', 'dstream-sim'));
  expect(defaultCacheDir({ DSTREAM_SIM_CACHE_DIR: 'somewhere' })).toBe(path.resolve('somewhere'));
  expect(defaultCacheDir({ DSTREAM_SIM_CACHE_DIR: '' })).toBeUndefined();
});
