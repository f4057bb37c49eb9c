import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { BuildOptions, Message } from 'esbuild';
import { outsideAnyRun } from '../../util/outsideAnyRun';

/** What the bundling plugin needs to know (see {@link buildProgramSync}). */
export interface ProgramPluginOptions {
  /** The program file the entry specifier `dstream-sim-program:entry` resolves to. */
  entry: string;
  /** The esbuild namespace of the packages' stand-in modules. */
  namespace: string;
  /** The free variable the stand-ins load packages through: `module.exports = <requireParam>(id)`. */
  requireParam: string;
}

/** The output files of a build with the files it read (relative to `absWorkingDir`), or esbuild's error messages. */
export type SyncBuildResult = { files: { path: string; text: string }[]; inputs: string[] } | { errors: Message[] };

/**
 * The worker: runs esbuild's asynchronous `build` (the one that takes plugins) with the program
 * plugin, and wakes the waiting main thread. The plugin maps the entry specifier to the program
 * and every bare specifier (a package) to a stand-in module that loads it at run time.
 */
const WORKER_SOURCE = String.raw`'use strict';
const { workerData } = require('node:worker_threads');
const path = require('node:path');
const { port, esbuildPath } = workerData;
let esbuild;
const plugin = ({ entry, namespace, requireParam }) => ({
  name: 'dstream-sim-program',
  setup(b) {
    b.onResolve({ filter: /^dstream-sim-program:entry$/ }, () => ({ path: entry, sideEffects: true }));
    b.onResolve({ filter: /^[^./]/ }, (a) => (path.isAbsolute(a.path) ? undefined : { path: a.path, namespace }));
    b.onLoad({ filter: /.*/, namespace }, (a) => ({ contents: 'module.exports = ' + requireParam + '(' + JSON.stringify(a.path) + ');', loader: 'js' }));
  },
});
port.on('message', ({ signal, options, pluginOptions }) => {
  Promise.resolve()
    .then(() => (esbuild = esbuild || require(esbuildPath)).build({ ...options, plugins: [plugin(pluginOptions)] }))
    .then(
      (r) => ({ files: r.outputFiles.map((f) => ({ path: f.path, text: f.text })), inputs: Object.keys((r.metafile && r.metafile.inputs) || {}) }),
      (e) => ({ errors: e && Array.isArray(e.errors) && e.errors.length > 0 ? e.errors : [{ text: String((e && e.message) || e), location: null, notes: [] }] }),
    )
    .then((reply) => {
      port.postMessage(reply);
      Atomics.store(signal, 0, 1);
      Atomics.notify(signal, 0);
    });
});
`;

let service: { worker: Worker; port: MessagePort } | undefined;

/**
 * esbuild's `build` with the program plugin, synchronously: esbuild takes plugins only in its
 * asynchronous API, but a program must start within the same turn it is run in (the stepper and
 * the scheduler run it on promises alone). As esbuild's own `buildSync` does, the build runs in a
 * worker thread (one per process, unreferenced, started on first use) while this thread waits.
 */
export function buildProgramSync(options: BuildOptions, pluginOptions: ProgramPluginOptions): SyncBuildResult {
  const { port } = (service ??= outsideAnyRun(startWorker));
  const signal = new Int32Array(new SharedArrayBuffer(4));
  port.postMessage({ signal, options, pluginOptions });
  const status = Atomics.wait(signal, 0, 0, 60_000);
  const reply = receiveMessageOnPort(port);
  if (status === 'timed-out' || reply === undefined) {
    void service.worker.terminate();
    service = undefined;
    return { errors: [{ id: '', pluginName: '', text: 'esbuild did not answer within 60 s', location: null, notes: [], detail: undefined }] };
  }
  return reply.message as SyncBuildResult;
}

function startWorker(): { worker: Worker; port: MessagePort } {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { port: port2, esbuildPath: require.resolve('esbuild') },
    transferList: [port2],
    // Not the parent's flags: a preload script that starts workers would start one per thread.
    execArgv: [],
  });
  worker.unref();
  port1.unref();
  worker.on('exit', () => {
    if (service?.worker === worker) service = undefined;
  });
  return { worker, port: port1 };
}
