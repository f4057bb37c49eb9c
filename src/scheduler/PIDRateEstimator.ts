import { requireThat } from '../errors';

/**
 * Spark: `PIDRateEstimator` (`spark.streaming.backpressure.pid.*`): after each completed batch,
 * a new ingestion rate (records/s) from the batch's records, processing delay and scheduling
 * delay — a PID controller whose set point is the rate the job can process. The first batch only
 * calibrates (no rate); a batch without records or without processing time changes nothing.
 */
export class PIDRateEstimator {
  private firstRun = true;
  private latestTime = -1;
  // Stryker disable next-line UnaryOperator: read only after the first run has set it (Spark's -1)
  private latestRate = -1;
  // Stryker disable next-line UnaryOperator: read only after the first run has set it (Spark's -1)
  private latestError = -1;

  constructor(
    private readonly batchIntervalMillis: number,
    private readonly proportional = 1.0,
    private readonly integral = 0.2,
    private readonly derivative = 0.0,
    private readonly minRate = 100,
  ) {
    requireThat(batchIntervalMillis > 0, `Specified batch interval ${batchIntervalMillis} in PIDRateEstimator is invalid.`);
    requireThat(proportional >= 0, `Proportional term ${proportional} in PIDRateEstimator should be >= 0.`);
    requireThat(integral >= 0, `Integral term ${integral} in PIDRateEstimator should be >= 0.`);
    requireThat(derivative >= 0, `Derivative term ${derivative} in PIDRateEstimator should be >= 0.`);
    requireThat(minRate > 0, `Minimum rate in PIDRateEstimator should be > 0`);
  }

  /** Spark: `compute(time, numElements, processingDelay, schedulingDelay)` (ms); the new rate, if any. */
  compute(time: number, numElements: number, processingDelay: number, schedulingDelay: number): number | undefined {
    if (!(time > this.latestTime && numElements > 0 && processingDelay > 0)) return undefined;
    const delaySinceUpdate = (time - this.latestTime) / 1000;
    const processingRate = (numElements / processingDelay) * 1000;
    const error = this.latestRate - processingRate;
    const historicalError = (schedulingDelay * processingRate) / this.batchIntervalMillis;
    const dError = (error - this.latestError) / delaySinceUpdate;
    const newRate = Math.max(this.latestRate - this.proportional * error - this.integral * historicalError - this.derivative * dError, this.minRate);
    this.latestTime = time;
    if (this.firstRun) {
      this.latestRate = processingRate;
      this.latestError = 0;
      this.firstRun = false;
      return undefined;
    }
    this.latestRate = newRate;
    this.latestError = error;
    return newRate;
  }
}
