import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  SparkConf,
  SparkContext,
  StreamingContext,
  TimelineDriver,
  timeline,
  withIsolatedJvm,
  type SimEvent,
  type Timeline,
} from '../../src/index';

/**
 * Consecutive socket sends that no other timer separates go as one loopback write
 * (SocketSource.send, SimNetwork.hold). What a program sees must be exactly what it saw when
 * every send was written and settled on its own: which batch each line lands in, around block
 * and batch boundaries, under a rate limit, across receiver restarts, and the timeline's own
 * record of each send.
 */

interface Run {
  /** Records delivered to the socket stream, per batch time (ms). */
  batches: [number, unknown[]][];
  /** The socket source's timeline events: `[at, detail]`. */
  sends: [number, string][];
  /** Receiver lifecycle: `[at, type]`. */
  receiver: [number, string][];
  /** How many sends were held back to go with the next one. */
  held: number;
}

type Build = (ssc: StreamingContext) => void;

const lines: Build = (ssc) => void ssc.socketTextStream('localhost', 9000).foreachRDD((rdd) => void rdd.count());

/** Runs `build`'s program against `tl`: `wait` after `ssc.start()` (default: `seconds` of virtual time, then stop). */
async function run(
  tl: Timeline,
  seconds: number,
  conf: Record<string, string> = {},
  build: Build = lines,
  wait: (ssc: StreamingContext) => Promise<void> = async (ssc) => void (await ssc.awaitTerminationOrTimeout(seconds)),
): Promise<Run> {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-coalesce-'));
  try {
    return await withIsolatedJvm({ stdout: () => undefined, cwd }, async (jvm) => {
      let held = 0;
      jvm.log.subscribe(
        (e) => {
          if (e.type === 'timelineEvent' && e.source === 'nc' && jvm.network.holding) held++;
        },
        ['timelineEvent'],
      );
      const driver = await TimelineDriver.attach(jvm, tl);
      try {
        const sparkConf = new SparkConf().setMaster('local[2]').setAppName('coalesce');
        for (const [k, v] of Object.entries(conf)) sparkConf.set(k, v);
        const ssc = new StreamingContext(new SparkContext(sparkConf), 1);
        build(ssc);
        ssc.start();
        await wait(ssc);
        ssc.stop();
      } finally {
        await driver.close();
      }
      const events: readonly SimEvent[] = jvm.log.events();
      return {
        batches: events.flatMap((e) => (e.type === 'inputDelivered' ? [[e.batchTime, [...(e.records ?? [])]] as [number, unknown[]]] : [])),
        sends: events.flatMap((e) => (e.type === 'timelineEvent' && e.source === 'nc' ? [[e.at, e.detail] as [number, string]] : [])),
        receiver: events.flatMap((e) =>
          e.type === 'receiverStarted' || e.type === 'receiverError' || e.type === 'receiverStopped' ? [[e.at, e.type] as [number, string]] : [],
        ),
        held,
      };
    });
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
}

/** A timeline event of the socket source `nc` (what the arbitraries generate). */
type Step = { at: number; kind: 'lines'; lines: string[] } | { at: number; kind: 'data'; text: string } | { at: number; kind: 'drop' };

function timelineOf(steps: readonly Step[], separated: boolean): Timeline {
  const b = timeline().socket('nc', 'localhost:9000').queue('gap');
  for (const s of steps) {
    if (s.kind === 'lines') b.lines(s.at, 'nc', ...s.lines);
    else if (s.kind === 'data') b.data(s.at, 'nc', s.text);
    else b.drop(s.at, 'nc');
    // A push to a queue nobody reads fires between two sends: nothing can go together.
    if (separated) b.push(s.at, 'gap', []);
  }
  return b.build();
}

/** Times in ms, often exactly on a block (or batch) boundary. */
const timeMs = (maxMs: number, blockMs: number): fc.Arbitrary<number> =>
  fc.oneof(fc.integer({ min: 0, max: maxMs }), fc.integer({ min: 0, max: Math.floor(maxMs / blockMs) }).map((k) => k * blockMs));

describe('coalesced socket sends', () => {
  test('a line sent at t lands in the batch of the block whose interval holds t (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(100, 200, 250, 500, 1000),
        fc.integer({ min: 100, max: 4000 }).chain((maxMs) => fc.tuple(fc.constant(maxMs), fc.array(fc.integer({ min: 0, max: maxMs }), { minLength: 1, maxLength: 60 }))),
        fc.context(),
        async (blockMs, [, rawTimes], ctx) => {
          const times = [...rawTimes].sort((a, b) => a - b);
          // Some times moved onto a block boundary: the edge of the model.
          const snapped = times.map((t, i) => (i % 3 === 0 ? Math.floor(t / blockMs) * blockMs : t)).sort((a, b) => a - b);
          const steps: Step[] = snapped.map((t, i) => ({ at: t / 1000, kind: 'lines', lines: [`l${i}`] }));
          const r = await run(timelineOf(steps, false), 6, { 'spark.streaming.blockInterval': `${blockMs}ms` });
          // The model: the block cut at the first multiple of the block interval at or after t
          // (inputs arrive before the cut of their instant; the first cut follows the start at 0),
          // and that block in the first batch (every 1000 ms) at or after its cut.
          const expected = new Map<number, string[]>();
          snapped.forEach((t, i) => {
            const cut = Math.max(blockMs, Math.ceil(t / blockMs) * blockMs);
            const batch = Math.ceil(cut / 1000) * 1000;
            expected.set(batch, [...(expected.get(batch) ?? []), `l${i}`]);
          });
          ctx.log(`block ${blockMs} ms, times ${JSON.stringify(snapped)}, held ${r.held}`);
          expect(r.batches.filter(([, recs]) => recs.length > 0)).toEqual([...expected].sort((a, b) => a[0] - b[0]));
          expect(r.sends).toEqual(snapped.map((t) => [t, '1 line to localhost:9000 (1 connection)']));
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  test('sends go together only where no timer comes between, and land as if sent one by one', async () => {
    // 200 ms blocks: 0.01 … 0.19 go together up to the cut at 0.2; 0.2 is cut at 0.2 too (inputs first).
    const steps: Step[] = [0.01, 0.05, 0.05, 0.19, 0.2, 0.21, 0.99, 1, 1, 1.001, 2.5].map((at, i) => ({ at, kind: 'lines', lines: [`l${i}`, `m${i}`] }));
    const joined = await run(timelineOf(steps, false), 3);
    const apart = await run(timelineOf(steps, true), 3);
    expect(apart.held).toBe(0);
    // Held: each send whose next timer is a send to the same source (0.01, 0.05, 0.05, 0.19 before
    // the cut at 0.2; 0.99 and the first send at 1 before the cut at 1), never one a cut follows.
    expect(joined.held).toBe(6);
    expect(joined.batches).toEqual([
      [1000, ['l0', 'm0', 'l1', 'm1', 'l2', 'm2', 'l3', 'm3', 'l4', 'm4', 'l5', 'm5', 'l6', 'm6', 'l7', 'm7', 'l8', 'm8']],
      [2000, ['l9', 'm9']],
      [3000, ['l10', 'm10']],
    ]);
    expect(joined.batches).toEqual(apart.batches);
    expect(joined.sends).toEqual(apart.sends);
  });

  test('with drops (receiver restarts), partial lines and a rate limit, batches are those of sends written one by one (property)', async () => {
    const step: fc.Arbitrary<Step> = fc.oneof(
      { weight: 8, arbitrary: fc.record({ at: timeMs(5000, 200), kind: fc.constant('lines' as const), lines: fc.array(fc.constantFrom('a', 'b c', '안녕', ''), { minLength: 1, maxLength: 3 }) }) },
      { weight: 2, arbitrary: fc.record({ at: timeMs(5000, 200), kind: fc.constant('data' as const), text: fc.constantFrom('par', 'tial\n', '\r\n', 'x\ry', '🎉') }) },
      { weight: 1, arbitrary: fc.record({ at: timeMs(5000, 200), kind: fc.constant('drop' as const) }) },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 40 }),
        fc.constantFrom<Record<string, string>>({}, { 'spark.streaming.receiver.maxRate': '7' }),
        fc.constantFrom('300', '1000'),
        async (raw, conf, restartDelay) => {
          const steps = [...raw].sort((a, b) => a.at - b.at).map((s) => ({ ...s, at: s.at / 1000 }));
          const c = { ...conf, 'spark.streaming.receiverRestartDelay': restartDelay };
          const joined = await run(timelineOf(steps, false), 7, c);
          const apart = await run(timelineOf(steps, true), 7, c);
          expect(apart.held).toBe(0);
          expect(joined.batches).toEqual(apart.batches);
          expect(joined.sends).toEqual(apart.sends);
          expect(joined.receiver).toEqual(apart.receiver);
        },
      ),
      { numRuns: 20 },
    );
  }, 180_000);

  test('a receiver that reads chunks (socketStream with its own converter) gets one chunk per send, never joined ones', async () => {
    const chunks: Build = (ssc) =>
      void ssc
        .socketStream('localhost', 9000, () => ({ push: (chunk: Buffer) => [chunk.toString('utf8')], end: () => [] }))
        .foreachRDD((rdd) => void rdd.count());
    const steps: Step[] = [0.01, 0.02, 0.03].map((at, i) => ({ at, kind: 'lines', lines: [`l${i}`] }));
    const r = await run(timelineOf(steps, false), 1, {}, chunks);
    expect(r.held).toBe(0);
    expect(r.batches).toEqual([[1000, ['l0\n', 'l1\n', 'l2\n']]]);
  });

  test('a send held back when the wait ends has arrived before the program goes on (a graceful stop keeps it)', async () => {
    // 1 s blocks: nothing is cut between the sends at 0.4 and 0.6, so the first waits for the
    // second; the program's wait ends at 0.5 and it stops gracefully, keeping what was received.
    const stopAtHalf = async (ssc: StreamingContext): Promise<void> => {
      await ssc.awaitTerminationOrTimeout(0.5);
      ssc.stop(false, true);
    };
    const steps: Step[] = [0.4, 0.6].map((at, i) => ({ at, kind: 'lines', lines: [`l${i}`] }));
    const conf = { 'spark.streaming.blockInterval': '1000ms' };
    const joined = await run(timelineOf(steps, false), 0, conf, lines, stopAtHalf);
    const apart = await run(timelineOf(steps, true), 0, conf, lines, stopAtHalf);
    expect(joined.held).toBe(1);
    expect(joined.batches.flatMap(([, records]) => records)).toEqual(['l0']);
    expect(joined.batches).toEqual(apart.batches);
    expect(joined.sends).toEqual(apart.sends);
  });
});

describe('timeline events keep their place among other timers', () => {
  test('a send at the instant a receiver restarts comes first (scheduled before the restart), one a ms later reaches it', async () => {
    const tl = timeline()
      .socket('nc', 'localhost:9000')
      .lines(0.5, 'nc', 'before')
      .drop(1, 'nc')
      .lines(2, 'nc', 'at the restart')
      .lines(2.001, 'nc', 'after')
      .build();
    const r = await run(tl, 3, { 'spark.streaming.receiverRestartDelay': '1000' });
    expect(r.sends).toEqual([
      [500, '1 line to localhost:9000 (1 connection)'],
      [1000, 'localhost:9000 dropped 1 connection (reset); still accepting'],
      [2000, '1 line to localhost:9000 not delivered: no receiver connected'],
      [2001, '1 line to localhost:9000 (1 connection)'],
    ]);
    expect(r.receiver).toEqual([
      [0, 'receiverStarted'],
      [1000, 'receiverError'],
      [2000, 'receiverStarted'],
      [3000, 'receiverStopped'],
    ]);
    expect(r.batches.filter(([, records]) => records.length > 0)).toEqual([
      [1000, ['before']],
      [3000, ['after']],
    ]);
  });
});
