import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProgramBundle } from './bundle';

/** Bumped when what a bundle holds, or how it is built, changes: older entries are then ignored. */
const FORMAT = 1;

/** The package's root (this file is `src|dist/scenario/program/bundleCache`). */
const PACKAGE_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Where compiled programs are kept: `DSTREAM_SIM_CACHE_DIR` (empty: no cache), else the package's
 * cache directory, `node_modules/.cache/dstream-sim` (the convention of babel-loader, eslint,
 * find-cache-dir). Not a run's output: a run's own writes stay in its directory.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env['DSTREAM_SIM_CACHE_DIR'];
  if (fromEnv !== undefined) return fromEnv === '' ? undefined : path.resolve(fromEnv);
  return path.join(PACKAGE_ROOT, 'node_modules', '.cache', 'dstream-sim');
}

interface Entry {
  format: number;
  /** Every file the bundle read, relative to the program's directory, with its content's hash. */
  inputs: [string, string][];
  bundle: ProgramBundle;
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/**
 * A program's bundle, compiled once per content: the key is the program's text, its path relative
 * to `relativeTo` and the compiler's version, and an entry is used only while every file the
 * bundle read (its relative modules) still has the content it was built from — a copied scenario
 * hits the same entry; an edited helper module misses it. Reading or writing the cache never fails
 * a run: a broken or unwritable cache only means compiling again.
 */
export function cachedBundle(
  file: string,
  relativeTo: string,
  compilerVersion: string,
  build: () => { bundle: ProgramBundle; inputs: string[] },
  cacheDir: string | undefined = defaultCacheDir(),
): ProgramBundle {
  if (cacheDir === undefined) return build().bundle;
  let source: Buffer;
  try {
    source = fs.readFileSync(file);
  } catch {
    return build().bundle;
  }
  const key = sha256(`${FORMAT}\0${compilerVersion}\0${path.relative(relativeTo, file)}\0${sha256(source)}`);
  const entryFile = path.join(cacheDir, 'programs', `${key}.json`);
  const hit = read(entryFile, relativeTo);
  if (hit !== undefined) return hit;
  const { bundle, inputs } = build();
  const sources = hashes(inputs, relativeTo);
  if (sources !== undefined) write(entryFile, { format: FORMAT, inputs: sources, bundle });
  return bundle;
}

function read(entryFile: string, relativeTo: string): ProgramBundle | undefined {
  try {
    const entry = JSON.parse(fs.readFileSync(entryFile, 'utf8')) as Entry;
    if (entry.format !== FORMAT) return undefined;
    for (const [rel, hash] of entry.inputs) if (sha256(fs.readFileSync(path.resolve(relativeTo, rel))) !== hash) return undefined;
    return entry.bundle;
  } catch {
    return undefined;
  }
}

/**
 * The hashes of the files a build read (esbuild's metafile inputs), leaving out what is no file:
 * the entry stub (`<program entry>`) and the packages' stand-ins (`dstream-sim-package:…`).
 * Undefined when one cannot be read (then nothing is cached).
 */
function hashes(inputs: string[], relativeTo: string): [string, string][] | undefined {
  try {
    return inputs
      .filter((rel) => !rel.startsWith('<') && !/^[a-z][\w-]+:/i.test(rel))
      .map((rel): [string, string] => [rel, sha256(fs.readFileSync(path.resolve(relativeTo, rel)))]);
  } catch {
    return undefined;
  }
}

let written = 0;

function write(entryFile: string, entry: Entry): void {
  try {
    fs.mkdirSync(path.dirname(entryFile), { recursive: true });
    // Another process may write the same entry at the same time: write aside, then rename.
    const tmp = `${entryFile}.${process.pid}.${written++}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(entry));
    fs.renameSync(tmp, entryFile);
  } catch {
    // An unwritable cache only means compiling again next time.
  }
}
