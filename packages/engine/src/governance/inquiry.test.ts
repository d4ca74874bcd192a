import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset, ManualAdjustment } from '../data/dataset.js';
import { Dec } from '../decimal.js';
import type { Results } from '../results/results.js';
import { payee, planOf, quarterly, rows, run, statement } from '../test-support.js';
import { type Inquiry, raiseInquiry, rejectInquiry, resolveInquiry } from './inquiry.js';

const PLAN_TEXT = quarterly(`
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  payee { ote: Money }
  credit bookings from deals { to owner }
  quota q = payee.ote / 4
  measure attainment = bookings / q
  rate table rates on attainment marginal { 0% to 50%: 2%  50% to 100%: 8%  100% and up: 12% }
  commission c "Commission" = tiered(bookings, rates) per line
  adjustment manual "Manual adjustments" from data
`);
const PLAN = planOf(PLAN_TEXT);

const data = (adjustments: ManualAdjustment[] = []): Dataset => ({
  payees: [payee('rep', { ote: '400000' })],
  records: {
    deals: rows(
      { id: 'D1', owner: 'rep', amount: '40000', close_date: '2026-02-01' },
      { id: 'D2', owner: 'rep', amount: '30000', close_date: '2026-03-01' },
      { id: 'D3', owner: 'rep', amount: '20000', close_date: '2026-05-01' },
    ),
  },
  adjustments,
});

const Q1Q2 = ['2026-Q1', '2026-Q2'];
const RAISE = {
  id: 'INQ-7',
  raisedBy: 'user-rep',
  raisedAt: '2026-04-03T09:00:00Z',
  message: 'D2 should be 8%',
};

function raised(results: Results): Inquiry {
  const outcome = raiseInquiry(results, { payee: 'rep', period: '2026-Q1', earning: 'c', line: 'D2' }, RAISE);
  if (!('inquiry' in outcome)) throw new Error(outcome.problem.message);
  return outcome.inquiry;
}

describe('inquiries', () => {
  const results = run(PLAN, data(), Q1Q2);

  it('carry the line questioned with its full trace', () => {
    const inquiry = raised(results);
    // Quota 100,000. D1 40,000 lies in band 1 (0-50,000): 800.00. D2 30,000 crosses 50,000:
    // 10,000 x 2% + 20,000 x 8% = 200 + 1,600 = 1,800.00.
    expect(inquiry).toMatchObject({
      id: 'INQ-7',
      statement: { payee: 'rep', period: '2026-Q1' },
      line: 'c:D2',
      earning: 'c',
      amount: '1800.00',
      currency: 'USD',
      status: 'open',
      message: 'D2 should be 8%',
    });
    expect(inquiry.trace.bands?.map((b) => b.paid)).toEqual(['200', '1600']);
    expect(inquiry.sentence).toContain('1,800.00 USD');
  });

  it('complete the trace a line shares with its band', () => {
    const outcome = raiseInquiry(
      results,
      { payee: 'rep', period: '2026-Q1', earning: 'c', line: 'D1' },
      RAISE,
    );
    if (!('inquiry' in outcome)) throw new Error('no inquiry');
    const line = statement(results, 'rep', '2026-Q1').earnings[0]?.lines[0];
    expect(line?.trace.records).toBeUndefined(); // shared by the lines of band 1
    expect(outcome.inquiry.trace.records).toEqual([{ source: 'deals', key: 'D1', row: 1 }]);
    expect(outcome.inquiry.trace.inputs).toContainEqual({ name: 'credited', value: '40000', unit: 'USD' });
    expect(outcome.inquiry.trace.tier?.base).toBe('40000');
    expect(outcome.inquiry.amount).toBe('800.00');
  });

  it('name an unknown number as a problem', () => {
    expect(
      raiseInquiry(results, { payee: 'rep', period: '2026-Q1', earning: 'c', line: 'D9' }, RAISE),
    ).toEqual({
      problem: { code: 'unknown-ref', message: 'the results have no earning c, line D9 of rep in 2026-Q1' },
    });
    expect(raiseInquiry(results, { payee: 'ghost', period: '2026-Q1', payout: true }, RAISE)).toMatchObject({
      problem: { code: 'unknown-ref' },
    });
  });

  it('resolve into a manual adjustment of the next period that changes its payout by exactly that', () => {
    const outcome = resolveInquiry(raised(results), {
      status: 'resolved',
      amount: '150.00',
      reason: 'rate band corrected',
      resolvedBy: 'user-ops',
      resolvedAt: '2026-04-10T12:00:00Z',
    });
    if (!('adjustment' in outcome) || !outcome.adjustment) throw new Error('no adjustment');
    expect(outcome.adjustment).toEqual({
      id: 'inquiry-INQ-7',
      payee: 'rep',
      period: '2026-Q2',
      amount: '150.00',
      currency: 'USD',
      reason: 'Inquiry INQ-7: rate band corrected',
      earning: 'c',
    });
    expect(outcome.inquiry.status).toBe('resolved');
    expect(outcome.inquiry.resolution).toEqual({
      status: 'resolved',
      reason: 'rate band corrected',
      by: 'user-ops',
      at: '2026-04-10T12:00:00Z',
      amount: '150.00',
      adjustment: 'inquiry-INQ-7',
    });
    const after = run(PLAN, data([outcome.adjustment]), Q1Q2);
    // Q2: D3 20,000 on top of nothing: 20,000 x 2% = 400.00; plus 150.00 = 550.00.
    expect(statement(results, 'rep', '2026-Q2').payout).toBe('400.00');
    expect(statement(after, 'rep', '2026-Q2').payout).toBe('550.00');
    expect(statement(after, 'rep', '2026-Q1')).toEqual(statement(results, 'rep', '2026-Q1'));
    expect(statement(after, 'rep', '2026-Q2').adjustments.map((a) => [a.id, a.amount, a.reason])).toEqual([
      ['manual:inquiry-INQ-7', '150.00', 'Inquiry INQ-7: rate band corrected'],
    ]);
  });

  it('change the payout of the period they are paid in by exactly the amount granted', () => {
    const Q1Q3 = ['2026-Q1', '2026-Q2', '2026-Q3'];
    const before = run(PLAN, data(), Q1Q3);
    const inquiry = raised(before);
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000, max: 100_000 }).filter((n) => n !== 0),
        fc.boolean(),
        (cents, nextPeriod) => {
          const amount = new Dec(cents).div(100).toFixed(2);
          const outcome = resolveInquiry(inquiry, {
            status: 'resolved',
            amount,
            reason: 'r',
            resolvedBy: 'u',
            resolvedAt: 't',
            period: nextPeriod ? undefined : '2026-Q3',
          });
          if (!('adjustment' in outcome) || !outcome.adjustment) throw new Error('no adjustment');
          const after = run(PLAN, data([outcome.adjustment]), Q1Q3);
          // Before the adjustment Q1 pays 800.00 + 1,800.00 = 2,600.00, Q2 400.00 and Q3 0.00.
          const paid = nextPeriod ? '2026-Q2' : '2026-Q3';
          const was = statement(before, 'rep', paid).payout;
          expect(statement(after, 'rep', paid).payout).toBe(new Dec(was).plus(amount).toFixed(2));
          for (const other of Q1Q3.filter((p) => p !== paid))
            expect(statement(after, 'rep', other)).toEqual(statement(before, 'rep', other));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('resolve with nothing to pay, reject, and refuse to close twice', () => {
    const inquiry = raised(results);
    const zero = resolveInquiry(inquiry, {
      status: 'resolved',
      amount: '0',
      reason: 'explained',
      resolvedBy: 'u',
      resolvedAt: 't',
    });
    expect(zero).toEqual({
      inquiry: {
        ...inquiry,
        status: 'resolved',
        resolution: { status: 'resolved', reason: 'explained', by: 'u', at: 't', amount: '0' },
      },
    });
    const rejected = rejectInquiry(
      { ...inquiry, status: 'in-review' },
      {
        reason: 'paid as the plan says',
        rejectedBy: 'u',
        rejectedAt: 't',
      },
    );
    if (!('inquiry' in rejected)) throw new Error('not rejected');
    expect(rejected.inquiry.status).toBe('rejected');
    expect(inquiry.status).toBe('open');
    expect(rejectInquiry(rejected.inquiry, { reason: 'x', rejectedBy: 'u', rejectedAt: 't' })).toEqual({
      problem: { code: 'closed', message: 'inquiry INQ-7 is already rejected' },
    });
    const resolve = (amount: string, period?: string) =>
      resolveInquiry(inquiry, {
        status: 'resolved',
        amount,
        reason: 'r',
        resolvedBy: 'u',
        resolvedAt: 't',
        period,
      });
    expect(resolve('12,50')).toEqual({
      problem: { code: 'bad-amount', message: 'the amount "12,50" is not a decimal such as 150.00 or -20' },
    });
    // Read as the next run reads adjustment amounts: no currency, no words, nothing out of range.
    for (const bad of ['ten', '150 USD', '', '1e999999999999'])
      expect(resolve(bad)).toMatchObject({ problem: { code: 'bad-amount' } });
    // Any decimal the next run reads is kept as written: 1.5e3 pays 1,500; -0.00 is zero, so no adjustment.
    const written = resolve(' 1.5e3 ');
    expect('adjustment' in written && written.adjustment?.amount).toBe('1.5e3');
    expect(resolve('-0.00')).not.toHaveProperty('adjustment');
    expect(resolve('-0.00')).toMatchObject({
      inquiry: { status: 'resolved', resolution: { amount: '-0.00' } },
    });
    expect(resolve('10', '2026-05')).toMatchObject({ problem: { code: 'bad-period' } });
    expect(resolve('10', 'soon')).toMatchObject({ problem: { code: 'bad-period' } });
    // Quoted as data errors quote values; a period from JavaScript that is no text is named.
    expect(resolve('10', 'soon\u00A0')).toEqual({
      problem: { code: 'bad-period', message: '"soon\\u00A0" is not a period like 2026-Q1' },
    });
    expect(resolve('10', 2026n as unknown as string)).toEqual({
      problem: { code: 'bad-period', message: '2026n (a BigInt) is not a period like 2026-Q1' },
    });
    expect(resolve(`1${'0'.repeat(300)},5`)).toEqual({
      problem: {
        code: 'bad-amount',
        message: `the amount "1${'0'.repeat(99)}…" (303 characters) is not a decimal such as 150.00 or -20`,
      },
    });
  });

  it('refuse to pay a correction in the disputed period or before it', () => {
    // The inquiry is about the 2026-Q1 statement: 2026-Q1 itself is paid, 2025-Q4 is before it
    // (and before the plan starts); 2026-Q2 and 2026-Q3 are later periods and fine.
    const inquiry = raised(results);
    const resolve = (period: string) =>
      resolveInquiry(inquiry, {
        status: 'resolved',
        amount: '10',
        reason: 'r',
        resolvedBy: 'u',
        resolvedAt: 't',
        period,
      });
    expect(resolve('2026-Q1')).toEqual({
      problem: {
        code: 'bad-period',
        message:
          'the adjustment cannot be paid in 2026-Q1: it must be paid in a period after 2026-Q1, the period of the statement in question',
      },
    });
    expect(resolve('2025-Q4')).toMatchObject({ problem: { code: 'bad-period' } });
    expect(resolve('2026-Q2')).toMatchObject({ adjustment: { period: '2026-Q2' } });
    expect(resolve('2026-Q3')).toMatchObject({ adjustment: { period: '2026-Q3' } });
  });

  it('pay in the next period of the same kind across a year end', () => {
    const inquiry = { ...raised(results), statement: { payee: 'rep', period: '2026-Q4' } };
    const outcome = resolveInquiry(inquiry, {
      status: 'resolved',
      amount: '-5',
      reason: 'r',
      resolvedBy: 'u',
      resolvedAt: 't',
    });
    expect('adjustment' in outcome && outcome.adjustment?.period).toBe('2027-Q1');
  });

  it("say when the period is after the last period of the plan given, and pay in the next plan's run", () => {
    const inquiry = { ...raised(results), statement: { payee: 'rep', period: '2026-Q4' } };
    const resolve = (amount: string, plan: typeof PLAN, period?: string) =>
      resolveInquiry(
        inquiry,
        { status: 'resolved', amount, reason: 'r', resolvedBy: 'u', resolvedAt: 't', period },
        plan,
      );
    // PLAN runs 2026-01-01 to 2026-12-31: its last quarter is 2026-Q4, the statement's, so the
    // default 2027-Q1 has no run of PLAN to pay it (calculate of 2027-Q1 rejects it as off-plan).
    expect(resolve('150.00', PLAN)).toEqual({
      problem: {
        code: 'after-plan',
        message:
          'the adjustment cannot be paid in 2027-Q1: the last period of plan "Test" is 2026-Q4 ' +
          '(effective 2026-01-01 to 2026-12-31), so no run of it pays 2027-Q1; the adjustment goes ' +
          'into the data of the plan that pays 2027-Q1: resolve with that plan',
      },
    });
    expect(resolve('150.00', PLAN, '2027-Q2')).toMatchObject({ problem: { code: 'after-plan' } });
    // A zero pays nothing: resolved, no adjustment, whatever the plan's dates.
    expect(resolve('0', PLAN)).toMatchObject({ inquiry: { status: 'resolved' } });
    // An earlier statement pays in the plan's last quarter, 2026-Q4.
    const q3 = { ...inquiry, statement: { payee: 'rep', period: '2026-Q3' } };
    const inQ4 = resolveInquiry(
      q3,
      { status: 'resolved', amount: '10', reason: 'r', resolvedBy: 'u', resolvedAt: 't' },
      PLAN,
    );
    expect('adjustment' in inQ4 && inQ4.adjustment?.period).toBe('2026-Q4');
    // The next plan (the same plan for 2027) pays it: its 2027-Q1 payout is the 150.00 (no deals).
    const next = planOf(PLAN_TEXT.replace('2026-01-01 to 2026-12-31', '2027-01-01 to 2027-12-31'));
    const outcome = resolve('150.00', next);
    if (!('adjustment' in outcome) || !outcome.adjustment) throw new Error('no adjustment');
    expect(outcome.adjustment.period).toBe('2027-Q1');
    const paid = run(next, { ...data([outcome.adjustment]), records: { deals: [] } }, ['2027-Q1']);
    expect(paid.errors).toEqual([]);
    expect(statement(paid, 'rep', '2027-Q1').payout).toBe('150.00');
  });
});
