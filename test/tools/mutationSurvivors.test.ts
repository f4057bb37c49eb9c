/**
 * `npm run mutate:survivors`: what a Stryker run has left so far, read from the event recorder's
 * files while the run goes on.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const script = path.join(__dirname, '..', '..', 'scripts', 'mutation-survivors.js');

test('counts per status, the score so far, and each survivor or uncovered mutant by place', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-events-'));
  try {
    const mutant = (i: number, status: string, file: string, line: number, replacement: string): void =>
      fs.writeFileSync(
        path.join(dir, `0000${i}-onMutantTested.json`),
        JSON.stringify({ status, fileName: path.join(dir, file), mutatorName: 'StringLiteral', replacement, location: { start: { line, column: 3 } } }),
      );
    mutant(1, 'Killed', 'src/a.ts', 1, '""');
    mutant(2, 'Survived', 'src/b.ts', 9, '"x"');
    mutant(3, 'Timeout', 'src/a.ts', 2, '""');
    mutant(4, 'NoCoverage', 'src/a.ts', 7, '""');
    fs.writeFileSync(path.join(dir, '00005-onDryRunCompleted.json'), '{}');
    const r = spawnSync(process.execPath, [script, dir], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      '4 mutants tested: Killed 1, NoCoverage 1, Survived 1, Timeout 1',
      'score so far: 50.00 %',
      'src/a.ts:7:3 NoCoverage StringLiteral ""',
      'src/b.ts:9:3 Survived StringLiteral "x"',
      '',
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('no events yet: says what to run, exit 2', () => {
  const r = spawnSync(process.execPath, [script, path.join(os.tmpdir(), 'dstream-sim-no-such-events')], { encoding: 'utf8' });
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/^No Stryker events in .*: run 'npm run mutate' first/);
});
