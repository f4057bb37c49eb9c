// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const determinism = 'dstream-sim is deterministic: engine code asks its injected Clock (src/util/Clock.ts)';

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'coverage/**', 'node_modules/**', 'reports/**', '.stryker-tmp/**', '*.config.js', '.dependency-cruiser.cjs', 'scenarios/**/*.js', 'bin/**', 'scripts/*.js', 'test/__helpers__/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Lesson 5 of the style guide: the engine never reads the wall clock or unseeded randomness.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: `${determinism}.schedule() instead.` },
        { name: 'setInterval', message: `${determinism}.schedule() instead (see RecurringTimer).` },
        { name: 'setImmediate', message: `${determinism}.schedule() instead.` },
        { name: 'performance', message: `${determinism}.now() instead.` },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: `${determinism}.now() instead.` },
        { object: 'Math', property: 'random', message: 'Use a seeded generator (src/rdd/JavaRandom.ts) instead.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: `${determinism}.now() instead of new Date().`,
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
