/**
 * Checkpoint files on disk (Spark: CheckpointWriter, Checkpoint): names, backups, the newest ten,
 * atomic writes, the documented format, and the state they carry.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkpointNames, runDir, socketLines, wordCountProcess } from './checkpointHelpers';
import { decodeRecord, encodeRecord } from '../../src/util/recordCodec';
import { fromWire, PyObject } from '../../src/python/PyObject';
import { StateMap } from '../../src/util/StateMap';

const lines = socketLines([
  [0.5, 'a b'],
  [3.5, 'b c'],
  [9.5, 'a'],
]);

test('every batch writes checkpoint-<ms> twice (the second renames the first to .bk); the newest 10 files are kept; no temp file stays', async () => {
  const cwd = runDir();
  try {
    const run = await wordCountProcess(cwd, lines, 0, 12_000);
    const dir = path.join(cwd, 'cp');
    expect(checkpointNames(dir)).toEqual([
      'checkpoint-8000.bk',
      'checkpoint-8000',
      'checkpoint-9000.bk',
      'checkpoint-9000',
      'checkpoint-10000.bk',
      'checkpoint-10000',
      'checkpoint-11000.bk',
      'checkpoint-11000',
      'checkpoint-12000.bk',
      'checkpoint-12000',
    ]);
    expect(fs.existsSync(path.join(dir, 'temp'))).toBe(false);
    const written = run.events.flatMap((e) => (e.type === 'checkpointWritten' ? [`${e.checkpointTime} ${e.file}${e.backedUp ? ' bk' : ''}`] : []));
    expect(written.slice(0, 4)).toEqual(['1000 checkpoint-1000', '1000 checkpoint-1000 bk', '2000 checkpoint-2000', '2000 checkpoint-2000 bk']);
    expect(written).toHaveLength(24);
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
});

test('a checkpoint file is the documented JSON: format, version, times, conf, graph, and the state RDD checkpointed at 10 s with its records', async () => {
  const cwd = runDir();
  try {
    await wordCountProcess(cwd, lines, 0, 11_000);
    const cp = JSON.parse(fs.readFileSync(path.join(cwd, 'cp', 'checkpoint-11000'), 'utf8'));
    expect(cp).toMatchObject({
      format: 'dstream-sim-checkpoint',
      version: 1,
      checkpointTimeMs: 11_000,
      master: 'local[2]',
      appName: 'cp',
      batchDurationMs: 1000,
      checkpointDir: 'cp',
      checkpointDurationMs: 1000,
      zeroTimeMs: 0,
      startTimeMs: 0,
      pendingTimesMs: [],
    });
    const state = cp.graph.streams.find((s: { kind: string }) => s.kind === 'PythonStateDStream');
    // The default checkpoint interval of a 1 s stateful stream is 10 s: only the RDD of 10 s is checkpointed.
    expect(state.rdds.map((r: { timeMs: number }) => r.timeMs)).toEqual([10_000]);
    const records = state.rdds[0].partitions.flat().sort();
    expect(records).toEqual([['a', 2], ['b', 2], ['c', 1]]);
    // socketTextStream [0] → flatMap [1] → map [2] → updateStateByKey [3] → pprint [4]
    expect({ inputs: cp.graph.inputs, outputs: cp.graph.outputs }).toEqual({ inputs: [0], outputs: [4] });
    expect(cp.graph.streams.map((s: { id: number }) => s.id)).toEqual([0, 1, 2, 3, 4]);
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
});

test('records that JSON cannot hold are tagged and come back as they were; a Python record keeps its pickle untouched', () => {
  const values = [undefined, NaN, new Map([['k', [1, 2]]]), new Set(['x']), new Uint8Array([1, 2, 255]), { $weird: 1, ok: null }, 10n];
  for (const v of values) expect(decodeRecord(JSON.parse(JSON.stringify(encodeRecord(v))))).toEqual(v);
  const py = fromWire({ p: 'gASVCQAAAAAAAACMBWhlbGxvlC4=', r: "('a', 1)", kv: ["'a'", '1'] }) as PyObject;
  const encoded = JSON.parse(JSON.stringify(encodeRecord(py)));
  expect(encoded).toEqual({ $py: { p: 'gASVCQAAAAAAAACMBWhlbGxvlC4=', r: "('a', 1)", kv: ["'a'", '1'] } });
  const back = decodeRecord(encoded) as PyObject;
  expect(back).toBeInstanceOf(PyObject);
  expect([back.pickle, back.repr, String(back[0]), String(back[1])]).toEqual(['gASVCQAAAAAAAACMBWhlbGxvlC4=', "('a', 1)", "'a'", '1']);
  expect(() => encodeRecord(() => 1)).toThrow('a function cannot be written into a checkpoint');
});

test("a mapWithState partition's StateMap is written as its entries in order and read back as the same map", () => {
  let m = StateMap.empty<string, number>();
  m.put('"b"', { key: 'b', state: 1, updateTimeMs: 1000 });
  m.put('"a"', { key: 'a', state: 2, updateTimeMs: 2000 });
  m = m.copy();
  m.remove('"b"');
  m.put('"c"', { key: 'c', state: 3, updateTimeMs: 3000 });
  const encoded = JSON.parse(JSON.stringify(encodeRecord({ stateMap: m, mappedData: ['a: 2'] })));
  expect(encoded).toEqual({ stateMap: { $stateMap: [['"a"', 'a', 2, 2000], ['"c"', 'c', 3, 3000]] }, mappedData: ['a: 2'] });
  const back = (decodeRecord(encoded) as { stateMap: StateMap<string, number> }).stateMap;
  expect(back).toBeInstanceOf(StateMap);
  expect(back.entries()).toEqual(m.entries());
});
