import { Command, InvalidArgumentError } from 'commander';
import { runCommand } from './commands/run';
import { stepCommand } from './commands/step';
import { testCommand } from './commands/test';

const seconds = (v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('a number of seconds ≥ 0');
  return n;
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

/** The `dstream-sim` command line. Resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command('dstream-sim')
    .description('A deterministic, virtual-clock simulator of Apache Spark Streaming')
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
    .option('--python <path>', 'the Python that runs a .py program (default: DSTREAM_SIM_PYTHON, else python3 on the PATH)')
    .action(
      async (
        file: string,
        args: string[],
        o: { timeline?: string; until?: number; batches?: number; transcript?: boolean; timeZone: string; typecheck?: boolean; python?: string },
      ) => {
        code = await runCommand(file, { ...o, args });
      },
    );
  program
    .command('test')
    .description('run scenarios against their golden transcripts')
    .argument('[paths...]', 'scenario directories or folders of them', [])
    .option(
      '--update [names]',
      'write the goldens of these scenarios (comma-separated names or paths; bare: the paths given; --update=all: every one) when missing or different',
    )
    .action(async (paths: string[], o: { update?: boolean | string }) => {
      code = await testCommand(paths, { update: updateOption(o.update) });
    });
  program
    .command('step')
    .description('step through a scenario batch by batch (reads commands from stdin)')
    .argument('<scenario>', 'a scenario directory')
    .action(async (dir: string) => {
      code = await stepCommand(dir, { prompt: Boolean(process.stdin.isTTY) });
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
