/** The order and the selection of a transcript's events (see transcript.ts). */
import type { SimEvent } from '../events/SimEvent';
import type { BatchDelays, StopRecord } from './batchTimings';

/** An event the transcript shows, with what it needs beside it. */
export interface Entry {
  e: SimEvent;
  /** Its position in the log. */
  index: number;
  /** The driver incarnation it belongs to (driver restarts before it). */
  epoch: number;
  note: StopRecord | BatchDelays | undefined;
}

/** Whether an event shows in the transcript (the others only feed {@link BatchTimings}). */
export function shows(e: SimEvent, options: { delays?: boolean; checkpoints?: boolean }): boolean {
  switch (e.type) {
    case 'batchSubmitted':
    case 'batchStarted':
    case 'outputOperationStarted':
      return false;
    case 'outputOperationCompleted':
      return e.failureReason !== undefined;
    case 'batchCompleted':
      return options.delays === true;
    case 'checkpointWritten':
      return options.checkpoints === true;
    default:
      return true;
  }
}

/**
 * The entries in the order a reader expects: by the time they are about (a batch's records at
 * their batch time, everything else when it happened), ties in log order. They differ when an
 * input is read lazily — a window sliding over several batches asks for an earlier batch's input
 * only when it computes — so that input still shows under its own batch, before what came later.
 * A driver restart starts a new incarnation: its (re-run) batches come after everything before.
 */
export function inTimeOrder(entries: readonly Entry[]): Entry[] {
  const timeOf = (e: SimEvent): number => {
    switch (e.type) {
      case 'inputDelivered':
      case 'rddGenerated':
      case 'windowComputed':
      case 'stateChanged':
      case 'outputWritten':
      case 'outputOperationCompleted':
      case 'batchCompleted':
        return e.batchTime;
      default:
        return e.at;
    }
  };
  let epoch = 0;
  let epochStart = -Infinity;
  return entries
    .map((x) => {
      if (x.e.type === 'driverRestarted') {
        epoch++;
        epochStart = x.e.at;
      }
      return { x, t: Math.max(timeOf(x.e), epochStart), epoch };
    })
    .sort((a, b) => a.epoch - b.epoch || a.t - b.t || a.x.index - b.x.index)
    .map((y) => y.x);
}

