import * as fs from 'node:fs';
import * as path from 'node:path';
import { scenarioTemplate, type TemplateSource } from './templates';

/** Options of `dstream-sim new`. */
export interface NewCommandOptions {
  /** The source the program reads from (default `socket`). */
  from?: TemplateSource;
  /** The directory to create the scenario in (default: the current one). */
  dir?: string;
  /** What relative paths resolve against (default: the process's working directory). */
  cwd?: string;
  out?: (text: string) => void;
}

/** A plain directory name: letters, digits, `.`, `_`, `-`, not starting with `.` or `-`. */
const PLAIN_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/**
 * `dstream-sim new <name> [--from socket|file|queue] [--dir <parent>]`: create a scenario
 * directory — program.ts, scenario.yaml with a description to write, and timeline.yaml when the
 * source needs one — that runs at once (`dstream-sim test <name> --update <name>` writes its
 * golden). Refuses a name that is not a plain directory name and a directory that exists.
 * Returns the exit code.
 */
export function newCommand(name: string, opts: NewCommandOptions = {}): number {
  const out = opts.out ?? ((t: string) => void process.stdout.write(t));
  const cwd = opts.cwd ?? process.cwd();
  const from = opts.from ?? 'socket';
  if (!PLAIN_NAME.test(name)) {
    out(
      `dstream-sim new: '${name}' is not a plain directory name; use letters, digits, '.', '_' and '-' (e.g. my-word-count), and --dir <parent> to say where\n`,
    );
    return 2;
  }
  const parent = path.resolve(cwd, opts.dir ?? '.');
  if (!fs.statSync(parent, { throwIfNoEntry: false })?.isDirectory()) {
    out(`dstream-sim new --dir: '${opts.dir}' is not a directory; create it first\n`);
    return 2;
  }
  const target = path.join(parent, name);
  const shown = path.relative(cwd, target) || '.';
  try {
    fs.mkdirSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    out(`dstream-sim new: '${shown}' already exists; choose another name, or remove it first\n`);
    return 2;
  }
  const files = scenarioTemplate(from, name);
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(target, file), text);
  out(
    [
      `created ${shown}/ (a word count over a ${from} source): ${Object.keys(files).join(', ')}`,
      'next: write its description in scenario.yaml, then record and check its golden transcript:',
      `  dstream-sim test ${shown} --update ${name}`,
      `  dstream-sim test ${shown}`,
      '',
    ].join('\n'),
  );
  return 0;
}
