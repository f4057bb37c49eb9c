import * as fs from 'node:fs';
import * as path from 'node:path';
import { SimulationError } from '../errors';
import { bundleProgram } from './program/bundle';
import { ProgramModule, type ProgramRunOptions } from './program/ProgramModule';
import { checkProgramTypes } from './program/typecheck';

export { ProgramModule, checkProgramTypes };
export type { ProgramLocation, ProgramRunOptions } from './program/ProgramModule';

/** Options of {@link loadProgram}. */
export interface LoadProgramOptions {
  /** Type-check the program and its relative modules first; type errors throw `PROGRAM_TYPE_ERROR`. */
  typecheck?: boolean;
  /** The directory paths in messages are relative to (default: the program's). */
  relativeTo?: string;
}

/** Options of {@link runProgram}: how to load the program and what it runs against. */
export interface RunProgramOptions extends LoadProgramOptions, ProgramRunOptions {}

/**
 * Compile a user's program file (TypeScript or JavaScript, ES module syntax, top-level `await`
 * allowed) without a build step: esbuild bundles it with its relative modules (`./helpers`),
 * leaving packages to be loaded when it runs. Synchronous, so a run starts in the turn it is
 * asked to (the runner and the stepper rely on it). Throws SimulationError `PROGRAM_NOT_FOUND`,
 * or `PROGRAM_INVALID` with esbuild's messages at the user's `file:line:column` and the line.
 */
export function loadProgram(file: string, opts: LoadProgramOptions = {}): ProgramModule {
  const abs = path.resolve(file);
  const relativeTo = path.resolve(opts.relativeTo ?? path.dirname(abs));
  try {
    if (!fs.statSync(abs).isFile()) throw new Error('not a file');
  } catch (e) {
    throw new SimulationError(`${file}: cannot read the program (${(e as Error).message})`, 'PROGRAM_NOT_FOUND');
  }
  if (opts.typecheck) {
    const errors = checkProgramTypes(abs, relativeTo);
    if (errors.length > 0) throw new SimulationError(errors.join('\n'), 'PROGRAM_TYPE_ERROR');
  }
  return new ProgramModule(abs, bundleProgram(abs, relativeTo), relativeTo);
}

/**
 * Load and run a program to its end. `import … from 'dstream-sim'` gets `api` — the very module
 * the runner uses, so the program runs in the runner's simulated JVM; other packages resolve
 * from the program's directory; the names of `scope` are the program's free variables. To map
 * errors to the user's source (`locate`, `mapStack`), use {@link loadProgram} and `run`.
 */
export async function runProgram(file: string, opts: RunProgramOptions): Promise<void> {
  await loadProgram(file, opts).run(opts);
}
