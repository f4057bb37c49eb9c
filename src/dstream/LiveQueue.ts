import { currentJvm, type Jvm } from '../env/Jvm';
import type { QueueItem } from './internal';

/**
 * A queue that something outside the program pushes to while it runs — the simulator's stand-in
 * for a queue fed by another thread. `queueStream` never copies it, in either flavor.
 */
export class LiveQueue<T> extends Array<QueueItem<T>> {
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }
}

/**
 * The named queue a timeline pushes to (`push` events on a `queue` source), for
 * `ssc.queueStream(timelineQueue('name'))`. The same name gives the same queue within a JVM.
 */
export function timelineQueue<T>(name: string): LiveQueue<T> {
  return namedLiveQueue<T>(currentJvm(), name);
}

/** @internal The JVM's queue of this name, made on first use (the program's and the timeline's). */
export function namedLiveQueue<T>(jvm: Jvm, name: string): LiveQueue<T> {
  let q = jvm.queues.get(name) as LiveQueue<T> | undefined;
  if (q === undefined) {
    q = new LiveQueue<T>();
    jvm.queues.set(name, q as unknown as unknown[]);
  }
  return q;
}
