import {
  SparkContext,
  StreamingContext,
  withIsolatedJvm,
  type Flavor,
  type Jvm,
  type JvmOptions,
} from '../../src/index';

/** Run a test body in a fresh simulated JVM; pprint output is captured, not printed. */
export function inJvm<R>(fn: (jvm: Jvm, out: string[]) => Promise<R> | R, opts: JvmOptions = {}): Promise<R> {
  const out: string[] = [];
  return Promise.resolve(withIsolatedJvm({ stdout: (t) => void out.push(t), ...opts }, (jvm) => fn(jvm, out)));
}

/** A SparkContext on local[2] and a StreamingContext with a 1 s batch (or the given one). */
export function makeContexts(flavor: Flavor = 'pyspark', batchSeconds = 1): { sc: SparkContext; ssc: StreamingContext } {
  const sc = new SparkContext({ master: 'local[2]', appName: 'test', flavor });
  const ssc = new StreamingContext(sc, batchSeconds);
  return { sc, ssc };
}
