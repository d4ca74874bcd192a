import { describe, expect, it } from 'vitest';
import { payee, planOf, quarterly, rows, run, statement } from '../test-support.js';
import { explain } from '../trace/explain.js';

describe('earning traces', () => {
  it('show the inputs an earning with its own dates saw, not the whole period', () => {
    const plan = planOf(
      quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { q: Money }
  quota bq = payee.q
  credit bookings from deals { to owner }
  measure attainment = bookings / bq
  spiff s2 = bookings * 1% during 2026-02-15 to 2026-05-15
  spiff gate = 1_000 USD during 2026-03-01 to 2026-05-31 when attainment >= 50%`),
    );
    const results = run(
      plan,
      {
        payees: [payee('a', { q: '100000' })],
        records: {
          deals: rows(
            { id: 'D1', owner: 'a', amount: '90000', close_date: '2026-02-01' },
            { id: 'D2', owner: 'a', amount: '30000', close_date: '2026-03-05' },
          ),
        },
      },
      ['2026-Q1'],
    );
    const at = { payee: 'a', period: '2026-Q1' };
    // Q1 bookings are 120,000, but only D2 (30,000) falls within 2026-02-15 to 2026-05-15:
    // 30,000 x 1% = 300.
    expect(statement(results, 'a', '2026-Q1').earnings[0]?.amount).toBe('300.00');
    expect(explain(results, { ...at, earning: 's2' })?.sentence).toBe(
      's2 is 300.00 USD: bookings 30,000.00 USD x 1%, value 300.00 USD; ' +
        'counting only 2026-02-15 to 2026-05-15, the dates of the earning',
    );
    expect(explain(results, { ...at, earning: 's2', line: 'period' })?.sentence).toBe(
      's2 is 300.00 USD: bookings 30,000.00 USD x 1%, value 300.00 USD',
    );
    // The gate saw attainment within 2026-03-01 to 2026-05-31: 30,000 / 100,000 = 30% < 50%
    // (the quarter's 120% would have opened it).
    expect(explain(results, { ...at, earning: 'gate' })?.sentence).toBe(
      'gate is 0.00 USD: attainment 30%, value 1,000.00 USD; ' +
        'counting only 2026-03-01 to 2026-05-31, the dates of the earning; ' +
        'the condition (when attainment >= 50%) does not hold, so nothing is paid',
    );
  });

  it('say on every estimate line that it is an estimate, never paid', () => {
    const plan = planOf(
      quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  commission c = bookings * 10% per line when bookings >= 50_000 USD
  bonus b = bookings * 1%`),
    );
    const results = run(
      plan,
      {
        payees: [payee('a')],
        records: {
          deals: [
            ...rows({ id: 'D1', owner: 'a', amount: '40000', close_date: '2026-02-01' }),
            {
              row: 2,
              values: { id: 'H1', owner: 'a', amount: '20000', close_date: '2026-02-01' },
              hypothetical: true,
            },
          ],
        },
      },
      ['2026-Q1'],
    );
    const at = { payee: 'a', period: '2026-Q1' };
    const say = (earning: string, line: string) => explain(results, { ...at, earning, line })?.sentence;
    // Bookings 40,000 < 50,000: c is gated (0.00). With H1, 60,000: D1 4,000 + H1 2,000 = 6,000,
    // an estimate: line c:H1 2,000 and line c:estimate 4,000 (what D1 pays once the gate opens).
    expect(say('c', 'H1')).toBe(
      'c for deals H1 is 2,000.00 USD: bookings 20,000.00 USD x 10%; an estimate, not paid: it comes from a hypothetical record',
    );
    expect(say('c', 'estimate')).toBe(
      "c is 4,000.00 USD: an estimate, not paid: what the hypothetical records change on real records' lines",
    );
    // b = 1% of 40,000 = 400; with H1, 1% of 60,000 = 600: an estimate of 200 on one period line.
    expect(say('b', 'estimate')).toBe(
      'b is 200.00 USD: value 200.00 USD; an estimate, not paid: what the hypothetical records add if they close',
    );
  });
});

describe('traces shared by the lines one tier priced whole', () => {
  it('say why a stopped line pays nothing only on the statements where it is stopped', () => {
    // One run, three payees, quota 1,000,000 each: every deal is priced whole in the first band (2%).
    // a: 10,000 = 1% < 5%, gated; b: 60,000 = 6%, open, 60,000 x 2% = 1,200; c: 20,000 = 2%, gated.
    // The traces are shared across the run by earning, tier and text: b's must carry no text.
    const plan = planOf(
      quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { q: Money }
  quota bq = payee.q
  credit bookings from deals { to owner }
  measure attainment = bookings / bq
  rate table rates on attainment marginal {
    0% to 50%: 2%
    50% and up: 4%
  }
  commission c = tiered(bookings, rates) per line when attainment >= 5%`),
    );
    const results = run(
      plan,
      {
        payees: ['a', 'b', 'c'].map((id) => payee(id, { q: '1000000' })),
        records: {
          deals: rows(
            { id: 'D1', owner: 'a', amount: '10000', close_date: '2026-02-01' },
            { id: 'D2', owner: 'b', amount: '60000', close_date: '2026-02-01' },
            { id: 'D3', owner: 'c', amount: '20000', close_date: '2026-02-01' },
          ),
        },
      },
      ['2026-Q1'],
    );
    const line = (id: string) => statement(results, id, '2026-Q1').earnings[0]?.lines[0];
    const stopped = 'the condition (when attainment >= 5%) does not hold, so nothing is paid';
    expect([line('a'), line('b'), line('c')].map((l) => [l?.id, l?.amount, l?.tier, l?.trace.text])).toEqual([
      ['c:D1', '0.00', 1, stopped],
      ['c:D2', '1200.00', 1, undefined],
      ['c:D3', '0.00', 1, stopped],
    ]);
    expect(explain(results, { payee: 'b', period: '2026-Q1', earning: 'c', line: 'D2' })?.sentence).toBe(
      'c for deals D2 is 1,200.00 USD: 2% on the 60,000.00 USD between 0% and 50%, tier 1 of rates',
    );
  });
});

/** A plan over deals of payee a, with a quota of 100,000 (`bq`) and `attainment`, and `rules`. */
const QUOTA_PLAN = `source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { q: Money }
  quota bq = payee.q
  credit bookings from deals { to owner }
  measure attainment = bookings / bq`;

/**
 * explain()'s sentences over deals D1, D2... of payee a (the amounts given, closed on 2026-02-01,
 * 02-02...) in 2026-Q1, under {@link QUOTA_PLAN} with `rules`.
 */
function sentences(rules: string, amounts: string[], header = '', mode: 'strict' | 'lenient' = 'strict') {
  const plan = planOf(quarterly(`${QUOTA_PLAN}\n  ${rules}`, header));
  const deals = amounts.map((amount, i) => ({
    id: `D${i + 1}`,
    owner: 'a',
    amount,
    close_date: `2026-02-0${i + 1}`,
  }));
  const results = run(
    plan,
    { payees: [payee('a', { q: '100000' })], records: { deals: rows(...deals) } },
    ['2026-Q1'],
    { mode },
  );
  return (ref: { earning: string; line?: string }) =>
    explain(results, { payee: 'a', period: '2026-Q1', ...ref })?.sentence;
}

describe('caps and floors at the payout rounding point', () => {
  const payout = 'rounding half up to 2 decimals at payout';

  it('name the cap and the floor with every decimal, as the lines keep them', () => {
    const say = sentences(
      'commission c = bookings * 10% per line cap 10.005 USD',
      ['60', '40.049', '100'],
      payout,
    );
    // c: 6 + 4.0049 + 10 = 20.0049 > cap 10.005: the 10.0 excess comes off D3 (10 -> 0.0001).
    expect(say({ earning: 'c' })).toBe(
      'c is 10.005 USD: bookings 200.049 USD x 10%, value 20.0049 USD; capped at 10.005 USD',
    );
    // D3 pays 10 - 9.9999 = 0.0001: reduced by the cap of 10.005 (6 + 4.0049 + 0.0001 = 10.005).
    expect(say({ earning: 'c', line: 'D3' })).toBe(
      'c for deals D3 is 0.0001 USD: bookings 100.00 USD x 10%; reduced by the cap of 10.005 USD, from 10.00 USD',
    );
  });

  it('name the floor with every decimal', () => {
    const say = sentences(
      'commission f = bookings * 10% per line floor 10.005 USD',
      ['60', '40.049'],
      payout,
    );
    // 6 + 4.0049 = 10.0049 < floor 10.005: a floor line of 10.005 - 10.0049 = 0.0001.
    expect(say({ earning: 'f' })).toBe(
      'f is 10.005 USD: bookings 100.049 USD x 10%, value 10.0049 USD; raised to the floor of 10.005 USD',
    );
    expect(say({ earning: 'f', line: 'floor' })).toBe(
      'f is 0.0001 USD: raised to the floor of 10.005 USD: the other lines add up to 10.0049 USD',
    );
  });
});

describe('a per-line earning at the rate reached', () => {
  it('shows the uplift on earlier records when a record moves the rate', () => {
    const say = sentences(
      `rate table rt on attainment retroactive {
    0% to 100%: 10%
    100% and up: 20%
  }
  commission r = bookings * rate(rt) per line`,
      ['60000', '50000'],
    );
    // D1: 60,000 x 10% = 6,000.00. D2 takes attainment to 110%: 110,000 x 20% = 22,000.00, minus
    // 6,000.00 = 16,000.00 = 50,000 x 20% (10,000.00) + the uplift of D1, 60,000 x (20% - 10%) = 6,000.00.
    expect(say({ earning: 'r', line: 'D1' })).toBe(
      // D1 alone: 60,000 / 100,000 = attainment 60%.
      'r for deals D1 is 6,000.00 USD: 10% (attainment 60%, between 0% and 100%), tier 1 of rt; bookings 60,000.00 USD',
    );
    expect(say({ earning: 'r', line: 'D2' })).toBe(
      'r for deals D2 is 16,000.00 USD: 20% (attainment 110%, at or above quota), tier 2 of rt; bookings 50,000.00 USD, ' +
        'uplift on earlier records 6,000.00 USD',
    );
  });
});

describe('a threshold table (first tier above zero)', () => {
  it('says why a number below the threshold pays nothing', () => {
    const rules = `rate table th on attainment marginal {
    50% to 100%: 10%
    100% and up: 20%
  }
  rate table rt on attainment retroactive {
    50% to 100%: 10%
    100% and up: 20%
  }
  commission m = tiered(bookings, th) per line
  commission p = tiered(bookings, th)
  commission r = bookings * rate(rt)`;
    // D1 40,000: attainment 40% (of the 100,000 quota), below the 50% where tier 1 starts: 0.00.
    // D2 30,000: 70%, the 20,000 between 50% and 70% at 10% = 2,000.00.
    const say = sentences(rules, ['40000', '30000']);
    expect(say({ earning: 'm', line: 'D1' })).toBe(
      'm for deals D1 is 0.00 USD: 0% (attainment 40%, below 50%, where tier 1 of th starts); bookings 40,000.00 USD',
    );
    expect(say({ earning: 'm', line: 'D2' })).toBe(
      'm for deals D2 is 2,000.00 USD: 10% on the 20,000.00 USD between 50% and 100%, tier 1 of th',
    );
    // One deal of 40,000: the period's attainment is 40%, so p is 0.00.
    const one = sentences(rules, ['40000']);
    expect(one({ earning: 'p' })).toBe(
      'p is 0.00 USD: 0% (attainment 40%, below 50%, where tier 1 of th starts); bookings 40,000.00 USD, value 0.00 USD',
    );
    // rate(rt) at 40% has no tier: 40,000 x 0% = 0.00; the sentence said nothing of why.
    expect(one({ earning: 'r' })).toBe(
      'r is 0.00 USD: 0% (attainment 40%, below 50%, where tier 1 of rt starts); bookings 40,000.00 USD, value 0.00 USD',
    );
  });
});

describe('the total of a per-line earning', () => {
  it('names the tiers and rates of the period, like a per-period earning', () => {
    const say = sentences(
      `rate table rates on attainment marginal {
    0% to 50%: 5%
    50% to 100%: 10%
    100% and up: 15%
  }
  commission c = tiered(bookings, rates) per line cap 10_000 USD`,
      ['80000', '50000'],
    );
    // 130,000 on a quota of 100,000: 50,000 x 5% + 50,000 x 10% + 30,000 x 15% = 2,500 + 5,000 +
    // 4,500 = 12,000.00, capped at 10,000.00.
    expect(say({ earning: 'c' })).toBe(
      'c is 10,000.00 USD: 5% on the 50,000.00 USD between 0% and 50%, tier 1 of rates, ' +
        'plus 10% on the 50,000.00 USD between 50% and 100%, tier 2 of rates, ' +
        'plus 15% on the 30,000.00 USD above quota, tier 3 of rates; capped at 10,000.00 USD',
    );
  });
});

describe('a per-line accelerator written with if', () => {
  it('gives the values with and without the records before the line when its rate moved', () => {
    const say = sentences(
      'commission i = (if attainment >= 100% then bookings * 20% else bookings * 10%) per line',
      ['60000', '50000', '10000'],
    );
    // D1: 60,000 x 10% = 6,000.00. D2 takes attainment to 110%: 110,000 x 20% = 22,000.00, minus
    // the 6,000.00 of D1 = 16,000.00 (not 50,000 x 20% = 10,000).
    expect(say({ earning: 'i', line: 'D1' })).toBe('i for deals D1 is 6,000.00 USD: bookings 60,000.00 USD');
    // The two values are i's, not what the records add up to (110,000.00 and 60,000.00 of bookings):
    // "the records up to it add up to 22,000.00 USD" before.
    expect(say({ earning: 'i', line: 'D2' })).toBe(
      'i for deals D2 is 16,000.00 USD: bookings 50,000.00 USD; ' +
        'i with the records up to it is 22,000.00 USD, minus the 6,000.00 USD it is with the records before it',
    );
    // D3: 120,000 x 20% = 24,000.00 - 22,000.00 = 2,000.00 = 10,000 x 20%: the rate did not move.
    expect(say({ earning: 'i', line: 'D3' })).toBe('i for deals D3 is 2,000.00 USD: bookings 10,000.00 USD');
  });
});

describe('a retroactive table whose last tier is closed', () => {
  it('says why the line that leaves the table takes back what the records before it paid', () => {
    const say = sentences(
      `rate table tr on attainment retroactive {
    0% to 100%: 10%
    100% to 150%: 20%
  }
  commission r = tiered(bookings, tr) per line`,
      ['100000', '50000'],
      '',
      'lenient',
    );
    // D1: 100,000 at 100% is in tier 2: x 20% = 20,000.00. D2 takes attainment to 150%, where no
    // tier has a rate: r has no value, and D2's line is 0 - 20,000.00 = -20,000.00.
    expect(say({ earning: 'r', line: 'D2' })).toBe(
      'r for deals D2 is -20,000.00 USD: bookings 50,000.00 USD; with this record r has no value (see the ' +
        'warnings), so this line takes back the 20,000.00 USD the records before it add up to',
    );
  });
});

describe('a per-line rule that adds a constant', () => {
  it('pays the constant once on the base line and says so; each deal line is its credit times the rate', () => {
    const say = sentences('commission c = bookings * 10% + 100 USD per line', ['1000', '2000', '3000']);
    // c = 6,000 x 10% + 100 = 700.00: the base line pays the 100.00 the rule adds once (c with no
    // record: 0 x 10% + 100 = 100), and each deal its bookings x 10%: D1 100, D2 200, D3 300
    // (100 + 100 + 200 + 300 = 700). The 100 is not what "the records before" D1 add up to.
    expect(say({ earning: 'c' })).toBe(
      'c is 700.00 USD: bookings 6,000.00 USD x 10% + 100.00 USD, value 700.00 USD',
    );
    expect(say({ earning: 'c', line: 'base' })).toBe(
      'c is 100.00 USD: value 100.00 USD; the 100.00 USD the rule adds once, not for any record',
    );
    // 1,000 x 10% = 100.00; 2,000 x 10% = 200.00; 3,000 x 10% = 300.00.
    expect(say({ earning: 'c', line: 'D1' })).toBe(
      'c for deals D1 is 100.00 USD: bookings 1,000.00 USD x 10%',
    );
    expect(say({ earning: 'c', line: 'D2' })).toBe(
      'c for deals D2 is 200.00 USD: bookings 2,000.00 USD x 10%',
    );
    expect(say({ earning: 'c', line: 'D3' })).toBe(
      'c for deals D3 is 300.00 USD: bookings 3,000.00 USD x 10%',
    );
  });

  it('says a constant taken off is taken off once', () => {
    const say = sentences('commission c = bookings * 10% - 100 USD per line', ['1000', '2000', '3000']);
    // c = 6,000 x 10% - 100 = 500.00: base line -100.00, then D1 100, D2 200, D3 300
    // (-100 + 100 + 200 + 300 = 500). D1 read "the records up to it add up to 0.00 USD, minus the
    // -100.00 USD the records before it add up to", and D3 "... add up to 500.00 USD, minus the
    // 200.00 USD ...", though D1 to D3 pay 600.00 and D1 and D2 300.00.
    expect(say({ earning: 'c', line: 'base' })).toBe(
      'c is -100.00 USD: value -100.00 USD; the 100.00 USD the rule takes off once, not for any record',
    );
    expect(say({ earning: 'c', line: 'D1' })).toBe(
      'c for deals D1 is 100.00 USD: bookings 1,000.00 USD x 10%',
    );
    expect(say({ earning: 'c', line: 'D3' })).toBe(
      'c for deals D3 is 300.00 USD: bookings 3,000.00 USD x 10%',
    );
  });

  it('names the constant as the rule writes it, not as the line rounds it', () => {
    const say = sentences('commission c = bookings * 10% + 100.005 USD per line', ['1000']);
    // The base line pays 100.005 rounded at the line to 100.01; the rule adds 100.005, not 100.01.
    // D1: 1,000 x 10% = 100.00.
    expect(say({ earning: 'c', line: 'base' })).toBe(
      'c is 100.01 USD: value 100.005 USD; the 100.005 USD the rule adds once, not for any record',
    );
  });

  it('names the cap on the deal line it reduces, not the constant', () => {
    const say = sentences('commission c = bookings * 10% + 100 USD per line cap 500 USD', [
      '1000',
      '2000',
      '3000',
    ]);
    // 700.00 capped at 500.00: base 100 + D1 100 + D2 200 = 400, so D3 pays 500 - 400 = 100.00 of its 300.00.
    expect(say({ earning: 'c', line: 'D3' })).toBe(
      'c for deals D3 is 100.00 USD: bookings 3,000.00 USD x 10%; reduced by the cap of 500.00 USD, from 300.00 USD',
    );
  });

  it('gives the values of the earning, not of the records, under a max or a min', () => {
    const floor = sentences('commission c = max(bookings * 10%, 250 USD) per line', ['1000', '2000', '3000']);
    // Without any record c is max(0, 250) = 250.00, the base line. D1: max(100, 250) = 250 - 250 =
    // 0.00; D2: max(300, 250) = 300 - 250 = 50.00; D3: max(600, 250) = 600 - 300 = 300.00
    // (= 3,000 x 10%). D1 has no record before it: it read "minus the 250.00 USD the records before
    // it add up to". Each value held at the floor says what the floor replaced.
    expect(floor({ earning: 'c', line: 'base' })).toBe(
      'c is 250.00 USD: value 250.00 USD; without any record: bookings * 10% is 0.00 USD, below the floor of 250.00 USD, so 250.00 USD is paid',
    );
    expect(floor({ earning: 'c', line: 'D1' })).toBe(
      'c for deals D1 is 0.00 USD: bookings 1,000.00 USD; c with this record is 250.00 USD (bookings * 10% is 100.00 USD, below the floor of 250.00 USD), minus the 250.00 USD it is without any record, on the base line (bookings * 10% is 0.00 USD, below the floor of 250.00 USD)',
    );
    expect(floor({ earning: 'c', line: 'D2' })).toBe(
      'c for deals D2 is 50.00 USD: bookings 2,000.00 USD; c with the records up to it is 300.00 USD, minus the 250.00 USD it is with the records before it (bookings * 10% is 100.00 USD, below the floor of 250.00 USD)',
    );
    expect(floor({ earning: 'c', line: 'D3' })).toBe('c for deals D3 is 300.00 USD: bookings 3,000.00 USD');
    const capped = sentences('commission c = min(bookings * 10% + 100 USD, 500 USD) per line', [
      '1000',
      '2000',
      '3000',
    ]);
    // Base min(100, 500) = 100.00; D1 min(200, 500) - 100 = 100.00; D2 400 - 200 = 200.00;
    // D3 min(700, 500) - 400 = 100.00. D3 read "the records up to it add up to 500.00 USD", though
    // D1 to D3 pay 400.00.
    // D3's 6,000 x 10% + 100 = 700.00 is above the limit of 500.00.
    expect(capped({ earning: 'c', line: 'D3' })).toBe(
      'c for deals D3 is 100.00 USD: bookings 3,000.00 USD; c with the records up to it is 500.00 USD (bookings * 10% + 100 USD is 700.00 USD, above the limit of 500.00 USD), minus the 400.00 USD it is with the records before it',
    );
    // Not at the limit, the wording stays: D2 min(300, 500) = 300 - 100.
    expect(capped({ earning: 'c', line: 'D2' })).toBe(
      'c for deals D2 is 200.00 USD: bookings 2,000.00 USD; c with the records up to it is 400.00 USD, minus the 200.00 USD it is with the records before it',
    );
    // min(100, 250) = 100; min(300, 250) - 100 = 150.00: 3,000 x 10% = 300.00 is above the limit.
    const min = sentences('commission c = min(bookings * 10%, 250 USD) per line', ['1000', '2000']);
    expect(min({ earning: 'c', line: 'D2' })).toBe(
      'c for deals D2 is 150.00 USD: bookings 2,000.00 USD; c with the records up to it is 250.00 USD (bookings * 10% is 300.00 USD, above the limit of 250.00 USD), minus the 100.00 USD it is with the records before it',
    );
  });
});

describe('a retroactive table whose last tier is closed, with a constant added', () => {
  it('says the line takes back the value with the records before it, once', () => {
    const say = sentences(
      `rate table tr on attainment retroactive {
    0% to 100%: 10%
    100% to 150%: 20%
  }
  commission r = tiered(bookings, tr) + 100 USD per line`,
      ['100000', '50000'],
      '',
      'lenient',
    );
    // Without any record r is 0 + 100 = 100.00 (the base line). D1: 100,000 at 100% is in tier 2:
    // x 20% = 20,000 + 100 = 20,100.00, minus 100 = 20,000.00. D2 takes attainment to 150%, where no
    // tier has a rate: r has no value, and D2's line is 0 - 20,100.00 = -20,100.00, the 20,000.00
    // of D1 and the 100.00 of the base line. It read "... the 20,100.00 USD the records before it
    // add up to", after "the records up to it add up to 0.00 USD, minus the 20,100.00 USD ...".
    expect(say({ earning: 'r', line: 'D2' })).toBe(
      'r for deals D2 is -20,100.00 USD: bookings 50,000.00 USD; with this record r has no value (see the ' +
        'warnings), so this line takes back the 20,100.00 USD r is with the records before it',
    );
  });

  it('says what a line without a value takes back once, also without a constant', () => {
    const say = sentences(
      `rate table tr on attainment retroactive {
    0% to 100%: 10%
    100% to 150%: 20%
  }
  commission h = tiered(bookings, tr) * 50% per line`,
      ['100000', '50000'],
      '',
      'lenient',
    );
    // D1: 100,000 x 20% x 50% = 10,000.00; D2: no value, 0 - 10,000.00 = -10,000.00.
    expect(say({ earning: 'h', line: 'D2' })).toBe(
      'h for deals D2 is -10,000.00 USD: bookings 50,000.00 USD; with this record h has no value (see the ' +
        'warnings), so this line takes back the 10,000.00 USD the records before it add up to',
    );
  });
});

describe('a value held at a bound by max, min or clamp', () => {
  it('says on a line what the floor of a max replaced', () => {
    const say = sentences('commission c = max(bookings * 10% - 100 USD, 0 USD) per line', [
      '600',
      '3000',
      '1000',
    ]);
    // Without any record max(-100, 0) = 0: no base line. D1: 600 x 10% - 100 = -40.00, below the
    // floor: max = 0.00, the line pays 0.00. D2: 3,600 x 10% - 100 = 260.00, minus the 0.00 of D1
    // (held at the floor from -40.00) = 260.00 (not 3,000 x 10% = 300). D3: 4,600 x 10% - 100 =
    // 360.00 - 260.00 = 100.00, no bound: the wording stays.
    expect(say({ earning: 'c', line: 'D1' })).toBe(
      'c for deals D1 is 0.00 USD: bookings 600.00 USD; bookings * 10% - 100 USD is -40.00 USD, below the floor of 0.00 USD, so 0.00 USD is paid',
    );
    expect(say({ earning: 'c', line: 'D2' })).toBe(
      'c for deals D2 is 260.00 USD: bookings 3,000.00 USD; c with the records up to it is 260.00 USD, minus the 0.00 USD it is with the records before it (bookings * 10% - 100 USD is -40.00 USD, below the floor of 0.00 USD)',
    );
    expect(say({ earning: 'c', line: 'D3' })).toBe(
      'c for deals D3 is 100.00 USD: bookings 1,000.00 USD; c with the records up to it is 360.00 USD, minus the 260.00 USD it is with the records before it',
    );
    // 0 + 260 + 100 = 360.00 = 4,600 x 10% - 100, not held: nothing more on the earning.
    expect(say({ earning: 'c' })).toBe('c is 360.00 USD: bookings 4,600.00 USD, value 360.00 USD');
  });

  it('says on a line what the limit of a min replaced', () => {
    const say = sentences('commission c = min(bookings * 10%, 500 USD) per line', ['3000', '4000', '1000']);
    // D1: min(300, 500) = 300.00. D2: 7,000 x 10% = 700.00 above the limit: 500 - 300 = 200.00.
    // D3: 8,000 x 10% = 800.00, held at 500; before it 700.00 held at 500: 500 - 500 = 0.00.
    expect(say({ earning: 'c', line: 'D1' })).toBe('c for deals D1 is 300.00 USD: bookings 3,000.00 USD');
    expect(say({ earning: 'c', line: 'D2' })).toBe(
      'c for deals D2 is 200.00 USD: bookings 4,000.00 USD; c with the records up to it is 500.00 USD (bookings * 10% is 700.00 USD, above the limit of 500.00 USD), minus the 300.00 USD it is with the records before it',
    );
    expect(say({ earning: 'c', line: 'D3' })).toBe(
      'c for deals D3 is 0.00 USD: bookings 1,000.00 USD; c with the records up to it is 500.00 USD (bookings * 10% is 800.00 USD, above the limit of 500.00 USD), minus the 500.00 USD it is with the records before it (bookings * 10% is 700.00 USD, above the limit of 500.00 USD)',
    );
    expect(say({ earning: 'c' })).toBe(
      'c is 500.00 USD: bookings 8,000.00 USD, value 500.00 USD; bookings * 10% is 800.00 USD, above the limit of 500.00 USD',
    );
  });

  it('says it on an earning without per line and on its period line', () => {
    const floor = sentences('commission c = max(bookings * 10% - 100 USD, 0 USD)', ['600']);
    // 600 x 10% - 100 = -40.00, below the floor of 0.00: c is 0.00.
    const held = 'bookings * 10% - 100 USD is -40.00 USD, below the floor of 0.00 USD';
    expect(floor({ earning: 'c' })).toBe(`c is 0.00 USD: bookings 600.00 USD, value 0.00 USD; ${held}`);
    expect(floor({ earning: 'c', line: 'period' })).toBe(
      `c is 0.00 USD: bookings 600.00 USD, value 0.00 USD; ${held}`,
    );
    // Over a measure: m = 6,200 x 10% = 620.00, above the limit of 500.00: c is 500.00.
    const limit = sentences('measure m = bookings * 10%\n  commission c = min(m, 500 USD)', ['6200']);
    expect(limit({ earning: 'c' })).toBe(
      'c is 500.00 USD: m 620.00 USD, value 500.00 USD; m is 620.00 USD, above the limit of 500.00 USD',
    );
    // Not at the limit (m = 400.00), the wording stays.
    const under = sentences('measure m = bookings * 10%\n  commission c = min(m, 500 USD)', ['4000']);
    expect(under({ earning: 'c' })).toBe('c is 400.00 USD: m 400.00 USD, value 400.00 USD');
  });

  it('names both bounds of a clamp', () => {
    const say = sentences('commission c = clamp(bookings * 10%, 100 USD, 500 USD) per line', ['600', '6000']);
    // Base clamp(0, 100, 500) = 100.00. D1: 60.00 is below 100: 100 - 100 = 0.00. D2: 6,600 x 10%
    // = 660.00 is above 500: 500 - 100 = 400.00.
    expect(say({ earning: 'c', line: 'base' })).toBe(
      'c is 100.00 USD: value 100.00 USD; without any record: bookings * 10% is 0.00 USD, below the floor of 100.00 USD, so 100.00 USD is paid',
    );
    expect(say({ earning: 'c', line: 'D2' })).toBe(
      'c for deals D2 is 400.00 USD: bookings 6,000.00 USD; c with the records up to it is 500.00 USD (bookings * 10% is 660.00 USD, above the limit of 500.00 USD), minus the 100.00 USD it is with the records before it (bookings * 10% is 60.00 USD, below the floor of 100.00 USD)',
    );
  });
});

describe('a bound inside a larger rule', () => {
  it('names a min inside a product with the value it used, and redoes the product', () => {
    const say = sentences('commission c = min(bookings, 100000 USD) * 5%', ['140000']);
    // 140,000 is above the limit: min = 100,000.00; 100,000 x 5% = 5,000.00. It read "c is
    // 5,000.00 USD: bookings 140,000.00 USD, value 5,000.00 USD", which 140,000 x 5% = 7,000 does not redo.
    const why =
      'min(bookings, 100000 USD): bookings is 140,000.00 USD, above the limit of 100,000.00 USD, so 100,000.00 USD is used; 100,000.00 USD * 5% is 5,000.00 USD';
    expect(say({ earning: 'c' })).toBe(
      `c is 5,000.00 USD: bookings 140,000.00 USD, value 5,000.00 USD; ${why}`,
    );
    expect(say({ earning: 'c', line: 'period' })).toBe(
      `c is 5,000.00 USD: bookings 140,000.00 USD, value 5,000.00 USD; ${why}`,
    );
    // A percentage bound is shown as one: attainment 200,000 / 100,000 = 200%, held at 150%;
    // 200,000 x 150% x 10% = 30,000.00.
    const rate = sentences('commission c = bookings * min(attainment, 150%) * 10%', ['200000']);
    expect(rate({ earning: 'c' })).toBe(
      'c is 30,000.00 USD: bookings 200,000.00 USD, attainment 200%, value 30,000.00 USD; min(attainment, 150%): attainment is 200%, above the limit of 150%, so 150% is used; bookings * 150% * 10% is 30,000.00 USD',
    );
  });

  it('names a max inside a sum', () => {
    const say = sentences('commission c = max(bookings * 10% - 100 USD, 0 USD) + 50 USD', ['600']);
    // 600 x 10% - 100 = -40.00, below the floor: max = 0.00; 0 + 50 = 50.00.
    expect(say({ earning: 'c' })).toBe(
      'c is 50.00 USD: bookings 600.00 USD, value 50.00 USD; max(bookings * 10% - 100 USD, 0 USD): bookings * 10% - 100 USD is -40.00 USD, below the floor of 0.00 USD, so 0.00 USD is used; 0.00 USD + 50 USD is 50.00 USD',
    );
  });

  it('names the side of a clamp that cut, inside a product', () => {
    const low = sentences('commission c = clamp(bookings, 1000 USD, 5000 USD) * 10%', ['600']);
    // 600 is below 1,000: 1,000 x 10% = 100.00.
    expect(low({ earning: 'c' })).toBe(
      'c is 100.00 USD: bookings 600.00 USD, value 100.00 USD; clamp(bookings, 1000 USD, 5000 USD): bookings is 600.00 USD, below the floor of 1,000.00 USD, so 1,000.00 USD is used; 1,000.00 USD * 10% is 100.00 USD',
    );
    const high = sentences('commission c = clamp(bookings, 1000 USD, 5000 USD) * 10%', ['7600']);
    // 7,600 is above 5,000: 5,000 x 10% = 500.00.
    expect(high({ earning: 'c' })).toBe(
      'c is 500.00 USD: bookings 7,600.00 USD, value 500.00 USD; clamp(bookings, 1000 USD, 5000 USD): bookings is 7,600.00 USD, above the limit of 5,000.00 USD, so 5,000.00 USD is used; 5,000.00 USD * 10% is 500.00 USD',
    );
  });

  it('does not name a bound that did not cut', () => {
    const rule = 'commission c = min(bookings, 100000 USD) * 5% + max(bookings - 150000 USD, 0 USD) * 10%';
    // 200,000: min cuts to 100,000 (x 5% = 5,000); max(50,000, 0) does not cut (x 10% = 5,000):
    // 10,000.00, with the max as the rule writes it.
    expect(sentences(rule, ['200000'])({ earning: 'c' })).toBe(
      'c is 10,000.00 USD: bookings 200,000.00 USD, value 10,000.00 USD; min(bookings, 100000 USD): bookings is 200,000.00 USD, above the limit of 100,000.00 USD, so 100,000.00 USD is used; 100,000.00 USD * 5% + max(bookings - 150000 USD, 0 USD) * 10% is 10,000.00 USD',
    );
    // Under a single bound that does not cut (40,000 is below the limit: 40,000 x 5% = 2,000.00)
    // the wording stays.
    expect(sentences('commission c = min(bookings, 100000 USD) * 5%', ['40000'])({ earning: 'c' })).toBe(
      'c is 2,000.00 USD: bookings 40,000.00 USD, value 2,000.00 USD',
    );
  });

  it('names nested bounds innermost first, each with the values of those inside it', () => {
    const rule = 'commission c = min(max(bookings - 50000 USD, 0 USD), 100000 USD) * 10%';
    // 30,000 - 50,000 = -20,000, below the floor: 0; min(0, 100,000) does not cut: 0 x 10% = 0.00.
    expect(sentences(rule, ['30000'])({ earning: 'c' })).toBe(
      'c is 0.00 USD: bookings 30,000.00 USD, value 0.00 USD; max(bookings - 50000 USD, 0 USD): bookings - 50000 USD is -20,000.00 USD, below the floor of 0.00 USD, so 0.00 USD is used; min(0.00 USD, 100000 USD) * 10% is 0.00 USD',
    );
    // 200,000 - 50,000 = 150,000, above the limit: 100,000 x 10% = 10,000.00.
    expect(sentences(rule, ['200000'])({ earning: 'c' })).toBe(
      'c is 10,000.00 USD: bookings 200,000.00 USD, value 10,000.00 USD; min(max(bookings - 50000 USD, 0 USD), 100000 USD): max(bookings - 50000 USD, 0 USD) is 150,000.00 USD, above the limit of 100,000.00 USD, so 100,000.00 USD is used; 100,000.00 USD * 10% is 10,000.00 USD',
    );
    // Both cut, the outer one being the rule: 600 is below 1,000; 1,000 x 10% = 100.00 is above 50.00.
    const both = sentences('commission c = min(max(bookings, 1000 USD) * 10%, 50 USD)', ['600']);
    expect(both({ earning: 'c' })).toBe(
      'c is 50.00 USD: bookings 600.00 USD, value 50.00 USD; max(bookings, 1000 USD): bookings is 600.00 USD, below the floor of 1,000.00 USD, so 1,000.00 USD is used; 1,000.00 USD * 10% is 100.00 USD, above the limit of 50.00 USD',
    );
    // A bound whose argument is a bound that cut: 5,000 is above 100, and 100 below 200: 200 x 10% = 20.00.
    const inner = sentences('commission c = max(min(bookings, 100 USD), 200 USD) * 10%', ['5000']);
    expect(inner({ earning: 'c' })).toBe(
      'c is 20.00 USD: bookings 5,000.00 USD, value 20.00 USD; min(bookings, 100 USD): bookings is 5,000.00 USD, above the limit of 100.00 USD, so 100.00 USD is used; max(100.00 USD, 200 USD): 100.00 USD is below the floor of 200.00 USD, so 200.00 USD is used; 200.00 USD * 10% is 20.00 USD',
    );
  });

  it('says on each line which values of the earning a bound cut', () => {
    const say = sentences('commission c = min(bookings, 10000 USD) * 5% per line', ['6000', '6000', '1000']);
    // D1: 6,000 x 5% = 300.00. D2: 12,000 is above the limit: 10,000 x 5% = 500.00 - 300.00 = 200.00.
    // D3: 13,000, held at 10,000 too: 500.00 - 500.00 = 0.00.
    expect(say({ earning: 'c', line: 'D1' })).toBe('c for deals D1 is 300.00 USD: bookings 6,000.00 USD');
    expect(say({ earning: 'c', line: 'D2' })).toBe(
      'c for deals D2 is 200.00 USD: bookings 6,000.00 USD; c with the records up to it is 500.00 USD (min(bookings, 10000 USD): bookings is 12,000.00 USD, above the limit of 10,000.00 USD, so 10,000.00 USD is used; 10,000.00 USD * 5% is 500.00 USD), minus the 300.00 USD it is with the records before it',
    );
    expect(say({ earning: 'c', line: 'D3' })).toBe(
      'c for deals D3 is 0.00 USD: bookings 1,000.00 USD; c with the records up to it is 500.00 USD (min(bookings, 10000 USD): bookings is 13,000.00 USD, above the limit of 10,000.00 USD, so 10,000.00 USD is used; 10,000.00 USD * 5% is 500.00 USD), minus the 500.00 USD it is with the records before it (min(bookings, 10000 USD): bookings is 12,000.00 USD, above the limit of 10,000.00 USD, so 10,000.00 USD is used; 10,000.00 USD * 5% is 500.00 USD)',
    );
    expect(say({ earning: 'c' })).toBe(
      'c is 500.00 USD: bookings 13,000.00 USD, value 500.00 USD; min(bookings, 10000 USD): bookings is 13,000.00 USD, above the limit of 10,000.00 USD, so 10,000.00 USD is used; 10,000.00 USD * 5% is 500.00 USD',
    );
  });

  it('says it on the base line and the first record of a per-line earning', () => {
    const say = sentences('commission c = max(bookings * 10% - 100 USD, 0 USD) + 50 USD per line', [
      '600',
      '3000',
    ]);
    // Without any record: max(-100, 0) + 50 = 50.00, the base line. D1: 600 x 10% - 100 = -40,
    // held at 0: 50.00 - 50.00 = 0.00. D2: 3,600 x 10% - 100 = 260 + 50 = 310.00 - 50.00 = 260.00.
    const base =
      'max(bookings * 10% - 100 USD, 0 USD): bookings * 10% - 100 USD is -100.00 USD, below the floor of 0.00 USD, so 0.00 USD is used; 0.00 USD + 50 USD is 50.00 USD';
    const d1 =
      'max(bookings * 10% - 100 USD, 0 USD): bookings * 10% - 100 USD is -40.00 USD, below the floor of 0.00 USD, so 0.00 USD is used; 0.00 USD + 50 USD is 50.00 USD';
    expect(say({ earning: 'c', line: 'base' })).toBe(
      `c is 50.00 USD: value 50.00 USD; without any record: ${base}`,
    );
    expect(say({ earning: 'c', line: 'D1' })).toBe(
      `c for deals D1 is 0.00 USD: bookings 600.00 USD; c with this record is 50.00 USD (${d1}), minus the 50.00 USD it is without any record, on the base line (${base})`,
    );
    expect(say({ earning: 'c', line: 'D2' })).toBe(
      `c for deals D2 is 260.00 USD: bookings 3,000.00 USD; c with the records up to it is 310.00 USD, minus the 50.00 USD it is with the records before it (${d1})`,
    );
    // Without a base line the first record pays the value with it: min(0, 1,000) x 10% = 0 (no
    // base line); D1: 5,000 is above 1,000: 1,000 x 10% = 100.00.
    const alone = sentences('commission c = min(bookings, 1000 USD) * 10% per line', ['5000']);
    expect(alone({ earning: 'c', line: 'D1' })).toBe(
      'c for deals D1 is 100.00 USD: bookings 5,000.00 USD; min(bookings, 1000 USD): bookings is 5,000.00 USD, above the limit of 1,000.00 USD, so 1,000.00 USD is used; 1,000.00 USD * 10% is 100.00 USD',
    );
    const first = sentences('commission c = clamp(bookings, 1000 USD, 5000 USD) * 10% per line', ['7600']);
    // Without any record clamp(0, 1,000, 5,000) = 1,000 x 10% = 100.00 (base line); D1: 7,600 is
    // above 5,000: 500.00 - 100.00 = 400.00.
    expect(first({ earning: 'c', line: 'D1' })).toBe(
      'c for deals D1 is 400.00 USD: bookings 7,600.00 USD; c with this record is 500.00 USD (clamp(bookings, 1000 USD, 5000 USD): bookings is 7,600.00 USD, above the limit of 5,000.00 USD, so 5,000.00 USD is used; 5,000.00 USD * 10% is 500.00 USD), minus the 100.00 USD it is without any record, on the base line (clamp(bookings, 1000 USD, 5000 USD): bookings is 0.00 USD, below the floor of 1,000.00 USD, so 1,000.00 USD is used; 1,000.00 USD * 10% is 100.00 USD)',
    );
  });
});
