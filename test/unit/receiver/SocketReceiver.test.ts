/**
 * Spark's `SocketReceiver` over a real loopback connection, against a server that stands for a
 * timeline socket: what the receiver stores, how it restarts (`Error connecting to host:port`,
 * `Socket data stream had no more data`, `Error receiving data`), and what it tells the endpoint
 * (its connection attempt, its own end of the connection, the bytes it consumed, its close).
 */
import * as net from 'node:net';
import type { SimEndpoint } from '../../../src/net/SimNetwork';
import { bytesToLines, SocketReceiver, type StreamConverter } from '../../../src/receiver/SocketReceiver';
import { fakeRuntime, stored, type FakeRuntime } from './fakeRuntime';

type Call =
  | ['connecting']
  | ['connected', number, string, boolean | undefined]
  | ['failed']
  | ['received', number, number]
  | ['closing', number]
  | ['closed', number];

/** An endpoint that records what the receiver tells it, served by a real loopback server. */
class RecordingEndpoint implements SimEndpoint {
  readonly address = 'localhost:9000';
  readonly accepting = true;
  readonly calls: Call[] = [];
  private readonly waiters: { until: (c: Call) => boolean; resolve: () => void }[] = [];
  constructor(readonly port: number) {}
  clientConnecting(): void {
    this.record(['connecting']);
  }
  clientConnected(localPort: number, localAddress: string, joinsChunks?: boolean): Promise<void> {
    this.record(['connected', localPort, localAddress, joinsChunks]);
    return Promise.resolve();
  }
  clientFailed(): void {
    this.record(['failed']);
  }
  clientClosing(localPort: number): void {
    this.record(['closing', localPort]);
  }
  clientReceived(localPort: number, bytes: number): void {
    this.record(['received', localPort, bytes]);
  }
  clientClosed(localPort: number): void {
    this.record(['closed', localPort]);
  }
  /** Resolves once the receiver has told the endpoint something `until` accepts. */
  heard(until: (c: Call) => boolean): Promise<void> {
    if (this.calls.some(until)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ until, resolve }));
  }
  private record(c: Call): void {
    this.calls.push(c);
    for (const w of this.waiters.filter((x) => x.until(c))) w.resolve();
  }
}

interface Harness {
  rt: FakeRuntime;
  endpoint: RecordingEndpoint;
  receiver: SocketReceiver<string>;
  /** The server's side of each connection the receiver made, in order. */
  accepted: Promise<net.Socket>[];
}

const servers: net.Server[] = [];
const receivers: SocketReceiver<string>[] = [];
afterEach(async () => {
  for (const r of receivers.splice(0)) r.stop();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A loopback server on a free port; `accepted[i]` resolves to the server side of the i-th connection. */
async function server(): Promise<{ port: number; accepted: Promise<net.Socket>[] }> {
  const pending: ((s: net.Socket) => void)[] = [];
  const accepted = Array.from({ length: 4 }, () => new Promise<net.Socket>((resolve) => pending.push(resolve)));
  const srv = net.createServer((s) => {
    s.on('error', () => undefined);
    pending.shift()?.(s);
  });
  servers.push(srv);
  await new Promise<void>((resolve) => srv.listen({ host: '127.0.0.1', port: 0 }, resolve));
  return { port: (srv.address() as net.AddressInfo).port, accepted };
}

async function connected(conf: Record<string, string> = {}): Promise<Harness> {
  const { port, accepted } = await server();
  const rt = fakeRuntime(conf);
  const endpoint = new RecordingEndpoint(port);
  rt.network.register(endpoint);
  const receiver = new SocketReceiver(rt.ssc, 0, 'Socket input [0]', 'localhost', 9000, bytesToLines);
  receivers.push(receiver);
  receiver.start();
  await rt.network.settle();
  return { rt, endpoint, receiver, accepted };
}

/** Resolves once `cond` holds, checked after each turn of the event loop. */
async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise<void>((resolve) => setImmediate(resolve));
}

const errors = (rt: FakeRuntime): unknown[][] => rt.events.filter((e) => e.type === 'receiverError').map((e) => [e.message, e.error]);

test('the receiver claims its connection by its own end, which is the peer the server sees', async () => {
  const { endpoint, accepted } = await connected();
  const peer = await accepted[0]!;
  // The built-in line reader reads one stream: how the bytes are cut into writes does not matter to it.
  expect(endpoint.calls).toEqual([['connecting'], ['connected', peer.remotePort, peer.remoteAddress, true]]);
  expect(peer.remoteAddress).toBe('127.0.0.1');
});

test('lines are stored as they come; at the end of the stream the unterminated last line too, then a restart', async () => {
  const { rt, endpoint, accepted } = await connected();
  const peer = await accepted[0]!;
  const clientPort = peer.remotePort;
  peer.write('a\nb');
  await endpoint.heard((c) => c[0] === 'received');
  peer.end();
  await endpoint.heard((c) => c[0] === 'closed');
  // The end of the stream is seen (closed); the restart then closes this end (closing).
  expect(endpoint.calls.slice(2)).toEqual([
    ['received', clientPort, 3],
    ['closed', clientPort],
    ['closing', clientPort],
  ]);
  expect(errors(rt)).toEqual([['Socket data stream had no more data', undefined]]);
  rt.clock.advance(200);
  expect(stored(rt)).toEqual(['a', 'b']);
  // After the restart delay the receiver connects again.
  rt.clock.advance(1800);
  await rt.network.settle();
  const again = await accepted[1]!;
  expect(endpoint.calls.slice(5)).toEqual([['connecting'], ['connected', again.remotePort, '127.0.0.1', true]]);
});

test('a reset connection: the warning "Error receiving data" and a restart with java.net.SocketException: Connection reset', async () => {
  const { rt, endpoint, accepted } = await connected();
  const peer = await accepted[0]!;
  peer.write('x\ny');
  await endpoint.heard((c) => c[0] === 'received');
  const clientPort = peer.remotePort;
  peer.resetAndDestroy();
  await endpoint.heard((c) => c[0] === 'closed');
  // The reset destroyed this end already: there is nothing left to close (no closing).
  expect(endpoint.calls.slice(2)).toEqual([
    ['received', clientPort, 3],
    ['closed', clientPort],
  ]);
  expect(rt.warnings).toEqual(['Error receiving data']);
  expect(errors(rt)).toEqual([['Error receiving data', 'java.net.SocketException: Connection reset']]);
  rt.clock.advance(200);
  expect(stored(rt)).toEqual(['x', 'y']); // what had arrived is kept, the unterminated line too
});

test('stopped while connected: the endpoint hears the close, and nothing is restarted', async () => {
  const { rt, receiver, endpoint, accepted } = await connected();
  const clientPort = (await accepted[0]!).remotePort;
  receiver.stop();
  await endpoint.heard((c) => c[0] === 'closed');
  expect(endpoint.calls.slice(2)).toEqual([
    ['closing', clientPort],
    ['closed', clientPort],
  ]);
  expect(errors(rt)).toEqual([]);
  expect(rt.events.map((e) => e.type)).toEqual(['receiverStarted', 'receiverStopped']);
});

test('a converter that reads chunk by chunk is announced as one that does not join chunks', async () => {
  const { port, accepted } = await server();
  const rt = fakeRuntime();
  const endpoint = new RecordingEndpoint(port);
  rt.network.register(endpoint);
  const perChunk: StreamConverter<number> = () => ({ push: (chunk) => [chunk.length], end: () => [] });
  const receiver = new SocketReceiver(rt.ssc, 0, 'Socket input [0]', 'localhost', 9000, perChunk);
  receiver.start();
  await rt.network.settle();
  const peer = await accepted[0]!;
  expect(endpoint.calls).toEqual([['connecting'], ['connected', peer.remotePort, '127.0.0.1', false]]);
  receiver.stop();
});

test('stopped before the connection is made: the attempt is over (failed, once), nothing is restarted', async () => {
  const { port } = await server();
  const rt = fakeRuntime();
  const endpoint = new RecordingEndpoint(port);
  rt.network.register(endpoint);
  const receiver = new SocketReceiver(rt.ssc, 0, 'Socket input [0]', 'localhost', 9000, bytesToLines);
  receiver.start();
  receiver.stop();
  await rt.network.settle(); // the attempt no longer holds virtual time
  expect(endpoint.calls).toEqual([['connecting'], ['failed']]);
  expect(errors(rt)).toEqual([]);
});

test('the port refuses the connection: failed once, never closed, and a restart with a ConnectException', async () => {
  const { port } = await server();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve)))); // nothing listens there now
  const rt = fakeRuntime();
  const endpoint = new RecordingEndpoint(port);
  rt.network.register(endpoint);
  const receiver = new SocketReceiver(rt.ssc, 0, 'Socket input [0]', 'localhost', 9000, bytesToLines);
  receivers.push(receiver);
  receiver.start();
  await rt.network.settle();
  await endpoint.heard((c) => c[0] === 'failed');
  const e = errors(rt);
  expect(e).toHaveLength(1);
  expect(e[0]![0]).toBe('Error connecting to localhost:9000');
  expect(e[0]![1]).toMatch(/^java\.net\.ConnectException: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
  // The socket's close after the error ends the same attempt: no second failure, no close, no
  // second restart. The retry after the delay is refused again, and by then that close is long past.
  rt.clock.advance(2000);
  await until(() => errors(rt).length === 2);
  expect(endpoint.calls).toEqual([['connecting'], ['failed'], ['connecting'], ['failed']]);
});
