/**
 * The real-browser suite (`npm run test:browser`): HTML reports opened in Debian's chromium
 * through playwright-core. Fails, never skips, when no browser is found (test/browser/browser.ts).
 */
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/browser'],
  testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120000,
};
