import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type * as TS from 'typescript';
import { SimulationError } from '../../errors';
import { codeFrame, lineOf } from './codeFrame';

/** Declared when @types/node cannot be found: what every program may use without it. */
const FALLBACK_GLOBALS = `declare var console: {
  log(...data: unknown[]): void; info(...data: unknown[]): void; warn(...data: unknown[]): void;
  error(...data: unknown[]): void; debug(...data: unknown[]): void;
};\n`;

/**
 * Type-check a program (absolute path) and its relative modules with the TypeScript compiler, as
 * `scenarios/tsconfig.json` does (strict, ES2022 modules, `dstream-sim` → this package's own
 * types). Returns one message per error — `program.ts:3:7 - error TS2345: …` with the failing
 * line — paths relative to `relativeTo` (default: the program's directory); none when it checks.
 * Needs the `typescript` package, beside dstream-sim or in the program's project.
 */
export function checkProgramTypes(file: string, relativeTo = path.dirname(file)): string[] {
  const dir = path.dirname(file);
  const ts = loadTypeScript(dir);
  const own = ownTypes();
  const nodeTypes = resolveFrom([dir, __dirname], '@types/node/package.json');
  const globals = path.join(dir, '__dstream-sim-globals__.d.ts');
  const options: TS.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    // The runner runs every program as a module (top-level await), with or without imports.
    moduleDetection: ts.ModuleDetectionKind.Force,
    lib: ['lib.es2022.d.ts'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    esModuleInterop: true,
    allowJs: true,
    resolveJsonModule: true,
    allowImportingTsExtensions: true,
    types: nodeTypes !== undefined ? ['node'] : [],
    typeRoots: nodeTypes !== undefined ? [path.dirname(path.dirname(nodeTypes))] : [],
    paths: { 'dstream-sim': [own.index], 'dstream-sim/testing': [own.testing], ...(own.property !== undefined ? { 'dstream-sim/property': [own.property] } : {}) },
  };
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (name, lang, ...rest) => (name === globals ? ts.createSourceFile(name, FALLBACK_GLOBALS, lang) : getSourceFile(name, lang, ...rest));
  host.fileExists = (name) => name === globals || fileExists(name);
  const program = ts.createProgram(nodeTypes !== undefined ? [file] : [file, globals], options, host);
  const users = program.getSourceFiles().filter((sf) => {
    const name = path.resolve(sf.fileName);
    return !program.isSourceFileDefaultLibrary(sf) && name !== globals && !name.split(path.sep).includes('node_modules') && !isInside(name, own.root);
  });
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...users.flatMap((sf) => [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]),
  ];
  return diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).map((d) => render(ts, d, relativeTo));
}

/** `program.ts:3:7 - error TS2345: message` and the failing line. */
function render(ts: typeof TS, d: TS.Diagnostic, relativeTo: string): string {
  const message = `error TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  if (d.file === undefined || d.start === undefined) return message;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  const where = `${path.relative(relativeTo, path.resolve(d.file.fileName))}:${line + 1}:${character + 1}`;
  return `${where} - ${message}\n${codeFrame(lineOf(d.file.text, line + 1) ?? '', line + 1, character + 1)}`;
}

/** The TypeScript compiler, loaded only when a check is asked for (it is not needed to run programs). */
function loadTypeScript(dir: string): typeof TS {
  const found = resolveFrom([__dirname, dir], 'typescript');
  if (found === undefined) {
    throw new SimulationError(
      'type-checking needs the TypeScript compiler, which is not installed: run `npm install --save-dev typescript` in the program\'s project (or run without --typecheck)',
      'TYPESCRIPT_MISSING',
    );
  }
  return createRequire(__filename)(found) as typeof TS;
}

/** This package's type declarations: dist/index.d.ts when built, src/index.ts in the repository. */
function ownTypes(): { root: string; index: string; testing: string; property: string | undefined } {
  const root = path.resolve(__dirname, '..', '..');
  const pick = (name: string): string | undefined => [`${name}.d.ts`, `${name}.ts`].map((f) => path.join(root, f)).find((f) => fs.existsSync(f));
  const index = pick('index');
  const testing = pick(path.join('testing', 'index'));
  if (index === undefined || testing === undefined) {
    throw new SimulationError(`cannot find dstream-sim's own type declarations in ${root}; reinstall dstream-sim`, 'TYPESCRIPT_MISSING');
  }
  return { root, index, testing, property: pick(path.join('property', 'index')) };
}

function resolveFrom(dirs: string[], id: string): string | undefined {
  for (const dir of dirs) {
    try {
      return createRequire(path.join(dir, 'noop.js')).resolve(id);
    } catch {
      // not installed there; try the next place
    }
  }
  return undefined;
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
