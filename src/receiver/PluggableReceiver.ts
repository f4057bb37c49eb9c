import { Receiver as Supervised } from './Receiver';
import type { ReceiverRuntime } from './ReceiverRuntime';
import type { Receiver } from './UserReceiver';

/**
 * Spark: `ReceiverSupervisorImpl` around a user's receiver (`ssc.receiverStream`): the user's
 * `onStart`/`onStop` run under the engine's supervisor (block generator, restarts, rate limit),
 * and its `store`/`restart`/`reportError`/`stop` reach the supervisor.
 */
export class PluggableReceiver<T> extends Supervised<T> {
  constructor(
    ssc: ReceiverRuntime,
    streamId: number,
    name: string,
    private readonly user: Receiver<T>,
  ) {
    super(ssc, streamId, name);
    user.attachSupervisor({
      store: (r) => this.store(r),
      restart: (m, e) => this.restart(m, e),
      reportError: (m, e) => this.reportError(m, e),
      stop: (m) => this.stop(m),
      isStopped: () => this.isStopped(),
      streamId,
    });
  }

  protected override get receiverClass(): string {
    return this.user.constructor.name;
  }

  protected onStart(): void {
    this.user.onStart();
  }

  protected onStop(): void {
    this.user.onStop();
  }
}
