import * as fs from 'node:fs';
import * as path from 'node:path';
import { CheckpointReadError, IOError, SimulationError } from '../errors';
import type { Jvm } from '../env/Jvm';
import type { DStream } from '../dstream/DStream';
import { restoreCheckpointData, updateCheckpointData } from '../dstream/DStreamCheckpointData';
import type { SparkContext } from '../core/SparkContext';
import type { Time } from '../time/Time';
import { resolveForWriting } from '../util/confinedPath';
import { CHECKPOINT_FORMAT, CHECKPOINT_VERSION, type CheckpointData } from './Checkpoint';
import { readCheckpoint, type CheckpointReadResult } from './CheckpointReader';
import { CheckpointWriter } from './CheckpointWriter';
import type { DStreamGraph } from './DStreamGraph';
import type { RecoveredCheckpoint } from '../scheduler/SchedulerRuntime';
import type { SimEventInput } from '../events/SimEvent';

/** What {@link ContextCheckpoint} needs from its StreamingContext. */
export interface CheckpointOwner {
  readonly id: number;
  readonly flavor: string;
  readonly graph: DStreamGraph;
  readonly sparkContext: SparkContext;
  post(event: SimEventInput): void;
  warn(message: string): void;
}

/**
 * A context's metadata checkpointing (Spark: the `checkpointDir` / `checkpointDuration` /
 * `initialCheckpoint` members of `StreamingContext` and the JobGenerator's `CheckpointWriter`):
 * where files go, writing one, and the checkpoint the context was recovered from.
 *
 * Files are written only by a JVM that has a run directory (a scenario or harness run with
 * `cwd`), and only inside it: a run writes only inside its own directory.
 */
export class ContextCheckpoint {
  /** Where checkpoints are written, with the directory as the program named it (messages quote that). */
  private target: { writer: CheckpointWriter; named: string } | undefined;
  /** The directory as the program named it. */
  directory: string | undefined;
  /** Spark: `initialCheckpoint`. */
  recovered: (RecoveredCheckpoint & { file: string }) | undefined;

  constructor(
    private readonly jvm: Jvm,
    private readonly owner: CheckpointOwner,
  ) {}

  /**
   * Spark: `StreamingContext.checkpoint(directory)`: `fs.mkdirs(path)`, then remember it. A path
   * outside the run's directory, or one that cannot be created, is refused with an IOError naming
   * it and what to do.
   */
  setDirectory(directory: string): void {
    this.directory = directory;
    this.target = undefined;
    if (!this.jvm.hasRunDir) return;
    const real = resolveCheckpointDir(this.jvm, directory);
    try {
      fs.mkdirSync(real, { recursive: true });
    } catch (e) {
      throw new IOError(
        `Cannot create checkpoint directory ${directory}: ${(e as NodeJS.ErrnoException).code ?? String(e)}. Give ssc.checkpoint() a directory that can be created inside the run's directory.`,
        'CHECKPOINT_DIRECTORY_UNUSABLE',
        { cause: e },
      );
    }
    this.target = { writer: new CheckpointWriter(real), named: directory };
  }

  /** Spark: `new Checkpoint(ssc, time)` + `checkpointWriter.write(...)`; a failed write is Spark's warning. */
  write(time: Time, pendingTimesMs: readonly number[], durationMs: number): void {
    const target = this.target;
    if (target === undefined) return;
    let data: CheckpointData;
    try {
      data = this.snapshot(time, pendingTimesMs, durationMs, target.named);
    } catch (e) {
      this.owner.warn(`Could not write checkpoint for time ${time}: ${(e as Error).message}`);
      return;
    }
    try {
      const r = target.writer.write(data);
      this.owner.post({ type: 'checkpointWritten', contextId: this.owner.id, checkpointTime: time.milliseconds, ...r });
    } catch (e) {
      const file = path.join(target.named, `checkpoint-${time.milliseconds}`);
      this.owner.warn(
        `Could not write checkpoint for time ${time} to file ${file}' (${(e as NodeJS.ErrnoException).code ?? String(e)}); the checkpoints already written are kept. Make the checkpoint directory writable.`,
      );
    }
  }

  private snapshot(time: Time, pendingTimesMs: readonly number[], durationMs: number, checkpointDir: string): CheckpointData {
    const g = this.owner.graph;
    const sc = this.owner.sparkContext;
    const streams = [...g.reachableStreams()].sort((a, b) => a.id - b.id);
    return {
      format: CHECKPOINT_FORMAT,
      version: CHECKPOINT_VERSION,
      checkpointTimeMs: time.milliseconds,
      master: sc.master,
      appName: sc.appName,
      flavor: this.owner.flavor,
      batchDurationMs: g.batchDuration.milliseconds,
      checkpointDir,
      checkpointDurationMs: durationMs,
      zeroTimeMs: g.zeroTime!.milliseconds,
      startTimeMs: g.startTime!.milliseconds,
      pendingTimesMs: [...pendingTimesMs],
      sparkConf: sc.conf.getAll(),
      graph: {
        inputs: g.inputStreams.map((s) => s.id),
        outputs: g.outputStreams.map((s) => s.id),
        streams: streams.map((s) => updateCheckpointData(s)),
      },
    };
  }

  /**
   * Recovery: the program's setup code has rebuilt the graph (its functions); the checkpoint must
   * name the same streams (by id and kind) with the same batch. Then the checkpoint becomes the
   * context's initial checkpoint, restored when the context starts.
   */
  recoverFrom(read: CheckpointReadResult, directory: string): void {
    const cp = read.checkpoint;
    const g = this.owner.graph;
    const where = `${path.join(directory, read.file)}`;
    const mismatch = (what: string): never => {
      throw new SimulationError(
        `The checkpoint ${where} was written by a different program: ${what}. Spark cannot recover a changed program from its checkpoint either; restore the program, or delete the checkpoint directory to start afresh.`,
        'CHECKPOINT_PROGRAM_CHANGED',
      );
    };
    if (cp.batchDurationMs !== g.batchDuration.milliseconds) mismatch(`its batch is ${cp.batchDurationMs} ms, the program's ${g.batchDuration.milliseconds} ms`);
    const byId = new Map<number, DStream<unknown>>(g.reachableStreams().map((s) => [s.id, s]));
    for (const s of cp.graph.streams) {
      const here = byId.get(s.id);
      if (here === undefined || here.className !== s.kind) {
        mismatch(`stream ${s.id} is a ${s.kind} (${s.op}) there, ${here === undefined ? 'missing' : `a ${here.className} (${here.opName})`} here`);
      }
    }
    if (cp.graph.streams.length !== byId.size) mismatch(`it has ${cp.graph.streams.length} streams, the program ${byId.size}`);
    this.setDirectory(cp.checkpointDir);
    this.recovered = {
      file: read.file,
      checkpointTimeMs: cp.checkpointTimeMs,
      zeroTimeMs: cp.zeroTimeMs,
      startTimeMs: cp.startTimeMs,
      pendingTimesMs: cp.pendingTimesMs,
      restoreStreams: () => {
        for (const s of cp.graph.streams) restoreCheckpointData(byId.get(s.id)!, s);
      },
    };
    this.owner.post({
      type: 'contextRecovered',
      contextId: this.owner.id,
      directory,
      file: read.file,
      checkpointTime: cp.checkpointTimeMs,
      skipped: read.skipped,
      restored: cp.graph.streams
        .filter((s) => s.rdds.length > 0 || (s.files?.length ?? 0) > 0)
        .map((s) => ({ stream: `${s.op} [${s.id}]`, rddTimes: s.rdds.map((r) => r.timeMs), fileTimes: (s.files ?? []).map((f) => f.timeMs) })),
    });
  }
}

/**
 * The real checkpoint directory of a run: relative paths resolve against the run's directory,
 * and the directory must stay inside it (no absolute path elsewhere, no `..` out, no link out).
 */
export function resolveCheckpointDir(jvm: Jvm, directory: string): string {
  const real = resolveForWriting(jvm.cwd, directory);
  if (real === undefined) {
    throw new IOError(
      `Checkpoint directory ${directory} is outside the run's directory; a run writes only inside its own directory. Use a relative path such as ssc.checkpoint("checkpoint").`,
      'CHECKPOINT_DIRECTORY_OUTSIDE_RUN',
    );
  }
  return real;
}

/**
 * Spark: `CheckpointReader.read(checkpointPath, …, ignoreReadError)`: the newest readable
 * checkpoint, if any (only a JVM with a run directory reads checkpoint files). Each file that
 * could not be read is logged as Spark logs it before the error is raised.
 */
export function readNewestCheckpoint(jvm: Jvm, checkpointPath: string, ignoreReadError: boolean): CheckpointReadResult | undefined {
  if (!jvm.hasRunDir) return undefined;
  try {
    return readCheckpoint(resolveCheckpointDir(jvm, checkpointPath), checkpointPath, ignoreReadError);
  } catch (e) {
    if (e instanceof CheckpointReadError) {
      const warn = (message: string): void => void jvm.log.emit({ type: 'warning', contextId: undefined, message });
      for (const f of e.files) warn(`Error reading checkpoint from file ${checkpointPath}/${f.file}: ${f.reason}`);
      warn(
        `No checkpoint file in ${checkpointPath} could be read (the files are left as they are): repair or remove them to start afresh, or pass createOnError = true to getOrCreate to create a new context instead.`,
      );
    }
    throw e;
  }
}
