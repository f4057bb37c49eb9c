import { SocketReceiver, type StreamConverter } from '../receiver/SocketReceiver';
import type { Receiver } from '../receiver/Receiver';
import type { StreamingRuntime } from './StreamingRuntime';
import { ReceiverInputDStream } from './internal';

/**
 * Spark: `SocketInputDStream`, made by `socketTextStream` / `socketStream`: a receiver reading a
 * TCP socket (see {@link SocketReceiver}).
 */
export class SocketInputDStream<T> extends ReceiverInputDStream<T> {
  constructor(
    ssc: StreamingRuntime,
    readonly host: string,
    readonly port: number,
    private readonly converter: StreamConverter<T>,
  ) {
    super(ssc, 'socketTextStream');
  }

  protected makeReceiver(): Receiver<T> {
    return new SocketReceiver<T>(this.ssc, this.inputId, this.name, this.host, this.port, this.converter);
  }
}
