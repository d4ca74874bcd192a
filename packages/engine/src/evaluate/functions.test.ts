import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.js';
import { payee, planOf, quarterly, rows, run, statement } from '../test-support.js';
import { FiscalCalendar } from '../time/calendar.js';
import { formatDate, parseDate } from '../time/dates.js';
import { callFunction } from './functions.js';
import type { Value } from './value.js';

const d = (s: string) => new Dec(s);
const day = (s: string) => parseDate(s) as number;
const text = (v: Value) => (v instanceof Dec ? v.toString() : typeof v === 'number' ? formatDate(v) : v);

describe('built-in functions', () => {
  it('compute with numbers', () => {
    expect(text(callFunction('min', [d('3'), d('1.5'), d('2')]))).toBe('1.5');
    expect(text(callFunction('max', [d('3'), d('1.5')]))).toBe('3');
    expect(text(callFunction('clamp', [d('1.4'), d('0'), d('1.2')]))).toBe('1.2');
    expect(text(callFunction('clamp', [d('-1'), d('0'), d('1.2')]))).toBe('0');
    expect(text(callFunction('round', [d('2.345'), d('2')]))).toBe('2.35');
    expect(text(callFunction('abs', [d('-7')]))).toBe('7');
    expect(text(callFunction('ratio', [d('1'), d('4')]))).toBe('0.25');
    expect(text(callFunction('ratio', [d('1'), d('0')]))).toBe('0');
    expect(callFunction('min', [d('1'), null])).toBeNull();
  });
  it('compute with dates and periods', () => {
    expect(text(callFunction('days_between', [day('2026-01-31'), day('2026-03-01')]))).toBe('29');
    expect(text(callFunction('months_between', [day('2025-07-15'), day('2026-01-14')]))).toBe('5');
    expect(text(callFunction('add_days', [day('2026-02-27'), d('2')]))).toBe('2026-03-01');
    expect(text(callFunction('add_days', [day('2026-03-01'), d('-7')]))).toBe('2026-02-22');
    expect(text(callFunction('add_months', [day('2026-01-31'), d('1')]))).toBe('2026-02-28');
    const fy = new FiscalCalendar(2).parse('FY2026') ?? null;
    expect(text(callFunction('start_of', [fy]))).toBe('2026-02-01');
    expect(text(callFunction('end_of', [fy]))).toBe('2027-01-31');
  });
});

describe('today, metrics and signals', () => {
  const plan = planOf(
    quarterly(`source opportunities { id: Text key, owner: Payee owner, amount: Money, created_on: Date dated, stage: Text, stage_entered_on: Date }
  metric open_pipeline: Money = sum(opportunities.amount where stage != "Closed")
  metric elapsed = days_between(period.start, today)
  signal stuck "Stuck" warning on opportunities
    when stage != "Closed" and days_between(stage_entered_on, today) > 45
    message "Stuck for more than 45 days."
  signal thin "Thin pipeline" critical when open_pipeline < 10_000 USD message "Build pipeline."
  bonus nothing = 0 USD`),
  );
  const results = run(
    plan,
    {
      payees: [payee('rep')],
      records: {
        opportunities: rows(
          {
            id: 'O1',
            owner: 'rep',
            amount: '5000',
            created_on: '2026-01-05',
            stage: 'Proposal',
            stage_entered_on: '2026-01-10',
          },
          {
            id: 'O2',
            owner: 'rep',
            amount: '2000',
            created_on: '2026-02-05',
            stage: 'Proposal',
            stage_entered_on: '2026-02-20',
          },
          {
            id: 'O3',
            owner: 'rep',
            amount: '9000',
            created_on: '2026-02-06',
            stage: 'Closed',
            stage_entered_on: '2026-01-01',
          },
        ),
      },
    },
    ['2026-Q1'],
    { asOf: '2026-03-01' },
  );
  const s = statement(results, 'rep', '2026-Q1');
  it('use the date of the run as today', () => {
    expect(results.meta.asOf).toBe('2026-03-01');
    // 1 January to 1 March: 59 days.
    expect(s.metrics.find((m) => m.name === 'elapsed')?.value).toBe('59');
    expect(s.metrics.find((m) => m.name === 'open_pipeline')?.value).toBe('7000');
  });
  it('raise signals with the records that triggered them', () => {
    // O1 entered its stage 50 days before today; O2 only 9 days before; O3 is closed.
    expect(s.signals).toEqual([
      {
        name: 'stuck',
        label: 'Stuck',
        severity: 'warning',
        message: 'Stuck for more than 45 days.',
        records: [{ source: 'opportunities', key: 'O1', row: 1 }],
      },
      { name: 'thin', label: 'Thin pipeline', severity: 'critical', message: 'Build pipeline.' },
    ]);
  });
});
