import { defineProject } from 'vitest/config';

// Tests run against the source of @attain/dsl (its `source` export condition), so they need no
// build. Vitest resolves imports as a server (SSR) environment, hence `ssr.resolve`.
export default defineProject({
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
  test: {
    name: 'cli',
    include: ['src/**/*.test.ts'],
    // Property tests run hundreds of calculations: a busy machine (CI runners share cores) takes
    // them past the default 5 s. A test that hangs still fails, after 30 s.
    testTimeout: 30_000,
  },
});
