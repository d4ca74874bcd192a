import { describe, expect, test } from 'vitest';
import { format } from './format.js';

const settings = ['currency USD', 'period quarter', 'effective 2026-01-01 to 2026-12-31'];

/** Formats a plan made of the usual settings and `declarations`; returns the lines after the settings. */
function formatBody(declarations: string): string {
  const result = format(`plan "P" {\n${settings.join('\n')}\n${declarations}\n}\n`);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const lines = (result.text ?? '').split('\n');
  // plan line, three settings, a blank line; the closing brace and final newline at the end.
  return lines
    .slice(5, -2)
    .map((l) => l.replace(/^ {2}/, ''))
    .join('\n');
}

describe('plan header', () => {
  test('settings come first, in the order currency, period, fiscal year, effective, rounding', () => {
    const source = [
      'plan "Enterprise AE"   version "2026.1"{',
      'rounding half   even to 2 decimals at payout effective 2026-01-01 to 2026-12-31',
      'source deals { id: Text key }',
      'fiscal year starts February',
      'period   month currency EUR }',
    ].join('\n');
    expect(format(source).text).toBe(
      [
        'plan "Enterprise AE" version "2026.1" {',
        '  currency EUR',
        '  period month',
        '  fiscal year starts february',
        '  effective 2026-01-01 to 2026-12-31',
        '  rounding half even to 2 decimals at payout',
        '',
        '  source deals {',
        '    id: Text key',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });
});

describe('schemas', () => {
  test('source fields one per line as `name: Type modifiers`, without commas', () => {
    expect(
      formatBody(
        'source deals "Closed deals" { id: Text key, owner: Payee owner, amount: Money converted on close_date, close_date: Date dated, fx: Money(EUR) optional }',
      ),
    ).toBe(
      [
        'source deals "Closed deals" {',
        '  id: Text key',
        '  owner: Payee owner',
        '  amount: Money converted on close_date',
        '  close_date: Date dated',
        '  fx: Money(EUR) optional',
        '}',
      ].join('\n'),
    );
  });

  test('payee attributes one per line', () => {
    expect(formatBody('payee { ote: Money, base: Money, hire_date: Date }')).toBe(
      ['payee {', '  ote: Money', '  base: Money', '  hire_date: Date', '}'].join('\n'),
    );
  });

  test('an empty block stays on one line', () => {
    expect(formatBody('payee {\n\n}')).toBe('payee {}');
  });
});

describe('definitions', () => {
  test('let, measure and metric with labels, types and effective dates', () => {
    expect(
      formatBody(
        [
          'let target_incentive: Money = (payee.ote - payee.base) / 4 effective 2026-01-01 to 2026-06-30',
          'measure attainment "Attainment" : Percent = bookings / bookings_quota',
          'metric win_rate "Win rate" = ratio(count(deals where stage = "Won"), count(deals))',
        ].join('\n'),
      ),
    ).toBe(
      [
        'let target_incentive: Money = (payee.ote - payee.base) / 4',
        '  effective 2026-01-01 to 2026-06-30',
        '',
        'measure attainment "Attainment": Percent = bookings / bookings_quota',
        '',
        'metric win_rate "Win rate" = ratio(count(deals where stage = "Won"), count(deals))',
      ].join('\n'),
    );
  });

  test('quota clauses each on their own indented line', () => {
    expect(
      formatBody(
        'quota q = payee.annual_quota seasonality 19%,24.5%,28%,28.5% ramp 25%, 50% from payee.hire_date starting next month after day 15 prorate by calendar days relief 100 USD',
      ),
    ).toBe(
      [
        'quota q = payee.annual_quota',
        '  seasonality 19%, 24.5%, 28%, 28.5%',
        '  ramp 25%, 50% from payee.hire_date starting next month after day 15',
        '  prorate by calendar days',
        '  relief 100 USD',
      ].join('\n'),
    );
    expect(formatBody('quota   q2   from   data')).toBe('quota q2 from data');
  });

  test('signals put `when` and `message` on their own lines', () => {
    expect(
      formatBody(
        'signal stuck "Stuck deal" warning on deals when days_between(close_date, today) > 30 message "Deal is stuck"',
      ),
    ).toBe(
      [
        'signal stuck "Stuck deal" warning on deals',
        '  when days_between(close_date, today) > 30',
        '  message "Deal is stuck"',
      ].join('\n'),
    );
  });
});

describe('crediting', () => {
  test('credit clauses one per line inside the block', () => {
    expect(
      formatBody(
        'credit bookings "Bookings" from deals where stage = "Closed Won" { amount amount * 90% to owner share 60% to partner share 40% to managers of owner up to 2 levels as overlay }',
      ),
    ).toBe(
      [
        'credit bookings "Bookings" from deals where stage = "Closed Won" {',
        '  amount amount * 90%',
        '  to owner share 60%',
        '  to partner share 40%',
        '  to managers of owner up to 2 levels as overlay',
        '}',
      ].join('\n'),
    );
  });

  test('split and territory credit', () => {
    expect(
      formatBody(
        'credit c from deals { split by deal_splits on deal_id }\ncredit t from deals { to territory of account }',
      ),
    ).toBe(
      [
        'credit c from deals {',
        '  split by deal_splits on deal_id',
        '}',
        'credit t from deals {',
        '  to territory of account',
        '}',
      ].join('\n'),
    );
  });
});

describe('tables', () => {
  test('tiers one per line as `0% to 50%: 2%`, the open tier as `and up`', () => {
    expect(
      formatBody(
        'rate table rates "Rates" on attainment marginal { 0% to 50% : 2%, 50%  to 100%:8%,100% and up :12% }',
      ),
    ).toBe(
      [
        'rate table rates "Rates" on attainment marginal {',
        '  0% to 50%: 2%',
        '  50% to 100%: 8%',
        '  100% and up: 12%',
        '}',
      ].join('\n'),
    );
  });

  test('retroactive, hybrid, money bounds and effective dates', () => {
    expect(
      formatBody(
        [
          'rate table a on attainment retroactive { 0% and up: 5% }',
          'rate table b on attainment hybrid at 100% { 0% and up: 5% }',
          'rate table c on bookings marginal { 0 USD to 50_000 USD: 2% 50000 USD and up: 4% } effective 2026-01-01 to 2026-06-30',
        ].join('\n'),
      ),
    ).toBe(
      [
        'rate table a on attainment retroactive {',
        '  0% and up: 5%',
        '}',
        'rate table b on attainment hybrid at 100% {',
        '  0% and up: 5%',
        '}',
        'rate table c on bookings marginal {',
        '  0 USD to 50_000 USD: 2%',
        '  50000 USD and up: 4%',
        '} effective 2026-01-01 to 2026-06-30',
      ].join('\n'),
    );
  });

  test('lookup rows one per line; a row before a wildcard row keeps its comma', () => {
    expect(
      formatBody(
        'lookup table rates by product, region { "Widgets", "EMEA": 5%, *, "APAC": 3% 1, * : 2% otherwise: 1% }',
      ),
    ).toBe(
      [
        'lookup table rates by product, region {',
        '  "Widgets", "EMEA": 5%,',
        '  *, "APAC": 3%',
        '  1, *: 2%',
        '  otherwise: 1%',
        '}',
      ].join('\n'),
    );
  });

  test('pay curve points one per line', () => {
    expect(formatBody('pay curve bonus_curve on attainment { 0%: 0%, 50%: 25% 100%: 100% }')).toBe(
      ['pay curve bonus_curve on attainment {', '  0%: 0%', '  50%: 25%', '  100%: 100%', '}'].join('\n'),
    );
  });
});

describe('earnings and payout adjustments', () => {
  test('every earning clause on its own indented line', () => {
    expect(
      formatBody(
        'spiff s "SPIFF" = count(deals where term_months >= 36) * 500 USD per line when attainment >= 50% cap 2 * target floor 100 USD during 2026-02-01 to 2026-03-31 once paid year to date per period effective 2026-01-01 to 2026-03-31',
      ),
    ).toBe(
      [
        'spiff s "SPIFF" = count(deals where term_months >= 36) * 500 USD',
        '  per line',
        '  when attainment >= 50%',
        '  cap 2 * target',
        '  floor 100 USD',
        '  during 2026-02-01 to 2026-03-31',
        '  once',
        '  paid year to date',
        '  per period',
        '  effective 2026-01-01 to 2026-03-31',
      ].join('\n'),
    );
  });

  test('earning kinds keep their keyword', () => {
    const kinds = ['earning', 'commission', 'bonus', 'milestone', 'mbo'];
    const source = kinds.map((k, i) => `${k}   e${i} = 1 USD`).join('\n');
    expect(formatBody(source)).toBe(kinds.map((k, i) => `${k} e${i} = 1 USD`).join('\n'));
  });

  test('draws, guarantees, holdbacks, clawbacks and adjustments on one line each', () => {
    expect(
      formatBody(
        [
          'draw d "Ramp draw" = 3000 USD recoverable for 2 periods true up at year end',
          'draw n = 1000 USD non - recoverable',
          'guarantee g = 5000 USD for 2 periods from payee.hire_date',
          'holdback h = 10% of new_business until 2026-12-31',
          'clawback c = deals cancelled on cancelled_on within 90 days at original rate',
          'adjustment manual "Manual" from data',
        ].join('\n'),
      ),
    ).toBe(
      [
        'draw d "Ramp draw" = 3000 USD recoverable for 2 periods true up at year end',
        'draw n = 1000 USD non-recoverable',
        '',
        'guarantee g = 5000 USD for 2 periods from payee.hire_date',
        '',
        'holdback h = 10% of new_business until 2026-12-31',
        '',
        'clawback c = deals cancelled on cancelled_on within 90 days at original rate',
        '',
        'adjustment manual "Manual" from data',
      ].join('\n'),
    );
  });
});

describe('territories', () => {
  test('each territory a block with one rule per line', () => {
    expect(
      formatBody(
        'territories on accounts by priority { territory west "West" { where region = "West" named "Acme", "Globex" priority 1 assign "rep_1" as primary from 2026-01-01 to 2026-06-30 } territory east { where region = "East" priority 2 } }',
      ),
    ).toBe(
      [
        'territories on accounts by priority {',
        '  territory west "West" {',
        '    where region = "West"',
        '    named "Acme", "Globex"',
        '    priority 1',
        '    assign "rep_1" as primary from 2026-01-01 to 2026-06-30',
        '  }',
        '  territory east {',
        '    where region = "East"',
        '    priority 2',
        '  }',
        '}',
      ].join('\n'),
    );
  });
});

describe('blank lines between declarations', () => {
  test('added between different kinds, and at most one of those written kept between the same kind', () => {
    expect(formatBody('let a = 1\nlet b = 2\n\n\n\nlet c = 3\nmeasure m = a\nmeasure n = b')).toBe(
      ['let a = 1', 'let b = 2', '', 'let c = 3', '', 'measure m = a', 'measure n = b'].join('\n'),
    );
  });

  test('declarations keep the order they were written in', () => {
    expect(formatBody('measure m = 1\nlet a = 2\nmeasure n = 3')).toBe(
      ['measure m = 1', '', 'let a = 2', '', 'measure n = 3'].join('\n'),
    );
  });
});
