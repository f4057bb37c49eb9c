/**
 * A receiver's runtime without a StreamingContext (Spark: what a `ReceiverSupervisor` reaches
 * through the `ReceiverTracker`): a virtual clock, a conf, a network, and lists of what the
 * receiver posted (events, blocks, warnings).
 */
import { SparkConf } from 'dstream-sim';
import type { ReceivedBlock } from '../../../src/receiver/BlockGenerator';
import { Receiver } from '../../../src/receiver/Receiver';
import type { ReceiverRuntime } from '../../../src/receiver/ReceiverRuntime';
import { SimNetwork } from '../../../src/net/SimNetwork';
import { ManualClock } from '../../../src/util/ManualClock';

export interface FakeRuntime {
  ssc: ReceiverRuntime;
  clock: ManualClock;
  network: SimNetwork;
  /** What the receiver posted, each with the virtual time (`at`) it was posted at. */
  events: { type: string; at: number; message?: unknown; error?: unknown; [k: string]: unknown }[];
  blocks: ReceivedBlock<unknown>[];
  warnings: string[];
}

export function fakeRuntime(conf: Record<string, string> = {}): FakeRuntime {
  const clock = new ManualClock();
  const network = new SimNetwork();
  const events: FakeRuntime['events'] = [];
  const blocks: ReceivedBlock<unknown>[] = [];
  const warnings: string[] = [];
  const sparkConf = new SparkConf();
  for (const [k, v] of Object.entries(conf)) sparkConf.set(k, v);
  const ssc: ReceiverRuntime = {
    contextId: 0,
    clock,
    conf: sparkConf,
    network,
    addBlock: (b) => void blocks.push(b),
    post: (e) => void events.push({ ...(e as FakeRuntime['events'][number]), at: clock.now() }),
    warn: (m) => void warnings.push(m),
  };
  return { ssc, clock, network, events, blocks, warnings };
}

/** The records of all blocks so far, in order. */
export const stored = (rt: FakeRuntime): unknown[] => rt.blocks.flatMap((b) => b.records);

/** A receiver that only counts its onStart/onStop calls. */
export class Probe extends Receiver<string> {
  starts = 0;
  stops = 0;
  constructor(ssc: ReceiverRuntime) {
    super(ssc, 0, 'Probe input [0]');
  }
  protected onStart(): void {
    this.starts++;
  }
  protected onStop(): void {
    this.stops++;
  }
}
