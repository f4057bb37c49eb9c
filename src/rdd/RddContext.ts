import type { Flavor } from '../conf/Flavor';
import type { AdversarialOrder } from '../util/AdversarialOrder';

/**
 * What an RDD needs from its SparkContext (the port `SparkContext` implements): ids, the default
 * parallelism, the flavor, and whether it was stopped. Spark: the `sc` every RDD holds.
 */
export interface RddContext {
  readonly flavor: Flavor;
  /** Spark: `defaultParallelism`. */
  readonly defaultParallelism: number;
  /** Whether `spark.default.parallelism` is set (PySpark's `_defaultReducePartitions` asks). */
  readonly defaultParallelismIsSet: boolean;
  /** The simulated JVM's working directory (relative paths resolve against it). */
  readonly cwd: string;
  /** Whether the run has a directory of its own (a scenario or a harness run given `cwd`): it writes only inside it. */
  readonly hasRunDir: boolean;
  /** Where Spark promises no order, permute with this (`--adversarial-order`); undefined: off. */
  readonly adversarialOrder?: AdversarialOrder | undefined;
  /** Spark: `isStopped`. */
  readonly isStopped: boolean;
  /** Spark: `newRddId`. */
  newRddId(): number;
  /** The next stage id (each action runs one stage here). */
  nextStageId: number;
  /** Spark's `assertNotStopped` (its message). */
  assertNotStopped(): void;
}
