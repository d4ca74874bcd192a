/**
 * The content of `attain report`, independent of its layout: the scoreboard (each payee's and
 * each team's metrics over the periods, with the change from one period to the next), the
 * signals with their records, and the payout liability, all scoped to a viewer when `--as` names
 * one. The JSON format prints this object as it is.
 */

import type { Plan } from '@attain/dsl';
import {
  compareText,
  type Dataset,
  idText,
  type PayoutLiability,
  payoutLiability,
  type RecordRef,
  type Results,
  type ResultsMeta,
  type RollUpRule,
  rollUp,
  scope,
  type TrendPoint,
  trend,
  type Viewer,
  visiblePayees,
} from '@attain/engine';

/** One metric's values over the periods. */
export interface MetricSeries {
  name: string;
  label?: string;
  /** The type as written in the language: `Percent`, `Money (USD)`, `Integer`... */
  type: string;
  /** One per period, with the change from the period before. */
  points: TrendPoint[];
}

/** A payee's scoreboard. */
export interface PayeeScore {
  payee: string;
  payeeName: string;
  manager?: string;
  metrics: MetricSeries[];
}

/** A team's scoreboard: its head and everyone below them. */
export interface TeamScore {
  /** The head of the team (the manager's payee id). */
  team: string;
  teamName: string;
  /** Depth below the top of the hierarchy (the top is 0). */
  level: number;
  /** Payees counted: the head and everyone below them. */
  size: number;
  reports: string[];
  metrics: MetricSeries[];
}

/** A signal raised for a payee in a period, with the records behind it. */
export interface SignalEntry {
  period: string;
  payee: string;
  payeeName: string;
  name: string;
  label?: string;
  severity: 'info' | 'warning' | 'critical';
  message: string;
  /** For a signal on a source: the records that raised it; empty for a per-payee signal. */
  records: RecordRef[];
}

/** Who the report is for. */
export interface ReportViewer extends Viewer {
  name: string;
}

/** What `attain report` shows. */
export interface Report {
  meta: ResultsMeta;
  /** Present with `--as`: whose view this is (a rep sees their own, a manager their team). */
  viewer?: ReportViewer;
  scoreboard?: {
    /** How each metric rolls up to teams. */
    rules: RollUpRule[];
    /** Depth first from the top of the hierarchy, reports by id. */
    teams: TeamScore[];
    /** By payee id. */
    payees: PayeeScore[];
  };
  /** By period, severity (critical first), signal (plan order), then payee. */
  signals?: SignalEntry[];
  liability?: PayoutLiability;
}

/** The sections asked for, and the viewer. */
export interface ReportRequest {
  metrics: boolean;
  signals: boolean;
  liability: boolean;
  /** The report as this payee may see it (see {@link viewerOf}). */
  viewer?: ReportViewer;
}

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const;

/**
 * The viewer `--as id` stands for: a manager when someone reports to them (in payees, or on some
 * day by a change of manager in `attributeChanges`), else a rep.
 */
export function viewerOf(id: string, data: Dataset): ReportViewer | undefined {
  const payee = data.payees.find((p) => idText(p?.id) === id);
  if (!payee) return undefined;
  const manages =
    data.payees.some((p) => idText(p?.manager) === id) ||
    (visiblePayees({ role: 'manager', payee: id }, data.payees, data) as readonly string[]).length > 1;
  return { role: manages ? 'manager' : 'rep', payee: id, name: payee.name };
}

function series(source: Parameters<typeof trend>[0], names: readonly string[], who: string): MetricSeries[] {
  return names.flatMap((name) => {
    const t = trend(source, name, who);
    if (!t) return [];
    const s: MetricSeries = { name, type: t.type, points: t.points };
    if (t.label !== undefined) s.label = t.label;
    return [s];
  });
}

/** Teams depth first from the top (the visible teams whose head reports to no visible team). */
export function hierarchyOrder<T extends { team: string; reports: string[] }>(teams: readonly T[]): T[] {
  const byHead = new Map(teams.map((t) => [t.team, t]));
  const below = new Set(teams.flatMap((t) => t.reports));
  const order: T[] = [];
  const placed = new Set<string>();
  // A stack, not recursion: a chain of managers may be tens of thousands deep.
  const visit = (top: T) => {
    const stack = [top];
    for (let t = stack.pop(); t !== undefined; t = stack.pop()) {
      if (placed.has(t.team)) continue;
      placed.add(t.team);
      order.push(t);
      const subs = t.reports.map((r) => byHead.get(r)).filter((sub): sub is T => sub !== undefined);
      for (let i = subs.length - 1; i >= 0; i--) stack.push(subs[i] as T);
    }
  };
  for (const t of [...teams].sort((a, b) => compareText(a.team, b.team))) if (!below.has(t.team)) visit(t);
  return order;
}

/** Builds the report of `results` (calculated from `plan` over `data`). */
export function buildReport(plan: Plan, data: Dataset, results: Results, request: ReportRequest): Report {
  const report: Report = { meta: results.meta };
  let seen = results;
  // Whether the viewer sees `id` in `period` (its days, from the statements), or on some day of the
  // periods reported when `period` is not given.
  let sees: (id: string, period?: string) => boolean = () => true;
  const { viewer } = request;
  if (viewer) {
    report.viewer = viewer;
    const who = { role: viewer.role, payee: viewer.payee };
    seen = scope(results, who, data.payees, data);
    const periods = new Map<string, { start: string; end: string }>();
    for (const s of results.statements) if (!periods.has(s.period)) periods.set(s.period, s);
    const starts = results.statements.map((s) => s.start).sort();
    const ends = results.statements.map((s) => s.end).sort();
    const run =
      starts.length === 0 ? undefined : { start: starts[0] ?? '', end: ends[ends.length - 1] ?? '' };
    const visible = new Map<string, ReadonlySet<string>>();
    sees = (id, period) => {
      const key = period !== undefined && periods.has(period) ? period : '';
      let ids = visible.get(key);
      if (!ids) {
        const days = key === '' ? run : periods.get(key);
        const list = visiblePayees(who, data.payees, data, days);
        ids = new Set(list === 'everyone' ? data.payees.flatMap((p) => idText(p?.id) ?? []) : list);
        visible.set(key, ids);
      }
      return ids.has(id);
    };
  }
  const metricNames = [...new Set(plan.metrics.map((m) => m.name))];
  if (request.metrics) {
    const all = rollUp(plan, data, results);
    // A team's metrics of a period are shown when its head is in the viewer's team on some day of
    // that period: the team of a head who moved away is not the viewer's from then on.
    const rolled = { ...all, teams: all.teams.filter((t) => sees(t.team, t.period)) };
    // Ids and managers as the engine reads them; an entry that is not an object has neither.
    const managers = new Map(data.payees.map((p) => [idText(p?.id), idText(p?.manager)]));
    // A payee with changes of manager reports to the manager in force on the last day reported,
    // as the roll-up of the last period places them (none when they are at the top then).
    const last = results.meta.periods[results.meta.periods.length - 1];
    const moved = new Set(
      (data.attributeChanges ?? []).flatMap((c) =>
        c && idText(c.attribute) === 'manager' ? (idText(c.payee) ?? []) : [],
      ),
    );
    for (const id of moved) managers.set(id, undefined);
    for (const t of all.teams)
      if (t.period === last) for (const id of t.reports) if (moved.has(id)) managers.set(id, t.team);
    const payeeIds = [...new Set(seen.statements.map((s) => s.payee))].sort(compareText);
    const names = new Map(seen.statements.map((s) => [s.payee, s.payeeName]));
    const heads = new Map<string, (typeof rolled.teams)[number]>();
    for (const t of rolled.teams) if (!heads.has(t.team)) heads.set(t.team, t);
    report.scoreboard = {
      rules: rolled.rules,
      teams: hierarchyOrder([...heads.values()]).map((t) => ({
        team: t.team,
        teamName: t.teamName,
        level: t.level,
        size: t.size,
        reports: t.reports,
        metrics: series(rolled, metricNames, t.team),
      })),
      payees: payeeIds.map((id) => {
        const score: PayeeScore = {
          payee: id,
          payeeName: names.get(id) ?? id,
          metrics: series(seen, metricNames, id),
        };
        const manager = managers.get(id);
        if (typeof manager === 'string' && manager !== '') score.manager = manager;
        return score;
      }),
    };
  }
  if (request.signals) {
    const order = new Map(plan.signals.map((s, i) => [s.name, i]));
    const periodOrder = new Map(results.meta.periods.map((p, i) => [p, i]));
    report.signals = seen.statements
      .flatMap((s) =>
        s.signals.map((signal) => {
          const entry: SignalEntry = {
            period: s.period,
            payee: s.payee,
            payeeName: s.payeeName,
            name: signal.name,
            ...(signal.label === undefined ? {} : { label: signal.label }),
            severity: signal.severity,
            message: signal.message,
            records: signal.records ?? [],
          };
          return entry;
        }),
      )
      .sort(
        (a, b) =>
          (periodOrder.get(a.period) ?? 0) - (periodOrder.get(b.period) ?? 0) ||
          SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
          (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0) ||
          compareText(a.payee, b.payee),
      );
  }
  if (request.liability) report.liability = payoutLiability(seen);
  return report;
}
