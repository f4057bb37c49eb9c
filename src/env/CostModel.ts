/**
 * A declared processing cost, in seconds of virtual time (dstream-sim's own: on a cluster the
 * machine decides it). Each output operation's job of a batch takes
 * `perOutput + perRecord × records + Σ perStream[s] (streams it depends on) + job(…)`, and the
 * batch's first job also `perBatch`. Without one (or when every part is 0) jobs take no time.
 */
export interface CostModel {
  /** Seconds added to each batch (to its first job). */
  perBatch?: number;
  /** Seconds per record the batch's inputs reported (`BatchInfo.numRecords`), for each job. */
  perRecord?: number;
  /** Seconds per output operation (each job). */
  perOutput?: number;
  /** Seconds per job whose lineage includes the stream of this name (e.g. `reduceByKey [3]`). */
  perStream?: Readonly<Record<string, number>>;
  /** Seconds for one job, as a function of its batch. */
  job?: (job: JobCostInput) => number;
}

/** What a cost function knows about a job. */
export interface JobCostInput {
  /** The batch time (virtual ms). */
  batchTime: number;
  /** The job's output operation id within the batch (0 first). */
  outputOpId: number;
  /** The output operation's stream name (`pprint [4]`). */
  outputName: string;
  /** Records the batch's inputs reported. */
  records: number;
  /** The names of the streams the job depends on, nearest first. */
  lineage: readonly string[];
}

/** A job's duration in whole virtual ms under `model` (0 without a model). */
export function jobDurationMs(model: CostModel | undefined, job: JobCostInput): number {
  if (model === undefined) return 0;
  let s = (model.perOutput ?? 0) + (model.perRecord ?? 0) * job.records + (job.outputOpId === 0 ? (model.perBatch ?? 0) : 0);
  for (const name of job.lineage) s += model.perStream?.[name] ?? 0;
  if (model.job !== undefined) s += model.job(job);
  if (!Number.isFinite(s) || s < 0) throw new RangeError(`cost of ${job.outputName} at ${job.batchTime} ms: ${s} is not a duration in seconds ≥ 0`);
  return Math.round(s * 1000);
}

/** Whether a model can make any job take time. */
export function isCostly(model: CostModel | undefined): boolean {
  if (model === undefined) return false;
  const perStream = Object.values(model.perStream ?? {}).some((v) => v !== 0);
  return (model.perBatch ?? 0) !== 0 || (model.perRecord ?? 0) !== 0 || (model.perOutput ?? 0) !== 0 || perStream || model.job !== undefined;
}
