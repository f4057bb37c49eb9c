/**
 * Issue 9, item 4: a timeline's socket server serves only the simulated receivers. A stranger's
 * connection to the served loopback port is closed at once, logged as a warning that names the
 * source (never the real port), and changes nothing the program sees.
 */
import * as net from 'node:net';
import { SimNetwork } from '../../src/net/SimNetwork';
import { SocketSource } from '../../src/timeline/SocketSource';
import { SparkContext, StreamingContext, timeline, TimelineDriver, withIsolatedJvm, type Jvm, type RDD, type SimEvent, type Time } from '../../src/index';

const tl = timeline()
  .socket('nc', 'localhost:9000')
  .lines(0.5, 'nc', 'a b', 'b')
  .lines(1.5, 'nc', 'c')
  .lines(2.5, 'nc', 'a a')
  .lines(3.5, 'nc', 'd')
  .build();

/** A foreign client: connects to the real port and records what it is sent and whether it is closed. */
function stranger(port: number): { received: () => number; closed: Promise<void> } {
  let received = 0;
  const socket = net.connect({ host: '127.0.0.1', port });
  socket.on('data', (chunk: Buffer) => void (received += chunk.length));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { received: () => received, closed };
}

interface Run {
  printed: string;
  events: SimEvent[];
  strangerBytes: number[];
}

/**
 * Run a word count on the timeline. With `strangers`, a foreign client connects while the
 * receiver connects (right after start) and another one during the batch at 2 s; virtual time
 * waits (the network tracks it) until each is closed, so where they land is deterministic.
 */
async function run(strangers: boolean): Promise<Run> {
  const out: string[] = [];
  const clients: ReturnType<typeof stranger>[] = [];
  return withIsolatedJvm({ stdout: (t) => void out.push(t) }, async (jvm: Jvm) => {
    const driver = await TimelineDriver.attach(jvm, tl);
    const connectStranger = (): void => {
      const c = stranger(jvm.network.resolve('localhost', 9000)!.port);
      clients.push(c);
      jvm.network.track(c.closed);
    };
    try {
      const ssc = new StreamingContext(new SparkContext({ master: 'local[2]', appName: 'stranger' }), 1);
      const words = ssc.socketTextStream('localhost', 9000).flatMap((l) => l.split(' '));
      words.countByValue().pprint();
      if (strangers) words.foreachRDD((time: Time, _rdd: RDD<string>) => void (time.milliseconds === 2000 && connectStranger()));
      ssc.start();
      if (strangers) connectStranger();
      await ssc.awaitTerminationOrTimeout(5);
      ssc.stop();
    } finally {
      await driver.close();
    }
    return { printed: out.join(''), events: [...jvm.log.events()], strangerBytes: clients.map((c) => c.received()) };
  });
}

describe('a timeline socket serves only the simulated receivers', () => {
  test('strangers are refused at once, logged, and change no result', async () => {
    const alone = await run(false);
    const intruded = await run(true);

    // Same outputs and same inputs per batch as without the strangers.
    expect(alone.printed).toContain("('a', 1)");
    expect(intruded.printed).toBe(alone.printed);
    const delivered = (r: Run): unknown[] => r.events.flatMap((e) => (e.type === 'inputDelivered' ? [[e.batchTime, e.records]] : []));
    expect(delivered(intruded)).toEqual(delivered(alone));

    // The strangers were sent nothing.
    expect(intruded.strangerBytes).toEqual([0, 0]);

    // Each refusal is a warning naming the source and the program's address, never the real port.
    const warnings = intruded.events.flatMap((e) => (e.type === 'warning' ? [e.message] : []));
    expect(warnings).toEqual([
      "timeline nc: refused a connection to localhost:9000 that is not a simulated receiver's",
      "timeline nc: refused a connection to localhost:9000 that is not a simulated receiver's",
    ]);
    expect(alone.events.some((e) => e.type === 'warning')).toBe(false);
  }, 30_000);
});

describe('SocketSource tells its receivers from strangers', () => {
  test("while a receiver's attempt is unresolved, a stranger is held; then refused, and the receiver is served", async () => {
    const network = new SimNetwork();
    let refused = 0;
    const source = new SocketSource('localhost:9000', network, () => void refused++);
    await source.listen();
    try {
      source.clientConnecting();
      const receiver = net.connect({ host: '127.0.0.1', port: source.port });
      const stray = stranger(source.port);
      await new Promise<void>((resolve) => receiver.once('connect', () => resolve()));
      let got = '';
      receiver.on('data', (chunk: Buffer) => {
        got += chunk.toString();
        source.clientReceived(receiver.localPort!, chunk.length);
      });
      // Whichever the server accepted first, the claim decides: the receiver is adopted, the stranger refused.
      await source.clientConnected(receiver.localPort!, receiver.localAddress!);
      await stray.closed;
      expect(refused).toBe(1);
      expect(source.send(Buffer.from('hello\n'))).toBe(1);
      await network.settle();
      expect(got).toBe('hello\n');
      expect(stray.received()).toBe(0);
      receiver.destroy();
    } finally {
      await source.shutdown();
    }
  });
});
