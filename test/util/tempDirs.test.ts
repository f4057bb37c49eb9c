/** The registry of the temporary directories of runs in flight. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { removeTrackedTempDirs, trackedTempDirs, trackTempDir } from '../../src/util/tempDirs';

const make = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-registry-test-'));

afterEach(() => void removeTrackedTempDirs());

test('removeTrackedTempDirs removes what is registered, with its contents, and nothing else', () => {
  const a = trackTempDir(make());
  fs.writeFileSync(path.join(a, 'file.txt'), 'x');
  fs.mkdirSync(path.join(a, 'sub'));
  const untracked = make();
  expect(removeTrackedTempDirs()).toEqual([a]);
  expect(fs.existsSync(a)).toBe(false);
  expect(fs.existsSync(untracked)).toBe(true);
  fs.rmSync(untracked, { recursive: true });
  expect(trackedTempDirs()).toEqual([]);
});

test('a directory its run removed is forgotten', () => {
  const a = trackTempDir(make());
  const b = trackTempDir(make());
  expect(trackedTempDirs()).toEqual([a, b]);
  fs.rmSync(a, { recursive: true });
  expect(trackedTempDirs()).toEqual([b]);
  expect(removeTrackedTempDirs()).toEqual([b]);
});
