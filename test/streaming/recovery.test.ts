/**
 * Recovery through getOrCreate (Spark: CheckpointReader.read, StreamingContext(cp),
 * JobGenerator.restart) and the errors of a checkpoint directory: each says what went wrong, names
 * the file or directory, and loses nothing already checkpointed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CheckpointReadError,
  IOError,
  SimulationError,
  SparkContext,
  StreamingContext,
  TimelineDriver,
  withIsolatedJvm,
  type DStream,
  type SimEvent,
} from '../../src/index';
import { checkpointNames, runDir, socketLines, wordCountProcess } from './checkpointHelpers';

const firstRun = socketLines([
  [0.5, 'a b'],
  [3.5, 'b c'],
  [9.5, 'a'],
]);
const secondRun = socketLines([[1, 'c d']]);

/** What each output printed, per batch time: the records, sorted. */
function outputs(events: readonly SimEvent[]): Record<number, string> {
  const out: Record<number, string> = {};
  for (const e of events) if (e.type === 'outputWritten') out[e.batchTime] = e.records.map((r) => JSON.stringify(r)).sort().join(' ');
  return out;
}

let cwd: string;
beforeEach(() => (cwd = runDir()));
afterEach(() => fs.rmSync(cwd, { recursive: true, force: true }));

test('without a checkpoint getOrCreate calls the create function; with one it does not, reschedules the checkpointed batch and the down time, and the state goes on', async () => {
  const first = await wordCountProcess(cwd, firstRun, 0, 11_000);
  expect(first.created).toBe(1);
  const second = await wordCountProcess(cwd, secondRun, 13_500, 16_000);
  expect([second.created, second.rebuilt, second.rebuildingAfter]).toEqual([0, 1, 0]);
  const recovered = second.events.find((e) => e.type === 'contextRecovered');
  expect(recovered).toMatchObject({ file: 'checkpoint-11000', checkpointTime: 11_000, skipped: [] });
  // What comes back: the state stream's checkpointed RDD (it has no files to remember).
  expect(recovered?.type === 'contextRecovered' && recovered.restored).toStrictEqual([{ stream: 'updateStateByKey [3]', rddTimes: [10_000], fileTimes: [] }]);
  expect(second.events.find((e) => e.type === 'batchesRescheduled')).toMatchObject({
    checkpointTime: 11_000,
    restartTime: 14_000,
    downTimes: [11_000, 12_000, 13_000],
    pendingTimes: [],
    rescheduled: [11_000, 12_000, 13_000],
  });
  // Batch 11 s ran before the crash and runs again with the same output (Spark re-emits it).
  expect(outputs(second.events)[11_000]).toBe(outputs(first.events)[11_000]);
  expect(outputs(second.events)[15_000]).toBe('["a",2] ["b",2] ["c",2] ["d",1]');
});

test('as in Spark without a write-ahead log, received data that only lives in memory is lost in a crash: the state comes back from the last checkpointed state RDD', async () => {
  // The state RDD is checkpointed every 10 s (1 s batch): a crash at 9 s has none to restore.
  await wordCountProcess(cwd, firstRun, 0, 9_000);
  const second = await wordCountProcess(cwd, secondRun, 9_500, 12_000);
  expect(second.created).toBe(0);
  expect(outputs(second.events)[11_000]).toBe('["c",1] ["d",1]');
});

test('an unreadable newest file is skipped and the next newest (its .bk backup) is read, as CheckpointReader does', async () => {
  await wordCountProcess(cwd, firstRun, 0, 11_000);
  fs.writeFileSync(path.join(cwd, 'cp', 'checkpoint-11000'), 'garbage');
  const second = await wordCountProcess(cwd, secondRun, 13_500, 16_000);
  const recovered = second.events.find((e) => e.type === 'contextRecovered');
  expect(recovered).toMatchObject({
    file: 'checkpoint-11000.bk',
    skipped: [{ file: 'checkpoint-11000', reason: expect.stringContaining('not a checkpoint (invalid JSON') }],
  });
  expect(outputs(second.events)[15_000]).toBe('["a",2] ["b",2] ["c",2] ["d",1]');
});

test("when no file can be read getOrCreate throws Spark's 'Failed to read checkpoint from directory' naming every file and why; the files are left as they were", async () => {
  await wordCountProcess(cwd, firstRun, 0, 3_000);
  const dir = path.join(cwd, 'cp');
  for (const n of checkpointNames(dir)) fs.writeFileSync(path.join(dir, n), '{"format": "something-else"}');
  const before = checkpointNames(dir).map((n) => fs.readFileSync(path.join(dir, n), 'utf8'));
  let error: unknown;
  const warnings: string[] = [];
  try {
    await withIsolatedJvm({ cwd, stdout: () => undefined }, async (jvm) => {
      jvm.log.subscribe((ev) => void (ev.type === 'warning' && warnings.push(ev.message)));
      StreamingContext.getOrCreate('cp', () => new StreamingContext(new SparkContext({ master: 'local[2]' }), 1));
    });
  } catch (e) {
    error = e;
  }
  expect(warnings).toEqual([
    ...checkpointNames(dir)
      .reverse()
      .map((n) => `Error reading checkpoint from file cp/${n}: not a dstream-sim-checkpoint file`),
    "No checkpoint file in cp could be read (the files are left as they are): repair or remove them to start afresh, or pass createOnError = true to getOrCreate to create a new context instead.",
  ]);
  expect(error).toBeInstanceOf(CheckpointReadError);
  const e = error as CheckpointReadError;
  expect(e.message).toBe('Failed to read checkpoint from directory cp');
  expect(String(e)).toBe('org.apache.spark.SparkException: Failed to read checkpoint from directory cp');
  expect(e.files.map((f) => f.file)).toEqual(checkpointNames(dir).reverse());
  expect(e.files[0]!.reason).toBe('not a dstream-sim-checkpoint file');
  expect(checkpointNames(dir).map((n) => fs.readFileSync(path.join(dir, n), 'utf8'))).toEqual(before);
});

test('createOnError = true creates a new context instead (Spark: ignoreReadError)', async () => {
  await wordCountProcess(cwd, firstRun, 0, 2_000);
  for (const n of checkpointNames(path.join(cwd, 'cp'))) fs.writeFileSync(path.join(cwd, 'cp', n), 'x');
  const second = await wordCountProcess(cwd, secondRun, 4_000, 6_000, { createOnError: true });
  expect(second.created).toBe(1);
  expect(second.events.some((e) => e.type === 'contextRecovered')).toBe(false);
});

test('a missing checkpoint directory means no checkpoint: the context is created and the directory made', async () => {
  const run = await wordCountProcess(cwd, firstRun, 0, 1_000, { checkpointDir: 'not/yet/there' });
  expect(run.created).toBe(1);
  expect(checkpointNames(path.join(cwd, 'not/yet/there'))).toEqual(['checkpoint-1000.bk', 'checkpoint-1000']);
});

test('an absolute checkpoint directory inside the run directory is taken, the run directory itself too', async () => {
  const inside = await wordCountProcess(cwd, firstRun, 0, 1_000, { checkpointDir: path.join(cwd, 'abs') });
  expect(inside.created).toBe(1);
  expect(checkpointNames(path.join(cwd, 'abs'))).toEqual(['checkpoint-1000.bk', 'checkpoint-1000']);
  const itself = await wordCountProcess(cwd, firstRun, 0, 1_000, { checkpointDir: cwd });
  expect(itself.created).toBe(1);
  expect(checkpointNames(cwd)).toEqual(['checkpoint-1000.bk', 'checkpoint-1000']);
});

test('a checkpoint directory that cannot be created is an IOError naming it and what to do', async () => {
  fs.writeFileSync(path.join(cwd, 'cp'), 'a file, not a directory');
  const error = await wordCountProcess(cwd, firstRun, 0, 1_000).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(IOError);
  expect(String(error)).toBe(
    "java.io.IOException: Cannot create checkpoint directory cp: EEXIST. Give ssc.checkpoint() a directory that can be created inside the run's directory.",
  );
  expect((error as IOError).errorClass).toBe('CHECKPOINT_DIRECTORY_UNUSABLE');
  expect(((error as IOError).cause as NodeJS.ErrnoException).code).toBe('EEXIST');
});

test('a checkpoint directory outside the run directory is refused (a run writes only inside its own directory)', async () => {
  const error = await wordCountProcess(cwd, firstRun, 0, 1_000, { checkpointDir: '../elsewhere' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(IOError);
  expect((error as IOError).message).toBe(
    'Checkpoint directory ../elsewhere is outside the run\'s directory; a run writes only inside its own directory. Use a relative path such as ssc.checkpoint("checkpoint").',
  );
  expect((error as IOError).errorClass).toBe('CHECKPOINT_DIRECTORY_OUTSIDE_RUN');
  expect(fs.existsSync(path.join(cwd, '..', 'elsewhere'))).toBe(false);
});

test('a checkpoint that cannot be written is Spark\'s warning "Could not write checkpoint for time …", and the checkpoints already written stay intact', async () => {
  await wordCountProcess(cwd, firstRun, 0, 2_000);
  const dir = path.join(cwd, 'cp');
  const before = checkpointNames(dir).map((n) => [n, fs.readFileSync(path.join(dir, n), 'utf8')]);
  // Something in the way of the writer's temp file: every attempt fails.
  fs.mkdirSync(path.join(dir, 'temp', 'blocked'), { recursive: true });
  const second = await wordCountProcess(cwd, secondRun, 2_500, 4_000);
  const warnings = second.events.flatMap((e) => (e.type === 'warning' ? [e.message] : []));
  expect(warnings).toContain(
    "Could not write checkpoint for time 2000 ms to file cp/checkpoint-2000' (ERR_FS_EISDIR); the checkpoints already written are kept. Make the checkpoint directory writable.",
  );
  expect(before.every(([n, text]) => fs.readFileSync(path.join(dir, n!), 'utf8') === text)).toBe(true);
});

test('a state a checkpoint cannot hold (a class instance) is Spark\'s warning "Could not write checkpoint for time …: <why>"; the batches go on', async () => {
  class Tally {
    constructor(readonly n: number) {}
  }
  const warnings = await withIsolatedJvm({ cwd, stdout: () => undefined }, async (jvm) => {
    const driver = await TimelineDriver.attach(jvm, firstRun);
    try {
      const ssc = new StreamingContext(new SparkContext({ master: 'local[2]', appName: 'cp' }), 1);
      ssc.checkpoint('cp');
      ssc
        .socketTextStream('localhost', 9000)
        .map((w): [string, number] => [w, 1])
        .updateStateByKey((vs: number[], s: Tally | undefined) => new Tally(vs.length + (s?.n ?? 0)))
        .count()
        .pprint();
      ssc.start();
      await ssc.awaitTerminationOrTimeout(11);
      ssc.stop();
    } finally {
      await driver.close();
    }
    return jvm.log.events().flatMap((e) => (e.type === 'warning' ? [`${e.at} ${e.message}`] : e.type === 'batchCompleted' ? [`${e.batchTime} done`] : []));
  });
  // The state RDD is checkpointed every 10 s: from then on its records are in every checkpoint.
  // Each batch: its jobs complete, then the two checkpoints of the batch (Spark: after generating
  // the jobs and after clearing metadata) fail alike.
  expect(warnings.slice(8)).toEqual([
    '9000 done',
    '10000 done',
    '10000 Could not write checkpoint for time 10000 ms: a Tally cannot be written into a checkpoint',
    '10000 Could not write checkpoint for time 10000 ms: a Tally cannot be written into a checkpoint',
    '11000 done',
    '11000 Could not write checkpoint for time 11000 ms: a Tally cannot be written into a checkpoint',
    '11000 Could not write checkpoint for time 11000 ms: a Tally cannot be written into a checkpoint',
  ]);
});

test("a queueStream cannot be recovered: Spark's read error, with the queueStream reason for each file", async () => {
  const program = (): Promise<void> =>
    withIsolatedJvm({ cwd, stdout: () => undefined }, async () => {
      const ssc = StreamingContext.getOrCreate('cp', () => {
        const s = new StreamingContext(new SparkContext({ master: 'local[2]', appName: 'q' }), 1);
        s.queueStream([[1], [2]]).pprint();
        return s;
      });
      ssc.start();
      await ssc.awaitTerminationOrTimeout(2);
      ssc.stop();
    });
  await program();
  const error = await program().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CheckpointReadError);
  expect((error as CheckpointReadError).files[0]!.reason).toBe(
    "queueStream doesn't support checkpointing. Please don't use queueStream when checkpointing is enabled.",
  );
});

test('a checkpoint written by a different program is refused, naming the file and the difference', async () => {
  await wordCountProcess(cwd, firstRun, 0, 2_000);
  const error = await withIsolatedJvm({ cwd, stdout: () => undefined }, async () =>
    StreamingContext.getOrCreate('cp', () => {
      const s = new StreamingContext(new SparkContext({ master: 'local[2]', appName: 'cp' }), 1);
      s.socketTextStream('localhost', 9000).pprint();
      return s;
    }),
  ).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SimulationError);
  expect((error as Error).message).toMatch(
    /^The checkpoint cp\/checkpoint-2000 was written by a different program: stream 1 is a FlatMappedDStream \(flatMap\) there, a ForEachDStream \(pprint\) here\./,
  );
});

describe('each difference a recovery refuses is named', () => {
  const recoverWith = async (batch: number, build: (lines: DStream<string>) => void): Promise<unknown> => {
    await wordCountProcess(cwd, firstRun, 0, 2_000);
    return withIsolatedJvm({ cwd, stdout: () => undefined }, async () =>
      StreamingContext.getOrCreate('cp', () => {
        const s = new StreamingContext(new SparkContext({ master: 'local[2]', appName: 'cp' }), batch);
        build(s.socketTextStream('localhost', 9000));
        return s;
      }),
    ).catch((e: unknown) => e);
  };
  const sameProgram = (lines: DStream<string>): void =>
    lines
      .flatMap((l) => l.split(' '))
      .map((w): [string, number] => [w, 1])
      .updateStateByKey((vs: number[], s: number | undefined) => vs.length + (s ?? 0))
      .pprint();
  const refusal = (e: unknown): string => {
    expect(e).toBeInstanceOf(SimulationError);
    expect((e as SimulationError).errorClass).toBe('CHECKPOINT_PROGRAM_CHANGED');
    return (e as Error).message.replace(/\. Spark cannot recover.*$/, '');
  };

  test('another batch interval', async () => {
    expect(refusal(await recoverWith(2, sameProgram))).toBe(
      'The checkpoint cp/checkpoint-2000 was written by a different program: its batch is 1000 ms, the program\'s 2000 ms',
    );
  });

  test('a stream the program no longer has', async () => {
    expect(refusal(await recoverWith(1, (lines) => void lines.pprint()))).toBe(
      'The checkpoint cp/checkpoint-2000 was written by a different program: stream 1 is a FlatMappedDStream (flatMap) there, a ForEachDStream (pprint) here',
    );
    fs.rmSync(path.join(cwd, 'cp'), { recursive: true, force: true });
    // Without an output operation nothing is reachable: the checkpoint's first stream is missing.
    expect(refusal(await recoverWith(1, (lines) => void lines.flatMap((l) => l.split(' '))))).toMatch(
      /^The checkpoint cp\/checkpoint-2000 was written by a different program: stream 0 is a SocketInputDStream \(\w+\) there, missing here$/,
    );
  });

  test('more streams than the checkpoint has', async () => {
    expect(
      refusal(
        await recoverWith(1, (lines) => {
          sameProgram(lines);
          lines.count().pprint();
        }),
      ),
    ).toMatch(/^The checkpoint cp\/checkpoint-2000 was written by a different program: it has \d+ streams, the program \d+$/);
  });
});

test('the restart time is the next batch time after now, counted from the checkpoint’s zero time (not from 0)', async () => {
  // Started at 5.5 s: zero time 5 s, batches at 6 s, 7 s, … The checkpoint of 11 s has zero time 5 s.
  await wordCountProcess(cwd, firstRun, 5_500, 11_000);
  const second = await wordCountProcess(cwd, secondRun, 13_500, 16_000);
  expect(second.events.find((e) => e.type === 'batchesRescheduled')).toMatchObject({
    checkpointTime: 11_000,
    restartTime: 14_000,
    downTimes: [11_000, 12_000, 13_000],
    rescheduled: [11_000, 12_000, 13_000],
  });
});
