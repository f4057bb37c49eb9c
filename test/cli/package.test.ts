/**
 * The published package ships what the README points to: the built library and command, the
 * docs, the licence, the README and the bundled scenarios — and not the sources or the tests.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, root } from '../__helpers__/builtCli';

beforeAll(ensureBuilt, 120_000);

/** What `npm pack` would put in the tarball (scripts off: packing must not rebuild dist/ under the other tests). */
function packedFiles(): string[] {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm pack --dry-run failed (${r.status}): ${r.stderr}`);
  return (JSON.parse(r.stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
}

test('npm pack lists dist, bin, docs, LICENSE, README and the scenarios, and no src/ or test/', () => {
  const files = packedFiles();
  const docs = fs.readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
  expect(docs.length).toBeGreaterThan(5);
  expect(files).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'bin/dstream-sim.js', 'LICENSE', 'README.md', 'package.json', ...docs]));
  for (const name of ['notes-socket-word-count', 'notes-window']) {
    for (const f of ['scenario.yaml', 'program.ts', 'expected.golden']) expect(files).toContain(`scenarios/${name}/${f}`);
  }
  expect(files.filter((f) => /^(src|test|bench|node_modules)\//.test(f))).toEqual([]);
  // scenarios/tsconfig.json extends the repository's tsconfig.json, which is not shipped
  expect(files).not.toContain('scenarios/tsconfig.json');
});

test('LICENSE is the Apache License 2.0 the package declares', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { license: string };
  expect(pkg.license).toBe('Apache-2.0');
  const text = fs.readFileSync(path.join(root, 'LICENSE'), 'utf8');
  expect(text).toMatch(/^ +Apache License\n +Version 2\.0, January 2004\n +http:\/\/www\.apache\.org\/licenses\/\n/);
  expect(text).toContain('TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION');
  expect(text).toContain('END OF TERMS AND CONDITIONS');
});

test('the package entries resolve by name: dstream-sim, dstream-sim/testing, dstream-sim/property', () => {
  const script = `const p = require('dstream-sim/property');
const t = require('dstream-sim/testing');
console.log(require.resolve('dstream-sim/property'), typeof p.checkLaw, typeof p.timelines, typeof p.fc.assert, typeof t.runOperation, typeof require('dstream-sim').runScenario);`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe(`${path.join(root, 'dist', 'property', 'index.js')} function function function function function\n`);
});
