import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SparkContext, StreamingContext, TimelineDriver, timeline, withIsolatedJvm, type SimEvent, type Timeline } from '../../src/index';

/** A fresh run directory (removed by the caller). */
export function runDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-cp-'));
}

/** Lines on localhost:9000 at the given seconds. */
export function socketLines(at: readonly [number, string][]): Timeline {
  const t = timeline().socket('nc', 'localhost:9000');
  for (const [s, line] of at) t.lines(s, 'nc', line);
  return t.build();
}

/** What one "driver process" of a test did. */
export interface ProcessRun {
  events: SimEvent[];
  printed: string;
  /** Calls of the create function Spark would make (none when recovering). */
  created: number;
  /** Calls in getOrCreate's rebuild mode (recovering: the functions are rebuilt, nothing printed). */
  rebuilt: number;
  /** The JVM's rebuild depth right after getOrCreate returned (0: rebuild mode is over). */
  rebuildingAfter: number;
}

/**
 * One driver process in `cwd` (a new simulated JVM: nothing in memory is shared with earlier
 * ones), its clock starting at `startMs`: the wikibook word count through
 * `getOrCreate('cp', create)`, run until `untilMs`.
 */
export async function wordCountProcess(
  cwd: string,
  tl: Timeline,
  startMs: number,
  untilMs: number,
  opts: { createOnError?: boolean; checkpointDir?: string } = {},
): Promise<ProcessRun> {
  const out: string[] = [];
  let created = 0;
  let rebuilt = 0;
  let rebuildingAfter = -1;
  return withIsolatedJvm({ cwd, clockStartMs: startMs, stdout: (t) => void out.push(t) }, async (jvm) => {
    const driver = await TimelineDriver.attach(jvm, tl);
    try {
      const create = (): StreamingContext => {
        if (jvm.rebuilding > 0) rebuilt++;
        else created++;
        const sc = new SparkContext({ master: 'local[2]', appName: 'cp' });
        const ssc = new StreamingContext(sc, 1);
        ssc.checkpoint(opts.checkpointDir ?? 'cp');
        ssc
          .socketTextStream('localhost', 9000)
          .flatMap((l) => l.split(' '))
          .map((w): [string, number] => [w, 1])
          .updateStateByKey((vs: number[], s: number | undefined) => vs.reduce((a, b) => a + b, 0) + (s ?? 0))
          .pprint();
        return ssc;
      };
      const ssc = StreamingContext.getOrCreate(opts.checkpointDir ?? 'cp', create, opts.createOnError ?? false);
      rebuildingAfter = jvm.rebuilding;
      ssc.start();
      await ssc.awaitTerminationOrTimeout((untilMs - startMs) / 1000);
      ssc.stop();
    } finally {
      await driver.close();
    }
    return { events: [...jvm.log.events()], printed: out.join(''), created, rebuilt, rebuildingAfter };
  });
}

/** The checkpoint files in `dir`, by name, sorted as Spark sorts them (oldest first). */
export function checkpointNames(dir: string): string[] {
  const key = (n: string): [number, number] => [Number(/\d+/.exec(n)![0]), n.endsWith('.bk') ? 0 : 1];
  return fs
    .readdirSync(dir)
    .filter((n) => n.startsWith('checkpoint-'))
    .sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]);
}
