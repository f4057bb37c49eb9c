import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  SparkContext,
  StreamingContext,
  TimelineDriver,
  withIsolatedJvm,
  type Flavor,
  type SimEvent,
  type Timeline,
} from '../../src/index';

export interface TimelineRunResult {
  printed: string;
  events: SimEvent[];
  cwd: string;
}

/**
 * Run a program against a timeline in a fresh simulated JVM whose working directory is a new
 * temporary directory: `build(ssc)` defines the streams; the run lasts `seconds` of virtual time.
 */
export async function runWithTimeline(
  tl: Timeline,
  build: (ssc: StreamingContext) => void,
  seconds: number,
  opts: { batch?: number; flavor?: Flavor; keepDir?: boolean } = {},
): Promise<TimelineRunResult> {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-'));
  const out: string[] = [];
  try {
    return await withIsolatedJvm({ stdout: (t) => void out.push(t), cwd }, async (jvm) => {
      const driver = await TimelineDriver.attach(jvm, tl);
      try {
        const sc = new SparkContext({ master: 'local[2]', appName: 'timeline', flavor: opts.flavor ?? 'pyspark' });
        const ssc = new StreamingContext(sc, opts.batch ?? 1);
        build(ssc);
        ssc.start();
        await ssc.awaitTerminationOrTimeout(seconds);
        ssc.stop();
      } finally {
        await driver.close();
      }
      return { printed: out.join(''), events: [...jvm.log.events()], cwd };
    });
  } finally {
    if (!opts.keepDir) fs.rmSync(cwd, { recursive: true, force: true });
  }
}

/** The records each input delivered, per batch time (ms). */
export function delivered(events: SimEvent[], streamName?: string): [number, unknown[] | undefined][] {
  return events.flatMap((e) =>
    e.type === 'inputDelivered' && (streamName === undefined || e.streamName === streamName)
      ? [[e.batchTime, e.records === undefined ? undefined : [...e.records]] as [number, unknown[] | undefined]]
      : [],
  );
}
