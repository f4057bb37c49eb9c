import { createHash } from 'node:crypto';
import { createRequire, SourceMap } from 'node:module';
import * as path from 'node:path';
import { SimulationError } from '../../errors';
import { PACKAGE_NAMESPACE, REQUIRE_PARAM, type ProgramBundle } from './bundle';
import { codeFrame, lineOf } from './codeFrame';

/** Where in the user's source an error happened. */
export interface ProgramLocation {
  /** The source file, relative to the program's directory: `program.ts`, `lib/words.ts`. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** `program.ts:3:7`. */
  where: string;
  /** The failing line with a caret under the column ('' when the source text is unknown). */
  frame: string;
}

/** What a program runs against. */
export interface ProgramRunOptions {
  /** What `import … from 'dstream-sim'` (and `'dstream-sim/testing'`) gives: the runner's own module. */
  api: Record<string, unknown>;
  /** More modules by import name, e.g. `{ 'dstream-sim/property': … }` (the docs' examples use it). */
  modules?: Readonly<Record<string, unknown>>;
  /**
   * Free variables the program (and its relative modules) sees instead of globals of the same
   * name, e.g. `{ console }`: the program's own console, so a run never replaces the global one.
   */
  scope?: Record<string, unknown>;
}

type AsyncFn = (...args: unknown[]) => Promise<unknown>;
const AsyncFunction = (async () => {}).constructor as new (...paramsAndBody: string[]) => AsyncFn;
const RESERVED = new Set([REQUIRE_PARAM, 'require', '__filename', '__dirname']);

/** Whether `name` can be a parameter of the strict function the program runs as. */
function isVariableName(name: string): boolean {
  if (!/^[A-Za-z_$][\w$]*$/.test(name) || RESERVED.has(name)) return false;
  try {
    new Function(name, "'use strict';");
    return true;
  } catch {
    return false; // a reserved word: class, let, eval, …
  }
}

/**
 * A compiled program (see `loadProgram`): run it, and map the errors that come out of it — at
 * the top level or later, from a function of the program the engine calls — back to the user's
 * `file:line:column`.
 */
export class ProgramModule {
  /** The program file (absolute). */
  readonly file: string;
  private readonly code: string;
  private readonly map: SourceMap;
  /** The name the script's stack frames carry: the code's hash, so equal names mean equal maps. */
  private readonly url: string;
  private readonly frameLine: RegExp;

  /** Use `loadProgram`. `relativeTo`: the directory locations are relative to. */
  constructor(
    file: string,
    bundle: ProgramBundle,
    private readonly relativeTo: string,
  ) {
    this.file = file;
    this.code = bundle.code;
    this.map = new SourceMap(bundle.map);
    const hash = createHash('sha1').update(bundle.code).update(JSON.stringify(bundle.map)).digest('hex').slice(0, 12);
    this.url = `dstream-sim-program:${hash}/${path.basename(file)}`;
    const url = this.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    this.frameLine = new RegExp(`^\\s*at (?:(.*?) \\()?${url}:(\\d+):(\\d+)\\)?$`);
  }

  /**
   * Run the program to its end (its top-level `await`s included). Packages it imports load from
   * its directory, except `dstream-sim`, which is `api`. Rejects with what the program threw.
   */
  async run({ api, modules = {}, scope = {} }: ProgramRunOptions): Promise<void> {
    const names = Object.keys(scope);
    for (const n of names) {
      if (!isVariableName(n)) {
        throw new SimulationError(
          `runProgram: scope name '${n}' cannot be a variable of the program; use an identifier other than ${[...RESERVED].join(', ')}`,
          'PROGRAM_SCOPE_INVALID',
        );
      }
    }
    const base = createRequire(this.file);
    const load = (id: string): unknown => (id === 'dstream-sim' || id === 'dstream-sim/testing' ? api : Object.hasOwn(modules, id) ? modules[id] : base(id));
    const require = Object.assign((id: string) => load(id), { resolve: base.resolve });
    // ES modules are strict; the directive is a line of its own, which bodyOffset() accounts for.
    const fn = new AsyncFunction(REQUIRE_PARAM, 'require', '__filename', '__dirname', ...names, `'use strict';\n${this.code}\n//# sourceURL=${this.url}`);
    await fn(load, require, this.file, path.dirname(this.file), ...names.map((n) => scope[n]));
  }

  /**
   * The user's source location of an error: the innermost program frame of the innermost error
   * in its `cause` chain that has one (a failed job's SparkError → the lambda that threw).
   * Undefined when no frame of the error is in the program.
   */
  locate(error: unknown): ProgramLocation | undefined {
    for (const e of causes(error).reverse()) {
      const first = this.frames(e)[0];
      if (first !== undefined) return first.location;
    }
    return undefined;
  }

  /**
   * The error's stack as the user wants to read it: the message, then only the frames in the
   * program's own files, at their `file:line:column` (`    at fn (program.ts:3:7)`); each cause
   * follows as `Caused by: …`.
   */
  mapStack(error: unknown): string {
    return causes(error)
      .map((e, i) => {
        const frames = this.frames(e).map(({ fn, location: l }) => `    at ${fn !== undefined ? `${fn} (${l.where})` : l.where}`);
        return (i > 0 ? 'Caused by: ' : '') + [headerOf(e), ...frames].join('\n');
      })
      .join('\n');
  }

  private frames(e: unknown): { fn: string | undefined; location: ProgramLocation }[] {
    const stack = stackOf(e);
    if (stack === undefined) return [];
    const out: { fn: string | undefined; location: ProgramLocation }[] = [];
    for (const text of stack.split('\n')) {
      const m = this.frameLine.exec(text);
      if (m === null) continue;
      const location = this.original(Number(m[2]), Number(m[3]));
      // V8 names the program's top level `eval`.
      const fn = m[1] === undefined || /^(async )?eval$/.test(m[1]) ? undefined : m[1];
      if (location !== undefined) out.push({ fn, location });
    }
    return out;
  }

  /** The source position of a 1-based line and column of the script; undefined in esbuild's helpers. */
  private original(line: number, column: number): ProgramLocation | undefined {
    const generatedLine = line - 1 - bodyOffset();
    const entry = this.map.findEntry(generatedLine, column - 1);
    if (!('originalSource' in entry) || entry.generatedLine !== generatedLine) return undefined;
    const index = this.map.payload.sources.indexOf(entry.originalSource);
    // Packages are virtual modules of the bundle, not the user's files; so is the entry.
    if (index < 0 || entry.originalSource.startsWith(`${PACKAGE_NAMESPACE}:`) || entry.originalSource.startsWith('<')) return undefined;
    const file = path.relative(this.relativeTo, path.resolve(path.dirname(this.file), entry.originalSource));
    const at = { file, line: entry.originalLine + 1, column: entry.originalColumn + 1 };
    const text = lineOf(this.map.payload.sourcesContent?.[index] ?? '', at.line);
    return { ...at, where: `${file}:${at.line}:${at.column}`, frame: text === undefined ? '' : codeFrame(text, at.line, at.column) };
  }
}

/** The error, its cause, the cause's cause… (at most 10, no cycles). */
function causes(error: unknown): unknown[] {
  const out: unknown[] = [];
  for (let e = error; e !== undefined && e !== null && out.length < 10 && !out.includes(e); e = (e as { cause?: unknown }).cause) {
    out.push(e);
    if (typeof e !== 'object' && typeof e !== 'function') break;
  }
  return out;
}

function stackOf(e: unknown): string | undefined {
  const stack = typeof e === 'object' && e !== null ? (e as { stack?: unknown }).stack : undefined;
  return typeof stack === 'string' ? stack : undefined;
}

/** The stack's lines before the first frame (the error's name and message), or `String(e)`. */
function headerOf(e: unknown): string {
  const stack = stackOf(e);
  if (stack === undefined) return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const lines = stack.split('\n');
  const first = lines.findIndex((l) => /^\s+at /.test(l));
  return (first < 0 ? lines : lines.slice(0, first)).join('\n');
}

let offset: number | undefined;

/**
 * Lines before the program's first line in the script V8 compiles: the function header V8 puts
 * before a constructed function's body, and the `'use strict'` line. Measured once, not assumed.
 */
function bodyOffset(): number {
  if (offset === undefined) {
    const out: string[] = [];
    void new AsyncFunction('out', `out.push(new Error().stack);\n//# sourceURL=dstream-sim-probe`)(out);
    const line = Number(/dstream-sim-probe:(\d+):/.exec(out[0] ?? '')?.[1] ?? 3);
    offset = line - 1 + 1;
  }
  return offset;
}
