import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { SimulationError } from '../errors';
import { outsideAnyRun } from '../util/outsideAnyRun';
import { WORKER_SOURCE } from './workerSource';

/** How to start the Python child. */
export interface PythonProcessOptions {
  /** The Python command, as errors name it. */
  python: string;
  /** The file to start (else `python`): the interpreter behind the command. */
  executable?: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Real seconds Python may stay silent while the engine waits for it before it counts as hung. */
  timeoutSeconds: number;
}

let host: Worker | undefined;
let hosted = 0;

/**
 * The one worker thread of this process that owns Python children's pipes (started on first use,
 * kept for later runs: starting a thread costs ~30 ms). It keeps the process alive only while a
 * child is open ({@link releaseHost}).
 */
function pipesHost(): Worker {
  if (host === undefined) {
    const w = outsideAnyRun(() => new Worker(WORKER_SOURCE, { eval: true, stdout: false, stderr: false, execArgv: [] }));
    w.on('exit', () => {
      if (host === w) host = undefined;
    });
    host = w;
    hosted = 0;
  }
  if (hosted++ === 0) host.ref();
  return host;
}

/** A child of {@link pipesHost} is closed: with none left, the thread no longer keeps the process alive. */
function releaseHost(): void {
  if (host !== undefined && --hosted === 0) host.unref();
}

type Raw = { t: 'msg'; body: string } | { t: 'exit'; code?: number | null; signal?: string | null; error?: string; output?: string };

type WaitAsync = (a: Int32Array, i: number, v: number, t: number) => { async: boolean; value: Promise<string> | string };

/**
 * The Python process of a `.py` run (PySpark: the Python driver at the other end of the Py4J
 * gateway, which is also where its workers' functions run). One per run, started once. Messages
 * are JSON frames on fds 3 (to Python) and 4 (from Python); stdout stays the user's. The engine
 * computes RDDs synchronously, so {@link receiveSync} blocks the thread (`Atomics.wait`) until the
 * worker thread that owns the pipes reports a frame; {@link receive} is its asynchronous twin for
 * the top level. A child that exits, or stays silent longer than the timeout, is an error —
 * never a hang or a silent empty run.
 */
export class PythonProcess {
  private readonly port: MessagePort;
  private readonly signal: Int32Array;
  private exited: string | undefined;
  /** The worker reported the child's exit. */
  private ended = false;
  private closed = false;

  constructor(private readonly opts: PythonProcessOptions) {
    const { port1, port2 } = new MessageChannel();
    const shared = new SharedArrayBuffer(4);
    this.signal = new Int32Array(shared);
    this.port = port1;
    pipesHost().postMessage(
      { t: 'spawn', port: port2, signal: shared, command: opts.executable ?? opts.python, args: opts.args, cwd: opts.cwd, env: opts.env },
      [port2],
    );
  }

  /** Send one message to Python. */
  send(message: unknown): void {
    if (this.exited !== undefined) throw new SimulationError(this.exited, 'PYTHON_EXITED');
    this.port.postMessage({ t: 'send', body: JSON.stringify(message) });
  }

  /** The next message from Python, blocking this thread until it comes. */
  receiveSync(): unknown {
    this.throwIfGone();
    for (;;) {
      const seen = Atomics.load(this.signal, 0);
      const m = this.take();
      if (m !== undefined) return m;
      if (Atomics.wait(this.signal, 0, seen, this.opts.timeoutSeconds * 1000) === 'timed-out') this.hung();
    }
  }

  /** The next message from Python. */
  async receive(): Promise<unknown> {
    const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;
    this.throwIfGone();
    for (;;) {
      const seen = Atomics.load(this.signal, 0);
      const m = this.take();
      if (m !== undefined) return m;
      const r = waitAsync(this.signal, 0, seen, this.opts.timeoutSeconds * 1000);
      const v = r.async ? await r.value : r.value;
      if (v === 'timed-out') this.hung();
    }
  }

  /** End the child (if still running); the shared worker thread stays for later runs. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (!this.ended) {
      // Kill the child and wait (a bounded real time) until the worker has seen it exit.
      this.port.postMessage({ t: 'kill' });
      const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;
      for (let i = 0; i < 20 && !this.ended; i++) {
        try {
          const seen = Atomics.load(this.signal, 0);
          if (this.take() === undefined) {
            const r = waitAsync(this.signal, 0, seen, 100);
            if (r.async) await r.value;
          }
        } catch {
          // the exit message: the child is gone
        }
      }
    }
    this.port.close();
    releaseHost();
  }

  private throwIfGone(): void {
    if (this.exited !== undefined) throw new SimulationError(this.exited, 'PYTHON_EXITED');
  }

  private take(): unknown {
    if (this.ended) this.throwIfGone();
    const got = receiveMessageOnPort(this.port);
    if (got === undefined) return undefined;
    const m = got.message as Raw;
    if (m.t === 'msg') {
      if (this.exited !== undefined) return undefined; // hung: what it says now no longer counts
      return JSON.parse(m.body) as unknown;
    }
    this.ended = true;
    if (this.exited !== undefined) throw new SimulationError(this.exited, 'PYTHON_EXITED');
    const how = m.error !== undefined ? `could not run (${m.error})` : m.signal ? `was killed by ${m.signal}` : `exited with code ${m.code}`;
    const output = (m.output ?? '').trim();
    this.exited = `the Python process (${this.opts.python}) ${how} before the program ended${output ? `; it wrote:\n${output}` : ''}`;
    throw new SimulationError(this.exited, 'PYTHON_EXITED');
  }

  private hung(): never {
    this.exited = `the Python process (${this.opts.python}) did not answer for ${this.opts.timeoutSeconds} s of real time: it hangs (an endless loop or a blocking call in the program?); set DSTREAM_SIM_PYTHON_TIMEOUT to allow more`;
    this.port.postMessage({ t: 'kill' });
    throw new SimulationError(this.exited, 'PYTHON_HUNG');
  }
}
