/**
 * Loaded by Stryker only (stryker.config.json: jest.config.setupFilesAfterEnv), never by `npm test`.
 *
 * 1. Skips, during mutation testing, the tests named in SLOW_TESTS: they are right but too slow
 *    to run once per mutant, and they cover nearly every mutant of the engine.
 * 2. Bails: Stryker's jest runner runs every covering test of a mutant even after one failed
 *    (jest has no programmatic bail). Once a test fails under a mutant, the later tests of that
 *    mutant fail at once instead of running (the mutant is killed either way).
 * 3. In Stryker's initial (dry) run, records which test file holds which test, so that
 *    strykerSequencer.cjs can load only the files holding a mutant's covering tests (every test
 *    file imports the whole package, so jest's related-test discovery selects them all).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const SLOW_TESTS = new Set<string>([
  // Runs 100 000 batches (about 6 s) to reach the endless-wait guard of a started context.
  'awaitTermination with nothing to stop the context is refused with a clear error',
]);

const ROOT = path.resolve(__dirname, '..', '..');
/** Where the dry run writes `[testFile, fullName]` lines (read by strykerSequencer.cjs). */
const TEST_NAMES_FILE = path.join(ROOT, '.stryker-test-names.jsonl');
const mutant = process.env['__STRYKER_ACTIVE_MUTANT__'];
const killedMarker = mutant === undefined ? undefined : path.join(ROOT, `.stryker-killed-${mutant}`);

type Body = (...args: unknown[]) => unknown;

/** The test body, failing at once when an earlier test already killed the active mutant. */
function bailing(fn: Body | undefined): Body | undefined {
  if (killedMarker === undefined || fn === undefined || fn.length > 0) return fn; // done-callback tests run as they are
  return async () => {
    if (fs.existsSync(killedMarker)) throw new Error(`mutant ${mutant} already killed by an earlier test`);
    try {
      return await fn();
    } catch (e) {
      fs.writeFileSync(killedMarker, '');
      throw e;
    }
  };
}

type TestFn = (name: string, fn?: Body, timeout?: number) => void;
const original = globalThis.test as unknown as TestFn & { skip: TestFn };
const guarded: TestFn = (name, fn, timeout) =>
  SLOW_TESTS.has(name) ? original.skip(name, fn, timeout) : original(name, bailing(fn), timeout);
globalThis.test = Object.assign(guarded, original) as unknown as jest.It;
globalThis.it = globalThis.test;

if (mutant === undefined) {
  beforeEach(() => {
    const { testPath, currentTestName } = expect.getState();
    fs.appendFileSync(TEST_NAMES_FILE, JSON.stringify([testPath, currentTestName]) + '\n');
  });
}
