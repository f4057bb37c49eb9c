import { PluggableReceiver } from '../receiver/PluggableReceiver';
import type { Receiver as Supervised } from '../receiver/Receiver';
import type { Receiver } from '../receiver/UserReceiver';
import type { StreamingRuntime } from './StreamingRuntime';
import { ReceiverInputDStream } from './internal';

/** Spark: `PluggableInputDStream`, made by `receiverStream(receiver)`: a user's receiver's records. */
export class PluggableInputDStream<T> extends ReceiverInputDStream<T> {
  constructor(
    ssc: StreamingRuntime,
    private readonly userReceiver: Receiver<T>,
  ) {
    super(ssc, 'receiverStream');
  }

  protected makeReceiver(): Supervised<T> {
    return new PluggableReceiver<T>(this.ssc, this.inputId, this.name, this.userReceiver);
  }
}
