import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'build/**', 'node_modules/**', 'resources/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: [
      'src/main/**/*.ts',
      'tests/**/*.ts',
      'scripts/**/*',
      'bench/**/*',
      'bin/**/*',
      '*.config.ts',
      '*.config.js',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    // Only the Electron front door may touch electron: tests, the CLI and serve mode never load it.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only src/main/electron/ may import electron.' }] },
      ],
    },
  },
  {
    // The renderer reaches the backend only through the contract.
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Data loading resets its state when the query changes; that is what the effects here are for.
      'react-hooks/set-state-in-effect': 'off',
      // TanStack Virtual is used as documented; the compiler just skips memoising that component.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', 'electron', 'node:*', 'better-sqlite3'],
              message: 'The renderer talks to the backend only through src/shared.',
            },
          ],
        },
      ],
    },
  },
);
