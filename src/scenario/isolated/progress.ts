import type { Jvm } from '../../env/Jvm';
import { Phase } from './protocol';

/**
 * Keep `progress` (shared memory, see protocol.ts) saying where a run is: the program's own code,
 * the generation of a batch, or an output operation's job. `onOutputs` gets the names of the
 * output operations when a context starts (the watchdog names the one that was running).
 */
export function trackProgress(jvm: Jvm, progress: Float64Array, onOutputs: (names: string[]) => void): void {
  const set = (phase: number, batchTime: number, outputOpId: number, clockMs: number): void => {
    progress[0] = phase;
    progress[1] = batchTime;
    progress[2] = outputOpId;
    progress[3] = clockMs - jvm.startMs;
  };
  set(Phase.PROGRAM, -1, -1, jvm.startMs);
  jvm.log.subscribe((e) => {
    switch (e.type) {
      case 'contextStarted':
        onOutputs(e.graph.outputs.map((o) => e.graph.streams.find((s) => s.id === o)?.name ?? String(o)));
        set(Phase.PROGRAM, -1, -1, e.at);
        break;
      case 'inputDelivered':
      case 'rddGenerated':
        if (progress[0] !== Phase.JOB) set(Phase.GENERATING, e.batchTime - jvm.startMs, -1, e.at);
        break;
      case 'outputOperationStarted':
        set(Phase.JOB, e.batchTime - jvm.startMs, e.outputOpId, e.at);
        break;
      case 'batchCompleted':
      case 'contextStopped':
        set(Phase.PROGRAM, -1, -1, e.at);
        break;
      default:
        break;
    }
  }, ['contextStarted', 'inputDelivered', 'rddGenerated', 'outputOperationStarted', 'batchCompleted', 'contextStopped']);
}
