import { test } from 'vitest';
import { calculate } from './calculate.js';
import type { DataRecord } from './data/dataset.js';
import { planOf, quarterly } from './test-support.js';

test('perf', () => {
  const plan = planOf(
    quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated, stage: Text }
  payee { quota: Money }
  credit bookings from deals where stage = "Won" { to owner }
  measure attainment = bookings / payee.quota
  rate table rates on attainment marginal { 0% to 50%: 2%
    50% to 100%: 8%
    100% and up: 12% }
  commission c = tiered(bookings, rates) per line cap 500_000 USD`),
  );
  const P = 1000,
    N = Number(process.env.N ?? 100000);
  const payees = Array.from({ length: P }, (_, i) => ({
    id: `p${i}`,
    name: `P ${i}`,
    attributes: { quota: '1000000' },
  }));
  const deals: DataRecord[] = Array.from({ length: N }, (_, i) => ({
    row: i + 1,
    values: {
      id: `D${i}`,
      owner: `p${i % P}`,
      amount: String(1000 + ((i * 7919) % 50000)) + '.25',
      close_date: `2026-0${1 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')}`,
      stage: 'Won',
    },
  }));
  global.gc?.();
  const m0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const r = calculate(plan, { payees, records: { deals } }, { periods: ['2026-Q1'], mode: 'strict' });
  const t1 = performance.now();
  const m1 = process.memoryUsage().heapUsed;
  console.log(
    `N=${N} ${(t1 - t0).toFixed(0)} ms, ${(N / ((t1 - t0) / 1000)).toFixed(0)} deals/s, heap +${((m1 - m0) / 1e6).toFixed(0)} MB, statements ${r.statements.length}, errors ${r.errors.length}`,
  );
}, 600000);
