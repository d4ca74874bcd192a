import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.js';
import { quotaAmount } from './amount.js';
import { daysInSpans } from './proration.js';

const d = (text: string) => new Dec(text);

describe('quota arithmetic', () => {
  it('multiplies the base by seasonality, ramp and days on plan, then takes relief off', () => {
    // 400,000 x 25% x 50% x 45/90 - 5,000 = 25,000 - 5,000 = 20,000
    const amount = quotaAmount(d('400000'), {
      seasonality: d('0.25'),
      ramp: d('0.5'),
      days: { days: 45, of: 90 },
      relief: d('5000'),
    });
    expect(amount.toString()).toBe('20000');
    expect(quotaAmount(d('100'), {}).toString()).toBe('100');
  });

  it('never goes below zero', () => {
    expect(quotaAmount(d('100'), { relief: d('250') }).toString()).toBe('0');
  });

  it('counts the days of a period inside spans and bounds once each', () => {
    // Q1 2026 is day numbers 20454 (1 January) to 20543 (31 March).
    const period = { start: 20454, end: 20543 };
    // Two overlapping spans, 10-20 January and 15-31 January, count 10-31 January: 22 days.
    const spans = [
      { from: 20463, to: 20473 },
      { from: 20468, to: 20484 },
    ];
    expect(daysInSpans(spans, period, { from: 0, to: 99999 })).toEqual({ days: 22, of: 90 });
    // Bounds ending on 20 January cut it to 10-20 January: 11 days.
    expect(daysInSpans(spans, period, { from: 0, to: 20473 })).toEqual({ days: 11, of: 90 });
  });
});
