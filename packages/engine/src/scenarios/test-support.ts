/**
 * Plans and data for the scenario tests: a current plan (A) and a proposal (B) over five payees.
 * Not exported by the package.
 */
import type { Plan } from '@attain/dsl';
import type { Dataset } from '../data/dataset.js';
import { payee, planOf, quarterly, rows } from '../test-support.js';

/** Deals and a per-period quota from a payee attribute. */
export const DEALS = `source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { quota: Money }`;

/** Plan A: quota from the payee, 10% up to quota, 20% above. */
export const planA: Plan = planOf(
  quarterly(`${DEALS}
  quota q = payee.quota
  credit bookings from deals { to owner }
  measure attainment = bookings / q
  rate table rates on attainment marginal {
    0% to 100%: 10%
    100% and up: 20%
  }
  commission c = tiered(bookings, rates) per line`),
);

/** Plan B: half the quota, 5% up to quota, 10% above, and a 1,000 USD bonus at quota. */
export const planB: Plan = planOf(
  quarterly(`${DEALS}
  quota q = payee.quota * 50%
  credit bookings from deals { to owner }
  measure attainment = bookings / q
  rate table rates on attainment marginal {
    0% to 100%: 5%
    100% and up: 10%
  }
  commission c = tiered(bookings, rates) per line
  bonus club = 1000 USD when attainment >= 100%`),
);

/**
 * Five payees in 2026-Q1: p1 books 50,000, p2 60,000 + 40,000, p3 150,000, p4 nothing, p5 100,000;
 * quotas 100,000, but 250,000 for p5.
 */
export const dataset: Dataset = {
  payees: [
    payee('p1', { quota: '100000' }),
    payee('p2', { quota: '100000' }),
    payee('p3', { quota: '100000' }),
    payee('p4', { quota: '100000' }),
    payee('p5', { quota: '250000' }),
  ],
  records: {
    deals: rows(
      { id: 'D1', owner: 'p1', amount: '50000', close_date: '2026-01-10' },
      { id: 'D2', owner: 'p2', amount: '60000', close_date: '2026-01-15' },
      { id: 'D3', owner: 'p2', amount: '40000', close_date: '2026-02-15' },
      { id: 'D4', owner: 'p3', amount: '150000', close_date: '2026-02-01' },
      { id: 'D5', owner: 'p5', amount: '100000', close_date: '2026-03-01' },
    ),
  },
};

/** Strict 2026-Q1. */
export const Q1 = { periods: ['2026-Q1'], mode: 'strict' as const };
