/**
 * The worker side of {@link ScenarioPool}: runs scenarios one at a time in this thread and writes
 * where each run is into shared memory, so the pool can say what was running if it has to stop it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runScenario } from '../runScenario';
import { Phase, type RunRequest, type WorkerMessage } from './protocol';

const progress = new Float64Array(workerData as SharedArrayBuffer);
const port = parentPort!;
const post = (m: WorkerMessage): void => port.postMessage(m);

const set = (phase: number, batchTime: number, outputOpId: number, clockMs: number): void => {
  progress[0] = phase;
  progress[1] = batchTime;
  progress[2] = outputOpId;
  progress[3] = clockMs;
};

port.on('message', (req: RunRequest) => {
  void run(req);
});

async function run(req: RunRequest): Promise<void> {
  set(Phase.PROGRAM, -1, -1, 0);
  try {
    const r = await runScenario(req.dir, {
      ...(req.until !== undefined ? { until: req.until } : {}),
      ...(req.batches !== undefined ? { batches: req.batches } : {}),
      onJvm: (jvm) => {
        jvm.log.subscribe((e) => {
          switch (e.type) {
            case 'contextStarted':
              post({ kind: 'outputs', id: req.id, names: e.graph.outputs.map((o) => e.graph.streams.find((s) => s.id === o)?.name ?? String(o)) });
              set(Phase.PROGRAM, -1, -1, e.at);
              break;
            case 'inputDelivered':
            case 'rddGenerated':
              if (progress[0] !== Phase.JOB) set(Phase.GENERATING, e.batchTime, -1, e.at);
              break;
            case 'outputOperationStarted':
              set(Phase.JOB, e.batchTime, e.outputOpId, e.at);
              break;
            case 'batchCompleted':
            case 'contextStopped':
              set(Phase.PROGRAM, -1, -1, e.at);
              break;
            default:
              break;
          }
        });
      },
    });
    post({ kind: 'done', id: req.id, transcript: r.transcript, printed: r.printed, batchTimes: r.batchTimes });
  } catch (e) {
    post({ kind: 'failed', id: req.id, name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e) });
  }
}
