import { UnsupportedOperationError } from '../errors';

const HADOOP = 'it writes through a Hadoop OutputFormat; use saveAsTextFiles';

function unsupported(name: string, reason: string): UnsupportedOperationError {
  return new UnsupportedOperationError(`DStream.${name} is not supported by dstream-sim: ${reason}`, 'NOT_SUPPORTED_BY_SIMULATOR');
}

/**
 * The Spark `DStream` methods dstream-sim does not offer (all Scala-only; PySpark's DStream has
 * none of them), each an explicit stub throwing `UnsupportedOperationError("DStream.<name> is not
 * supported by dstream-sim: <reason>")` instead of "x is not a function". `DStream` extends this.
 */
export abstract class UnsupportedDStreamMethods {
  /** Spark: `saveAsObjectFiles(prefix, suffix)`. */
  saveAsObjectFiles(..._args: unknown[]): never {
    throw unsupported('saveAsObjectFiles', 'serialized SequenceFiles are not simulated; use saveAsTextFiles');
  }
  /** Spark: `PairDStreamFunctions.saveAsHadoopFiles`. */
  saveAsHadoopFiles(..._args: unknown[]): never {
    throw unsupported('saveAsHadoopFiles', HADOOP);
  }
  /** Spark: `PairDStreamFunctions.saveAsNewAPIHadoopFiles`. */
  saveAsNewAPIHadoopFiles(..._args: unknown[]): never {
    throw unsupported('saveAsNewAPIHadoopFiles', HADOOP);
  }
}
