import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Whether a path a timeline names (a directory source, a file name) leaves the directory it is
 * relative to, written as it is: absolute, or climbing out with `..`.
 */
export function escapesLexically(rel: string): boolean {
  if (path.isAbsolute(rel) || path.win32.isAbsolute(rel)) return true;
  return path.normalize(rel).split(/[\\/]/)[0] === '..';
}

/**
 * Resolve `rel` (already checked by {@link escapesLexically}) inside `root` for writing, following
 * the symbolic links already on disk: every existing component is resolved to its real path and
 * must stay inside `root`'s real path (a dangling link does not). Returns the real path to write
 * (missing components are created there, and cannot be links), or, when a link leads out, the
 * component (relative to `root`) that does.
 */
export function resolveInside(root: string, rel: string): { path: string } | { escapesAt: string } {
  const base = fs.realpathSync(root);
  const inside = (p: string): boolean => p === base || p.startsWith(base + path.sep);
  let current = base;
  const parts = path.normalize(rel).split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
  for (let i = 0; i < parts.length; i++) {
    let next = path.join(current, parts[i]!);
    if (fs.lstatSync(next, { throwIfNoEntry: false })?.isSymbolicLink()) {
      try {
        next = fs.realpathSync(next);
      } catch {
        next = ''; // a dangling link: writing through it would create its target, wherever that is
      }
    }
    if (!inside(next)) return { escapesAt: parts.slice(0, i + 1).join('/') };
    current = next;
  }
  return { path: current };
}

/**
 * A path a run writes to, as the program named it (relative to `root`, or absolute but inside
 * it): its real path inside `root`, or `undefined` when it leads outside (lexically or through a
 * symbolic link). Checkpoint directories and `saveAsTextFiles` outputs of a run with its own
 * directory go through here.
 */
export function resolveForWriting(root: string, target: string): string | undefined {
  const rel = path.isAbsolute(target) ? path.relative(fs.realpathSync(root), target) : target;
  if (escapesLexically(rel)) return undefined;
  const r = resolveInside(root, rel);
  return 'path' in r ? r.path : undefined;
}
