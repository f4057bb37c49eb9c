import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root. */
export const root = path.join(__dirname, '..', '..');
/** The installed command's entry point (it runs dist/cli/main.js). */
export const bin = path.join(root, 'bin', 'dstream-sim.js');

/** npm ci builds dist/ (prepare); build it here too when a developer has not. */
export function ensureBuilt(): void {
  if (!fs.existsSync(path.join(root, 'dist', 'cli', 'main.js'))) {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root });
  }
}
