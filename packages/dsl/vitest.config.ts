import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'dsl',
    include: ['src/**/*.test.ts'],
  },
});
