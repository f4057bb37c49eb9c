import { CHECKPOINT_FORMAT, CHECKPOINT_VERSION, type CheckpointData } from '../../src/streaming/Checkpoint';

/**
 * The content of a valid checkpoint file (a 1 s batch, checkpoint time 3 s, no streams), with the
 * fields of `over` put in its place — also values a real file could not hold, to test the reader.
 */
export function checkpointData(over: Record<string, unknown> = {}): CheckpointData {
  return {
    format: CHECKPOINT_FORMAT,
    version: CHECKPOINT_VERSION,
    checkpointTimeMs: 3000,
    master: 'local[2]',
    appName: 'app',
    flavor: 'scala',
    batchDurationMs: 1000,
    checkpointDir: 'cp',
    checkpointDurationMs: 1000,
    zeroTimeMs: 0,
    startTimeMs: 1000,
    pendingTimesMs: [],
    sparkConf: [],
    graph: { inputs: [], outputs: [], streams: [] },
    ...over,
  } as CheckpointData;
}
