import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['source'] },
  test: {
    name: 'engine',
    include: ['src/**/*.test.ts'],
    // Property tests run hundreds of calculations: a busy machine (CI runners share cores) takes
    // them past the default 5 s. A test that hangs still fails, after 30 s.
    testTimeout: 30_000,
  },
});
