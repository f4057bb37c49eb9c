/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // src is a root so that related-test discovery (jest --findRelatedTests, used by Stryker) sees the
  // engine's files; testMatch keeps test files to test/.
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // The real-browser suite needs Debian's chromium: `npm run test:browser` (jest.browser.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
  // Tests import the package by name, as users do.
  moduleNameMapper: { '^dstream-sim$': '<rootDir>/src/index.ts' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
};
