/**
 * Money the payout stage leaves unsettled, said as warnings: the engine invents no pay policy for
 * leavers or for the plan's end, but nothing stays stuck silently.
 *
 * - `not-settled`, per payee, naming the amount:
 *   - a record cancelled within a clawback's window in a period in which the payee is not on the
 *     plan (they left it, or the plan ended): they have no statement there, so what the record paid
 *     them is not clawed back;
 *   - on the payee's last statement on the plan (they leave it, or the plan ends): a holdback
 *     balance that is not released, and a recoverable draw balance still owed (not recovered, and
 *     not trued up: a leaver leaves before the year-end true-up). No later statement of the plan
 *     pays or recovers them.
 * - `not-clawed-back`, once per run: a record cancelled within a clawback's window, dated in a
 *   period that is neither in the earlier results (`previous`) nor among the run's periods. What it
 *   paid is not known, so nothing is clawed back (engine.md, Recalculation).
 */

import type { Clawback } from '@attain/dsl';
import { lastDayOnPlanBefore } from '../data/earlier-periods.js';
import { type PayeeData, recordName } from '../data/model.js';
import { type Dec, ZERO } from '../decimal.js';
import type { Program } from '../evaluate/program.js';
import type { Run } from '../evaluate/run.js';
import type { Statement } from '../results/results.js';
import type { Period } from '../time/calendar.js';
import { formatDate } from '../time/dates.js';
import { namedFirst } from '../trace/sentence.js';
import { type TakenBack, takenBack, withinWindow } from './clawbacks.js';
import { drawBalance } from './draws.js';
import { holdbackBalance } from './holdbacks.js';
import { type Ledger, recordKey } from './ledger.js';
import { type LineEnv, moneyText } from './lines.js';
import { amountOf } from './money.js';
import type { PayoutResolver } from './resolve.js';
import { NO_RANGE, ruleOf } from './rules.js';
import type { Cancellation } from './terms.js';

/** Why the payee is off the plan after `last`, their last day on it: the plan ends, or they leave it. */
function ending(program: Program, payee: PayeeData, last: number, past: boolean): string {
  if (last === program.end) return `the plan ${past ? 'ended' : 'ends'} on ${formatDate(last)}`;
  return `${payee.id} ${past ? 'left' : 'leaves'} the plan on ${formatDate(last)}`;
}

/** Items grouped by their clawback, in the order met. */
function byClawback<T extends { clawback: Clawback }>(items: readonly T[]): Map<Clawback, T[]> {
  const groups = new Map<Clawback, T[]>();
  for (const item of items) {
    const list = groups.get(item.clawback);
    if (list) list.push(item);
    else groups.set(item.clawback, [item]);
  }
  return groups;
}

/**
 * Warns about the payee's money this run leaves unsettled (`not-settled`): records cancelled in
 * the run's periods in which the payee is off the plan, and balances left on their last statement
 * on the plan. `statements` are the payee's statements the run returns; `ledger` holds them over
 * the earlier results.
 */
export function warnUnsettled(
  run: Run,
  resolver: PayoutResolver,
  env: LineEnv,
  payee: PayeeData,
  periods: readonly Period[],
  statements: readonly Statement[],
  ledger: Ledger,
): void {
  const program = run.program;
  for (const period of periods) {
    if (program.onPlan(payee, period)) continue;
    const cancelled = resolver.cancelledIn(period);
    if (cancelled.length === 0) continue;
    const taken = takenBack(cancelled, ledger, formatDate(period.start));
    if (taken.length === 0) continue;
    const last = lastDayOnPlanBefore(program, payee, period.start);
    const why =
      last === undefined
        ? `${payee.id} is not on the plan in ${period.label}`
        : statements.some((s) => s.period === period.label)
          ? // A statement made only to pay recalculation differences applies no clawback.
            `${ending(program, payee, last, true)}, and ${payee.id}'s statement in ${period.label} only pays recalculation differences`
          : `${ending(program, payee, last, true)}, and ${payee.id} has no statement in ${period.label}`;
    const items = taken.map((t) => ({ ...t, clawback: t.cancellation.clawback }));
    for (const [clawback, list] of byClawback(items))
      warnNotClawedBack(run, env, payee, period, clawback, list, why);
  }
  const last = lastDayOnPlanBefore(program, payee, program.end + 1);
  if (last === undefined) return;
  const day = formatDate(last);
  const final = statements.find((s) => s.start <= day && day <= s.end);
  if (!final) return;
  // The balances as they stand after the run: those of the payee's latest statement (a later
  // one pays recalculation differences, corrections of the final statement's holdbacks and draws
  // included), from the ledger (a closed statement's balances as calculated now).
  let latest = final;
  for (const s of statements) if (s.start > latest.start) latest = s;
  const balances = ledger.balancesAfter(latest.period) ?? balancesOf(latest);
  warnBalancesLeft(run, env, payee, final, balances, ending(program, payee, last, false));
}

function balancesOf(statement: Statement): Map<string, Dec> {
  return new Map(Object.entries(statement.balances).map(([name, value]) => [name, amountOf(value)]));
}

function warnNotClawedBack(
  run: Run,
  env: LineEnv,
  payee: PayeeData,
  period: Period,
  clawback: Clawback,
  taken: readonly TakenBack[],
  why: string,
): void {
  const window = `within the ${clawback.withinDays} days of clawback ${clawback.name}`;
  let message: string;
  const [one] = taken;
  if (taken.length === 1 && one) {
    const c = one.cancellation;
    const days = c.cancelled - c.dated;
    message = `${c.record.source} ${recordName(c.record)} was cancelled on ${formatDate(c.cancelled)}, ${days} days after it closed on ${formatDate(c.dated)} (${window}), but the ${moneyText(env, one.total)} it paid ${payee.id} is not clawed back: ${why}`;
  } else {
    let total: Dec = ZERO;
    for (const t of taken) total = total.plus(t.total);
    const source = taken[0]?.cancellation.record.source ?? clawback.source;
    const list = namedFirst(
      taken.map((t) => `${recordName(t.cancellation.record)} ${moneyText(env, t.total)}`),
    );
    message = `${taken.length} ${source} records cancelled in ${period.label} ${window} (${list}) paid ${payee.id} ${moneyText(env, total)}, which is not clawed back: ${why}`;
  }
  run.warn(payee.id, period.label, 'not-settled', ruleOf('clawback', clawback), clawback.range, message);
}

/**
 * Balances left on the payee's last statement on the plan (`final`): holdbacks not released, draws
 * still owed, as they stand after the run (`balances`).
 */
function warnBalancesLeft(
  run: Run,
  env: LineEnv,
  payee: PayeeData,
  final: Statement,
  balances: ReadonlyMap<string, Dec>,
  why: string,
): void {
  const plan = run.program.plan;
  const balance = (name: string): Dec => balances.get(name) ?? ZERO;
  const owed = (value: Dec) => value.isPositive() && !value.isZero();
  for (const holdback of plan.holdbacks) {
    const held = balance(holdbackBalance(holdback));
    if (!owed(held)) continue;
    const message = `${moneyText(env, held)} held back by holdback ${holdback.name} is not released because ${why}: no later statement of this plan pays it`;
    run.warn(payee.id, final.period, 'not-settled', ruleOf('holdback', holdback), holdback.range, message);
  }
  for (const draw of plan.draws) {
    if (!draw.recoverable) continue;
    const due = balance(drawBalance(draw));
    if (!owed(due)) continue;
    const message = draw.trueUpAtYearEnd
      ? `${moneyText(env, due)} owed on draw ${draw.name} is neither recovered nor trued up because ${why}, before the year-end true-up: no later statement of this plan recovers or forgives it`
      : `${moneyText(env, due)} owed on draw ${draw.name} is not recovered because ${why}: no later statement of this plan recovers it`;
    run.warn(payee.id, final.period, 'not-settled', ruleOf('draw', draw), draw.range, message);
  }
}

/**
 * Warns once per run period, clawback and period of the records (`not-clawed-back`) about records
 * cancelled within the window whose dated period is within the plan's dates but neither among the
 * run's periods nor in the earlier results: the lines they paid are not known, so nothing is
 * clawed back for them.
 */
export function warnUnknownPaid(
  run: Run,
  resolver: PayoutResolver,
  periods: readonly Period[],
  closed: ReadonlySet<string>,
): void {
  const program = run.program;
  const known = new Set([...periods.map((p) => p.label), ...closed]);
  for (const period of periods) {
    const missing = new Map<string, (Cancellation & { paidIn: Period })[]>();
    // A record is taken back once, by the first clawback covering it (clawbacks.ts): named once.
    const seen = new Set<string>();
    for (const c of resolver.cancelledIn(period)) {
      if (!withinWindow(c.dated, c.cancelled, c.clawback.withinDays)) continue;
      const record = recordKey(c.record);
      if (seen.has(record)) continue;
      seen.add(record);
      const paidIn = program.calendar.containing(period.kind, c.dated);
      if (known.has(paidIn.label) || paidIn.end < program.start || paidIn.start > program.end) continue;
      const key = `${c.clawback.name}\u0000${paidIn.label}`;
      const list = missing.get(key);
      if (list) list.push({ ...c, paidIn });
      else missing.set(key, [{ ...c, paidIn }]);
    }
    for (const list of missing.values()) {
      const [first] = list;
      if (!first) continue;
      const { clawback, paidIn } = first;
      const window = `within the ${clawback.withinDays} days of clawback ${clawback.name}`;
      const unknown = `${paidIn.label} is neither in the earlier results (previous) nor among this run's periods, so what ${list.length === 1 ? 'it' : 'they'} paid is not known (pass the results of ${paidIn.label} in previous)`;
      const message =
        list.length === 1
          ? `${first.record.source} ${recordName(first.record)}, dated in ${paidIn.label} and cancelled on ${formatDate(first.cancelled)} (${window}), is not clawed back: ${unknown}`
          : `${list.length} ${first.record.source} records dated in ${paidIn.label} and cancelled in ${period.label} ${window} (${namedFirst(list.map((c) => recordName(c.record)))}) are not clawed back: ${unknown}`;
      run.warn(
        undefined,
        period.label,
        'not-clawed-back',
        ruleOf('clawback', clawback),
        clawback.range,
        message,
      );
    }
  }
}

/**
 * Warns (`unknown-balance`) when a payee carries a balance that none of the plan's draws or
 * holdbacks keeps: one carried in from earlier results of a draw or holdback since renamed or
 * removed. It is carried forward as it is, never recovered, released or trued up. Said once per
 * payee and run, in the first period of the run that carries it.
 */
export function warnUnknownBalances(run: Run, payee: PayeeData, paid: readonly Statement[]): void {
  const plan = run.program.plan;
  const known = new Set([
    ...plan.draws.filter((d) => d.recoverable).map(drawBalance),
    ...plan.holdbacks.map(holdbackBalance),
  ]);
  for (const statement of paid) {
    if (statement.reported) continue;
    const stray = Object.entries(statement.balances).filter(
      ([name, amount]) => !known.has(name) && !amountOf(amount).isZero(),
    );
    if (stray.length === 0) continue;
    const listed = stray.map(([name, amount]) => `${name} (${amount} ${statement.currency})`).join(', ');
    const kept =
      plan.draws.length + plan.holdbacks.length === 0
        ? 'keeps no balance'
        : 'has no draw or holdback of that name';
    const message = `${payee.id} carries ${listed} into ${statement.period}, but plan "${plan.header.name}" ${kept}: ${stray.length === 1 ? 'it is' : 'they are'} carried forward as ${stray.length === 1 ? 'it is' : 'they are'}, never recovered or released (a draw or holdback renamed or removed? settle ${stray.length === 1 ? 'it' : 'them'} with a manual adjustment)`;
    run.warn(payee.id, statement.period, 'unknown-balance', undefined, NO_RANGE, message);
    return;
  }
}
