import { UnsupportedOperationError } from '../errors';

/** The error of a Spark/PySpark method dstream-sim does not offer: its name and why. */
export function unsupported(name: string, reason: string): UnsupportedOperationError {
  return new UnsupportedOperationError(`RDD.${name} is not supported by dstream-sim: ${reason}`, 'NOT_SUPPORTED_BY_SIMULATOR');
}

const HADOOP = 'it writes through a Hadoop OutputFormat; use saveAsTextFile';

/**
 * The PySpark/Spark `RDD` methods dstream-sim does not offer, each an explicit stub that throws
 * `UnsupportedOperationError("RDD.<name> is not supported by dstream-sim: <reason>")`, so that a
 * program calling one gets a clear message instead of "x is not a function". `RDD` extends this.
 */
export abstract class UnsupportedRDDMethods {
  /** PySpark/Spark: `pipe(command)`. */
  pipe(..._args: unknown[]): never {
    throw unsupported('pipe', 'pipe runs an external process; use map or mapPartitions with a function instead');
  }
  /** PySpark/Spark: `barrier()`. */
  barrier(..._args: unknown[]): never {
    throw unsupported('barrier', 'barrier execution mode needs a cluster scheduler');
  }
  /** PySpark/Spark: `withResources(profile)`. */
  withResources(..._args: unknown[]): never {
    throw unsupported('withResources', 'resource profiles need a cluster manager');
  }
  /** PySpark/Spark: `getResourceProfile()`. */
  getResourceProfile(..._args: unknown[]): never {
    throw unsupported('getResourceProfile', 'resource profiles need a cluster manager');
  }
  /** PySpark: `toDF()`. */
  toDF(..._args: unknown[]): never {
    throw unsupported('toDF', 'Spark SQL (DataFrames) is not simulated');
  }
  /** PySpark/Spark: `countApprox`. */
  countApprox(..._args: unknown[]): never {
    throw unsupported('countApprox', 'approximate (timed, partial) jobs are not simulated; use count');
  }
  /** PySpark/Spark: `sumApprox`. */
  sumApprox(..._args: unknown[]): never {
    throw unsupported('sumApprox', 'approximate (timed, partial) jobs are not simulated; use sum');
  }
  /** PySpark/Spark: `meanApprox`. */
  meanApprox(..._args: unknown[]): never {
    throw unsupported('meanApprox', 'approximate (timed, partial) jobs are not simulated; use mean');
  }
  /** PySpark/Spark: `countApproxDistinct` (HyperLogLog++). */
  countApproxDistinct(..._args: unknown[]): never {
    throw unsupported('countApproxDistinct', "Spark's HyperLogLog++ estimate is not reproduced; use distinct().count()");
  }
  /** PySpark/Spark: `sampleByKey`. */
  sampleByKey(..._args: unknown[]): never {
    throw unsupported('sampleByKey', "stratified sampling with Spark's samplers is not reproduced");
  }
  /** PySpark: `collectWithJobGroup`. */
  collectWithJobGroup(..._args: unknown[]): never {
    throw unsupported('collectWithJobGroup', 'job groups are not simulated; use collect');
  }
  /** PySpark/Spark: `cleanShuffleDependencies`. */
  cleanShuffleDependencies(..._args: unknown[]): never {
    throw unsupported('cleanShuffleDependencies', 'shuffle files are not simulated');
  }
  /** PySpark/Spark: `saveAsPickleFile` / Scala `saveAsObjectFile`. */
  saveAsPickleFile(..._args: unknown[]): never {
    throw unsupported('saveAsPickleFile', 'pickled SequenceFiles are not simulated; use saveAsTextFile');
  }
  /** Spark: `saveAsObjectFile`. */
  saveAsObjectFile(..._args: unknown[]): never {
    throw unsupported('saveAsObjectFile', 'serialized SequenceFiles are not simulated; use saveAsTextFile');
  }
  /** PySpark/Spark: `saveAsSequenceFile`. */
  saveAsSequenceFile(..._args: unknown[]): never {
    throw unsupported('saveAsSequenceFile', HADOOP);
  }
  /** PySpark/Spark: `saveAsHadoopFile`. */
  saveAsHadoopFile(..._args: unknown[]): never {
    throw unsupported('saveAsHadoopFile', HADOOP);
  }
  /** PySpark/Spark: `saveAsHadoopDataset`. */
  saveAsHadoopDataset(..._args: unknown[]): never {
    throw unsupported('saveAsHadoopDataset', HADOOP);
  }
  /** PySpark/Spark: `saveAsNewAPIHadoopFile`. */
  saveAsNewAPIHadoopFile(..._args: unknown[]): never {
    throw unsupported('saveAsNewAPIHadoopFile', HADOOP);
  }
  /** PySpark/Spark: `saveAsNewAPIHadoopDataset`. */
  saveAsNewAPIHadoopDataset(..._args: unknown[]): never {
    throw unsupported('saveAsNewAPIHadoopDataset', HADOOP);
  }
}
