import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { newCommand } from './commands/new';
import { runWithWatchdog } from './isolatedRun';
import type { RunCommandOptions } from './commands/run';
import { TEMPLATE_SOURCES, type TemplateSource } from './commands/templates';
import { INSPECT_KINDS, inspectOption, startOption } from './options';
import { reportCommand } from './commands/report';
import { stepCommand } from './commands/step';
import { testCommand, type Shard } from './commands/test';
import { removeTempDirsOnSignal } from './signals';
import { REPORTERS, type Reporter } from './test/report';

const seconds = (v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('a number of seconds ≥ 0');
  return n;
};
const positive = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number ≥ 1');
  return n;
};
const shardOption = (v: string): Shard => {
  const m = /^(\d+)\/(\d+)$/.exec(v);
  const index = Number(m?.[1]);
  const total = Number(m?.[2]);
  if (!m || total < 1 || index < 1 || index > total) throw new InvalidArgumentError('i/n with 1 ≤ i ≤ n, e.g. 2/4');
  return { index, total };
};
const count = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('a whole number ≥ 0');
  return n;
};

/** `--update` → everything, the paths given, or the names listed (`a,b`). */
function updateOption(v: boolean | string | undefined): boolean | 'all' | string[] | undefined {
  if (v === undefined || typeof v === 'boolean') return v;
  if (v === 'all') return 'all';
  return v.split(',').map((n) => n.trim()).filter((n) => n.length > 0);
}

const stdoutWrite = (t: string): void => void process.stdout.write(t);
const stderrWrite = (t: string): void => void process.stderr.write(t);

/** `-t a,b -t c` → every glob given. */
const collectGlobs = (v: string, previous: string[] = []): string[] =>
  previous.concat(v.split(',').map((g) => g.trim()).filter((g) => g.length > 0));

/** The package's version (package.json sits two levels above both src/cli and dist/cli). */
function packageVersion(): string {
  const file = path.join(__dirname, '..', '..', 'package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

/**
 * The `dstream-sim` command line. Resolves to the exit code. While it runs, SIGINT and SIGTERM
 * remove the temporary directories of runs in flight before the process ends (src/cli/signals.ts).
 */
export async function main(argv: string[]): Promise<number> {
  const uninstall = removeTempDirsOnSignal();
  try {
    return await parseAndRun(argv);
  } finally {
    uninstall();
  }
}

async function parseAndRun(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command('dstream-sim')
    .description('A deterministic, virtual-clock simulator of Apache Spark Streaming')
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('--color', 'colour the output even when it is not a terminal (beats NO_COLOR and FORCE_COLOR)')
    .option('--no-color', 'never colour the output')
    .exitOverride()
    .showHelpAfterError();
  program
    .command('run')
    .description('run a streaming program as written, on the virtual clock')
    .argument('<program>', 'a TypeScript, JavaScript or Python (PySpark) program')
    .argument('[args...]', "the program's arguments, after `--` (sys.argv[1:] of a .py program)")
    .option('--timeline <file>', 'the timeline of socket lines, files and queue pushes (YAML or JSON)')
    .option('--until <seconds>', 'run this many seconds of virtual time', seconds)
    .option('--batches <n>', 'run this many batches', count)
    .option('--transcript', 'print the golden transcript instead of the program output')
    .option('--time-zone <tz>', 'time zone of PySpark batch times', 'UTC')
    .option('--typecheck', 'type-check the program and its modules first; type errors stop the run')
    .option('--start <iso>', 'virtual start date, e.g. 2026-01-01T00:00:00Z (default: the epoch)', startOption)
    .option('--inspect <what>', `also show ${INSPECT_KINDS.join(', ')} (comma-separated)`, inspectOption)
    .addOption(new Option('--events <format>', 'print the event log instead, one JSON event a line').choices(['json']))
    .option('--python <path>', 'the Python that runs a .py program (default: DSTREAM_SIM_PYTHON, else python3 on the PATH)')
    .option('--timeout <seconds>', 'real-time budget: a run still going after it is stopped and what was running is named', seconds, 30)
    .action(async (file: string, args: string[], o: RunCommandOptions & { timeout: number }) => {
      const { timeout, ...options } = o;
      code = await runWithWatchdog(file, { ...options, args }, timeout * 1000, stdoutWrite, stderrWrite);
    });
  program
    .command('test')
    .description('run scenarios against their golden transcripts')
    .argument('[paths...]', 'scenario directories or folders of them', [])
    .option(
      '--update [names]',
      'write the goldens of these scenarios (comma-separated names or paths; bare: the paths given; --update=all: every one) when missing or different',
    )
    .option('-t, --filter <globs>', "run only the scenarios whose name matches (e.g. 'notes-*'; * and ?; comma-separated or repeated)", collectGlobs)
    .addOption(new Option('--reporter <format>', 'also write a report for CI').choices(REPORTERS))
    .option('--output-file <file>', 'write the report here (default: stdout, and the table goes to stderr)')
    .option('--watch', 'after the run, rerun the scenarios whose files change (Ctrl-C to stop)')
    .option('--jobs <n>', 'run this many scenarios at once, each in a worker thread (one per core unless given)', positive, defaultJobs())
    .option('--timeout <seconds>', 'real-time budget of one scenario: a run still going after it is stopped and what was running is named', seconds, 30)
    .option('--shard <i/n>', 'run only the i-th of n equal shares of the scenarios (for several CI machines)', shardOption)
    .option('--report <dir>', 'write an HTML report per scenario into this directory (expected vs actual for failing ones)')
    .option('--adversarial-order <seed>', 'permute records where Spark promises no order (after shuffles) and compare each batch in any line order', count)
    .action(
      async (
        paths: string[],
        o: {
          update?: boolean | string;
          filter?: string[];
          reporter?: Reporter;
          outputFile?: string;
          watch?: boolean;
          jobs: number;
          timeout: number;
          shard?: Shard;
          report?: string;
          adversarialOrder?: number;
        },
      ) => {
        const { color } = program.opts<{ color?: boolean }>();
        code = await testCommand(paths, {
          update: updateOption(o.update),
          filter: o.filter,
          reporter: o.reporter,
          outputFile: o.outputFile,
          watch: o.watch,
          color,
          jobs: o.jobs,
          timeoutMs: o.timeout * 1000,
          ...(o.shard !== undefined ? { shard: o.shard } : {}),
          ...(o.report !== undefined ? { report: o.report } : {}),
          ...(o.adversarialOrder !== undefined ? { adversarialOrder: o.adversarialOrder } : {}),
        });
      },
    );
  program
    .command('step')
    .description('step through a scenario batch by batch (reads commands from stdin)')
    .argument('<scenario>', 'a scenario directory')
    .option('--start <iso>', "virtual start date, e.g. 2026-01-01T00:00:00Z (default: the scenario's startDate)", startOption)
    .action(async (dir: string, o: { start?: string }) => {
      code = await stepCommand(dir, { prompt: Boolean(process.stdin.isTTY), start: o.start });
    });
  program
    .command('report')
    .description('write one self-contained HTML page of a run, batch by batch (docs/report.md)')
    .argument('<target>', 'a scenario directory, or a TypeScript, JavaScript or Python (PySpark) program')
    .requiredOption('-o, --output <file>', 'the HTML file to write')
    .option('--timeline <file>', 'the timeline of socket lines, files and queue pushes (a scenario names its own)')
    .option('--until <seconds>', "run this many seconds of virtual time (default: the scenario's)", seconds)
    .option('--python <path>', 'the Python that runs a .py program')
    .action(async (target: string, o: { output: string; timeline?: string; until?: number; python?: string }) => {
      code = await reportCommand(target, o);
    });
  program
    .command('check')
    .description("check a property of a scenario's program on generated timelines (its timeline's sources, random events); shrink a failure")
    .argument('<scenario>', 'a scenario directory with a timeline')
    .option('--property <file>', 'a property file (TypeScript): export default (run) => …; default: the same timeline gives the same transcript')
    .option('--runs <n>', 'timelines to try', positive, 50)
    .option('--seed <n>', 'seed of the generated timelines', count, 1)
    .option('--max-batches <n>', 'most batch intervals with events', positive)
    .option('--save-counterexample <dir>', 'save the smallest failing timeline as a scenario directory here')
    .action(async (dir: string, o: { property?: string; runs: number; seed: number; maxBatches?: number; saveCounterexample?: string }) => {
      // Loaded on use: fast-check and the laws stay out of the other commands' start-up.
      const { checkCommand } = await import('./commands/check');
      code = await checkCommand(dir, o);
    });
  program
    .command('new')
    .description('create a scenario directory that runs at once (program, timeline, scenario.yaml)')
    .argument('<name>', 'the new directory')
    .addOption(new Option('--from <source>', 'what the program reads').choices(TEMPLATE_SOURCES).default('socket'))
    .option('--dir <parent>', 'where to create it (default: here)')
    .action((name: string, o: { from: TemplateSource; dir?: string }) => {
      code = newCommand(name, o);
    });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    const err = e as { code?: string; exitCode?: number };
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
    if (typeof err.exitCode === 'number') return err.exitCode;
    process.stderr.write(`dstream-sim: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  return code;
}

/** `test --jobs` by default: one scenario per core (Node's `availableParallelism`). */
function defaultJobs(): number {
  return Math.max(1, os.availableParallelism());
}
