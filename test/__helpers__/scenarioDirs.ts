import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository's bundled scenarios. */
export const bundled = path.join(__dirname, '..', '..', 'scenarios');

const made: string[] = [];

/** A fresh temporary folder holding copies of the named bundled scenarios (removed by {@link removeCopies}). */
export function copyScenarios(...names: string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dstream-sim-cli-'));
  made.push(root);
  for (const n of names) fs.cpSync(path.join(bundled, n), path.join(root, n), { recursive: true });
  return root;
}

/** Remove every folder {@link copyScenarios} made. */
export function removeCopies(): void {
  for (const root of made.splice(0)) fs.rmSync(root, { recursive: true, force: true });
}

/** Poll (every 5 ms, real time) until `ok()` holds; fail after `timeoutMs` with `what`. */
export async function until(ok: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!ok()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
