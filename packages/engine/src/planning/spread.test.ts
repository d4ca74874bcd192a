import { describe, expect, it } from 'vitest';
import { type QuotaSpread, type SpreadOptions, spreadQuota } from './spread.js';

const amounts = (spread: QuotaSpread) => spread.periods.map((p) => p.amount);
const column = (spread: QuotaSpread, key: 'seasonal' | 'ramp' | 'relief' | 'period') =>
  spread.periods.map((p) => p[key]);

describe('spreadQuota', () => {
  it('spreads an annual quota by quarterly seasonality', () => {
    const spread = spreadQuota('1000000', { fiscalYear: 2026, seasonality: ['20%', '24%', '26%', '30%'] });
    // 1,000,000 x 20% / 24% / 26% / 30%
    expect(amounts(spread)).toEqual(['200000.00', '240000.00', '260000.00', '300000.00']);
    expect(spread).toMatchObject({ annual: '1000000.00', total: '1000000.00', problems: [] });
    expect(spread.periods[0]).toEqual({
      period: '2026-Q1',
      start: '2026-01-01',
      end: '2026-03-31',
      seasonality: '0.2',
      seasonal: '200000.00',
      ramp: '1',
      days: 90,
      of: 90,
      relief: '0.00',
      amount: '200000.00',
    });
  });

  it('rounds the seasonal amounts so that they add up exactly to the annual amount', () => {
    const spread = spreadQuota('100000.01', { fiscalYear: 2026, seasonality: ['25%', '25%', '25%', '25%'] });
    // 25,000.0025 each: floors 4 x 25,000.00 = 100,000.00; the missing cent goes to Q1 (a tie).
    expect(amounts(spread)).toEqual(['25000.01', '25000.00', '25000.00', '25000.00']);
  });

  it('splits quarterly seasonality evenly into months, and adds monthly seasonality into quarters', () => {
    const monthly = spreadQuota('1000000', {
      fiscalYear: 2026,
      seasonality: ['20%', '24%', '26%', '30%'],
      period: 'month',
    });
    // Q1 = 200,000: 66,666.666... x 3 -> 66,666.67, 66,666.67, 66,666.66 (ties: earlier first).
    expect(amounts(monthly).slice(0, 3)).toEqual(['66666.67', '66666.67', '66666.66']);
    expect(amounts(monthly).slice(3, 6)).toEqual(['80000.00', '80000.00', '80000.00']);
    expect(monthly.total).toBe('1000000.00');
    const months = ['5%', '5%', '10%', '8%', '8%', '8%', '8%', '8%', '10%', '10%', '10%', '10%'];
    const quarterly = spreadQuota('1000000', { fiscalYear: 2026, seasonality: months, period: 'quarter' });
    // Q1 = 5 + 5 + 10 = 20%; Q2 = 24%; Q3 = 26%; Q4 = 30%.
    expect(amounts(quarterly)).toEqual(['200000.00', '240000.00', '260000.00', '300000.00']);
    expect(spreadQuota('1000000', { fiscalYear: 2026, seasonality: months }).periods).toHaveLength(12);
  });

  it('spreads evenly without seasonality, over a fiscal year that starts in February', () => {
    const spread = spreadQuota('1000', { fiscalYear: 2026, fiscalYearStart: 2, period: 'half' });
    expect(spread.periods.map((p) => [p.period, p.start, p.end, p.amount])).toEqual([
      ['2026-H1', '2026-02-01', '2026-07-31', '500.00'],
      ['2026-H2', '2026-08-01', '2027-01-31', '500.00'],
    ]);
  });

  it('ramps a new hire from the next month when they start after the mid-month day', () => {
    const options = (date: string) => ({
      fiscalYear: 2026,
      period: 'month' as const,
      ramp: { from: date, steps: ['25%', '50%', '75%'], startNextMonthAfterDay: 15 },
      onPlan: { from: date },
    });
    // 1,200,000 a year is 100,000 a month.
    const late = spreadQuota('1200000', options('2026-03-20'));
    // Started on 20 March (after day 15): the ramp counts from 1 April. March carries the first
    // step for its 12 days on the plan: 100,000 x 25% x 12/31 = 9,677.419...; April 25%, May 50%,
    // June 75%, then 100%. Total 9,677.419... + 25,000 + 50,000 + 75,000 + 6 x 100,000 = 759,677.42.
    expect(amounts(late).slice(0, 7)).toEqual([
      '0.00',
      '0.00',
      '9677.42',
      '25000.00',
      '50000.00',
      '75000.00',
      '100000.00',
    ]);
    expect(late.periods[3]).toMatchObject({ ramp: '0.25', rampStep: 1 });
    expect(late.periods[6]).toMatchObject({ ramp: '1', rampStep: 0 });
    expect(late.total).toBe('759677.42');
    const early = spreadQuota('1200000', options('2026-03-10'));
    // Started on 10 March (day 10): March is the first step, for 22 days: 100,000 x 25% x 22/31 =
    // 17,741.935...; April 50%, May 75%, June 100%.
    expect(amounts(early).slice(2, 6)).toEqual(['17741.94', '50000.00', '75000.00', '100000.00']);
  });

  it('prorates a leaver by calendar days', () => {
    const spread = spreadQuota('400000', { fiscalYear: 2026, onPlan: { to: '2026-05-10' } });
    // Q2 has 91 days; left on 10 May: 30 + 10 = 40 days: 100,000 x 40 / 91 = 43,956.043956...
    expect(amounts(spread)).toEqual(['100000.00', '43956.04', '0.00', '0.00']);
    expect(spread.periods[1]).toMatchObject({ days: 40, of: 91 });
    expect(spread.total).toBe('143956.04');
  });

  it('prorates a transfer: the old and the new team together carry the full quarter', () => {
    const before = spreadQuota('400000', { fiscalYear: 2026, onPlan: { to: '2026-02-28' } });
    const after = spreadQuota('400000', { fiscalYear: 2026, onPlan: { from: '2026-03-01' } });
    // Q1 has 90 days: 59 in the old team (100,000 x 59/90 = 65,555.555...), 31 in the new one
    // (34,444.444...).
    expect(before.periods[0]?.amount).toBe('65555.56');
    expect(after.periods[0]?.amount).toBe('34444.44');
  });

  it('relieves quota for accounts moved away, from the day of the change', () => {
    const spread = spreadQuota('400000', {
      fiscalYear: 2026,
      relief: [{ date: '2026-05-17', movedPotential: '250000', territoryPotential: '1000000' }],
    });
    // 25% of the potential moved on 17 May: Q2 loses 25% for 15 + 30 = 45 of its 91 days:
    // 100,000 x 45/91 x 25% = 12,362.637...; Q2 = 87,637.362...; Q3 and Q4 = 75,000.
    // Total 100,000 + 87,637.362... + 150,000 = 337,637.36.
    expect(amounts(spread)).toEqual(['100000.00', '87637.36', '75000.00', '75000.00']);
    expect(column(spread, 'relief')).toEqual(['0.00', '12362.64', '25000.00', '25000.00']);
    expect(spread.total).toBe('337637.36');
    // Two changes compound: 25% moved, then half of the rest: 37.5% is kept from 1 October.
    const twice = spreadQuota('400000', {
      fiscalYear: 2026,
      relief: [
        { date: '2026-10-01', movedPotential: '375000', territoryPotential: '750000' },
        { date: '2026-07-01', movedPotential: '250000', territoryPotential: '1000000' },
      ],
    });
    expect(amounts(twice)).toEqual(['100000.00', '100000.00', '75000.00', '37500.00']);
  });

  it('reports bad input as problems and spreads nothing', () => {
    const problems = (spread: QuotaSpread) => spread.problems.map((p) => p.code);
    expect(
      problems(spreadQuota('1000', { fiscalYear: 2026, seasonality: ['20%', '24%', '26%', '29%'] })),
    ).toEqual(['seasonality-sum']);
    const sum = spreadQuota('1000', { fiscalYear: 2026, seasonality: ['20%', '24%', '26%', '29%'] });
    expect(sum.problems[0]?.reason).toBe('the seasonality adds up to 99%, not 100%');
    expect(sum.periods).toEqual([]);
    expect(problems(spreadQuota('1000', { fiscalYear: 2026, seasonality: ['50%', '25%', '25%'] }))).toEqual([
      'bad-seasonality',
    ]);
    expect(
      problems(
        spreadQuota('lots', {
          fiscalYear: 2026,
          ramp: { from: '2026-02-30', steps: ['150%'], startNextMonthAfterDay: 40 },
          onPlan: { from: '2026-05-01', to: '2026-04-01' },
          relief: [{ date: '2026-05-01', movedPotential: '2', territoryPotential: '1' }],
        }),
      ),
    ).toEqual(['bad-amount', 'bad-date', 'bad-date', 'bad-ramp', 'bad-ramp', 'bad-relief']);
    expect(() => spreadQuota('1', { fiscalYear: 2026.5 })).toThrow(RangeError);
    // No options: a message that says what to pass, not "Cannot read properties of null".
    expect(() => spreadQuota('1', null as unknown as SpreadOptions)).toThrow(
      new TypeError('options must be an object such as { fiscalYear: 2026 }, not null'),
    );
    expect(() => spreadQuota('1', undefined as unknown as SpreadOptions)).toThrow(
      new TypeError('options must be an object such as { fiscalYear: 2026 }, not undefined'),
    );
    expect(() => spreadQuota('1', { fiscalYear: 2026, fiscalYearStart: 13 })).toThrow(RangeError);
  });

  it('quotes a misused option as data errors quote values', () => {
    const spread = (options: unknown) => () => spreadQuota('1', options as SpreadOptions);
    expect(spread('FY2026')).toThrow(
      new TypeError('options must be an object such as { fiscalYear: 2026 }, not "FY2026"'),
    );
    // The text "2026" is not the number 2026, which String() showed alike.
    expect(spread({ fiscalYear: '2026' })).toThrow(
      new RangeError('fiscalYear must be an integer, not "2026"'),
    );
    expect(spread({ fiscalYear: 2026, fiscalYearStart: 2n })).toThrow(
      new RangeError('fiscalYearStart must be a month from 1 to 12, not 2n (a BigInt)'),
    );
    expect(spread({ fiscalYear: 2026, period: 'quarter\u200B' })).toThrow(
      new TypeError('period must be one of month, quarter, half, not "quarter\\u200B"'),
    );
    expect(spread({ fiscalYear: 2026, decimals: {} })).toThrow(
      new RangeError('decimals must be an integer from 0 to 20, not an object'),
    );
    const ramp = spreadQuota('1', {
      fiscalYear: 2026,
      ramp: { from: '2026-02-01', steps: ['50%'], startNextMonthAfterDay: '15' as unknown as number },
    });
    expect(ramp.problems.map((p) => p.reason)).toEqual([
      'the mid-month rule\'s day must be a day from 1 to 31, not "15"',
    ]);
  });

  it('reports both a bad date and a bad potential of the same territory change', () => {
    // One change with a date that is not one and a moved potential above the territory's (2 of 1):
    // both are reported, not only the first.
    const spread = spreadQuota('1000', {
      fiscalYear: 2026,
      relief: [{ date: '2026-13-01', movedPotential: '2', territoryPotential: '1' }],
    });
    expect(spread.problems.map((p) => p.code)).toEqual(['bad-date', 'bad-relief']);
    expect(spread.periods).toEqual([]);
  });

  it('quotes a bad value as data errors do: cut when long, its invisible characters written out', () => {
    const long = '1'.repeat(150);
    const spread = spreadQuota('1000', {
      fiscalYear: 2026,
      seasonality: [`${long}%`, '2\u200B5%', '25%', '25%'],
      ramp: { from: '2026-01-01', steps: ['5\u00A00%'] },
    });
    expect(spread.problems.map((p) => p.reason)).toEqual([
      'the ramp step "5\\u00A00%" is not a percentage from 0% to 100%',
      `seasonality value 1 is "${'1'.repeat(100)}…" (151 characters); write a percentage such as 24%, not below 0%`,
      'seasonality value 2 is "2\\u200B5%"; write a percentage such as 24%, not below 0%',
    ]);
  });

  it('reports a BigInt or a symbol from JavaScript as a problem, not a throw of JSON.stringify', () => {
    const any = (value: unknown) => value as never;
    const spread = spreadQuota(any(1000n), {
      fiscalYear: 2026,
      seasonality: any([50n, Symbol('half')]),
      relief: any([{ date: Symbol('day'), movedPotential: 2n, territoryPotential: '1' }]),
    });
    expect(spread.problems.map((p) => p.reason)).toEqual([
      'the annual quota 1000n (a BigInt) is not an amount of at least 0',
      'the territory change date a symbol is not a date (YYYY-MM-DD)',
      'the territory change of a symbol moves 2n (a BigInt) of a potential of "1"; the territory\'s potential must be positive and the moved potential between 0 and it',
      'seasonality value 1 is 50n (a BigInt); write a percentage such as 24%, not below 0%',
      'seasonality value 2 is a symbol; write a percentage such as 24%, not below 0%',
    ]);
  });

  it('a leaver who left before the year carries nothing', () => {
    const spread = spreadQuota('400000', { fiscalYear: 2026, onPlan: { to: '2025-12-31' } });
    expect(spread.total).toBe('0.00');
    expect(spread.problems).toEqual([]);
  });
});
