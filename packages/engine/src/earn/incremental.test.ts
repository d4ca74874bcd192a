import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { DataRecord } from '../data/dataset.js';
import { payee, planOf, quarterly, run, statement } from '../test-support.js';
import { incremental } from './incremental.js';

afterEach(() => {
  incremental.enabled = true;
  incremental.units = true;
});

/** Which path prices per-line earnings: incremental on units, incremental on decimals, or general. */
type Path = 'units' | 'decimals' | 'general';

/** A plan pricing each deal through a marginal table, on bookings or on attainment. */
function planText(
  bounds: string[],
  rates: string[],
  onAttainment: boolean,
  rounding: string,
  limit = '',
): string {
  const unit = onAttainment ? '%' : ' USD';
  const tiers = rates
    .map((rate, i) => {
      const from = `${bounds[i]}${unit}`;
      return i + 1 < rates.length
        ? `    ${from} to ${bounds[i + 1]}${unit}: ${rate}%`
        : `    ${from} and up: ${rate}%`;
    })
    .join('\n');
  return quarterly(
    `source deals "Deals" {
    id: Text key
    owner: Payee owner
    amount: Money
    close_date: Date dated
  }
  payee {
    annual_quota: Money
  }
  quota q "Quota" = payee.annual_quota
    seasonality 25%, 25%, 25%, 25%
    prorate by calendar days
  credit bookings "Bookings" from deals {
    to owner
  }
  measure attainment "Attainment": Percent = bookings / q
  rate table rates "Rates" on ${onAttainment ? 'attainment' : 'bookings'} marginal {
${tiers}
  }
  commission c "Commission" = tiered(bookings, rates)
    per line${limit}`,
    `rounding half up to 2 decimals at ${rounding}`,
  );
}

const days = ['2026-01-05', '2026-01-31', '2026-02-14', '2026-02-28', '2026-03-15', '2026-03-31'];

function results(text: string, deals: DataRecord[], hires: string[], path: Path | boolean) {
  incremental.enabled = path !== 'general' && path !== false;
  incremental.units = path !== 'decimals';
  const plan = planOf(text);
  const payees = hires.map((from, i) =>
    payee(`p${i}`, { annual_quota: String(4000 * (i + 1)) }, from ? { plans: [{ plan: 'Test', from }] } : {}),
  );
  return run(plan, { payees, records: { deals } }, ['2026-Q1']);
}

describe('the incremental path of per-line marginal earnings', () => {
  it('prices a deal across a boundary like the general path (hand-computed)', () => {
    // Quota 1,000 (4,000 a year, 25% a quarter). Bands: 0-50% at 10%, 50%+ at 20%.
    // Deal 1: 400 -> 40.00. Deal 2: 300 crosses 500: 100 x 10% + 200 x 20% = 50.00.
    const text = planText(['0', '50'], ['10', '20'], true, 'line');
    const deals: DataRecord[] = [
      { row: 1, values: { id: 'd1', owner: 'p0', amount: '400', close_date: '2026-01-05' } },
      { row: 2, values: { id: 'd2', owner: 'p0', amount: '300', close_date: '2026-02-14' } },
    ];
    const before = incremental.applied;
    const fast = results(text, deals, [''], true);
    expect(incremental.applied).toBeGreaterThan(before);
    const lines = statement(fast, 'p0', '2026-Q1').earnings[0]?.lines ?? [];
    expect(lines.map((l) => l.amount)).toEqual(['40.00', '50.00']);
    expect(lines[1]?.trace.bands?.map((b) => [b.base, b.paid])).toEqual([
      ['100', '10'],
      ['200', '40'],
    ]);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(results(text, deals, [''], false)));
    expect(JSON.stringify(fast)).toBe(JSON.stringify(results(text, deals, [''], 'decimals')));
  });

  it('prices nothing when the quota is zero, like the general path', () => {
    // Quota 0: attainment is a division by zero, with no value, so no tier applies and the deals
    // earn nothing (a zero divisor once put every deal in the open top band: 20% of 700 = 140).
    const text = planText(['0', '50'], ['10', '20'], true, 'line');
    const deals: DataRecord[] = [
      { row: 1, values: { id: 'd1', owner: 'p0', amount: '400', close_date: '2026-01-05' } },
      { row: 2, values: { id: 'd2', owner: 'p0', amount: '300', close_date: '2026-02-14' } },
    ];
    const zeroQuota = (path: Path) => {
      incremental.enabled = path !== 'general';
      incremental.units = path !== 'decimals';
      const payees = [payee('p0', { annual_quota: '0' })];
      return run(planOf(text), { payees, records: { deals } }, ['2026-Q1']);
    };
    const fast = zeroQuota('units');
    const s = statement(fast, 'p0', '2026-Q1');
    expect(s.earnings[0]?.lines.map((l) => l.amount)).toEqual(['0.00', '0.00']);
    expect(s.earned).toBe('0.00');
    expect(fast.warnings.map((w) => w.code)).toContain('division-by-zero');
    expect(JSON.stringify(fast)).toBe(JSON.stringify(zeroQuota('general')));
    expect(JSON.stringify(fast)).toBe(JSON.stringify(zeroQuota('decimals')));
  });

  it('gives results identical to the general path, byte for byte', () => {
    const tier = fc.record({
      width: fc.constantFrom('25', '50', '33', '10'),
      rate: fc.integer({ min: 0, max: 40 }),
    });
    const deal = fc.record({
      owner: fc.integer({ min: 0, max: 2 }),
      cents: fc.oneof(fc.integer({ min: 0, max: 300_000 }), fc.constantFrom(0, 25_000, 50_000, 100_000)),
      // Some amounts carry four decimals (the units path then works at a finer scale).
      extra: fc.oneof(
        fc.constant(''),
        fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0')),
      ),
      day: fc.integer({ min: 0, max: days.length - 1 }),
      hypothetical: fc.boolean(),
    });
    const before = incremental.applied;
    const inUnits = incremental.inUnits;
    fc.assert(
      fc.property(
        fc.array(tier, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        fc.constantFrom('line', 'earning', 'payout'),
        fc.constantFrom(
          '',
          '\n    cap 150.5 USD',
          '\n    floor 20 USD',
          '\n    cap 90 USD\n    floor 35.125 USD',
        ),
        fc.array(fc.constantFrom('', '2026-01-20', '2026-02-16'), { minLength: 3, maxLength: 3 }),
        fc.array(deal, { maxLength: 30 }),
        (tiers, onAttainment, rounding, limit, hires, spec) => {
          const bounds = ['0'];
          for (const t of tiers.slice(0, -1)) {
            const last = bounds[bounds.length - 1] as string;
            bounds.push(
              String(Number.parseInt(last, 10) + Number.parseInt(t.width, 10) * (onAttainment ? 1 : 10)),
            );
          }
          const text = planText(
            bounds,
            tiers.map((t) => String(t.rate)),
            onAttainment,
            rounding,
            limit,
          );
          const deals: DataRecord[] = spec.map((d, i) => ({
            row: i + 1,
            values: {
              id: `d${i}`,
              owner: `p${d.owner}`,
              amount: `${Math.trunc(d.cents / 100)}.${String(d.cents % 100).padStart(2, '0')}${d.extra}`,
              close_date:
                hires[d.owner] && (days[d.day] as string) < (hires[d.owner] as string)
                  ? (hires[d.owner] as string)
                  : (days[d.day] as string),
            },
            hypothetical: d.hypothetical,
          }));
          const units = JSON.stringify(results(text, deals, hires, 'units'));
          const decimals = JSON.stringify(results(text, deals, hires, 'decimals'));
          const general = JSON.stringify(results(text, deals, hires, 'general'));
          expect(decimals).toBe(general);
          expect(units).toBe(general);
        },
      ),
      { numRuns: 150 },
    );
    // Most generated earnings take the incremental path (all but those with no positive credit).
    expect(incremental.applied - before).toBeGreaterThan(150);
    // and most of those on units (not those of prorated quotas whose scale has 50 digits).
    expect(incremental.inUnits - inUnits).toBeGreaterThan(100);
    // 450 runs of the engine: seconds on a busy two-core machine.
  }, 60_000);
});
