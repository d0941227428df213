import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The engine is pure and deterministic; the view math is framework-free. These boundaries are enforced here
// (as Excalidraw does with no-restricted-imports) rather than left to review.
const uiPackages = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'd3-selection', 'd3-transition'];

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'reports', 'node_modules', 'test-results', 'playwright-report', 'bench-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts', 'src/engine/testing/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: uiPackages, message: 'src/engine stays free of UI code.' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'setTimeout', 'setInterval', 'requestAnimationFrame', 'performance'],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the run\'s PRNG (ctx.random) so runs replay exactly.' },
        { object: 'Date', property: 'now', message: 'The engine runs on virtual time only.' },
      ],
    },
  },
  {
    files: ['src/view/**/*.ts', 'src/store/**/*.ts', 'src/worker/**/*.ts', 'src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'react-dom', 'react-dom/*'], message: 'Only src/ui imports React.' }] }],
    },
  },
);
