import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { transformSync } from 'esbuild';
import { SimulationError } from '../errors';

/**
 * Run a user's program file (TypeScript or JavaScript, ES module syntax, top-level `await`
 * allowed) without a build step: esbuild strips the types, imports become `require` calls, and
 * the body runs as an async function. `import … from 'dstream-sim'` gets `api` — the very module
 * the runner uses, so the program runs in the runner's simulated JVM. Other imports resolve from
 * the program's directory (packages; relative imports of other TypeScript files are not
 * supported).
 */
export async function runProgram(file: string, api: Record<string, unknown>): Promise<void> {
  const source = readProgram(file);
  let code: string;
  try {
    code = transformSync(source, {
      loader: /\.[cm]?tsx?$/.test(file) ? 'ts' : 'js',
      format: 'esm',
      target: 'es2022',
      sourcefile: file,
    }).code;
  } catch (e) {
    throw new SimulationError(`${file}: cannot compile the program: ${(e as Error).message.split('\n')[0]}`, 'PROGRAM_INVALID');
  }
  const body = rewriteModuleSyntax(code);
  const base = createRequire(path.resolve(file));
  const load = (id: string): unknown => (id === 'dstream-sim' || id === 'dstream-sim/testing' ? api : base(id));
  const fn = new Function('__load', '__filename', '__dirname', `return (async () => {\n${body}\n})();`) as (
    load: (id: string) => unknown,
    filename: string,
    dirname: string,
  ) => Promise<void>;
  await fn(load, path.resolve(file), path.dirname(path.resolve(file)));
}

function readProgram(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new SimulationError(`${file}: cannot read the program (${(e as Error).message})`, 'PROGRAM_NOT_FOUND');
  }
}

/** esbuild prints imports and exports in a canonical one-line form; turn them into plain code. */
function rewriteModuleSyntax(code: string): string {
  let n = 0;
  return code
    .split('\n')
    .map((line) => {
      let m = /^import\s+"([^"]+)";$/.exec(line);
      if (m) return `__load(${JSON.stringify(m[1])});`;
      m = /^import\s+\*\s+as\s+([\w$]+)\s+from\s+"([^"]+)";$/.exec(line);
      if (m) return `const ${m[1]} = __load(${JSON.stringify(m[2])});`;
      m = /^import\s+(?:([\w$]+)\s*,?\s*)?(?:\{([^}]*)\})?\s*from\s+"([^"]+)";$/.exec(line);
      if (m) {
        const tmp = `__m${n++}`;
        const out = [`const ${tmp} = __load(${JSON.stringify(m[3])});`];
        if (m[1]) out.push(`const ${m[1]} = ${tmp} && ${tmp}.__esModule ? ${tmp}.default : (${tmp}.default ?? ${tmp});`);
        if (m[2] && m[2].trim()) {
          const names = m[2]
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
            .map((s) => s.replace(/^([\w$]+)\s+as\s+([\w$]+)$/, '$1: $2'));
          out.push(`const { ${names.join(', ')} } = ${tmp};`);
        }
        return out.join(' ');
      }
      if (/^export\s*\{[^}]*\};?$/.test(line)) return '';
      return line.replace(/^export\s+(default\s+)?/, '');
    })
    .join('\n')
    .replace(/\bimport\(/g, '__loadAsync(')
    .replace(/^/, 'const __loadAsync = async (id) => __load(id);\n');
}
