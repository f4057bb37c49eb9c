import * as path from 'node:path';

/**
 * A glob as a RegExp that matches a whole name: `*` is any run of characters (also none), `?` is
 * one character, everything else is itself.
 */
export function globToRegExp(glob: string): RegExp {
  const body = [...glob]
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 's');
}

/** Whether a directory's name matches one of the globs (no globs: every name does). */
export function nameMatches(dir: string, globs: readonly string[]): boolean {
  return globs.length === 0 || globs.some((g) => globToRegExp(g).test(path.basename(dir)));
}

/**
 * The scenario directories whose name (the directory's basename) matches one of the globs, or an
 * error message naming the globs and the scenarios there are.
 */
export function filterByName(dirs: readonly string[], globs: readonly string[]): string[] | { error: string } {
  const chosen = dirs.filter((d) => nameMatches(d, globs));
  if (chosen.length > 0 || dirs.length === 0) return chosen;
  const names = dirs.map((d) => path.basename(d));
  return {
    error:
      `no scenario matches ${globs.map((g) => `'${g}'`).join(' or ')} (-t matches scenario names, i.e. directory names, ` +
      `with * and ?; quote the pattern so the shell does not expand it). The ${names.length} found: ${names.join(', ')}`,
  };
}

/**
 * The scenario directories whose goldens may be written (`'all'` / `true`: every one given; a list
 * of scenario names or paths resolved against `cwd`), or an error message.
 */
export function selectForUpdate(dirs: readonly string[], update: boolean | 'all' | readonly string[] | undefined, cwd: string): Set<string> | string {
  if (update === undefined || update === false) return new Set();
  if (update === 'all' || update === true) return new Set(dirs);
  const chosen = new Set<string>();
  for (const name of update) {
    const wanted = path.resolve(cwd, name);
    const hits = dirs.filter((d) => d === wanted || path.basename(d) === name);
    if (hits.length === 0) {
      return `no scenario named '${name}' among ${dirs.length} found (${dirs.map((d) => path.basename(d)).join(', ')})`;
    }
    hits.forEach((d) => chosen.add(d));
  }
  return chosen;
}
