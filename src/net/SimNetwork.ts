import { SimulationError } from '../errors';

/** A socket address the simulation serves (a timeline socket source, listening on loopback). */
export interface SimEndpoint {
  /** The address the program uses, e.g. `localhost:9000`. */
  readonly address: string;
  /** The real loopback port it listens on (never another interface). */
  readonly port: number;
  /** Whether it accepts connections now (a timeline `close` stops it until `open`). */
  readonly accepting: boolean;
  /**
   * A client (receiver) is about to connect. Until it reports `clientConnected` or
   * `clientFailed`, the endpoint cannot tell its connection from a stranger's.
   */
  clientConnecting(): void;
  /**
   * The client's connection is made, from `localAddress:localPort` (its socket's own end): only
   * connections claimed this way are served. Resolves when the server side saw it too.
   * `joinsChunks`: the client reads the bytes as one stream (lines), so how they are cut into
   * writes cannot change what it makes of them.
   */
  clientConnected(localPort: number, localAddress: string, joinsChunks?: boolean): Promise<void>;
  /** The client's attempt failed (or was abandoned) before it connected. */
  clientFailed(): void;
  /** The client closes its end (the endpoint sees it later, `clientClosed`). */
  clientClosing(localPort: number): void;
  /** The client consumed `bytes` more bytes. */
  clientReceived(localPort: number, bytes: number): void;
  /** The client saw the end of the stream or closed. */
  clientClosed(localPort: number): void;
}

/** The only interface the simulation's sockets use: timeline servers listen and receivers connect on it. */
export const LOOPBACK_HOST = '127.0.0.1';

/**
 * Writes an endpoint held back instead of sending them at once (see {@link SimNetwork.hold}).
 */
export interface HeldWrites {
  /** Whether the writes may still wait when the timer `timerId` fires next. */
  keeps(timerId: number): boolean;
  /** Write them now (they are then in flight, tracked like any send). */
  release(): void;
}

/** Nothing to wait for. */
const SETTLED: Promise<void> = Promise.resolve();

/** How long real I/O between the simulation's own loopback sockets may take before it is a bug. */
const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * The simulated network of one JVM: which addresses the timeline serves (and on which real
 * loopback port), and the deliveries still in flight. Virtual time does not move while anything
 * is in flight (`settle`), so what arrives when is decided by the timeline, never by real timing.
 */
export class SimNetwork {
  private readonly endpoints = new Map<string, SimEndpoint>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly held = new Set<HeldWrites>();

  /** `localhost` and `127.0.0.1` name the same host. */
  static normalize(host: string, port: number): string {
    const h = host === '127.0.0.1' || host === '::1' ? 'localhost' : host;
    return `${h}:${port}`;
  }

  register(endpoint: SimEndpoint): void {
    this.endpoints.set(endpoint.address, endpoint);
  }

  unregister(endpoint: SimEndpoint): void {
    if (this.endpoints.get(endpoint.address) === endpoint) this.endpoints.delete(endpoint.address);
  }

  resolve(host: string, port: number): SimEndpoint | undefined {
    return this.endpoints.get(SimNetwork.normalize(host, port));
  }

  /** Keep virtual time still until `p` settles. */
  track(p: Promise<void>): void {
    const q = p.catch(() => undefined).finally(() => this.inFlight.delete(q));
    this.inFlight.add(q);
  }

  /**
   * Hold writes back until a timer fires that does not let them wait, or until the wait that
   * fires timers ends (`releaseHeld`). Only what nothing can tell apart is held: bytes whose
   * receiver sees one stream (not chunks), sent by consecutive timer firings between which no
   * other timer fires and no real I/O is awaited — so they arrive before the same timers, in the
   * same order, as if each had been written and settled at once.
   */
  hold(writes: HeldWrites): void {
    this.held.add(writes);
  }

  /** Write `writes` now, if they are still held back. */
  release(writes: HeldWrites): void {
    if (this.held.delete(writes)) writes.release();
  }

  /** Whether writes are held back. */
  get holding(): boolean {
    return this.held.size > 0;
  }

  /**
   * Write what is held back, except what may wait for the timer `nextTimerId` (the one about to
   * fire); with no timer given, everything.
   */
  releaseHeld(nextTimerId?: number): void {
    if (this.held.size === 0) return;
    for (const w of this.held) {
      if (nextTimerId !== undefined && w.keeps(nextTimerId)) continue;
      this.held.delete(w);
      w.release();
    }
  }

  /**
   * Wait until nothing is in flight (what was sent has arrived, connections are made or refused),
   * after writing what is held back, unless the timer `nextTimerId` about to fire lets it wait.
   */
  settle(nextTimerId?: number): Promise<void> {
    this.releaseHeld(nextTimerId);
    return this.inFlight.size === 0 ? SETTLED : this.awaitInFlight();
  }

  private async awaitInFlight(): Promise<void> {
    while (this.inFlight.size > 0) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        // A real-time watchdog only: results never depend on it; it turns a stuck socket into an error.
        // eslint-disable-next-line no-restricted-globals
        timer = setTimeout(
          () =>
            reject(
              new SimulationError(
                `Loopback delivery did not complete within ${DELIVERY_TIMEOUT_MS} ms of real time; a receiver or timeline socket is stuck`,
                'DELIVERY_TIMEOUT',
              ),
            ),
          DELIVERY_TIMEOUT_MS,
        );
      });
      try {
        await Promise.race([Promise.all([...this.inFlight]), timeout]);
      } finally {
        clearTimeout(timer);
      }
    }
  }
}
