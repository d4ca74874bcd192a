import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'vitest';
import { calculate } from './calculate.js';
import { planOf } from './test-support.js';

test('dump', () => {
  const plan = planOf(readFileSync('examples/enterprise-ae/plan.attain', 'utf8'));
  const r = calculate(
    plan,
    {
      payees: [
        {
          id: 'ae1',
          name: 'Ann',
          attributes: { ote: '200000', base: '100000', hire_date: '2026-03-20', annual_quota: '1000000' },
        },
      ],
      records: {
        deals: [
          {
            row: 1,
            values: {
              id: 'D1',
              owner: 'ae1',
              account: 'A',
              amount: '50000',
              close_date: '2026-02-10',
              stage: 'Closed Won',
              term_months: '36',
            },
          },
          {
            row: 2,
            values: {
              id: 'D2',
              owner: 'ae1',
              account: 'A',
              amount: '20000',
              close_date: '2026-04-10',
              stage: 'Closed Won',
              term_months: '12',
            },
          },
        ],
        quota_relief: [],
      },
    },
    { periods: ['2026-Q1'], mode: 'strict' },
  );
  writeFileSync(
    '/tmp/eng/ae-results.json',
    JSON.stringify(r, (k, v) => (k === 'range' ? undefined : v), 1),
  );
});
