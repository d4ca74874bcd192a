/**
 * The table format of `attain territories`, for a comp admin: one line per territory (accounts,
 * potential, share, workload, payees), the fairness of the design, the unassigned accounts, and
 * the sections of a rebalancing proposal and of a comparison of two designs.
 */
import {
  type AccountAssignment,
  type FairnessValue,
  measureIn,
  type Rebalance,
  type TerritoryBalance,
  type TerritoryComparison,
  type TerritorySummary,
} from '@attain/engine';
import { columnText } from '../output/columns.js';
import { formatAmount, formatPercent } from '../output/numbers.js';
import { plural } from '../output/plural.js';
import { planTitle } from '../output/shown.js';
import { wrapList } from '../output/wrap.js';

/** At most this many accounts are named in a list; JSON has them all. */
const listed = 12;
/** At most this many unassigned accounts get a line each. */
const unassignedLines = 50;

const WHY: Readonly<Record<string, string>> = {
  'no-territories': 'no territories',
  'mean-zero': 'the total is 0',
  'min-zero': 'a territory has 0',
  'negative-values': 'negative values',
};

/** A measure with 4 decimals, or why it has none. */
export function measureText(value: FairnessValue, places = 4): string {
  if (value.value === null) return `n/a (${WHY[value.reason ?? ''] ?? value.reason})`;
  return formatAmount(value.value, places, places);
}

/** `a, b, c and 9 more`. */
function someOf(items: readonly string[], indent: string, used: number): string {
  const shown = items.slice(0, listed);
  const more = items.length - shown.length;
  return wrapList(more > 0 ? [...shown, `and ${more} more`] : shown, used, indent);
}

const payees = (list: readonly string[]): string => (list.length === 0 ? '-' : list.join(', '));

/** Decimal places to show amounts of a field with: 2 for money, else as they are. */
export function placesOf(assignment: AccountAssignment, field: string): number {
  return assignment.fields.find((f) => f.name === field)?.type === 'Money' ? 2 : 0;
}

/**
 * One line per territory, and a total line: from the balance when there is one (potential, share
 * and workload columns), else from the assignment's territories. Amounts show `places` decimals.
 */
export function territoryTable(
  territories: readonly TerritorySummary[],
  balance: TerritoryBalance | undefined,
  places: number,
): string {
  const header = ['territory', 'label', 'accounts'];
  if (balance)
    header.push(balance.potential, 'share', balance.workload === 'count' ? 'workload' : balance.workload);
  header.push('primary', 'overlay');
  const rows = [header];
  const lines = balance
    ? balance.territories.map((t) => ({ ...t, name: t.territory }))
    : territories.map((t) => ({ ...t, potential: '', share: null, workload: '' }));
  for (const t of lines) {
    const row = [t.name, t.label ?? '', String(t.accounts)];
    if (balance) {
      row.push(formatAmount(t.potential, places), t.share === null ? '-' : formatPercent(t.share));
      row.push(formatAmount(t.workload, 0));
    }
    row.push(payees(t.primary), payees(t.overlay));
    rows.push(row);
  }
  const total = ['total', '', String(lines.reduce((n, t) => n + t.accounts, 0))];
  if (balance)
    total.push(formatAmount(balance.totals.potential, places), '', formatAmount(balance.totals.workload, 0));
  rows.push(total);
  return columnText(rows, { left: [0, 1, header.length - 2, header.length - 1], indent: '  ' });
}

/** `Fairness of potential over 4 territories: CV 0.6164, max/min 5.00, Gini 0.3250`. */
export function fairnessLine(balance: TerritoryBalance): string {
  const f = balance.fairness;
  const basis = balance.basis === 'potential' ? balance.potential : balance.basis;
  return (
    `Fairness of ${basis} over ${plural(f.territories, 'territory', 'territories')}: ` +
    `CV ${measureText(f.cv)}, max/min ${measureText(f.maxMinRatio, 2)}, Gini ${measureText(f.gini)}\n`
  );
}

/** The unassigned accounts, one line each (up to a limit), with the reason. */
export function unassignedSection(
  assignment: AccountAssignment,
  balance: TerritoryBalance | undefined,
): string {
  const list = assignment.unassigned;
  if (list.length === 0) return 'Every account is in a territory.\n';
  const potential = balance
    ? `, potential ${formatAmount(balance.unassigned.potential, placesOf(assignment, balance.potential))}`
    : '';
  const rows = list.slice(0, unassignedLines).map((u) => [u.account, u.name ?? '', u.message]);
  const more = list.length - rows.length;
  const tail = more > 0 ? `  and ${more} more (--format json lists them all)\n` : '';
  return `Unassigned accounts (${list.length}${potential}):\n${columnText(rows, { left: [0, 1, 2], indent: '  ' })}${tail}`;
}

/**
 * The accounts a tie placed (`tiedWith`), one line each (up to a limit): the territory written
 * first took each; empty when no tie placed any.
 */
export function tiesSection(assignment: AccountAssignment): string {
  const list = assignment.accounts.filter((a) => a.tiedWith !== undefined);
  if (list.length === 0) return '';
  const rows = list
    .slice(0, unassignedLines)
    .map((a) => [a.account, a.name ?? '', `${a.territory}, tied with ${(a.tiedWith ?? []).join(', ')}`]);
  const more = list.length - rows.length;
  const tail = more > 0 ? `  and ${more} more (--format json lists them all)\n` : '';
  const head = `Accounts a tie placed (${list.length}), each in the territory written first`;
  return `${head}:\n${columnText(rows, { left: [0, 1, 2], indent: '  ' })}${tail}`;
}

const STOPPED: Readonly<Record<string, string>> = {
  'no-improving-move': 'no move improves it further',
  'max-moves': 'the most moves allowed were made',
  'negative-values': 'some values are negative, so the measure has no value',
};

const MEASURE: Readonly<Record<string, string>> = { cv: 'CV', 'max-min-ratio': 'max/min', gini: 'Gini' };

/** The rebalancing proposal: what it did, each move, and the territories after it. */
export function rebalanceSection(proposal: Rebalance, places: number): string {
  const name = MEASURE[proposal.measure] ?? proposal.measure;
  const digits = proposal.measure === 'max-min-ratio' ? 2 : 4;
  const pick = (b: TerritoryBalance) => measureIn(b.fairness, proposal.measure);
  const basis = proposal.before.basis === 'potential' ? proposal.before.potential : proposal.before.basis;
  const rules = [
    `seed ${proposal.seed}`,
    `at most ${plural(proposal.maxMoves, 'move')}`,
    proposal.keepNamed ? 'named accounts kept' : 'named accounts may move',
    ...(proposal.keepGeography === undefined ? [] : [`each account kept in its ${proposal.keepGeography}`]),
  ];
  let text =
    `Rebalance on ${name} of ${basis} (${rules.join(', ')}):\n` +
    `  ${name} ${measureText(pick(proposal.before), digits)} -> ${measureText(pick(proposal.after), digits)} ` +
    `in ${plural(proposal.moves.length, 'move')} (stopped: ${STOPPED[proposal.stopped] ?? proposal.stopped})\n`;
  if (proposal.moves.length === 0) return text;
  const rows = [['step', 'account', 'from', 'to', basis, `${name} after`]];
  for (const m of proposal.moves) {
    const amount = proposal.before.basis === 'potential' ? formatAmount(m.amount, places) : m.amount;
    rows.push([String(m.step), m.account, m.from, m.to, amount, measureText(m.measure, digits)]);
  }
  text += `\n${columnText(rows, { left: [1, 2, 3], indent: '  ' })}`;
  text += `\nTerritories after the proposal (${plural(proposal.reassignments.length, 'account')} reassigned):\n`;
  text += territoryTable([], proposal.after, places);
  return text;
}

/** The comparison of two designs: measures before and after, gaps, moves, continuity. */
export function comparisonSection(comparison: TerritoryComparison, places: number): string {
  const { before: a, after: b } = comparison;
  const basis = a.balance.basis === 'potential' ? a.balance.potential : a.balance.basis;
  const rows = [
    ['', 'before', 'after'],
    [`CV of ${basis}`, measureText(a.balance.fairness.cv), measureText(b.balance.fairness.cv)],
    [
      'max/min',
      measureText(a.balance.fairness.maxMinRatio, 2),
      measureText(b.balance.fairness.maxMinRatio, 2),
    ],
    ['Gini', measureText(a.balance.fairness.gini), measureText(b.balance.fairness.gini)],
    ['territories', String(a.balance.territories.length), String(b.balance.territories.length)],
    ['without primary payee', String(a.withoutPrimary.length), String(b.withoutPrimary.length)],
    ['unassigned accounts', String(a.unassigned.length), String(b.unassigned.length)],
  ];
  // Without --as-of, each design is placed on its own plan's first day: both are said when they differ.
  const days = a.asOf === b.asOf ? a.asOf : `${a.asOf} (after: ${b.asOf})`;
  let text = `Compared with ${planTitle(b.plan)}: ${plural(comparison.accounts, 'account')}, as of ${days}\n`;
  text += columnText(rows, { left: [0], indent: '  ' });
  if (b.withoutPrimary.length > 0)
    text += `  Without a primary payee after: ${someOf(b.withoutPrimary, '    ', 32)}\n`;
  text += `\nMoves (${plural(comparison.moved, 'account')} change territory):\n`;
  for (const m of comparison.moves) {
    const head = `  ${m.from ?? '(unassigned)'} -> ${m.to ?? '(unassigned)'} (${m.accounts.length}): `;
    text += `${head}${someOf(m.accounts, '    ', head.length)}\n`;
  }
  if (comparison.moves.length === 0) text += '  none\n';
  const { kept, of, share } = comparison.continuity;
  text += `\nContinuity: ${kept} of ${plural(of, 'account')} with a primary payee keep one of their payees`;
  text += share === null ? '\n' : ` (${formatPercent(share)})\n`;
  text += `\nTerritories of ${planTitle(b.plan)}:\n${territoryTable([], b.balance, places)}`;
  return text;
}
