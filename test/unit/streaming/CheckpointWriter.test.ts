/**
 * Spark: `CheckpointWriter`: the file is named after the latest checkpoint time written so far,
 * replaced atomically (the old one kept as `.bk`), only the newest ten files stay, and a failing
 * write is tried three times before its error goes to the caller.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CheckpointData } from '../../../src/streaming/Checkpoint';
import { checkpointData } from '../../__helpers__/checkpointData';
import { parseCheckpoint } from '../../../src/streaming/CheckpointReader';
import { CheckpointWriter } from '../../../src/streaming/CheckpointWriter';

const data = (checkpointTimeMs: number): CheckpointData => checkpointData({ checkpointTimeMs });

/** Writes to fail before the next one succeeds, and writes tried (the injected disk). */
let mockFailures = 0;
let mockWrites = 0;
jest.mock('node:fs', () => {
  const actual: typeof fs = jest.requireActual('node:fs');
  return {
    ...actual,
    writeFileSync: (...args: Parameters<typeof actual.writeFileSync>): void => {
      mockWrites++;
      if (mockFailures > 0) {
        mockFailures--;
        throw new Error('disk full');
      }
      actual.writeFileSync(...args);
    },
  };
});

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-cpwrite-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a file is the JSON of the checkpoint and a newline; its size is reported in bytes', () => {
  const r = new CheckpointWriter(dir).write({ ...data(1000), appName: 'ünïcode' });
  const text = fs.readFileSync(path.join(dir, 'checkpoint-1000'), 'utf8');
  expect(text.endsWith('}\n')).toBe(true);
  expect(parseCheckpoint(text).appName).toBe('ünïcode');
  expect(r).toEqual({ file: 'checkpoint-1000', bytes: Buffer.byteLength(text), backedUp: false, deleted: [] });
});

test('a later write of an older time goes to the latest time’s file (Spark names it by latestCheckpointTime)', () => {
  const w = new CheckpointWriter(dir);
  w.write(data(2000));
  const r = w.write(data(1000));
  expect(r).toMatchObject({ file: 'checkpoint-2000', backedUp: true });
  expect(parseCheckpoint(fs.readFileSync(path.join(dir, 'checkpoint-2000'), 'utf8')).checkpointTimeMs).toBe(1000);
});

test('the newest ten files stay; the result names the ones deleted', () => {
  const w = new CheckpointWriter(dir);
  const deleted: string[][] = [];
  for (let t = 1; t <= 6; t++) {
    deleted.push(w.write(data(t * 1000)).deleted);
    deleted.push(w.write(data(t * 1000)).deleted);
  }
  expect(deleted.slice(0, 10).flat()).toEqual([]);
  expect(deleted.slice(10)).toEqual([['checkpoint-1000.bk'], ['checkpoint-1000']]);
  expect(fs.readdirSync(dir).sort()).toHaveLength(10);
});

test('a write that fails is tried again, up to three attempts; the third failure is thrown', () => {
  const w = new CheckpointWriter(dir);
  mockFailures = 2;
  mockWrites = 0;
  expect(w.write(data(1000)).file).toBe('checkpoint-1000');
  expect(mockWrites).toBe(3);

  mockFailures = 3;
  mockWrites = 0;
  expect(() => w.write(data(2000))).toThrow('disk full');
  expect(mockWrites).toBe(3);
  expect(fs.existsSync(path.join(dir, 'checkpoint-2000'))).toBe(false);
  mockFailures = 0;
});
