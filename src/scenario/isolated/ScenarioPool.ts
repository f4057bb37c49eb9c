import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { SimulationError } from '../../errors';
import { Phase, PROGRESS_SLOTS, type RunRequest, type WorkerMessage } from './protocol';

/** What an isolated scenario run gives back. */
export interface IsolatedResult {
  transcript: string;
  batchTimes: number[];
}

/** Options of {@link ScenarioPool}. */
export interface ScenarioPoolOptions {
  /** How many scenarios run at once, each in its own worker thread (default 1). */
  workers?: number;
  /** Real-time budget per scenario (ms); a run over it is stopped and reported (default 30 s). */
  timeoutMs?: number;
}

interface Slot {
  worker: Worker;
  progress: Float64Array;
  busy: boolean;
}

/** The compiled worker script, beside this file once built (`dist/`); absent when run from source. */
const WORKER_FILE = path.join(__dirname, 'scenarioWorker.js');

/**
 * Runs scenarios in worker threads, with a watchdog: a scenario that takes longer than its real-time
 * budget (a user function in an endless loop blocks its thread for good) is stopped, its worker
 * replaced, and the error names the batch and the operation that was running. Results are the same
 * as `runScenario` in this thread: each run has its own simulated JVM either way.
 */
export class ScenarioPool {
  private readonly slots: Slot[] = [];
  private readonly queue: (() => void)[] = [];
  private nextId = 0;
  private readonly timeoutMs: number;
  private readonly size: number;

  constructor(options: ScenarioPoolOptions = {}) {
    this.size = Math.max(1, options.workers ?? 1);
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** True where the compiled worker exists (the installed CLI); from source, run in-process. */
  static available(): boolean {
    return fs.existsSync(WORKER_FILE);
  }

  /** Run the scenario in `dir` (with the run length overridden when given). */
  async run(dir: string, length: { until?: number; batches?: number } = {}): Promise<IsolatedResult> {
    const slot = await this.acquire();
    try {
      return await this.runOn(slot, { kind: 'run', id: this.nextId++, dir, until: length.until, batches: length.batches });
    } finally {
      slot.busy = false;
      this.queue.shift()?.();
    }
  }

  /** Stop every worker. */
  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }

  private async acquire(): Promise<Slot> {
    for (;;) {
      const free = this.slots.find((s) => !s.busy);
      if (free !== undefined) {
        free.busy = true;
        return free;
      }
      if (this.slots.length < this.size) {
        const slot = this.spawn();
        slot.busy = true;
        this.slots.push(slot);
        return slot;
      }
      await new Promise<void>((resolve) => this.queue.push(resolve));
    }
  }

  private spawn(): Slot {
    const shared = new SharedArrayBuffer(PROGRESS_SLOTS * Float64Array.BYTES_PER_ELEMENT);
    const worker = new Worker(WORKER_FILE, { workerData: shared });
    worker.unref();
    return { worker, progress: new Float64Array(shared), busy: false };
  }

  private runOn(slot: Slot, req: RunRequest): Promise<IsolatedResult> {
    return new Promise<IsolatedResult>((resolve, reject) => {
      let outputs: string[] = [];
      const finish = (): void => {
        clearTimeout(timer);
        slot.worker.off('message', onMessage);
        slot.worker.off('error', onError);
      };
      const onMessage = (m: WorkerMessage): void => {
        if (m.id !== req.id) return;
        if (m.kind === 'outputs') outputs = m.names;
        else if (m.kind === 'done') {
          finish();
          resolve({ transcript: m.transcript, batchTimes: m.batchTimes });
        } else {
          finish();
          const e = new Error(m.message);
          e.name = m.name;
          reject(e);
        }
      };
      const onError = (e: Error): void => {
        finish();
        this.replace(slot);
        reject(e);
      };
      // The watchdog runs on this thread's (real) timers: the run itself never reads them.
      // eslint-disable-next-line no-restricted-globals
      const timer = setTimeout(() => {
        finish();
        const message = watchdogMessage(this.timeoutMs, slot.progress, outputs);
        this.replace(slot);
        reject(new SimulationError(message, 'SCENARIO_TIMEOUT'));
      }, this.timeoutMs);
      slot.worker.on('message', onMessage);
      slot.worker.on('error', onError);
      slot.worker.postMessage(req);
    });
  }

  /** Stop a worker that can no longer be trusted and put a fresh one in its place. */
  private replace(slot: Slot): void {
    void slot.worker.terminate();
    const fresh = this.spawn();
    slot.worker = fresh.worker;
    slot.progress = fresh.progress;
  }
}

/** What the watchdog says when it stops a run: how long it waited, where the run was, what to do. */
export function watchdogMessage(timeoutMs: number, progress: Float64Array, outputs: readonly string[]): string {
  return `stopped after ${timeoutMs / 1000} s of real time ${describeProgress(progress, outputs)}: a user function did not return (an endless loop?). Raise the budget with --timeout <seconds> if the run is just long.`;
}

/** Where the progress slots say the run was: in a batch's job or generation, or the program's own code. */
export function describeProgress(progress: Float64Array, outputs: readonly string[]): string {
  const [phase, batchTime, opId, clockMs] = [progress[0]!, progress[1]!, progress[2]!, progress[3]!];
  if (phase === Phase.JOB) return `in batch ${batchTime} ms, output operation ${opId} (${outputs[opId] ?? '?'})`;
  if (phase === Phase.GENERATING) return `in batch ${batchTime} ms, while generating its RDDs (a transform, window or state function)`;
  return `in the program's own code (at ${clockMs} ms of virtual time)`;
}
