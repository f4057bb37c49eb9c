import * as net from 'node:net';
import { SimulationError } from '../errors';
import type { ReceiverRuntime } from './ReceiverRuntime';
import { LineSplitter } from './LineSplitter';
import { Receiver } from './Receiver';

/**
 * Turns a connection's bytes into records (Spark: `socketStream`'s `converter: InputStream =>
 * Iterator[T]`). A factory is called once per connection.
 */
export type StreamConverter<T> = () => { push(chunk: Buffer): Iterable<T>; end(): Iterable<T> };

/** Spark: `SocketReceiver.bytesToLines`: UTF-8 lines (see {@link LineSplitter}). */
export const bytesToLines: StreamConverter<string> = () => new LineSplitter();

/** Spark's `java.net.ConnectException` (a refused connection). */
export class ConnectException extends SimulationError {
  constructor(message: string) {
    super(message, 'CONNECT_EXCEPTION');
  }
  override toString(): string {
    return `java.net.ConnectException: ${this.message}`;
  }
}

/** Spark's `java.net.SocketException` (e.g. `Connection reset` when the server drops the connection). */
export class SocketException extends SimulationError {
  constructor(message: string) {
    super(message, 'SOCKET_EXCEPTION');
  }
  override toString(): string {
    return `java.net.SocketException: ${this.message}`;
  }
}

/**
 * Spark: `SocketReceiver`. Connects to `host:port` over a real TCP socket (the simulation serves
 * only loopback addresses, from its timeline) and stores what the converter makes of the bytes.
 * Refused connection → `restart("Error connecting to host:port", e)`; end of stream →
 * `restart("Socket data stream had no more data")`; another error → warning `Error receiving
 * data` and `restart("Error receiving data", e)`.
 */
export class SocketReceiver<T> extends Receiver<T> {
  private socket: net.Socket | undefined;
  /** Tells the server this connection's end is closing (set once connected). */
  private closing: (() => void) | undefined;

  constructor(
    ssc: ReceiverRuntime,
    streamId: number,
    name: string,
    private readonly host: string,
    private readonly port: number,
    private readonly converter: StreamConverter<T>,
  ) {
    super(ssc, streamId, name);
  }

  protected onStart(): void {
    const network = this.ssc.network;
    const endpoint = network.resolve(this.host, this.port);
    const where = `${this.host}:${this.port}`;
    if (endpoint === undefined || !endpoint.accepting) {
      // Nothing serves this address in the simulation: refused, without touching the network.
      this.restart(`Error connecting to ${where}`, new ConnectException('Connection refused (Connection refused)'));
      return;
    }
    // Announced before connecting, so the server can tell this connection from a stranger's.
    endpoint.clientConnecting();
    const socket = net.connect({ host: '127.0.0.1', port: endpoint.port });
    this.socket = socket;
    const decode = this.converter();
    let localPort = -1;
    let attemptOver = false;
    let done = false;
    const finish = (reason: string, error?: unknown): void => {
      if (done) return;
      done = true;
      for (const r of decode.end()) this.store(r);
      if (localPort >= 0) endpoint.clientClosed(localPort);
      if (this.socket === socket && !this.isStopped()) this.restart(reason, error);
    };
    network.track(
      new Promise<void>((resolve) => {
        const failed = (): void => {
          if (attemptOver) return;
          attemptOver = true;
          endpoint.clientFailed();
          resolve();
        };
        socket.once('connect', () => {
          attemptOver = true;
          localPort = socket.localPort ?? -1;
          // Claim the connection by this socket's own end (address and port), before the server serves it.
          // The built-in line reader reads one stream: how the bytes are cut into writes does not show.
          endpoint.clientConnected(localPort, socket.localAddress ?? '', this.converter === bytesToLines).then(resolve, resolve);
          if (this.socket === socket) this.closing = () => endpoint.clientClosing(localPort);
        });
        socket.once('error', (e: Error) => {
          resolve();
          if (localPort < 0) {
            failed();
            done = true;
            if (this.socket === socket && !this.isStopped()) {
              this.restart(`Error connecting to ${where}`, new ConnectException(e.message));
            }
            return;
          }
          this.ssc.warn('Error receiving data');
          finish('Error receiving data', new SocketException((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? 'Connection reset' : e.message));
        });
        // Destroyed (stopped) before it connected: the attempt is over too.
        socket.once('close', failed);
      }),
    );
    socket.on('data', (chunk: Buffer) => {
      for (const r of decode.push(chunk)) this.store(r);
      endpoint.clientReceived(localPort, chunk.length);
    });
    socket.on('end', () => finish('Socket data stream had no more data'));
    socket.on('close', () => finish('Socket data stream had no more data'));
  }

  protected onStop(): void {
    const s = this.socket;
    this.socket = undefined;
    const closing = this.closing;
    this.closing = undefined;
    if (s !== undefined && !s.destroyed) closing?.();
    s?.destroy();
  }
}
