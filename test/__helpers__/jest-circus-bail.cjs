/* global require, module, __dirname, process */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS module jest loads as is */
/**
 * Stryker only (stryker.config.json: jest.config.testRunner). jest-circus, but a test file is not
 * even loaded once an earlier file killed the active mutant (strykerSetup.ts leaves a marker file
 * when a test fails under a mutant): loading a test file evaluates the whole package, which was
 * most of the time of a killed mutant covered by many files. The file counts as run with its tests skipped;
 * the mutant is killed by the test that failed. (Stryker's jest runner needs "jest-circus" in the
 * runner's name for per-test coverage, hence the file name.)
 */
const fs = require('node:fs');
const path = require('node:path');
const circus = require('jest-circus/runner').default;
const { createEmptyTestResult } = require('@jest/test-result');

const ROOT = path.resolve(__dirname, '..', '..');

module.exports = async function jestCircusBail(globalConfig, config, environment, runtime, testPath, sendMessageToJest) {
  const mutant = process.env['__STRYKER_ACTIVE_MUTANT__'];
  if (mutant !== undefined && fs.existsSync(path.join(ROOT, `.stryker-killed-${mutant}`))) {
    // jest refuses a file without a test result: one skipped entry stands for the file's tests.
    const skipped = {
      ancestorTitles: [],
      title: `not run: mutant ${mutant} already killed`,
      fullName: `not run: mutant ${mutant} already killed`,
      status: 'pending',
      duration: 0,
      failureMessages: [],
      failureDetails: [],
      numPassingAsserts: 0,
      invocations: 0,
      location: null,
    };
    return { ...createEmptyTestResult(), testFilePath: testPath, numPendingTests: 1, testResults: [skipped] };
  }
  return circus(globalConfig, config, environment, runtime, testPath, sendMessageToJest);
};
