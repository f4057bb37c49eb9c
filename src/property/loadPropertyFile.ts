import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { transformSync } from 'esbuild';
import { SimulationError } from '../errors';
import * as api from '../api';
import type { ScenarioProperty } from './scenarioRun';

/**
 * Load a property file (TypeScript or JavaScript): one module whose default export is a
 * {@link ScenarioProperty}. It may import `dstream-sim`, `dstream-sim/property` and packages
 * installed next to it. Errors name the file and say what the file must export.
 */
export function loadPropertyFile(file: string, propertyModule: Record<string, unknown>): ScenarioProperty {
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new SimulationError(`${file}: cannot read the property file (${(e as Error).message})`, 'PROPERTY_INVALID');
  }
  let code: string;
  try {
    code = transformSync(source, { loader: file.endsWith('.js') ? 'js' : 'ts', format: 'cjs', target: 'es2022', sourcefile: file }).code;
  } catch (e) {
    throw new SimulationError(`${file}: ${(e as Error).message.split('\n').slice(1).join(' ').trim() || (e as Error).message}`, 'PROPERTY_INVALID');
  }
  const base = createRequire(path.resolve(file));
  const load = (id: string): unknown => (id === 'dstream-sim' ? api : id === 'dstream-sim/property' ? propertyModule : base(id));
  const module = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', 'require', '__filename', '__dirname', code)(module, module.exports, load, path.resolve(file), path.dirname(path.resolve(file)));
  const fn = module.exports['default'] ?? module.exports;
  if (typeof fn !== 'function') {
    throw new SimulationError(`${file}: a property file's default export is a function of the run, e.g. export default (run) => run.outputs.length > 0`, 'PROPERTY_INVALID');
  }
  return fn as ScenarioProperty;
}
