import type { Plan } from '@attain/dsl';
import { describe, expect, it } from 'vitest';
import type { Statement } from '../results/results.js';
import { payee, planOf, quarterly, rows, run, statement } from '../test-support.js';

const measure = (s: Statement, name: string) => s.measures.find((m) => m.name === name)?.value;

describe('the built-in fields of a credit inside `where`', () => {
  // D1 (1000) is owned by a with b as overlay; D2 (300) is owned by a with a as overlay too, so a
  // is credited D1 1000 (quota 1000) and D2 300 + 300 = 600 (quota 300), and b is credited D1 1000
  // as overlay (quota 0).
  const plan = planOf(
    quarterly(`source deals { id: Text key, owner: Payee owner, co: Payee optional, amount: Money, close_date: Date dated }
  credit bookings from deals {
    to owner
    to co as overlay
  }
  measure credited_lines = count(bookings where credited > 0 USD)
  measure quota_lines = count(bookings where quota_credited > 0 USD)
  measure big = sum(bookings.credited where credited > 500 USD)
  measure overlay_part = sum(bookings.credited where quota_credited < credited)
  measure quota_of_600 = sum(bookings.quota_credited where credited = 600 USD)
  measure all_quota = count(bookings where quota_credited = credited)
  measure matched = count(bookings where count(deals where amount = credited) > 0)
  commission c = bookings * 1%`),
  );
  const results = run(
    plan,
    {
      payees: [payee('a'), payee('b')],
      records: {
        deals: rows(
          { id: 'D1', owner: 'a', co: 'b', amount: '1000', close_date: '2026-02-01' },
          { id: 'D2', owner: 'a', co: 'a', amount: '300', close_date: '2026-02-10' },
        ),
      },
    },
    ['2026-Q1'],
  );
  const a = statement(results, 'a', '2026-Q1');
  const b = statement(results, 'b', '2026-Q1');

  it('reads the amounts credited to the payee for each record', () => {
    // a: D1 1000 and D2 600 are both above 0 and above 500: 2 lines, 1000 + 600 = 1600.
    expect(measure(a, 'credited_lines')).toBe('2');
    expect(measure(a, 'big')).toBe('1600');
    // b: D1 1000.
    expect(measure(b, 'credited_lines')).toBe('1');
    expect(measure(b, 'big')).toBe('1000');
  });

  it('reads the part that counts toward quota', () => {
    // a: quota 1000 and 300, both above 0; b: 0 (overlay only).
    expect(measure(a, 'quota_lines')).toBe('2');
    expect(measure(b, 'quota_lines')).toBe('0');
    // Only D2 (credited 600) has quota (300) below its credit: a's overlay part is on D2, 600.
    expect(measure(a, 'overlay_part')).toBe('600');
    expect(measure(a, 'quota_of_600')).toBe('300');
    // b's D1 is all overlay: quota 0 < 1000.
    expect(measure(b, 'overlay_part')).toBe('1000');
    // quota_credited = credited only on a's D1 (1000 = 1000), never for b (0 != 1000).
    expect(measure(a, 'all_quota')).toBe('1');
    expect(measure(b, 'all_quota')).toBe('0');
  });

  it('reads the outer entry from a nested aggregate', () => {
    // a's D1 entry (credited 1000) matches a's deal D1 (amount 1000); D2 (600) matches no deal of
    // a (1000, 300). b owns no deal.
    expect(measure(a, 'matched')).toBe('1');
    expect(measure(b, 'matched')).toBe('0');
  });
});

describe('a source field named like a built-in field of credits', () => {
  // The checker rejects such a field (AT2009); a plan made another way must still read the
  // credit's own amounts, never the source field (here a Text one, which is no amount at all).
  const compiled = planOf(
    quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, note: Text, close_date: Date dated }
  credit bookings from deals { to owner }
  measure total = sum(bookings.quota_credited)
  measure lines = count(bookings where credited > 0 USD)
  commission c = bookings * 1%`),
  );
  const renamed = (name: string, to: string): Plan => ({
    ...compiled,
    sources: compiled.sources.map((s) => ({
      ...s,
      fields: s.fields.map((f) => (f.name === name ? { ...f, name: to } : f)),
    })),
  });

  it('reads the built-in amounts', () => {
    for (const name of ['quota_credited', 'credited']) {
      const results = run(
        renamed('note', name),
        {
          payees: [payee('a')],
          records: {
            deals: rows({ id: 'D1', owner: 'a', amount: '1000', [name]: 'xyz', close_date: '2026-02-01' }),
          },
        },
        ['2026-Q1'],
      );
      const a = statement(results, 'a', '2026-Q1');
      expect(measure(a, 'total')).toBe('1000');
      expect(measure(a, 'lines')).toBe('1');
    }
  });
});

describe('the rules of a credit', () => {
  // Each record is credited in the period it is dated in, so `period` in a credit's rules is the
  // record's period (unlike a territory's rules, which the checker keeps from reading it: AT5010).
  it('read the period each record is credited in', () => {
    const plan = planOf(
      quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit q2 from deals where period = 2026-Q2 { to owner }
  commission c = q2 * 10%`),
    );
    const results = run(
      plan,
      {
        payees: [payee('a')],
        records: {
          deals: rows(
            { id: 'D1', owner: 'a', amount: '1000', close_date: '2026-02-01' },
            { id: 'D2', owner: 'a', amount: '500', close_date: '2026-05-01' },
          ),
        },
      },
      ['2026-Q1', '2026-Q2'],
    );
    // Q1: D1 is dated in Q1, not credited; Q2: D2, 500 × 10% = 50.
    expect(statement(results, 'a', '2026-Q1').payout).toBe('0.00');
    expect(statement(results, 'a', '2026-Q2').payout).toBe('50.00');
  });

  // Over a source with a field `payee`, `payee` in a credit's rules is that field (there is no
  // current payee there).
  it('read the record’s field `payee` as `payee`', () => {
    const plan = planOf(
      quarterly(`source allocations { id: Text key, payee: Payee owner, amount: Money, booked_on: Date dated }
  payee { region: Text }
  credit na from allocations where payee.region = "NA" { to payee }
  commission c = na * 10%`),
    );
    const results = run(
      plan,
      {
        payees: [payee('a', { region: 'NA' }), payee('e', { region: 'EMEA' })],
        records: {
          allocations: rows(
            { id: 'A1', payee: 'a', amount: '1000', booked_on: '2026-02-01' },
            { id: 'A2', payee: 'e', amount: '400', booked_on: '2026-02-01' },
          ),
        },
      },
      ['2026-Q1'],
    );
    // A1 goes to a (NA): 1000 × 10% = 100; A2's payee is in EMEA, so e is credited nothing.
    expect(statement(results, 'a', '2026-Q1').payout).toBe('100.00');
    expect(statement(results, 'e', '2026-Q1').payout).toBe('0.00');
  });
});
