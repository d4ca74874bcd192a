/**
 * The `table` format of `attain report`: the scoreboard of each team (depth first from the top)
 * and each payee, a column per period and the change from the period before; the signals by
 * period and severity with the records to review; the payout liability per payee and period.
 */

import type { Change, RecordRef, ResultValue } from '@attain/engine';
import { alignColumns, columnWidths } from '../output/columns.js';
import { formatAmount, formatPercent, groupDigits, isZero } from '../output/numbers.js';
import { plural } from '../output/plural.js';
import { planTitle } from '../output/shown.js';
import type { Style } from '../output/style.js';
import type { MetricSeries, Report, SignalEntry } from './report-build.js';

/** Records named per signal and payee before the rest is counted. */
const listedRecords = 6;

/** Levels of teams shown by indentation; deeper teams say their level (0 is the top of the hierarchy). */
const deepestIndent = 8;

/** A value for people, by the metric's type: `41.2%`, `38,000.00`, `57.3`, `12`. */
export function formatValue(value: ResultValue, type: string): string {
  if (value === null) return '-';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (type === 'Percent') return formatPercent(value, 1);
  if (type.startsWith('Money')) return formatAmount(value, 2, 2);
  if (type === 'Integer') return groupDigits(value);
  if (type === 'Number') return formatAmount(value, 0, 1);
  return value;
}

const signed = (text: string): string => (text.startsWith('-') ? text : `+${text}`);

/** A change for people: percentage points for percentages, else the amount and its share (`+3 (+25%)`). */
export function formatChange(change: Change | undefined, type: string): string {
  if (!change) return '';
  if (type === 'Percent') {
    if (isZero(change.absolute)) return '0 pts';
    return signed(formatPercent(change.absolute, 1).replace('%', ' pts'));
  }
  if (isZero(change.absolute)) return '0';
  const absolute = signed(formatValue(change.absolute, type));
  return change.relative === null ? absolute : `${absolute} (${signed(formatPercent(change.relative, 1))})`;
}

function metricRows(metrics: readonly MetricSeries[], withChange: boolean, indent: string): string[][] {
  return metrics.map((m) => {
    const last = m.points[m.points.length - 1];
    return [
      `${indent}  ${m.label ?? m.name.replaceAll('_', ' ')}`,
      ...m.points.map((p) => formatValue(p.value, m.type)),
      ...(withChange ? [formatChange(last?.change, m.type)] : []),
    ];
  });
}

function scoreboard(report: Report, style: Style): string {
  const board = report.scoreboard;
  if (!board) return '';
  const periods = report.meta.periods;
  const withChange = periods.length > 1;
  const header = ['', ...periods, ...(withChange ? [`vs ${periods[periods.length - 2]}`] : [])];
  // Teams are indented by their depth below the highest team shown, up to `deepestIndent` levels:
  // a deeper team says its depth instead (a chain of thousands of managers stays readable, and
  // the text does not grow with the square of the depth).
  const top = board.teams.reduce((min, t) => Math.min(min, t.level), Number.POSITIVE_INFINITY);
  const blocks = [
    ...board.teams.map((t) => {
      const depth = t.level - top;
      const indent = '  '.repeat(Math.min(depth, deepestIndent));
      const deep = depth > deepestIndent ? `, level ${t.level}` : '';
      return {
        title: `${t.teamName} (${t.team})`,
        note: `team of ${t.size}${deep}`,
        indent,
        rows: metricRows(t.metrics, withChange, indent),
      };
    }),
    ...board.payees.map((p) => ({
      title: `${p.payeeName} (${p.payee})`,
      note: p.manager === undefined ? '' : `reports to ${p.manager}`,
      indent: '',
      rows: metricRows(p.metrics, withChange, ''),
    })),
  ];
  const widths = columnWidths([header, ...blocks.flatMap((b) => b.rows)]);
  const align = (rows: readonly string[][]) => alignColumns(rows, { left: 1, gap: '   ', widths });
  const out: string[] = [];
  const section = (title: string, list: typeof blocks) => {
    if (list.length === 0) return;
    out.push(style.bold(title), align([header])[0] ?? '');
    for (const block of list) {
      out.push(`${block.indent}${style.bold(block.title)}${block.note ? `  ${block.note}` : ''}`);
      out.push(...align(block.rows));
    }
    out.push('');
  };
  section('Scoreboard: teams', blocks.slice(0, board.teams.length));
  section('Scoreboard: payees', blocks.slice(board.teams.length));
  const none = board.rules.filter((r) => r.method === 'none');
  if (none.length > 0 && board.teams.length > 0) {
    out.push('Not rolled up to teams:');
    for (const r of none) out.push(`  ${r.label ?? r.metric}: ${r.reason ?? ''}`);
    out.push('');
  }
  if (board.teams.length === 0 && board.payees.length === 0) out.push('No payee to show.', '');
  return `${out.join('\n')}\n`;
}

function recordList(records: readonly RecordRef[]): string {
  const names = records.map((r) => r.key ?? `row ${r.row}`);
  const shown = names.slice(0, listedRecords).join(', ');
  return names.length > listedRecords ? `${shown} and ${names.length - listedRecords} more` : shown;
}

function signals(report: Report, style: Style): string {
  const list = report.signals;
  if (!list) return '';
  const out: string[] = [];
  for (const period of report.meta.periods) {
    const raised = list.filter((s) => s.period === period);
    out.push(
      style.bold(`Signals in ${period}: ${raised.length === 0 ? 'none' : plural(raised.length, 'signal')}`),
    );
    const groups = new Map<string, SignalEntry[]>();
    for (const s of raised) {
      const group = groups.get(s.name);
      if (group) group.push(s);
      else groups.set(s.name, [s]);
    }
    for (const group of groups.values()) {
      const first = group[0] as SignalEntry;
      out.push(`  ${first.severity.padEnd(8)}  ${style.bold(first.label ?? first.name)}: ${first.message}`);
      const width = Math.max(...group.map((s) => `${s.payeeName} (${s.payee})`.length));
      for (const s of group) {
        const who = `${s.payeeName} (${s.payee})`;
        out.push(
          `              ${s.records.length > 0 ? `${who.padEnd(width)}   ${recordList(s.records)}` : who}`,
        );
      }
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

function liability(report: Report, style: Style): string {
  const l = report.liability;
  if (!l) return '';
  const amount = (text: string) => formatAmount(text, 2, 2);
  const header = ['period', 'payee', 'earned', 'paid', 'held back', 'draws owed'];
  const rows: string[][] = [];
  for (const p of l.periods) {
    for (const r of p.payees)
      rows.push([
        p.period,
        `${r.payeeName} (${r.payee})${r.carriedFrom === undefined ? '' : `, no statement: balances of ${r.carriedFrom}`}`,
        amount(r.earned),
        amount(r.paid),
        amount(r.heldBack),
        amount(r.drawOwed),
      ]);
    rows.push([
      p.period,
      'total',
      amount(p.total.earned),
      amount(p.total.paid),
      amount(p.total.heldBack),
      amount(p.total.drawOwed),
    ]);
  }
  rows.push([
    'all',
    'total',
    amount(l.total.earned),
    amount(l.total.paid),
    amount(l.total.heldBack),
    amount(l.total.drawOwed),
  ]);
  const lines = alignColumns([header, ...rows], { left: 2 });
  return `${style.bold(`Payout liability (${l.currency})`)}\n${lines.join('\n')}\n\n`;
}

/** The whole report as text. */
export function formatReport(report: Report, data: string, style: Style): string {
  const { plan, periods, asOf } = report.meta;
  let text = `${style.bold(`Plan ${planTitle(plan)}`)}: ${periods.join(', ')}, data ${data}, as of ${asOf}\n`;
  const viewer = report.viewer;
  if (viewer) {
    const reach = viewer.role === 'manager' ? 'their team and themself' : 'their own numbers';
    text += `As seen by ${viewer.name} (${viewer.payee}), ${viewer.role}: ${reach}\n`;
  }
  return `${text}\n${scoreboard(report, style)}${signals(report, style)}${liability(report, style)}`;
}
