import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/scripts/**'] },
      },
      {
        // These run the npm scripts themselves, which rebuild dist/ and static/admin/build: after
        // every other test and alone, so no test reads a file the build is rewriting.
        extends: true,
        test: {
          name: 'scripts',
          include: ['test/scripts/**/*.test.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
