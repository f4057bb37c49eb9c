import { currentJvm } from '../env/Jvm';
import type { QueueItem } from '../dstream/QueueInputDStream';

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
  const jvm = currentJvm();
  let q = jvm.queues.get(name) as LiveQueue<T> | undefined;
  if (q === undefined) {
    q = new LiveQueue<T>();
    jvm.queues.set(name, q as unknown as unknown[]);
  }
  return q;
}
