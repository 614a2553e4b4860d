// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bin/', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `const { dropped: _d, ...rest } = o` is how an immutable update leaves a key out.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // Only src/forge/ may talk to the Forge platform; everything else stays pure.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@forge/*'],
              message: 'Only src/forge/ may import @forge/* (see DESIGN.md: keep the core pure).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/forge/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The engine and detectors run everywhere (Forge, CLI, browser): no console, no Node built-ins.
    files: [
      'src/engine/**',
      'src/detectors/**',
      'src/content/**',
      'src/jira/**',
      'src/scan/**',
      'src/incidents/**',
      'src/admin/**',
    ],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@forge/*'], message: 'Only src/forge/ may import @forge/*.' },
            {
              group: ['node:*'],
              message: 'The core is platform-free: pass I/O in as a parameter.',
            },
          ],
        },
      ],
    },
  },
);
