import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SourceMapPayload } from 'node:module';
import type { Message } from 'esbuild';
import { SimulationError } from '../../errors';
import { cachedBundle, defaultCacheDir } from './bundleCache';
import { codeFrame } from './codeFrame';
import { buildProgramSync } from './esbuildSync';

/** A program and its relative modules as one script, with the source map back to the user's files. */
export interface ProgramBundle {
  /** ES2022 with no `import`/`export` statements; top-level `await` stays (it runs as an async function body). */
  code: string;
  /** The source map of `code`; its `sources` are relative to the program's directory. */
  map: SourceMapPayload;
}

/** The compiler's version, part of a cached bundle's key (read from its package, not by loading it). */
const esbuildVersion = (JSON.parse(fs.readFileSync(require.resolve('esbuild/package.json'), 'utf8')) as { version: string }).version;

/** The free variable of the bundle through which it loads packages (see {@link bundleProgram}). */
export const REQUIRE_PARAM = '__dstreamSimRequire';

/** The esbuild namespace of the packages' stand-in modules (their source-map `sources` start with it). */
export const PACKAGE_NAMESPACE = 'dstream-sim-package';

/**
 * Bundle the program `file` (absolute) with esbuild: its relative modules (.ts, .js, .json) are
 * included, packages (bare specifiers such as `dstream-sim` or `node:fs`) are left to
 * `__dstreamSimRequire(id)` at run time, and `import(expr)` becomes a call of `require`. Syntax
 * errors and unresolvable modules throw SimulationError `PROGRAM_INVALID` with esbuild's messages
 * at `file:line:column` (1-based, relative to `relativeTo`) and the failing line. Compiled once
 * per content (see `bundleCache`; `cacheDir` undefined: always compile).
 */
export function bundleProgram(file: string, relativeTo: string, cacheDir: string | undefined = defaultCacheDir()): ProgramBundle {
  return cachedBundle(file, relativeTo, esbuildVersion, () => buildBundle(file, relativeTo), cacheDir);
}

function buildBundle(file: string, relativeTo: string): { bundle: ProgramBundle; inputs: string[] } {
  const dir = path.dirname(file);
  const result = buildProgramSync(
    {
      // The entry imports the program, so exports of the program do not become exports of the bundle.
      stdin: { contents: 'import "dstream-sim-program:entry";', resolveDir: dir, sourcefile: '<program entry>' },
      absWorkingDir: relativeTo,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'es2022',
      write: false,
      outfile: path.join(dir, 'dstream-sim-program.js'),
      sourcemap: 'external',
      sourcesContent: true,
      metafile: true,
      logLevel: 'silent',
      // The script runs with no module loader behind it: import(expr) → require, import.meta → {}.
      supported: { 'dynamic-import': false, 'import-meta': false },
    },
    { entry: file, namespace: PACKAGE_NAMESPACE, requireParam: REQUIRE_PARAM },
  );
  if ('errors' in result) throw new SimulationError(result.errors.map(formatMessage).join('\n'), 'PROGRAM_INVALID');
  const map = result.files.find((f) => f.path.endsWith('.map'));
  const code = result.files.find((f) => f.path.endsWith('.js'));
  if (map === undefined || code === undefined) throw new SimulationError('esbuild produced no bundle', 'PROGRAM_INVALID');
  return { bundle: { code: code.text, map: JSON.parse(map.text) as SourceMapPayload }, inputs: result.inputs };
}

/** `program.ts:3:14: ERROR: Expected ";" but found "x"`, the failing line, then esbuild's notes. */
function formatMessage(m: Message): string {
  const out = [m.location ? `${where(m.location)}: ERROR: ${m.text}` : `ERROR: ${m.text}`];
  if (m.location) out.push(codeFrame(m.location.lineText, m.location.line, utf16Column(m.location) + 1));
  for (const n of m.notes) out.push(`  note: ${n.location ? `${where(n.location)}: ` : ''}${n.text}`);
  return out.join('\n');
}

function where(loc: NonNullable<Message['location']>): string {
  return `${loc.file}:${loc.line}:${utf16Column(loc) + 1}`;
}

/** esbuild counts columns in UTF-8 bytes; editors and stack traces count UTF-16 units. */
function utf16Column(loc: NonNullable<Message['location']>): number {
  return Buffer.from(loc.lineText, 'utf8').subarray(0, loc.column).toString('utf8').length;
}
