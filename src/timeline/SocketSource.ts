import * as net from 'node:net';
import type { SimEndpoint } from '../net/SimNetwork';
import { SimNetwork } from '../net/SimNetwork';

interface Connection {
  socket: net.Socket;
  written: number;
  received: number;
  closed: boolean;
  waiters: { target: number; resolve: () => void }[];
  closeWaiters: (() => void)[];
}

/**
 * A timeline socket source: a real TCP server on 127.0.0.1 (never another interface) standing
 * for `host:port`, like `nc -lk`: it accepts connections and sends the timeline's bytes to every
 * connected client. Every send, connection and close is tracked until the client has seen it.
 */
export class SocketSource implements SimEndpoint {
  readonly address: string;
  port = 0;
  accepting = false;
  private server: net.Server | undefined;
  private readonly conns = new Map<number, Connection>();
  private readonly pendingAccepts = new Map<number, () => void>();

  constructor(
    address: string,
    private readonly network: SimNetwork,
  ) {
    const [host, port] = [address.slice(0, address.lastIndexOf(':')), Number(address.slice(address.lastIndexOf(':') + 1))];
    this.address = SimNetwork.normalize(host, port);
  }

  /** Start listening (on the same port again after a close). */
  async listen(): Promise<void> {
    const server = net.createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: '127.0.0.1', port: this.port }, () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
    this.accepting = true;
  }

  /** Send bytes to every connected client; returns how many connections got them. */
  send(bytes: Buffer): number {
    let n = 0;
    for (const c of this.conns.values()) {
      if (c.closed) continue;
      c.socket.write(bytes);
      c.written += bytes.length;
      const target = c.written;
      this.network.track(
        new Promise<void>((resolve) => {
          if (c.received >= target || c.closed) resolve();
          else c.waiters.push({ target, resolve });
        }),
      );
      n++;
    }
    return n;
  }

  /** Close every connection and stop accepting (until `reopen`). */
  close(): number {
    this.accepting = false;
    const server = this.server;
    this.server = undefined;
    if (server !== undefined) this.network.track(new Promise<void>((resolve) => server.close(() => resolve())));
    let n = 0;
    for (const c of this.conns.values()) {
      if (c.closed) continue;
      n++;
      this.network.track(new Promise<void>((resolve) => c.closeWaiters.push(resolve)));
      c.socket.end();
    }
    return n;
  }

  /** Accept connections again. */
  reopen(): void {
    if (this.accepting) return;
    this.network.track(this.listen());
  }

  /** Shut down for good (end of the run). */
  async shutdown(): Promise<void> {
    this.accepting = false;
    for (const c of this.conns.values()) c.socket.destroy();
    this.conns.clear();
    const server = this.server;
    this.server = undefined;
    if (server !== undefined) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  clientConnected(localPort: number): Promise<void> {
    if (this.conns.has(localPort)) return Promise.resolve();
    return new Promise<void>((resolve) => this.pendingAccepts.set(localPort, resolve));
  }

  clientReceived(localPort: number, bytes: number): void {
    const c = this.conns.get(localPort);
    if (c === undefined) return;
    c.received += bytes;
    c.waiters = c.waiters.filter((w) => (c.received >= w.target ? (w.resolve(), false) : true));
  }

  clientClosed(localPort: number): void {
    const c = this.conns.get(localPort);
    if (c === undefined) return;
    c.closed = true;
    for (const w of c.waiters) w.resolve();
    c.waiters = [];
    for (const w of c.closeWaiters) w();
    c.closeWaiters = [];
    c.socket.destroy();
    this.conns.delete(localPort);
  }

  private accept(socket: net.Socket): void {
    const port = socket.remotePort ?? -1;
    socket.on('error', () => undefined);
    this.conns.set(port, { socket, written: 0, received: 0, closed: false, waiters: [], closeWaiters: [] });
    const pending = this.pendingAccepts.get(port);
    this.pendingAccepts.delete(port);
    pending?.();
  }
}
