import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The page script's entry (TypeScript, in the source tree: beside this file, or from dist/report/ back to src/). */
const ENTRY = [path.join(__dirname, 'page', 'main.ts'), path.join(__dirname, '..', '..', 'src', 'report', 'page', 'main.ts')].find((f) => fs.existsSync(f)) ?? path.join(__dirname, 'page', 'main.ts');
/** The bundle the build writes beside the compiled report code (`npm run build`). */
const BUNDLE = path.join(__dirname, 'page.js');

/**
 * esbuild's bundle of the page script: one IIFE, no imports left, minified. esbuild runs in a
 * child process (its API refuses to run inside jest's sandboxed realms); same options, same bytes.
 */
export function bundlePageScript(entry: string = ENTRY): string {
  const options = { entryPoints: [entry], bundle: true, format: 'iife', target: 'es2020', minify: true, legalComments: 'none', write: false, charset: 'utf8', platform: 'browser' };
  const script = `process.stdout.write(require(${JSON.stringify(require.resolve('esbuild'))}).buildSync(${JSON.stringify(options)}).outputFiles[0].text)`;
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

let cached: string | undefined;

/**
 * The page script: the build's bundle when there is one (the installed package), else bundled
 * now from the source (a checkout run from source or compiled by `tsc` alone, and the tests).
 */
export function pageScript(): string {
  return (cached ??= fs.existsSync(BUNDLE) ? fs.readFileSync(BUNDLE, 'utf8') : bundlePageScript());
}

/** The build step: bundle the page's source `entry` into `out` (`dist/report/page.js`). */
export function writePageBundle(entry: string, out: string): void {
  fs.writeFileSync(out, bundlePageScript(entry));
}
