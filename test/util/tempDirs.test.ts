/** The registry of the temporary directories of runs in flight. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LazyRunDir, makeRunDir, releaseRunDir, removeTrackedTempDirs, trackedTempDirs, trackTempDir } from '../../src/util/tempDirs';

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

describe('LazyRunDir', () => {
  test('makes and registers the directory on first use only, and removes it when released', () => {
    const dir = new LazyRunDir();
    expect(dir.made).toBeUndefined();
    expect(trackedTempDirs()).toEqual([]);
    const p = dir.path;
    expect(dir.path).toBe(p);
    expect(dir.made).toBe(p);
    expect(fs.statSync(p).isDirectory()).toBe(true);
    expect(trackedTempDirs()).toEqual([p]);
    fs.writeFileSync(path.join(p, 'f.txt'), 'x');
    dir.release();
    expect(fs.existsSync(p)).toBe(false);
    expect(trackedTempDirs()).toEqual([]);
  });

  test('released unused, it makes nothing; used after release, it refuses rather than make a directory no one removes', () => {
    const dir = new LazyRunDir();
    dir.release();
    expect(dir.made).toBeUndefined();
    expect(trackedTempDirs()).toEqual([]);
    expect(() => dir.path).toThrow('the run has ended: its working directory is gone');
    expect(dir.made).toBeUndefined();
  });
});

test('a run directory is still made when another thread removes the process directory mid-way (ENOENT from the recursive mkdir or the mkdtemp)', () => {
  const enoent = (call: string): Error => Object.assign(new Error(`ENOENT: no such file or directory, ${call}`), { code: 'ENOENT' });
  let mkdirs = 0;
  let mkdtemps = 0;
  const dir = makeRunDir({
    mkdirSync: (d, o) => {
      if (++mkdirs === 1) throw enoent('mkdir'); // saw EEXIST, then the directory was gone
      return fs.mkdirSync(d, o);
    },
    mkdtempSync: (prefix) => {
      if (++mkdtemps === 1) throw enoent('mkdtemp'); // the directory was removed after the mkdir
      return fs.mkdtempSync(prefix);
    },
  });
  try {
    expect(fs.statSync(dir).isDirectory()).toBe(true);
    expect(trackedTempDirs()).toContain(path.resolve(dir));
    expect([mkdirs, mkdtemps]).toEqual([3, 2]);
  } finally {
    releaseRunDir(dir);
  }
  expect(fs.existsSync(dir)).toBe(false);
});

test('any other failure to make a run directory is thrown', () => {
  const eacces = Object.assign(new Error('EACCES: permission denied, mkdir'), { code: 'EACCES' });
  expect(() =>
    makeRunDir({
      mkdirSync: () => {
        throw eacces;
      },
      mkdtempSync: () => '',
    }),
  ).toThrow('EACCES: permission denied, mkdir');
});
