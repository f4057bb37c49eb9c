import * as net from 'node:net';
import type { SimEndpoint } from '../net/SimNetwork';
import { LOOPBACK_HOST, SimNetwork, type HeldWrites } from '../net/SimNetwork';

interface Connection {
  socket: net.Socket;
  written: number;
  received: number;
  closed: boolean;
  /** The client reads one stream of bytes (lines), not chunks: consecutive sends may go as one write. */
  joinsChunks: boolean;
  /** The client closed its end; the server has not seen it yet (its next send is settled by the close). */
  closing: boolean;
  /** Text (UTF-8) or bytes sent but held back (see `SimNetwork.hold`), written together on release. */
  held: (string | Buffer)[];
  waiters: { target: number; resolve: () => void }[];
  closeWaiters: (() => void)[];
}

/**
 * A timeline socket source: a real TCP server on 127.0.0.1 (never another interface) standing
 * for `host:port`, like `nc -lk`: it accepts connections and sends the timeline's bytes to every
 * connected client. Every send, connection and close is tracked until the client has seen it.
 *
 * Only the simulated receivers' own connections are served: a receiver announces its attempt
 * (`clientConnecting`) and then the local address and port of its socket (`clientConnected`); an
 * accepted connection whose remote address and port no receiver claimed is a stranger's. It is
 * held (never sent anything) while a receiver's attempt is still unresolved, and closed at once
 * otherwise; `onStranger` is told, so the run can log it.
 */
export class SocketSource implements SimEndpoint {
  readonly address: string;
  port = 0;
  accepting = false;
  private server: net.Server | undefined;
  private readonly conns = new Map<number, Connection>();
  /** Receivers' connections (`address:port` of their end) the server has not accepted yet. */
  private readonly claims = new Map<string, { joinsChunks: boolean; accepted: () => void }>();
  /** Accepted connections no receiver has claimed yet (kept only while `connecting > 0`). */
  private readonly unclaimed = new Map<string, net.Socket>();
  /** Receivers' connection attempts still unresolved (neither connected nor failed). */
  private connecting = 0;
  /** Writes held back by `send`, as the network sees them (undefined: none). */
  private heldWrites: HeldWrites | undefined;
  /** Which timers the bytes held back may wait for (the latest send's). */
  private mayWait: (timerId: number) => boolean = () => false;

  constructor(
    address: string,
    private readonly network: SimNetwork,
    /** Called when a connection that is not a simulated receiver's was refused. */
    private readonly onStranger: () => void = () => undefined,
  ) {
    const [host, port] = [address.slice(0, address.lastIndexOf(':')), Number(address.slice(address.lastIndexOf(':') + 1))];
    this.address = SimNetwork.normalize(host, port);
  }

  /** Start listening (on the same port again after a close). */
  async listen(): Promise<void> {
    const server = net.createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: LOOPBACK_HOST, port: this.port }, () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
    this.accepting = true;
  }

  /**
   * Send bytes (a string: its UTF-8 bytes) to every connected client; returns how many
   * connections got them.
   *
   * With `mayWait` (which timers the bytes may wait for, the caller having checked that the next
   * one to fire is such a timer), the bytes are held back and written together with the next
   * sends, before any other timer fires or the wait ends — when every client reads one stream
   * (not chunks) and none has closed its end unseen. Otherwise they are written at once.
   */
  send(bytes: string | Buffer, mayWait?: (timerId: number) => boolean): number {
    let open = 0;
    let joined = true;
    for (const c of this.conns.values()) {
      if (c.closed) continue;
      open++;
      joined &&= c.joinsChunks && !c.closing;
    }
    if (mayWait !== undefined && open > 0 && joined) {
      for (const c of this.conns.values()) if (!c.closed) c.held.push(bytes);
      this.mayWait = mayWait;
      if (this.heldWrites === undefined) {
        const writes: HeldWrites = {
          keeps: (timerId) => this.mayWait(timerId),
          release: () => {
            if (this.heldWrites === writes) this.heldWrites = undefined;
            for (const c of this.conns.values()) this.releaseTo(c);
          },
        };
        this.heldWrites = writes;
        this.network.hold(writes);
      }
      return open;
    }
    this.releaseHeld();
    if (open > 0) {
      const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
      for (const c of this.conns.values()) if (!c.closed) this.write(c, buffer);
    }
    return open;
  }

  /** Write what `send` held back (in the order sent) now. */
  private releaseHeld(): void {
    if (this.heldWrites !== undefined) this.network.release(this.heldWrites);
  }

  private releaseTo(c: Connection): void {
    if (c.held.length === 0) return;
    const held = c.held;
    c.held = [];
    // Strings encode one by one or joined alike, unless a surrogate pair would be split.
    const bytes = held.every((h) => typeof h === 'string' && !endsInHighSurrogate(h))
      ? Buffer.from(held.join(''), 'utf8')
      : Buffer.concat(held.map((h) => (typeof h === 'string' ? Buffer.from(h, 'utf8') : h)));
    if (!c.closed) this.write(c, bytes);
  }

  private write(c: Connection, bytes: Buffer): void {
    c.socket.write(bytes);
    c.written += bytes.length;
    const target = c.written;
    this.network.track(
      new Promise<void>((resolve) => {
        if (c.received >= target || c.closed) resolve();
        else c.waiters.push({ target, resolve });
      }),
    );
  }

  /** Close every connection and stop accepting (until `reopen`). */
  close(): number {
    this.releaseHeld();
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

  /** Reset every connection (the client reads `ECONNRESET`), and go on accepting. */
  drop(): number {
    this.releaseHeld();
    let n = 0;
    for (const c of this.conns.values()) {
      if (c.closed) continue;
      n++;
      this.network.track(new Promise<void>((resolve) => c.closeWaiters.push(resolve)));
      c.socket.resetAndDestroy();
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
    this.releaseHeld();
    this.accepting = false;
    for (const c of this.conns.values()) c.socket.destroy();
    this.conns.clear();
    for (const s of this.unclaimed.values()) s.destroy();
    this.unclaimed.clear();
    const server = this.server;
    this.server = undefined;
    if (server !== undefined) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  clientConnecting(): void {
    this.connecting++;
  }

  clientConnected(localPort: number, localAddress: string, joinsChunks = false): Promise<void> {
    this.connecting = Math.max(0, this.connecting - 1);
    const key = `${localAddress}:${localPort}`;
    const socket = this.unclaimed.get(key);
    let accepted: Promise<void>;
    if (socket !== undefined) {
      this.unclaimed.delete(key);
      this.adopt(socket, localPort, joinsChunks);
      accepted = Promise.resolve();
    } else {
      accepted = new Promise<void>((resolve) => this.claims.set(key, { joinsChunks, accepted: resolve }));
    }
    this.refuseUnclaimed();
    return accepted;
  }

  clientFailed(): void {
    this.connecting = Math.max(0, this.connecting - 1);
    this.refuseUnclaimed();
  }

  clientReceived(localPort: number, bytes: number): void {
    const c = this.conns.get(localPort);
    if (c === undefined) return;
    c.received += bytes;
    c.waiters = c.waiters.filter((w) => (c.received >= w.target ? (w.resolve(), false) : true));
  }

  clientClosing(localPort: number): void {
    const c = this.conns.get(localPort);
    if (c === undefined || c.closed) return;
    // What was held back for it was written before it closed, as when it was sent.
    this.releaseHeld();
    c.closing = true;
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
    socket.on('error', () => undefined);
    const key = `${socket.remoteAddress}:${socket.remotePort}`;
    const claim = this.claims.get(key);
    if (claim !== undefined) {
      this.claims.delete(key);
      this.adopt(socket, socket.remotePort!, claim.joinsChunks);
      claim.accepted();
    } else if (this.connecting > 0) {
      // A receiver's connect may not have reported yet: decide when it does.
      this.unclaimed.set(key, socket);
      socket.once('close', () => {
        if (this.unclaimed.get(key) === socket) this.unclaimed.delete(key);
      });
    } else {
      this.refuse(socket);
    }
  }

  private adopt(socket: net.Socket, port: number, joinsChunks: boolean): void {
    this.conns.set(port, { socket, written: 0, received: 0, closed: false, joinsChunks, closing: false, held: [], waiters: [], closeWaiters: [] });
  }

  /** Once no receiver's attempt is unresolved, every connection still unclaimed is a stranger's. */
  private refuseUnclaimed(): void {
    if (this.connecting > 0) return;
    const strangers = [...this.unclaimed.values()];
    this.unclaimed.clear();
    for (const s of strangers) this.refuse(s);
  }

  private refuse(socket: net.Socket): void {
    socket.destroy();
    this.onStranger();
  }
}

/** Whether `s` ends in the first half of a surrogate pair (its UTF-8 bytes depend on what follows). */
function endsInHighSurrogate(s: string): boolean {
  const c = s.charCodeAt(s.length - 1);
  return c >= 0xd800 && c <= 0xdbff;
}
