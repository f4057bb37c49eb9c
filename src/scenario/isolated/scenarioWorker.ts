/**
 * The worker side of {@link ScenarioPool}: runs scenarios one at a time in this thread and writes
 * where each run is into shared memory, so the pool can say what was running if it has to stop it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runScenario } from '../runScenario';
import { trackProgress } from './progress';
import type { RunRequest, WorkerMessage } from './protocol';

const progress = new Float64Array(workerData as SharedArrayBuffer);
const port = parentPort!;
const post = (m: WorkerMessage): void => port.postMessage(m);

port.on('message', (req: RunRequest) => {
  void run(req);
});

async function run(req: RunRequest): Promise<void> {
  try {
    const r = await runScenario(req.dir, {
      ...(req.until !== undefined ? { until: req.until } : {}),
      ...(req.batches !== undefined ? { batches: req.batches } : {}),
      onJvm: (jvm) => trackProgress(jvm, progress, (names) => post({ kind: 'outputs', id: req.id, names })),
    });
    post({ kind: 'done', id: req.id, transcript: r.transcript, batchTimes: r.batchTimes });
  } catch (e) {
    post({ kind: 'failed', id: req.id, name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e) });
  }
}
