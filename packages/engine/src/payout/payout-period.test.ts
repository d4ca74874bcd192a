import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.js';
import { ytdEarning } from '../recalc/test-support.js';
import type { Statement } from '../results/results.js';
import { Ledger } from './ledger.js';
import { payoutPeriod } from './payout-period.js';
import { noTerms, type PeriodTerms } from './terms.js';
import {
  clawbackOf,
  day,
  deal,
  drawOf,
  earning,
  envOf,
  guaranteeOf,
  holdbackOf,
  linesOf,
  MANUAL,
  payAll,
  payoutGap,
  quarter,
  rounding,
  statementOf,
} from './test-support.js';

const draw = drawOf('d', true, 4);
const reserve = holdbackOf('reserve', '0.1', 'commission');
const claw = clawbackOf('cancellations', 'deals', 90);

describe('a paid statement', () => {
  it('lists draws, guarantees, holdbacks, clawbacks and manual lines, and adds them to the payout', () => {
    // Q1 (reported before): D1 paid 700.00. Q2 earns commission 900.00 on D2 and spiff 100.00: earned 1000.00.
    // Draw 3000: shortfall 3000 - 1000 = 2000 (balance 2000). Guarantee 3500 on earned + draws 3000: +500.
    // Holdback 10% of commission 900.00 = 90.00. D1 cancelled within the window: -700.00.
    // Manual +25.00. Payout 1000 + 2000 + 500 - 90 - 700 + 25 = 2735.00.
    const q1 = payAll(
      [
        statementOf(quarter(1), [
          earning('commission', '700.00', [{ amount: '700.00', record: deal('D1') }]),
        ]),
      ],
      [],
    )[0] as Statement;
    const q2 = statementOf(quarter(2), [
      earning('commission', '900.00', [{ amount: '900.00', record: deal('D2', 2) }], '50.00'),
      earning('spiff', '100.00'),
    ]);
    const terms: Partial<PeriodTerms> = {
      draws: [{ draw, amount: new Dec(3000), position: 2, yearEnd: false }],
      guarantees: [{ guarantee: guaranteeOf('g', 2), amount: new Dec(3500), position: 2 }],
      holdbacks: [{ holdback: reserve, release: false, why: '' }],
      cancellations: [
        { clawback: claw, record: deal('D1'), dated: day('2026-03-20'), cancelled: day('2026-04-02') },
      ],
      manual: [
        {
          id: 'A1',
          amount: new Dec(25),
          original: new Dec(25),
          currency: 'USD',
          rate: new Dec(1),
          rateDate: '2026-06-30',
          reason: 'fix',
          earning: undefined,
        },
      ],
      manualElement: MANUAL,
    };
    const [paid] = payAll([q2], [terms], [q1]);
    expect(linesOf(paid as Statement)).toEqual([
      ['draw:d', '2000.00'],
      ['guarantee:g', '500.00'],
      ['holdback:reserve', '-90.00'],
      ['clawback:cancellations:D1', '-700.00'],
      ['manual:A1', '25.00'],
    ]);
    expect(paid?.payout).toBe('2735.00');
    // If the hypothetical records closed (commission estimate +50.00): earned 1050.00, holdback
    // 10% x 950.00 = 95.00, draw 3000 - 1050 = 1950.00, guarantee 3500 - (1050 + 1950) = 500.00,
    // same clawback and manual lines: 1050 + 1950 + 500 - 95 - 700 + 25 = 2730.00 (not 2785.00,
    // which added the 50.00 on top of a draw that shrinks by as much).
    expect(paid?.estimatedPayout).toBe('2730.00');
    expect(paid?.balances).toEqual({ 'draw:d': '2000.00', 'holdback:reserve': '90.00' });
    expect(paid?.trace.rule).toEqual({ kind: 'payout', name: 'payout', label: 'Payout' });
    // Named as a rep reads them: the rules' labels (here their names) and what each line does.
    expect(paid?.trace.inputs.map((i) => [i.name, i.value])).toEqual([
      ['commission', '900.00'],
      ['spiff', '100.00'],
      ['earned', '1000.00'],
      ['d', '2000.00'],
      ['g (guarantee)', '500.00'],
      ['reserve (held back)', '-90.00'],
      ['cancellations D1', '-700.00'],
      ['manual adjustment A1', '25.00'],
      ['balances carried from', '2026-Q1'],
    ]);
    expect(paid?.trace.text).toBe('adjustments of 1,735.00 USD');
  });

  it('carries balances the plan no longer names unchanged, after its own', () => {
    const q1 = structuredClone(payAll([statementOf(quarter(1), [])], [])[0] as Statement);
    q1.balances = { 'draw:old_draw': '1200.00', 'draw:d': '100.00' };
    const [q2] = payAll(
      [statementOf(quarter(2), [earning('commission', '0.00')])],
      [
        {
          draws: [{ draw, amount: new Dec(0), position: 2, yearEnd: false }],
          holdbacks: [{ holdback: reserve, release: false, why: '' }],
        },
      ],
      [q1],
    );
    expect(Object.entries(q2?.balances ?? {})).toEqual([
      ['draw:d', '100.00'],
      ['holdback:reserve', '0.00'],
      ['draw:old_draw', '1200.00'],
    ]);
  });

  it('counts only its own part of a year-to-date earning that pays a closed period its correction', () => {
    // Reported Q1: ytd 1,000 (10% of 10,000), guarantee 3,000 - 1,000 = 2,000, holdback 50% = -500.
    // A late Q1 deal of 20,000: ytd 3,000 in Q1 and Q2. Q2 pays 3,000 - the 1,000 Q1 reported =
    // 2,000, all of it Q1's correction (Q1 now 3,000: +2,000). Its own part is 0: the guarantee
    // pays 3,000 - max(0, 0) = 3,000 and nothing is held back (on 2,000 it paid 1,000 and held
    // 1,000, while the recalculation of Q1 takes back Q1's guarantee of 2,000 and holds 1,000 more).
    const g = guaranteeOf('g', 2);
    const h = holdbackOf('h', '0.5', 'ytd');
    const terms = (n: number): PeriodTerms => ({
      ...noTerms(),
      guarantees: [{ guarantee: g, amount: new Dec(3000), position: n }],
      holdbacks: [{ holdback: h, release: false, why: '' }],
    });
    const [q1] = payAll([statementOf(quarter(1), [ytdEarning('1000.00', new Dec(0), false)])], [terms(1)]);
    expect(q1?.payout).toBe('2500.00');
    const env = envOf();
    const years = { yearToDate: new Set(['ytd']), fiscalYear: () => 2026 };
    const ledger = new Ledger([q1 as Statement], years);
    const now1 = payoutPeriod(
      env,
      statementOf(quarter(1), [ytdEarning('3000.00', new Dec(0), false)]),
      terms(1),
      ledger,
    );
    expect(linesOf(now1)).toEqual([['holdback:h', '-1500.00']]);
    const q2 = statementOf(quarter(2), [ytdEarning('2000.00', new Dec(1000), false)]);
    const now2 = payoutPeriod(env, q2, terms(2), ledger);
    expect(linesOf(now2)).toEqual([['guarantee:g', '3000.00']]);
    expect(now2.payout).toBe('5000.00');
    // Without the corrections of closed periods (no earlier results), the whole amount is its own.
    const alone = payoutPeriod(env, q2, terms(2), new Ledger([], years));
    expect(linesOf(alone)).toEqual([
      ['guarantee:g', '1000.00'],
      ['holdback:h', '-1000.00'],
    ]);
  });

  it('rounds only the payout at the payout point', () => {
    // earned 10.004 (exact), holdback 10% = 1.0004: payout 9.0036 -> 9.00; estimate none.
    const [s] = payAll(
      [statementOf(quarter(1), [earning('commission', '10.004')])],
      [{ holdbacks: [{ holdback: reserve, release: false, why: '' }] }],
      [],
      envOf(rounding('payout')),
    );
    expect(linesOf(s as Statement)).toEqual([['holdback:reserve', '-1.0004']]);
    expect(s?.payout).toBe('9.00');
    expect(s?.trace.text).toBe('adjustments of -1.0004 USD, rounded half up to 2 decimals');
  });
});

const cents = (min: number, max: number) =>
  fc.integer({ min, max }).map((n) => new Dec(n).div(100).toFixed(2));

describe('payout properties', () => {
  const period = fc.record({
    commission: cents(-20_000, 2_000_000),
    spiff: cents(0, 100_000),
    draw: fc.option(cents(0, 500_000), { nil: null }),
    guarantee: fc.option(cents(0, 800_000), { nil: null }),
    release: fc.boolean(),
    share: fc.constantFrom('0.1', '0.125', '0.3333'),
    manual: fc.array(
      fc.tuple(fc.integer({ min: -100_000_000, max: 100_000_000 }), fc.constantFrom('1', '1.0842', '0.9231')),
      { maxLength: 3 },
    ),
    cancel: fc.boolean(),
  });

  test.prop([
    fc.array(period, { minLength: 1, maxLength: 8 }),
    fc.constantFrom<'line' | 'earning' | 'payout'>('line', 'earning', 'payout'),
    fc.constantFrom<'half-up' | 'half-even' | 'down' | 'up'>('half-up', 'half-even', 'down', 'up'),
  ])('the payout is earned plus the adjustments, exactly when lines are rounded', (periods, point, mode) => {
    const env = envOf(rounding(point, mode));
    const h = holdbackOf('h', '0.1', 'commission');
    const statements = periods.map((p, i) =>
      statementOf({ period: `P${i}`, start: `2026-05-${String(i + 10)}`, end: `2026-05-${String(i + 10)}` }, [
        earning('commission', p.commission, [{ amount: p.commission, record: deal(`D${i}`, i + 1) }]),
        earning('spiff', p.spiff),
      ]),
    );
    const terms = periods.map(
      (p, i): Partial<PeriodTerms> => ({
        draws:
          p.draw === null
            ? []
            : [
                {
                  draw: drawOf('d', true, 3),
                  amount: new Dec(p.draw),
                  position: i < 3 ? i + 1 : undefined,
                  yearEnd: i === 3,
                },
              ],
        guarantees:
          p.guarantee === null
            ? []
            : [
                {
                  guarantee: guaranteeOf('g', 2),
                  amount: new Dec(p.guarantee),
                  position: i < 2 ? i + 1 : undefined,
                },
              ],
        holdbacks: [{ holdback: { ...h, share: p.share }, release: p.release, why: '' }],
        cancellations:
          p.cancel && i > 0
            ? [
                {
                  clawback: claw,
                  record: deal(`D${i - 1}`, i),
                  dated: day('2026-05-01'),
                  cancelled: day('2026-05-20'),
                },
              ]
            : [],
        manual: p.manual.map(([n, rate], k) => ({
          id: `M${i}-${k}`,
          amount: new Dec(n).div(10_000).times(rate),
          original: new Dec(n).div(10_000),
          currency: rate === '1' ? 'USD' : 'EUR',
          rate: new Dec(rate),
          rateDate: '2026-05-31',
          reason: 'r',
          earning: undefined,
        })),
        manualElement: MANUAL,
      }),
    );
    const paid = payAll(statements, terms, [], env);
    for (const s of paid) {
      const exact = s.adjustments.reduce((t, a) => t.plus(a.amount), new Dec(s.earned));
      if (point === 'payout')
        expect(
          new Dec(s.payout).eq(
            exact.toDecimalPlaces(
              2,
              mode === 'half-up'
                ? Dec.ROUND_HALF_UP
                : mode === 'half-even'
                  ? Dec.ROUND_HALF_EVEN
                  : mode === 'down'
                    ? Dec.ROUND_DOWN
                    : Dec.ROUND_UP,
            ),
          ),
        ).toBe(true);
      else expect(payoutGap(s).isZero()).toBe(true);
      for (const a of s.adjustments) if (point !== 'payout') expect(a.amount).toMatch(/^-?\d+\.\d{2}$/);
      for (const b of Object.values(s.balances)) expect(new Dec(b).isNegative()).toBe(false);
    }
  });
});

describe('the estimated payout', () => {
  const d = drawOf('d', true, 4);
  const g = guaranteeOf('g', 4);
  const h = holdbackOf('h', '0.5', 'commission');
  const terms: Partial<PeriodTerms> = {
    draws: [{ draw: d, amount: new Dec(3000), position: 1, yearEnd: false }],
    guarantees: [{ guarantee: g, amount: new Dec(4000), position: 1 }],
    holdbacks: [{ holdback: h, release: false, why: '' }],
  };
  const q1 = (estimate: string) =>
    statementOf(quarter(1), [
      earning(
        'commission',
        '1000.00',
        [
          { amount: '1000.00', record: deal('D1') },
          { amount: estimate, record: deal('H1', 2), estimate: true },
        ],
        estimate,
      ),
    ]);

  it('works draws, guarantees and holdbacks out again on the earnings with their estimates', () => {
    // Real: commission 1000.00. Holdback 50% = 500.00. Draw 3000 - 1000 = 2000.00. Guarantee
    //   4000 - (1000 + 2000) = 1000.00. Payout 1000 + 2000 + 1000 - 500 = 3500.00.
    // If H1 closed: commission 1000 + 5000 = 6000.00. Holdback 3000.00. No draw (6000 >= 3000),
    //   no recovery (nothing owed), no guarantee (6000 >= 4000). 6000 - 3000 = 3000.00.
    // The old estimate added 5000.00 to the payout: 8500.00.
    const [s] = payAll([q1('5000.00')], [terms]);
    expect(s?.payout).toBe('3500.00');
    expect(s?.estimatedPayout).toBe('3000.00');
    expect(linesOf(s as Statement)).toEqual([
      ['draw:d', '2000.00'],
      ['guarantee:g', '1000.00'],
      ['holdback:h', '-500.00'],
    ]);
  });

  it('never changes real lines, balances, or what later periods are paid', () => {
    // Q2 earns 0.00 and carries Q1's real balances (2000.00 owed, 500.00 held) either way.
    const q2 = () => statementOf(quarter(2), [earning('commission', '0.00')]);
    const q2Terms = { ...terms, draws: [{ draw: d, amount: new Dec(3000), position: 2, yearEnd: false }] };
    const withEstimate = payAll([q1('5000.00'), q2()], [terms, q2Terms]);
    const without = payAll([q1('0.00'), q2()], [terms, q2Terms]);
    expect(withEstimate[0]?.adjustments).toEqual(without[0]?.adjustments);
    expect(withEstimate[0]?.balances).toEqual({ 'draw:d': '2000.00', 'holdback:h': '500.00' });
    expect(withEstimate[0]?.balances).toEqual(without[0]?.balances);
    expect(withEstimate[0]?.payout).toBe(without[0]?.payout);
    expect(without[0]?.estimatedPayout).toBe('3500.00');
    expect(withEstimate[1]).toEqual(without[1]);
  });

  it('recovers a draw balance from the estimated earnings', () => {
    // Carried: 2000.00 owed. Q2 (draw period 2): real commission 1000.00 -> draw 2000.00 (4000.00
    // owed), payout 3000.00. If H1 closed: 1000 + 4500 = 5500.00, excess over the draw 2500.00,
    // recovers min(2500, 2000) = 2000.00: 5500 - 2000 = 3500.00.
    const before = structuredClone(payAll([statementOf(quarter(1), [])], [])[0] as Statement);
    before.balances = { 'draw:d': '2000.00' };
    const s = statementOf(quarter(2), [earning('commission', '1000.00', undefined, '4500.00')]);
    const [paid] = payAll(
      [s],
      [{ draws: [{ draw: d, amount: new Dec(3000), position: 2, yearEnd: false }] }],
      [before],
    );
    expect(paid?.payout).toBe('3000.00');
    expect(paid?.balances).toEqual({ 'draw:d': '4000.00' });
    expect(paid?.estimatedPayout).toBe('3500.00');
  });

  test.prop([
    fc.record({
      commission: cents(-20_000, 2_000_000),
      estimate: cents(-100_000, 2_000_000),
      draw: fc.option(cents(0, 500_000), { nil: null }),
      owed: cents(0, 300_000),
      held: cents(0, 300_000),
      guarantee: fc.option(cents(0, 800_000), { nil: null }),
      release: fc.boolean(),
      share: fc.constantFrom('0.1', '0.125', '0.3333'),
      inDraw: fc.boolean(),
    }),
    fc.constantFrom<'line' | 'earning' | 'payout'>('line', 'earning', 'payout'),
  ])('is the payout of the same statement with the estimates earned', (p, point) => {
    const env = envOf(rounding(point));
    const before = structuredClone(payAll([statementOf(quarter(1), [])], [])[0] as Statement);
    before.balances = { 'draw:d': p.owed, 'holdback:h': p.held };
    const t: Partial<PeriodTerms> = {
      draws:
        p.draw === null
          ? []
          : [{ draw: d, amount: new Dec(p.draw), position: p.inDraw ? 2 : undefined, yearEnd: false }],
      guarantees: p.guarantee === null ? [] : [{ guarantee: g, amount: new Dec(p.guarantee), position: 2 }],
      holdbacks: [{ holdback: { ...h, share: p.share }, release: p.release, why: '' }],
    };
    const projected = new Dec(p.commission).plus(p.estimate).toFixed(2);
    const [withEstimate] = payAll(
      [statementOf(quarter(2), [earning('commission', p.commission, undefined, p.estimate)])],
      [t],
      [before],
      env,
    );
    const [closed] = payAll(
      [statementOf(quarter(2), [earning('commission', projected)])],
      [t],
      [before],
      env,
    );
    expect(withEstimate?.estimatedPayout).toBe(closed?.payout);
  });
});
