/**
 * Spark: `Checkpoint.deserialize` + `validate` and `CheckpointReader.read`: which file a recovery
 * reads, what makes a file unreadable (each with its reason), and what happens when none can be
 * read.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CHECKPOINT_FORMAT,
  CHECKPOINT_VERSION,
  compareCheckpointFileNames,
  getCheckpointFiles,
  parseCheckpointFileName,
} from '../../../src/streaming/Checkpoint';
import { checkpointData } from '../../__helpers__/checkpointData';
import { parseCheckpoint, readCheckpoint } from '../../../src/streaming/CheckpointReader';
import { CheckpointReadError } from '../../../src/errors';

const text = (d: unknown): string => JSON.stringify(d);

describe('parseCheckpoint: one file', () => {
  test('a valid file is read as it is', () => {
    const d = checkpointData({ pendingTimesMs: [3000] });
    expect(parseCheckpoint(text(d))).toEqual(d);
  });

  test('text that is not JSON (the parser’s error as the cause)', () => {
    expect(() => parseCheckpoint('{ nope')).toThrow(/^not a checkpoint \(invalid JSON: .+\)$/);
    let error: unknown;
    try {
      parseCheckpoint('{ nope');
    } catch (e) {
      error = e;
    }
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });

  test.each([
    ['null', 'null'],
    ['a number', '3'],
    ['a string', '"checkpoint"'],
    ['another format', text(checkpointData({ format: 'spark' }))],
    ['no format', text({ ...checkpointData(), format: undefined })],
  ])(
    'JSON that is not a checkpoint: %s',
    (_name, t) => {
      expect(() => parseCheckpoint(t)).toThrow(new Error(`not a ${CHECKPOINT_FORMAT} file`));
    },
  );

  test('another format version names both versions', () => {
    expect(() => parseCheckpoint(text(checkpointData({ version: 99 })))).toThrow(
      new Error(`checkpoint format version 99 is not supported (this build reads version ${CHECKPOINT_VERSION})`),
    );
  });

  test.each(['checkpointTimeMs', 'batchDurationMs', 'zeroTimeMs', 'startTimeMs'])('a missing or non-numeric %s', (k) => {
    expect(() => parseCheckpoint(text(checkpointData({ [k]: undefined })))).toThrow(new Error(`Checkpoint.${k} is missing`));
    expect(() => parseCheckpoint(text(checkpointData({ [k]: '1000' })))).toThrow(new Error(`Checkpoint.${k} is missing`));
  });

  test.each([
    ['no graph', { graph: undefined }],
    ['a graph without streams', { graph: { inputs: [], outputs: [] } }],
    ['streams that are not a list', { graph: { inputs: [], outputs: [], streams: {} } }],
    ['no pending times', { pendingTimesMs: undefined }],
    ['pending times that are not a list', { pendingTimesMs: 3000 }],
  ])('%s: Spark\'s "Checkpoint.graph is null"', (_name, over) => {
    expect(() => parseCheckpoint(text(checkpointData(over)))).toThrow(new Error('Checkpoint.graph is null'));
  });

  test('a stream that could not be checkpointed makes the file unreadable with its reason', () => {
    const streams = [{ id: 0 }, { id: 1, unrecoverable: 'queueStream [1] cannot be recovered' }];
    expect(() => parseCheckpoint(text(checkpointData({ graph: { inputs: [], outputs: [], streams } })))).toThrow(
      new Error('queueStream [1] cannot be recovered'),
    );
  });
});

describe('readCheckpoint: the newest readable file of a directory', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-cpread-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, body: string): void => fs.writeFileSync(path.join(dir, name), body);

  test('no directory, or no checkpoint file in it: none', () => {
    expect(readCheckpoint(path.join(dir, 'missing'), 'cp', false)).toBeUndefined();
    write('notes.txt', 'x');
    expect(readCheckpoint(dir, 'cp', false)).toBeUndefined();
  });

  test('the newest file wins; the unreadable newer ones are listed with their reasons', () => {
    write('checkpoint-1000', text(checkpointData({ checkpointTimeMs: 1000 })));
    write('checkpoint-2000', text(checkpointData({ checkpointTimeMs: 2000 })));
    write('checkpoint-3000.bk', '{ nope');
    write('checkpoint-3000', text(checkpointData({ checkpointTimeMs: 3000, version: 7 })));
    const read = readCheckpoint(dir, 'cp', false)!;
    expect(read.file).toBe('checkpoint-2000');
    expect(read.checkpoint.checkpointTimeMs).toBe(2000);
    expect(read.skipped.map((s) => s.file)).toEqual(['checkpoint-3000', 'checkpoint-3000.bk']);
    expect(read.skipped[0]!.reason).toBe(`checkpoint format version 7 is not supported (this build reads version ${CHECKPOINT_VERSION})`);
    expect(read.skipped[1]!.reason).toMatch(/^not a checkpoint \(invalid JSON/);
  });

  test("no readable file: Spark's CheckpointReadError naming the directory as the program did, each file and the last cause", () => {
    write('checkpoint-1000', 'null');
    write('checkpoint-2000', '{ nope');
    let error: unknown;
    try {
      readCheckpoint(dir, 'cp', false);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CheckpointReadError);
    const e = error as CheckpointReadError;
    expect(e.message).toBe('Failed to read checkpoint from directory cp');
    expect(e.files).toEqual([
      { file: 'checkpoint-2000', reason: expect.stringMatching(/^not a checkpoint \(invalid JSON/) as unknown },
      { file: 'checkpoint-1000', reason: `not a ${CHECKPOINT_FORMAT} file` },
    ]);
    expect((e.cause as Error).message).toBe(`not a ${CHECKPOINT_FORMAT} file`);
  });

  test('no readable file with ignoreReadError: none, and nothing thrown', () => {
    write('checkpoint-1000', 'null');
    expect(readCheckpoint(dir, 'cp', true)).toBeUndefined();
  });
});

describe('getCheckpointFiles: Spark’s order of a checkpoint directory', () => {
  test('by time, at one time the backups first, and names breaking the remaining ties; other files ignored', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-cpfiles-'));
    try {
      for (const n of ['checkpoint-2000', 'checkpoint-1000.x', 'checkpoint-01000', 'notes', 'checkpoint-1000.bk', 'checkpoint-1000', 'checkpoint-999', 'temp']) {
        fs.writeFileSync(path.join(dir, n), '');
      }
      expect(getCheckpointFiles(dir).map((f) => path.basename(f))).toEqual([
        'checkpoint-999',
        'checkpoint-1000.bk',
        'checkpoint-1000.x',
        'checkpoint-01000',
        'checkpoint-1000',
        'checkpoint-2000',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each([
    ['checkpoint-999', 'checkpoint-1000', -1],
    ['checkpoint-1000.bk', 'checkpoint-1000', -1],
    ['checkpoint-1000.bk', 'checkpoint-1000.x', -1],
    ['checkpoint-01000', 'checkpoint-1000', -1],
    ['checkpoint-1000', 'checkpoint-1000', 0],
    ['checkpoint-1000.bk', 'checkpoint-1000.bk', 0],
  ] as const)('%s against %s: %i, and the other way round the opposite (the order never depends on the listing)', (a, b, sign) => {
    const [x, y] = [parseCheckpointFileName(a)!, parseCheckpointFileName(b)!];
    expect(Math.sign(compareCheckpointFileNames(x, y))).toBe(sign);
    expect(0 - Math.sign(compareCheckpointFileNames(y, x))).toBe(sign);
  });

  test('a name Spark’s REGEX does not match is not a checkpoint', () => {
    expect(parseCheckpointFileName('checkpoint-')).toBeUndefined();
    expect(parseCheckpointFileName('checkpoint-1000-x')).toBeUndefined();
    expect(parseCheckpointFileName('xcheckpoint-1000')).toBeUndefined();
    expect(parseCheckpointFileName('checkpoint-1000.bk')).toEqual({ name: 'checkpoint-1000.bk', timeMs: 1000, backup: true });
  });
});
