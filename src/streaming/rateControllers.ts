import type { SparkConf } from '../conf/SparkConf';
import { ReceiverInputDStream, type InputDStream } from '../dstream/internal';
import { IllegalArgumentError } from '../errors';
import { PIDRateEstimator } from '../scheduler/PIDRateEstimator';
import { RateController } from '../scheduler/RateController';

/**
 * Spark: what `JobScheduler.start` attaches as listeners when `spark.streaming.backpressure.enabled`:
 * each receiver input's `RateController` (estimator `spark.streaming.backpressure.rateEstimator`,
 * only `pid`, with `spark.streaming.backpressure.pid.*`). None when backpressure is off.
 */
export function rateControllers(inputs: readonly InputDStream<unknown>[], conf: SparkConf, batchMs: number): RateController[] {
  if (!conf.getBoolean('spark.streaming.backpressure.enabled', false)) return [];
  const estimator = conf.get('spark.streaming.backpressure.rateEstimator', 'pid');
  if (estimator !== 'pid') throw new IllegalArgumentError(`Unknown rate estimator: ${estimator}`);
  const num = (key: string, dflt: number): number => Number(conf.get(key, String(dflt)));
  const receiving = inputs.filter((input): input is ReceiverInputDStream<unknown> => input instanceof ReceiverInputDStream);
  return receiving.map((input) => {
    const pid = new PIDRateEstimator(
      batchMs,
      num('spark.streaming.backpressure.pid.proportional', 1.0),
      num('spark.streaming.backpressure.pid.integral', 0.2),
      num('spark.streaming.backpressure.pid.derived', 0.0),
      num('spark.streaming.backpressure.pid.minRate', 100),
    );
    return new RateController(input.inputId, pid, (rate) => input.updateRate(rate));
  });
}
