import * as path from 'node:path';
import type { Scenario } from '../../scenario/Scenario';
import { checkProgramTypes } from '../../scenario/loadProgram';
import { runScenario } from '../../scenario/runScenario';

/** Options of `dstream-sim run`. */
export interface RunCommandOptions {
  timeline?: string;
  until?: number;
  batches?: number;
  transcript?: boolean;
  timeZone?: string;
  /** Type-check the program first; on type errors print them and do not run. */
  typecheck?: boolean;
  out?: (text: string) => void;
  /** The program's arguments (`sys.argv[1:]` of a `.py` program). */
  args?: string[];
  /** The Python that runs a `.py` program. */
  python?: string;
}

/**
 * `dstream-sim run program.ts --timeline t.yaml --until 30`: run a program as written on the
 * virtual clock and print what it prints (pprint blocks exactly as PySpark prints them), or the
 * golden transcript with `--transcript`; `--typecheck` type-checks it first. Returns the exit code.
 */
export async function runCommand(program: string, opts: RunCommandOptions = {}): Promise<number> {
  const out = opts.out ?? ((t: string) => void process.stdout.write(t));
  if (opts.until === undefined && opts.batches === undefined) {
    out('dstream-sim run: say how long to run: --until <seconds> or --batches <n>\n');
    return 2;
  }
  const dir = path.dirname(path.resolve(program));
  if (opts.typecheck && !program.endsWith('.py')) {
    const errors = checkProgramTypes(path.resolve(program));
    if (errors.length > 0) {
      process.stderr.write(`${errors.join('\n')}\ndstream-sim run: ${errors.length} type error${errors.length > 1 ? 's' : ''}; the program did not run\n`);
      return 1;
    }
  }
  const scenario: Scenario = {
    name: path.basename(program),
    dir,
    description: '',
    program: path.resolve(program),
    timeline: opts.timeline !== undefined ? path.resolve(opts.timeline) : undefined,
    until: opts.until,
    batches: opts.batches,
    inspect: {},
    timeZone: opts.timeZone ?? 'UTC',
    golden: path.join(dir, 'expected.golden'),
  };
  const common = { args: opts.args, python: opts.python };
  const result = await runScenario(scenario, opts.transcript ? common : { ...common, echo: out });
  if (opts.transcript) out(result.transcript);
  const failed = result.events.find((e) => e.type === 'programFailed');
  if (failed && failed.type === 'programFailed') {
    process.stderr.write(`dstream-sim run: the program failed: ${failed.errorName}: ${failed.message}\n`);
    return 1;
  }
  return 0;
}
