import type { SparkConf } from '../conf/SparkConf';
import type { SimEventInput } from '../events/SimEvent';
import type { SimNetwork } from '../net/SimNetwork';
import type { Clock } from '../util/Clock';
import type { ReceivedBlock } from './BlockGenerator';

/**
 * What a receiver needs from the context that runs it (the port `StreamingContext` implements;
 * Spark: what `ReceiverSupervisor` reaches through the `ReceiverTracker`): the clock, the
 * configuration, the network, where blocks go, and where events and warnings go.
 */
export interface ReceiverRuntime {
  /** The owning context's id (names it in events). */
  readonly contextId: number;
  readonly clock: Clock;
  readonly conf: SparkConf;
  /** The simulated network (addresses the timeline serves). */
  readonly network: SimNetwork;
  /** Spark: `ReceivedBlockTracker.addBlock`. */
  addBlock(block: ReceivedBlock<unknown>): void;
  /** Record an event in the log. */
  post(event: SimEventInput): void;
  /** Log a warning Spark would log. */
  warn(message: string): void;
}
