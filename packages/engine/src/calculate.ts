/**
 * The front door of the engine: validate the data, evaluate the plan for every payee on it in
 * every requested period, and assemble the results.
 */
import type { Plan } from '@attain/dsl';
import { compareOptionalText, compareText } from './compare-text.js';
import type { Dataset } from './data/dataset.js';
import { balanceWarnings } from './data/earlier-periods.js';
import type { CalculateOptions } from './data/options.js';
import { PREVIOUS } from './data/previous.js';
import { recordsByOwner, validate } from './data/validate.js';
import { Program } from './evaluate/program.js';
import { Run } from './evaluate/run.js';
import { applyPayout } from './payout/apply-payout.js';
import { NO_RANGE } from './payout/rules.js';
import { NotRecalculated } from './recalc/not-recalculated.js';
import { dataHash, planHash } from './results/hash.js';
import type { CalculationWarning, Results, ResultsMeta, Statement } from './results/results.js';
import { buildStatement } from './results/statement.js';
import { quoteAny } from './text/quoted.js';
import type { Period } from './time/calendar.js';
import { formatDate, notADate, parseDate } from './time/dates.js';
import { ENGINE } from './version.js';

function readPeriods(program: Program, options: CalculateOptions): Period[] {
  if (!Array.isArray(options.periods))
    throw new TypeError('options.periods must be an array of period labels');
  const kind = program.plan.header.period;
  const periods = new Map<number, Period>();
  for (const label of options.periods) {
    const period = typeof label === 'string' ? program.calendar.parse(label) : undefined;
    if (!period || period.kind !== kind) {
      throw new RangeError(`options.periods: ${quoteAny(label)} is not a ${kind} (write ${example(kind)})`);
    }
    periods.set(period.ordinal, period);
  }
  return [...periods.values()].sort((a, b) => a.ordinal - b.ordinal);
}

function example(kind: string): string {
  return kind === 'month'
    ? '2026-03'
    : kind === 'quarter'
      ? '2026-Q1'
      : kind === 'half'
        ? '2026-H1'
        : 'FY2026';
}

function byWarning(a: CalculationWarning, b: CalculationWarning): number {
  return (
    compareOptionalText(a.payee, b.payee) ||
    compareOptionalText(a.period, b.period) ||
    compareOptionalText(a.code, b.code) ||
    compareOptionalText(a.rule?.name, b.rule?.name) ||
    compareOptionalText(a.message, b.message)
  );
}

/**
 * Evaluates a checked plan over a dataset for the given periods.
 *
 * Pure and deterministic: the same plan, data and options give byte-identical results
 * (`JSON.stringify`) whatever the order of the input records (when each carries its `row`: one
 * without is named by its position). Never throws on bad data: in strict
 * mode any data error gives `errors` and no statements; in lenient mode bad rows are left out and
 * listed in `rejected`. Throws only on wrong use of the API (data that is not an object, a period
 * that is not a period of the plan's kind, an unknown mode, an `asOf` that is not a date).
 */
export function calculate(plan: Plan, data: Dataset, options: CalculateOptions): Results {
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new TypeError('data must be a Dataset object ({ payees, records, ... })');
  if (options.mode !== 'strict' && options.mode !== 'lenient')
    throw new RangeError(`options.mode must be 'strict' or 'lenient'`);
  const program = new Program(plan);
  const periods = readPeriods(program, options);
  // An as-of that is no text (from JavaScript) is named by notADate, never read through its toString.
  const asOf =
    options.asOf === undefined
      ? (periods[periods.length - 1]?.end ?? program.end)
      : typeof options.asOf === 'string'
        ? parseDate(options.asOf)
        : undefined;
  if (asOf === undefined) throw new RangeError(`options.asOf ${notADate(options.asOf)}`);
  const meta: ResultsMeta = {
    engine: { name: ENGINE.name, version: ENGINE.version },
    plan: { name: plan.header.name, hash: planHash(plan) },
    dataHash: dataHash(data, program.keylessSources()),
    periods: periods.map((p) => p.label),
    mode: options.mode,
    asOf: formatDate(asOf),
    currency: plan.header.currency,
  };
  if (plan.header.version !== undefined) meta.plan.version = plan.header.version;
  const { valid, problems } = validate(plan, data, program.calendar, {
    byOwner: recordsByOwner.enabled && program.ownerLocal,
    calculated: { periods, onPlan: (payee, period) => program.onPlan(payee, period) },
  });
  // Earlier results cannot be left out in part (a closed period missing from them would be paid
  // again): errors in them stop the run in both modes.
  if ((options.mode === 'strict' && problems.size > 0) || problems.inSource(PREVIOUS)) {
    return { meta, errors: problems.errors(), rejected: [], warnings: [], statements: [] };
  }
  const run = new Run(program, valid, asOf, valid.previous);
  run.calculated = new Set(periods.map((p) => p.label));
  // Closed periods left out of the run: warned about when their data changed (recalc/not-recalculated.ts).
  const notRecalculated = new NotRecalculated(run, periods);
  // Balances carried in from periods neither calculated nor in the earlier results start at zero,
  // periods skipped between the run's own pay nothing, periods run out of order (a later one
  // already paid on balances without them): each said once.
  for (const w of balanceWarnings(program, valid.payees.byId.values(), periods, valid.previous))
    if (w.period) run.warn(undefined, w.period, w.code, undefined, NO_RANGE, w.message);
  for (const w of valid.warnings) run.warnings.set(`\u0000data\u0000${w.code}\u0000${w.message}`, w);
  const payees = [...valid.payees.byId.values()].sort((a, b) => compareText(a.id, b.id));
  const labels = periods.map((p) => p.label);
  const statements: Statement[] = [];
  for (const payee of payees) {
    const own = periods.filter((p) => program.onPlan(payee, p)).map((p) => buildStatement(run, payee, p));
    // The payout stage turns earnings into payouts: draws, guarantees, holdbacks, clawbacks,
    // manual adjustments and recalculation of closed periods.
    // Closed periods left out but taken in by later `paid year to date` amounts, as built now.
    const leftOut = notRecalculated.leftOut(payee, own);
    for (const s of applyPayout(run, payee, own, labels, leftOut)) {
      if (options.onStatement) options.onStatement(s);
      else statements.push(s);
    }
    notRecalculated.check(payee, own);
    run.release(payee.id);
  }
  notRecalculated.finish();
  run.finishCredits();
  return {
    meta,
    errors: [],
    rejected: problems.rejected(),
    warnings: [...run.warnings.values()].sort(byWarning),
    statements,
  };
}
