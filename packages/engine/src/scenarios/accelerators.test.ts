import { describe, expect, it } from 'vitest';
import { payee, planOf, quarterly, rows, run } from '../test-support.js';
import { acceleratorTiers, earnsAccelerator } from './accelerators.js';
import { DEALS } from './test-support.js';

/** The accelerator tier indexes of a table with these tiers, on attainment (or `on`). */
function accelerators(tiers: string, on = 'attainment', extra = ''): number[] {
  const plan = planOf(
    quarterly(`${DEALS}
  credit bookings from deals { to owner }
  measure attainment = bookings / payee.quota
  ${extra}
  rate table rates on ${on} marginal {
    ${tiers}
  }
  commission c = tiered(bookings, rates)`),
  );
  return [...(acceleratorTiers(plan).get('rates') ?? [])];
}

describe('accelerator tiers', () => {
  it('are the tiers from 100% up paying more than the tier just below 100%', () => {
    // Base: 50% to 100% at 17%. 22% and 25% are higher.
    expect(accelerators('0% to 50%: 8%\n 50% to 100%: 17%\n 100% to 150%: 22%\n 150% and up: 25%')).toEqual([
      3, 4,
    ]);
    // Base 10%: 15% and 12% are both higher, though 12% is lower than the tier before it.
    expect(accelerators('0% to 100%: 10%\n 100% to 150%: 15%\n 150% and up: 12%')).toEqual([2, 3]);
  });

  it('leave out decelerators and tiers at the same rate', () => {
    expect(accelerators('0% to 100%: 10%\n 100% and up: 5%')).toEqual([]);
    expect(accelerators('0% to 100%: 10%\n 100% and up: 10%')).toEqual([]);
  });

  it('compare with 0 when no tier starts below 100%', () => {
    // Below the first tier nothing is paid: a kicker from 100% on accelerates.
    expect(accelerators('100% and up: 2%')).toEqual([1]);
  });

  it('count a tier from 100% up when a rate is computed', () => {
    expect(
      accelerators('0% to 100%: 10%\n 100% and up: kicker', 'attainment', 'let kicker: Percent = 3%'),
    ).toEqual([2]);
  });

  it('are none for a table on an amount', () => {
    expect(accelerators('0 USD to 100 USD: 10%\n 100 USD and up: 20%', 'bookings')).toEqual([]);
  });
});

describe('earnsAccelerator', () => {
  const plan = (gate = '') =>
    planOf(
      quarterly(`${DEALS}
  credit bookings from deals { to owner }
  measure attainment = bookings / payee.quota
  rate table rates on attainment marginal {
    0% to 100%: 10%
    100% and up: 20%
  }
  commission c = tiered(bookings, rates) per line ${gate}`),
    );
  // p1 books 120 against a quota of 100 (D2 crosses 100%), p2 books 90.
  const data = {
    payees: [payee('p1', { quota: '100' }), payee('p2', { quota: '100' })],
    records: {
      deals: rows(
        { id: 'D1', owner: 'p1', amount: '60', close_date: '2026-01-10' },
        { id: 'D2', owner: 'p1', amount: '60', close_date: '2026-01-20' },
        { id: 'D3', owner: 'p2', amount: '90', close_date: '2026-01-20' },
      ),
    },
  };

  it('is true for a line priced partly in an accelerator tier, false below quota', () => {
    const p = plan();
    const results = run(p, data, ['2026-Q1']);
    const tiers = acceleratorTiers(p);
    expect(results.statements.map((s) => [s.payee, earnsAccelerator(s, tiers)])).toEqual([
      ['p1', true],
      ['p2', false],
    ]);
  });

  it('is false when the accelerated line pays nothing (gate closed)', () => {
    const p = plan('when attainment >= 200%');
    const results = run(p, data, ['2026-Q1']);
    expect(results.statements.map((s) => earnsAccelerator(s, acceleratorTiers(p)))).toEqual([false, false]);
  });
});
