/**
 * The table format of `attain compare`, for a comp admin: the two plans, a summary (cost, cost of
 * sales, quota and accelerators, pay for performance) with A, B and B − A, the payout distribution
 * per payee, and the payees whose payout changes most.
 */

import { compareText, type PayeeComparison, type PlanComparison, type ScenarioSummary } from '@attain/engine';
import { columnText } from '../output/columns.js';
import { compareDecimals, formatAmount, formatPercent, isZero } from '../output/numbers.js';
import { plural } from '../output/plural.js';
import { planTitle } from '../output/shown.js';

/** The layout of every table of the comparison (the first `left` columns align left). */
const LAYOUT = { indent: '  ', gap: '   ' } as const;

/** The files a comparison was made from, as typed on the command line. */
export interface CompareSources {
  planA: string;
  planB: string;
  dataA: string;
  dataB: string;
}

/** `text` (the layout of the decimal `value`) with a `+` when `value` is above zero. */
const signed = (value: string, text: string): string =>
  value.startsWith('-') || isZero(value) ? text : `+${text}`;

const money = (text: string | null): string => (text === null ? '-' : formatAmount(text, 2, 2));
const moneyDelta = (text: string | null): string =>
  text === null ? '-' : signed(text, formatAmount(text, 2, 2));
const percent = (ratio: string | null, places = 1): string =>
  ratio === null ? '-' : formatPercent(ratio, places);
/** A difference of two shares, in percentage points. */
const points = (ratio: string | null, places = 1): string =>
  ratio === null ? '-' : signed(ratio, `${formatPercent(ratio, places).replace('%', '')} pts`);
/** A relative change as a signed percentage. */
const change = (ratio: string | null): string => (ratio === null ? '' : signed(ratio, percent(ratio)));

/** `12 (31.6%)`: a count of payees and its share. */
const countShare = (count: number, share: string | null): string =>
  share === null ? String(count) : `${count} (${percent(share)})`;

/** Payees at or above quota; `3 of 4 (75%)` when some payees of the side have no attainment. */
const atQuota = (side: ScenarioSummary): string => {
  const { atOrAbove, payees, share } = side.quota;
  return payees === side.payees
    ? countShare(atOrAbove, share)
    : `${atOrAbove} of ${countShare(payees, share)}`;
};

/** The heading: periods, data and the two plans. */
function heading(comparison: PlanComparison, sources: CompareSources): string {
  const data =
    sources.dataA === sources.dataB ? `data ${sources.dataA}` : `data A ${sources.dataA}, B ${sources.dataB}`;
  const rows = [
    ['A', sources.planA, planTitle(comparison.a.plan)],
    ['B', sources.planB, planTitle(comparison.b.plan)],
  ];
  const width = Math.max(...rows.map((r) => (r[1] ?? '').length));
  return (
    `Plan comparison: ${comparison.periods.join(', ')}, ${data}, amounts in ${comparison.currency}\n` +
    rows.map(([side, file, name]) => `  ${side}  ${(file ?? '').padEnd(width)}  ${name}`).join('\n') +
    '\n'
  );
}

/** The summary: totals, ratios and counts, with A, B and B − A. */
function summary(comparison: PlanComparison): string {
  const { a, b, difference: d } = comparison;
  const relative = d.payoutChange === null ? '' : ` (${change(d.payoutChange)})`;
  const correlation = (r: string | null) => (r === null ? '-' : formatAmount(r, 4, 4));
  const rows = [
    ['', 'A', 'B', 'B - A'],
    ['Payout', money(a.payout), money(b.payout), `${moneyDelta(d.payout)}${relative}`],
    ['Earned', money(a.earned), money(b.earned), moneyDelta(d.earned)],
    ['Credited revenue', money(a.creditedRevenue), money(b.creditedRevenue), moneyDelta(d.creditedRevenue)],
    ['Cost of sales', percent(a.costOfSales, 2), percent(b.costOfSales, 2), points(d.costOfSales, 2)],
    ['Payees', String(a.payees), String(b.payees), d.payees > 0 ? `+${d.payees}` : String(d.payees)],
    ['At or above quota', atQuota(a), atQuota(b), points(d.quotaShare)],
    [
      'Earning accelerators',
      countShare(a.accelerators.payees, a.accelerators.share),
      countShare(b.accelerators.payees, b.accelerators.share),
      points(d.acceleratorShare),
    ],
    [
      'Pay for performance',
      correlation(a.payForPerformance),
      correlation(b.payForPerformance),
      d.payForPerformance === null
        ? '-'
        : signed(d.payForPerformance, formatAmount(d.payForPerformance, 4, 4)),
    ],
  ];
  return columnText(rows, { ...LAYOUT, left: 1 });
}

/** The payout per payee: min, percentiles, max and mean. */
function distribution(comparison: PlanComparison): string {
  const { a, b, difference: d } = comparison;
  const keys = ['min', 'p10', 'p25', 'p50', 'p75', 'p90', 'max', 'mean'] as const;
  const label: Record<(typeof keys)[number], string> = {
    min: 'lowest',
    p10: '10th percentile',
    p25: '25th percentile',
    p50: 'median',
    p75: '75th percentile',
    p90: '90th percentile',
    max: 'highest',
    mean: 'mean',
  };
  const rows = [
    ['', 'A', 'B', 'B - A'],
    ...keys.map((k) => [
      label[k],
      money(a.distribution[k]),
      money(b.distribution[k]),
      moneyDelta(d.distribution[k]),
    ]),
  ];
  return `Payout per payee (nearest rank):\n${columnText(rows, { ...LAYOUT, left: 1 })}`;
}

/** `|delta|` descending, then payee id: the largest changes first. */
function byMovement(x: PayeeComparison, y: PayeeComparison): number {
  const size = (p: PayeeComparison) => p.payoutDelta.replace(/^-/, '');
  return compareDecimals(size(y), size(x)) || compareText(x.payee, y.payee);
}

/** Names longer than this are cut, so that a line stays within a terminal's width. */
const nameWidth = 22;
const cut = (text: string, width: number): string =>
  text.length <= width ? text : `${text.slice(0, width - 1)}…`;

const attainment = (outcome: PayeeComparison['a']): string =>
  outcome === null ? 'not on plan' : outcome.attainment === null ? '-' : formatPercent(outcome.attainment);

/** The payees whose payout changes most, at most `top` of them. */
function movers(comparison: PlanComparison, top: number): string {
  const changed = comparison.payees.filter((p) => !isZero(p.payoutDelta)).sort(byMovement);
  if (changed.length === 0) return 'No payee is paid differently.\n';
  const shown = changed.slice(0, top);
  const more = changed.length > shown.length ? '; --format json lists every payee' : '';
  const rows = [
    ['payee', 'name', 'attainment A', 'attainment B', 'payout A', 'payout B', 'change', ''],
    ...shown.map((p) => [
      p.payee,
      cut(p.payeeName, nameWidth),
      attainment(p.a),
      attainment(p.b),
      money(p.a?.payout ?? null),
      money(p.b?.payout ?? null),
      moneyDelta(p.payoutDelta),
      change(p.payoutChange),
    ]),
  ];
  return (
    `Largest changes in payout (${shown.length} of ${plural(changed.length, 'payee')} paid differently${more}):\n` +
    columnText(rows, { ...LAYOUT, left: 2 })
  );
}

/** The whole table: heading, summary, distribution and (unless `top` is 0) the largest changes. */
export function comparisonTable(comparison: PlanComparison, sources: CompareSources, top: number): string {
  const sections = [heading(comparison, sources), summary(comparison), distribution(comparison)];
  if (top > 0) sections.push(movers(comparison, top));
  return sections.join('\n');
}
