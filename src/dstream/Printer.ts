import type { RDD } from '../rdd/RDD';
import type { Time } from '../time/Time';
import { pythonDatetime, pythonStr, scalaString } from '../util/format';
import type { DStream } from './internal';

const DASHES = '-------------------------------------------';

/**
 * The body of `pprint`/`print` (Spark: `DStream.print`, PySpark: `DStream.pprint`): take
 * `num + 1` records and print the block Spark prints. PySpark's header is the batch time as a
 * local datetime (`Time: 1970-01-01 00:00:01`); Scala's is `Time: 1000 ms`.
 */
export const Printer = {
  printFunction<T>(stream: DStream<T>, num: number): (rdd: RDD<T>, time: Time) => void {
    const ssc = stream.ssc;
    const pyspark = stream.flavor === 'pyspark';
    const str = pyspark ? pythonStr : scalaString;
    return (rdd, time) => {
      const taken = rdd.take(num + 1);
      const header = pyspark ? pythonDatetime(time.milliseconds, ssc.timeZone) : String(time);
      const lines = [DASHES, `Time: ${header}`, DASHES];
      for (const r of taken.slice(0, num)) lines.push(str(r));
      if (taken.length > num) lines.push('...');
      lines.push('');
      ssc.writeOutput(lines.join('\n') + '\n', taken.slice(0, num), taken.length > num);
    };
  },
};
