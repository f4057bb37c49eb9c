import * as net from 'node:net';
import { SimulationError } from '../errors';
import { LOOPBACK_HOST } from '../net/SimNetwork';
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
  /** The current connection (or attempt): its socket, and what tells the server its end is closing. */
  private current: { socket: net.Socket; closing: () => void } | undefined;

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
    const socket = net.connect({ host: LOOPBACK_HOST, port: endpoint.port });
    const decode = this.converter();
    /** This socket's own port, once connected. */
    let localPort: number | undefined;
    this.current = {
      socket,
      // Only a connection has an end the server knows of.
      closing: () => {
        if (localPort !== undefined) endpoint.clientClosing(localPort);
      },
    };
    let attemptOver = false;
    let done = false;
    // Once per connection. `restart` is ignored once the receiver is stopped or while a restart is
    // pending, so a late event of a socket this receiver already let go of changes nothing.
    const finish = (reason: string, error?: unknown): void => {
      if (done) return;
      done = true;
      if (localPort !== undefined) {
        for (const r of decode.end()) this.store(r);
        endpoint.clientClosed(localPort);
      }
      this.restart(reason, error);
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
          // Connected: the socket has its own end. Claim the connection by it (address and port), before the server serves it.
          // The built-in line reader reads one stream: how the bytes are cut into writes does not show.
          const port = socket.localPort!;
          localPort = port;
          endpoint.clientConnected(port, socket.localAddress!, this.converter === bytesToLines).then(resolve, resolve);
        });
        socket.once('error', (e: Error) => {
          resolve(); // the attempt is over, whether or not the server has claimed the connection yet
          if (localPort === undefined) {
            failed();
            finish(`Error connecting to ${where}`, new ConnectException(e.message));
          } else {
            this.ssc.warn('Error receiving data');
            finish('Error receiving data', new SocketException((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? 'Connection reset' : e.message));
          }
        });
        // Destroyed (stopped) before it connected: the attempt is over too.
        socket.once('close', failed);
      }),
    );
    socket.on('data', (chunk: Buffer) => {
      for (const r of decode.push(chunk)) this.store(r);
      endpoint.clientReceived(localPort!, chunk.length); // data comes only once connected
    });
    const ended = (): void => finish('Socket data stream had no more data');
    socket.on('end', ended);
    socket.on('close', ended);
  }

  protected onStop(): void {
    const c = this.current;
    this.current = undefined;
    if (c === undefined) return;
    if (!c.socket.destroyed) c.closing();
    c.socket.destroy();
  }
}
