import { runForReport, writeReport, type ReportTarget } from '../../report/reportRun';

/** Options of `dstream-sim report`. */
export interface ReportCommandOptions extends Omit<ReportTarget, 'path'> {
  /** The HTML file to write. */
  output: string;
  out?: (text: string) => void;
  err?: (text: string) => void;
}

/**
 * `dstream-sim report <scenario | program> -o report.html`: run it as written and write one
 * self-contained HTML page of the run, batch by batch (docs/report.md). Returns the exit code.
 */
export async function reportCommand(target: string, opts: ReportCommandOptions): Promise<number> {
  const out = opts.out ?? ((t: string) => void process.stdout.write(t));
  const err = opts.err ?? ((t: string) => void process.stderr.write(t));
  try {
    const { model } = await runForReport({ path: target, timeline: opts.timeline, until: opts.until, python: opts.python });
    writeReport(opts.output, model);
    const batches = model.rows.filter((r) => r.kind === 'batch').length;
    out(`wrote ${opts.output}: ${batches} batch${batches === 1 ? '' : 'es'}, ${model.lanes.length} lanes\n`);
    return 0;
  } catch (e) {
    err(`dstream-sim report: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
