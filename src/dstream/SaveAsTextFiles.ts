import type { RDD } from '../rdd/RDD';
import { FileAlreadyExistsError } from '../rdd/saveAsTextFile';
import type { Time } from '../time/Time';
import type { DStream } from './internal';

/**
 * The body of `saveAsTextFiles(prefix, suffix)` (Spark: `DStream.saveAsTextFiles`): each batch
 * goes to `rddToFileName(prefix, suffix, time)`. PySpark: a `None` suffix gives `prefix-<ms>`,
 * any other (even `""`) `prefix-<ms>.<suffix>`, and an existing directory is skipped silently.
 */
export const SaveAsTextFiles = {
  rddToFileName(prefix: string, suffix: string | undefined, time: Time, pyspark: boolean): string {
    if (pyspark) return `${prefix}-${time.milliseconds}` + (suffix === undefined ? '' : `.${suffix}`);
    let result = String(time.milliseconds);
    if (prefix.length > 0) result = `${prefix}-${result}`;
    if (suffix !== undefined && suffix.length > 0) result = `${result}.${suffix}`;
    return result;
  },

  saveFunction<T>(stream: DStream<T>, prefix: string, suffix: string | undefined): (rdd: RDD<T>, time: Time) => void {
    const pyspark = stream.flavor === 'pyspark';
    return (rdd, time) => {
      const file = SaveAsTextFiles.rddToFileName(prefix, suffix, time, pyspark);
      try {
        rdd.saveAsTextFile(file);
      } catch (e) {
        if (pyspark && e instanceof FileAlreadyExistsError) return;
        throw e;
      }
    };
  },
};
