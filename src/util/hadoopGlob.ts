import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

/** An unescaped Hadoop glob character: `*`, `?`, `[` or `{` (a `\` escapes the next one). */
const GLOB_CHAR = /(^|[^\\])(\\\\)*[*?[{]/;

/** Hadoop `GlobPattern` syntax only: no extglobs, no `!` negation, no `**` globstar; `*` matches dot names. */
const HADOOP_SYNTAX: picomatch.PicomatchOptions = { dot: true, noextglob: true, nonegate: true, noglobstar: true };

/** True when `p` has Hadoop glob syntax (`*`, `?`, `[abc]`, `[a-z]`, `[^a]` / `[!a]`, `{a,b}`). */
export function isGlobPattern(p: string): boolean {
  return GLOB_CHAR.test(p);
}

/**
 * Hadoop: `FileSystem.globStatus(pattern)` on the local file system, for a pattern resolved
 * against `cwd`: the existing paths that match, sorted (Hadoop's local listing order is the
 * operating system's; sorting keeps runs deterministic). `*` and `?` never cross `/`; a trailing
 * `/` is dropped, as Hadoop's `Path` drops it. Matching is picomatch's, limited to Hadoop's syntax.
 */
export function globStatus(pattern: string, cwd: string): string[] {
  const absolute = path.resolve(cwd, pattern);
  const segments = absolute.split('/');
  const firstGlob = segments.findIndex((s) => isGlobPattern(s));
  if (firstGlob < 0) return fs.existsSync(absolute) ? [absolute] : [];
  const base = segments.slice(0, firstGlob).join('/') || '/';
  const rest = segments.slice(firstGlob).join('/');
  // Hadoop's GlobPattern reads `[!a]` as `[^a]`; picomatch would take the `!` literally.
  const isMatch = picomatch(rest.replace(/(^|[^\\])\[!/g, '$1[^'), HADOOP_SYNTAX);
  // A brace may hold a `/` ({a/b,c}), so a match can be at most this many levels below the base.
  const maxDepth = rest.split('/').length;
  const found: string[] = [];
  const walk = (dir: string, rel: string, depth: number): void => {
    let names: string[];
    try {
      names = fs.readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const relName = rel === '' ? name : `${rel}/${name}`;
      const full = path.join(dir, name);
      if (isMatch(relName)) found.push(full);
      if (depth < maxDepth && isDirectory(full)) walk(full, relName, depth + 1);
    }
  };
  walk(base, '', 1);
  return found.sort();
}

/** Whether `p` is a directory (following symbolic links), false when it does not exist. */
export function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
