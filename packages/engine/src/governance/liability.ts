/**
 * `payoutLiability(results)`: the finance view of a run — what was earned, what is paid, what is
 * held back and what payees owe on draws — per payee and period, per period, and in total.
 */
import { compareText } from '../compare-text.js';
import { ZERO } from '../decimal.js';
import type { AdjustmentKind, Results, Statement } from '../results/results.js';
import { type Amount, amountOf, amountText, sumAmounts } from '../scenarios/amounts.js';

/** The figures of the liability report. Exact decimal strings in the plan currency; signed as on statements. */
export interface LiabilityAmounts {
  /** Sum of the earnings. */
  earned: string;
  /** Draws paid (`draw` lines, positive). */
  draws: string;
  /** Draw balances recovered from earnings (`draw-recovery` lines, negative). */
  drawRecoveries: string;
  /** Guarantee top-ups (`guarantee` lines, positive). */
  guarantees: string;
  /** Amounts kept back (`holdback` lines, negative). */
  holdbacks: string;
  /** Held-back amounts paid out (`holdback-release` lines, positive). */
  holdbackReleases: string;
  /** Earnings reversed on cancelled records (`clawback` lines, negative). */
  clawbacks: string;
  /** Manual adjustments (`manual` lines, signed). */
  manual: string;
  /** Corrections of closed periods (`recalculation` lines, signed). */
  recalculations: string;
  /** The payout: earned plus every adjustment, rounded at the plan's point. */
  paid: string;
  /** Held back and not yet released at the end: the `holdback:*` balances carried forward. */
  heldBack: string;
  /** Owed by payees on recoverable draws at the end: the `draw:*` balances carried forward. */
  drawOwed: string;
}

/** One payee in one period. */
export interface PayeeLiability extends LiabilityAmounts {
  payee: string;
  payeeName: string;
  /**
   * Set on a period's row of a payee without a statement in that period (a leaver, or someone
   * off the plan for a while) who still had money held back or a draw owed: the period of their
   * last statement, whose balances are carried. Every flow of such a row is zero.
   */
  carriedFrom?: string;
}

/**
 * One period: each payee's figures and their sum. `payees` holds every payee with a statement in the
 * period and, marked `carriedFrom`, every payee without one whose last balances are not zero.
 */
export interface PeriodLiability {
  period: string;
  start: string;
  end: string;
  payees: PayeeLiability[];
  total: LiabilityAmounts;
}

/** The report. */
export interface PayoutLiability {
  currency: string;
  /** In order of start date. */
  periods: PeriodLiability[];
  /** Each payee over all periods: flows summed; `heldBack` and `drawOwed` as at their last period. */
  payees: PayeeLiability[];
  /** All payees over all periods: flows summed; `heldBack` and `drawOwed` summed over each payee's last period. */
  total: LiabilityAmounts;
}

const LINE_FIELDS: Readonly<Record<AdjustmentKind, keyof LiabilityAmounts>> = {
  draw: 'draws',
  'draw-recovery': 'drawRecoveries',
  guarantee: 'guarantees',
  holdback: 'holdbacks',
  'holdback-release': 'holdbackReleases',
  clawback: 'clawbacks',
  manual: 'manual',
  recalculation: 'recalculations',
};

const FIELDS: readonly (keyof LiabilityAmounts)[] = [
  'earned',
  'draws',
  'drawRecoveries',
  'guarantees',
  'holdbacks',
  'holdbackReleases',
  'clawbacks',
  'manual',
  'recalculations',
  'paid',
  'heldBack',
  'drawOwed',
];

/** The flows, summed over periods; the other fields are balances at a point in time. */
const FLOWS = FIELDS.filter((f) => f !== 'heldBack' && f !== 'drawOwed');

type Figures = Record<keyof LiabilityAmounts, Amount>;

function emptyFigures(scale: number): Figures {
  return Object.fromEntries(FIELDS.map((f) => [f, { value: ZERO, scale }])) as Figures;
}

function statementFigures(s: Statement): Figures {
  const figures = emptyFigures(amountOf(s.payout).scale);
  const add = (field: keyof LiabilityAmounts, amount: string) => {
    figures[field] = sumAmounts([figures[field], amountOf(amount)]);
  };
  add('earned', s.earned);
  add('paid', s.payout);
  for (const line of s.adjustments) add(LINE_FIELDS[line.kind], line.amount);
  for (const [name, balance] of Object.entries(s.balances)) {
    if (name.startsWith('holdback:')) add('heldBack', balance);
    else if (name.startsWith('draw:')) add('drawOwed', balance);
  }
  return figures;
}

function sumFigures(
  list: readonly Figures[],
  fields: readonly (keyof LiabilityAmounts)[],
  into: Figures,
): Figures {
  const result = { ...into };
  for (const f of fields) result[f] = sumAmounts([into[f], ...list.map((x) => x[f])]);
  return result;
}

function texts(figures: Figures): LiabilityAmounts {
  return Object.fromEntries(FIELDS.map((f) => [f, amountText(figures[f])])) as unknown as LiabilityAmounts;
}

/**
 * The statements the report reads: those the results pay, and those returned as reported
 * (`reported: true`, paid by an earlier run) for a payee and period the results do not pay. A
 * reported copy of a statement the results also hold unmarked (the JSON of several runs put
 * together: run 1 paid 2026-Q1, run 2 returned it as reported) is the same payout, counted once.
 */
function splitReported(statements: readonly Statement[]): { paid: Statement[]; reported: Statement[] } {
  const byStart = (x: Statement, y: Statement) =>
    compareText(x.start, y.start) || compareText(x.period, y.period) || compareText(x.payee, y.payee);
  const keyOf = (s: Statement) => `${s.payee}\u0000${s.period}`;
  const paid = statements.filter((s) => s.reported !== true).sort(byStart);
  const paidKeys = new Set(paid.map(keyOf));
  const reported = new Map<string, Statement>();
  for (const s of statements)
    if (s.reported === true && !paidKeys.has(keyOf(s)) && !reported.has(keyOf(s))) reported.set(keyOf(s), s);
  return { paid, reported: [...reported.values()].sort(byStart) };
}

/**
 * The payout liability of a run, for finance. For each statement: `earned`, every kind of
 * adjustment summed by kind (draws, recoveries, guarantees, holdbacks, releases, clawbacks,
 * manual, recalculations; signed as on the statement), `paid` (the payout), and the balances
 * carried forward: `heldBack` (every `holdback:*` balance: kept back minus released, cumulative,
 * including what earlier runs carried in) and `drawOwed` (every `draw:*` balance). Then per period
 * the sum over payees, per payee the sum over periods (balances as at the payee's last period),
 * and the grand total. Balances stay owed or held until a statement settles them: a payee without
 * a statement in a period keeps those of their last one, listed with `carriedFrom` and counted in
 * the period's total, so each period's balances are those at its end. Exact: decimal strings with as many decimals as the amounts they add up
 * (`"4700.00"`). Pure; reads only `results` (scope them first for a viewer who may not see
 * everything).
 *
 * A statement returned as reported (`reported: true`: a closed period of a recalculation) was paid
 * by an earlier run, not by these results: it is no row and none of its flows counts (they were in
 * the earlier run's report; its corrections are the `recalculation` lines of the current period).
 * Its balances still count as the payee's last ones, carried into later periods until a statement
 * settles them. A reported copy of a statement the results also pay is counted once (the results
 * of several runs put together).
 */
export function payoutLiability(results: Results): PayoutLiability {
  const { paid: statements, reported } = splitReported(results.statements);
  const scale = [...statements, ...reported].reduce((max, s) => Math.max(max, amountOf(s.payout).scale), 0);
  const periods = new Map<string, { statement: Statement; rows: { s: Statement; f: Figures }[] }>();
  const payees = new Map<string, { s: Statement; f: Figures }[]>();
  for (const s of statements) {
    const row = { s, f: statementFigures(s) };
    const period = periods.get(s.period);
    if (period) period.rows.push(row);
    else periods.set(s.period, { statement: s, rows: [row] });
    const own = payees.get(s.payee);
    if (own) own.push(row);
    else payees.set(s.payee, [row]);
  }
  const payeeRow = (s: Statement, f: Figures): PayeeLiability => ({
    payee: s.payee,
    payeeName: s.payeeName,
    ...texts(f),
  });
  // Balances are owed or held until a statement settles them: a payee without a statement in a
  // period (a leaver) keeps the balances of their last statement, so they count in the period's
  // total. A statement returned as reported is a last statement too, with no flows.
  const last = new Map<string, { s: Statement; f: Figures }>();
  const setLast = (row: { s: Statement; f: Figures }) => {
    const known = last.get(row.s.payee);
    if (!known || compareText(known.s.start, row.s.start) <= 0) last.set(row.s.payee, row);
  };
  /** Payees listed only through the balances of a reported statement. */
  const carriedOnly = new Map<string, { s: Statement; f: Figures }>();
  let nextReported = 0;
  const periodRows = [...periods.values()].map(({ statement, rows }) => {
    for (; nextReported < reported.length; nextReported++) {
      const s = reported[nextReported] as Statement;
      if (compareText(s.start, statement.start) > 0) break;
      setLast({ s, f: statementFigures(s) });
    }
    const here = new Set(rows.map((r) => r.s.payee));
    const carried = [...last.values()]
      .filter((r) => !here.has(r.s.payee) && !(r.f.heldBack.value.isZero() && r.f.drawOwed.value.isZero()))
      .map((r) => ({
        s: r.s,
        f: { ...emptyFigures(scale), heldBack: r.f.heldBack, drawOwed: r.f.drawOwed },
        from: r.s.period,
      }));
    for (const r of carried) if (!payees.has(r.s.payee)) carriedOnly.set(r.s.payee, r);
    for (const r of rows) setLast(r);
    const all: { s: Statement; f: Figures; from?: string }[] = [...rows, ...carried].sort((x, y) =>
      compareText(x.s.payee, y.s.payee),
    );
    return { statement, all };
  });
  const payeeTotals: { s: Statement; f: Figures }[] = [...payees.keys(), ...carriedOnly.keys()]
    .sort(compareText)
    .map((id) => {
      const rows = payees.get(id) ?? [];
      const end = last.get(id) as { s: Statement; f: Figures };
      const flows = sumFigures(
        rows.map((r) => r.f),
        FLOWS,
        emptyFigures(scale),
      );
      return { s: end.s, f: { ...flows, heldBack: end.f.heldBack, drawOwed: end.f.drawOwed } };
    });
  return {
    currency: results.meta.currency,
    periods: periodRows.map(({ statement, all }) => ({
      period: statement.period,
      start: statement.start,
      end: statement.end,
      payees: all.map((r) =>
        r.from === undefined ? payeeRow(r.s, r.f) : { ...payeeRow(r.s, r.f), carriedFrom: r.from },
      ),
      total: texts(
        sumFigures(
          all.map((r) => r.f),
          FIELDS,
          emptyFigures(scale),
        ),
      ),
    })),
    payees: payeeTotals.map((t) => payeeRow(t.s, t.f)),
    total: texts(
      sumFigures(
        payeeTotals.map((t) => t.f),
        FIELDS,
        emptyFigures(scale),
      ),
    ),
  };
}
