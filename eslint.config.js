// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'bin/',
      'eslint.config.js',
      'static/admin/build/',
    ],
  },
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
    // These tests run Forge's own validator, linter and scope rule: build tools, not the platform.
    files: [
      'test/forge/manifest.test.ts',
      'test/forge/forge-lint.test.ts',
      'test/jira/routes.test.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@forge/*', '!@forge/manifest', '!@forge/lint', '!@forge/cli-shared'],
              message: 'Only src/forge/ may import @forge/*.',
            },
          ],
        },
      ],
    },
  },
  {
    // The Custom UI (static/) and its tests: a browser app with its own tsconfig (DOM, JSX).
    files: ['static/**/*.{ts,tsx}', 'test/static/**/*.{ts,tsx}', 'vite.config.ts'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: './tsconfig.ui.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ['static/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The UI reaches the platform through @forge/bridge only, and the backend by type only.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@forge/*', '!@forge/bridge'],
              message: 'The Custom UI talks to the platform through @forge/bridge only.',
            },
            {
              // One exception: the dependency-free function that says where a place is, so the
              // pages say it in the same words as the CLI (src/incidents/place.ts).
              regex: '^(\\.\\./)+src/(?!incidents/place\\.js$)',
              allowTypeImports: true,
              message: 'The UI imports backend types only: no backend code in the bundle.',
            },
          ],
        },
      ],
      'no-restricted-imports': 'off',
    },
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
  {
    // src/ is what ships (the Forge bundle, the installed command line); dev/ is tooling. A rule
    // of its own, so the per-folder no-restricted-imports settings above cannot switch it off.
    files: ['src/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+dev/',
              message: 'src/ ships and never imports dev/ tooling: take it in as a port instead.',
            },
          ],
        },
      ],
    },
  },
);
