import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Statement } from '../results/results.js';
import { withinWindow } from './clawbacks.js';
import type { Cancellation } from './terms.js';
import { clawbackOf, day, deal, earning, linesOf, payAll, quarter, statementOf } from './test-support.js';

const cancellations = clawbackOf('cancellations', 'deals', 90);
const cancel = (key: string, dated: string, cancelled: string, row = 1): Cancellation => ({
  clawback: cancellations,
  record: deal(key, row),
  dated: day(dated),
  cancelled: day(cancelled),
});

// Q1 as reported by an earlier run: D1 paid 800.00 at 8%, D2 paid 1800.00 at 8%; a SPIFF of 500.00 on D1.
const q1Reported = (): Statement =>
  payAll(
    [
      statementOf(quarter(1), [
        earning('commission', '2600.00', [
          { amount: '800.00', record: deal('D1', 1), rate: '0.08' },
          { amount: '1800.00', record: deal('D2', 2), rate: '0.08' },
        ]),
        earning('spiff', '500.00', [{ amount: '500.00', record: deal('D1', 1) }]),
      ]),
    ],
    [],
  )[0] as Statement;

const q2 = () =>
  statementOf(quarter(2), [
    earning('commission', '6000.00', [{ amount: '6000.00', record: deal('D3', 3), rate: '0.12' }]),
    earning('spiff', '0.00', []),
  ]);

describe('the clawback window', () => {
  it('counts the close date itself and the 90th day after it, not the 91st or a day before', () => {
    // 2026-03-01 + 90 days = 2026-05-30.
    expect(withinWindow(day('2026-03-01'), day('2026-03-01'), 90)).toBe(true);
    expect(withinWindow(day('2026-03-01'), day('2026-05-30'), 90)).toBe(true);
    expect(withinWindow(day('2026-03-01'), day('2026-05-31'), 90)).toBe(false);
    expect(withinWindow(day('2026-03-01'), day('2026-02-28'), 90)).toBe(false);
  });
});

describe('clawbacks', () => {
  it('reverse every line a record paid, at the original rate, in the period of the cancellation', () => {
    const before = q1Reported();
    const snapshot = structuredClone(before);
    // D1 closed 2026-03-01, cancelled 2026-04-15: 45 days, within 90. It paid 800.00 (commission at
    // 8%) and 500.00 (spiff) in Q1: clawback -(800.00 + 500.00) = -1300.00 in Q2.
    // D2 closed 2026-01-05, cancelled 2026-04-20: 105 days, outside the window: not clawed back.
    // Q2 payout: 6000.00 - 1300.00 = 4700.00.
    const [paid] = payAll(
      [q2()],
      [
        {
          cancellations: [
            cancel('D1', '2026-03-01', '2026-04-15'),
            cancel('D2', '2026-01-05', '2026-04-20', 2),
          ],
        },
      ],
      [before],
    );
    expect(linesOf(paid as Statement)).toEqual([['clawback:cancellations:D1', '-1300.00']]);
    expect(paid?.payout).toBe('4700.00');
    const line = paid?.adjustments[0];
    expect(line?.kind).toBe('clawback');
    expect(line?.record).toEqual(deal('D1', 1));
    expect(line?.trace.records).toEqual([deal('D1', 1)]);
    expect(line?.trace.inputs).toEqual([
      { name: 'dated', value: '2026-03-01' },
      { name: 'cancelled', value: '2026-04-15' },
      { name: 'days to cancellation', value: '45' },
      { name: '2026-Q1 commission:D1', value: '800.00', unit: 'USD' },
      { name: '2026-Q1 commission:D1 rate', value: '0.08' },
      { name: '2026-Q1 spiff:D1', value: '500.00', unit: 'USD' },
    ]);
    expect(line?.trace.text).toBe(
      'deals D1 closed on 2026-03-01 and was cancelled on 2026-04-15, 45 days later (within 90): reverses 2 lines paying 1,300.00 USD at the original rate 0.08 (commission)',
    );
    // The earlier period is never rewritten.
    expect(before).toEqual(snapshot);
  });

  it('write the original rate in its unit: a percentage as one, money grouped with its currency', () => {
    // Q1 (earlier run): D1 paid 1,250.00 at 1,250 USD a unit (a table pricing a count) and 400.00
    // at 4% (a percentage table). Cancelled 2026-04-15, 45 days after 2026-03-01: -1,650.00 in Q2.
    const q1 = statementOf(quarter(1), [
      earning('per_unit', '1250.00', [{ amount: '1250.00', record: deal('D1'), rate: '1250' }]),
      earning('commission', '400.00', [{ amount: '400.00', record: deal('D1'), rate: '0.04' }]),
    ]);
    const tier = (rateUnit: string) => ({ table: 't', index: 1, from: '0', rate: '0', rateUnit });
    const [perUnit, commission] = q1.earnings;
    for (const [e, unit] of [
      [perUnit, 'USD'],
      [commission, '%'],
    ] as const) {
      const line = e?.lines[0];
      if (line) line.trace = { ...line.trace, tier: tier(unit) };
    }
    const [paid] = payAll(
      [q2()],
      [{ cancellations: [cancel('D1', '2026-03-01', '2026-04-15')] }],
      [payAll([q1], [{}])[0] as Statement],
    );
    expect(paid?.adjustments[0]?.trace.text).toBe(
      'deals D1 closed on 2026-03-01 and was cancelled on 2026-04-15, 45 days later (within 90): reverses 2 lines paying 1,650.00 USD at the original rate 1,250.00 USD (per_unit), 4% (commission)',
    );
  });

  it('take back lines paid earlier in the same run and in the cancellation period itself', () => {
    // This run pays Q1 and Q2. D3 closed 2026-04-10 and was cancelled 2026-05-01 (21 days): the
    // 6000.00 it paid in Q2 is reversed in Q2 itself. D1 (paid in Q1 of this run) cancelled
    // 2026-05-30, the 90th day: -1300.00. Q2 payout 6000.00 - 6000.00 - 1300.00 = -1300.00.
    const fresh = structuredClone(q1Reported());
    fresh.adjustments = [];
    const [p1, p2] = payAll(
      [fresh, q2()],
      [
        undefined,
        {
          cancellations: [
            cancel('D3', '2026-04-10', '2026-05-01', 3),
            cancel('D1', '2026-03-01', '2026-05-30'),
          ],
        },
      ],
    );
    expect(linesOf(p1 as Statement)).toEqual([]);
    expect(linesOf(p2 as Statement)).toEqual([
      ['clawback:cancellations:D3', '-6000.00'],
      ['clawback:cancellations:D1', '-1300.00'],
    ]);
    expect(p2?.payout).toBe('-1300.00');
  });

  it('ignore records that paid nothing, estimate lines, and a second clawback of the same record', () => {
    const other = clawbackOf('other', 'deals', 365);
    const q = statementOf(quarter(2), [
      earning('commission', '0.00', [{ amount: '900.00', record: deal('H1', 9), estimate: true }]),
    ]);
    const [paid] = payAll(
      [q],
      [
        {
          cancellations: [
            cancel('H1', '2026-04-01', '2026-04-02', 9),
            cancel('NOPE', '2026-04-01', '2026-04-02', 7),
            cancel('D1', '2026-03-01', '2026-04-15'),
            { ...cancel('D1', '2026-03-01', '2026-04-15'), clawback: other },
          ],
        },
      ],
      [q1Reported()],
    );
    expect(linesOf(paid as Statement)).toEqual([['clawback:cancellations:D1', '-1300.00']]);
  });

  it('match records without a key by row', () => {
    const noKey = { source: 'deals', row: 4 };
    const q1 = statementOf(quarter(1), [
      earning('commission', '250.00', [{ amount: '250.00', record: noKey }]),
    ]);
    const c: Cancellation = {
      clawback: cancellations,
      record: noKey,
      dated: day('2026-03-30'),
      cancelled: day('2026-04-01'),
    };
    const [, paid] = payAll([q1, q2()], [undefined, { cancellations: [c] }]);
    expect(linesOf(paid as Statement)).toEqual([['clawback:cancellations:row 4', '-250.00']]);
  });

  it('give the same lines whatever cancellations of records the payee was never paid on are in the list', () => {
    // The run hands every payee the cancellations of all payees; only the payee's own records count,
    // in the order of the list.
    const own = [cancel('D3', '2026-04-10', '2026-05-01', 3), cancel('D1', '2026-03-01', '2026-05-30')];
    const fresh = (): Statement => {
      const q1 = structuredClone(q1Reported());
      q1.adjustments = [];
      return q1;
    };
    const expected = linesOf(payAll([fresh(), q2()], [undefined, { cancellations: own }])[1] as Statement);
    expect(expected).toEqual([
      ['clawback:cancellations:D3', '-6000.00'],
      ['clawback:cancellations:D1', '-1300.00'],
    ]);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2), fc.integer({ min: 10, max: 99 }))), (others) => {
        const list = [...own];
        for (const [at, n] of others)
          list.splice(Math.min(at, list.length), 0, cancel(`X${n}`, '2026-04-01', '2026-04-02', n));
        const [, p2] = payAll([fresh(), q2()], [undefined, { cancellations: list }]);
        expect(linesOf(p2 as Statement)).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });
});
