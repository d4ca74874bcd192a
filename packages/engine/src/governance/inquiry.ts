/**
 * Inquiries (disputes): a payee or manager questions one number of a statement; the inquiry
 * carries that number's full trace, and its resolution becomes a manual adjustment for the next
 * run. Only data in and out: storing inquiries and moving them through a workflow belong to the
 * host app.
 */
import type { Plan } from '@attain/dsl';
import type { ManualAdjustment } from '../data/dataset.js';
import { readDecimal } from '../data/values.js';
import type { Results, ResultValue, Trace } from '../results/results.js';
import { quoteAny } from '../text/quoted.js';
import { FiscalCalendar } from '../time/calendar.js';
import { formatDate, parseDate } from '../time/dates.js';
import { explain } from '../trace/explain.js';
import type { ResultRef } from '../trace/ref.js';

/** Where an inquiry stands. `resolved` and `rejected` are final. */
export type InquiryStatus = 'open' | 'in-review' | 'resolved' | 'rejected';

/** How an inquiry was closed. */
export interface InquiryResolution {
  status: 'resolved' | 'rejected';
  reason: string;
  by: string;
  at: string;
  /** For `resolved`: the signed amount granted (`"150.00"`, `"-20"`, `"0"`). */
  amount?: string;
  /** For `resolved` with a non-zero amount: the id of the manual adjustment it produced. */
  adjustment?: string;
}

/** A question about one number of a statement, with everything needed to review it. */
export interface Inquiry {
  id: string;
  /** Who raised it (a user id of the host app). */
  raisedBy: string;
  /** When (as the host app writes time, e.g. ISO 8601). */
  raisedAt: string;
  /** The number questioned. */
  ref: ResultRef;
  statement: { payee: string; period: string };
  /** The statement line questioned: an earning line id (`new_business:D-17`) or an adjustment id. */
  line?: string;
  /** The earning questioned, when the number is an earning or one of its lines. */
  earning?: string;
  /** The number as it stands on the statement. */
  amount: ResultValue;
  /** The statement's currency. */
  currency: string;
  /** The number's full trace, as {@link explain} gives it. */
  trace: Trace;
  /** The sentence explaining the number. */
  sentence: string;
  /** What the person raising it says. */
  message: string;
  status: InquiryStatus;
  resolution?: InquiryResolution;
}

/** Codes of the problems of inquiry operations. */
export type InquiryProblemCode = 'unknown-ref' | 'closed' | 'bad-amount' | 'bad-period' | 'after-plan';

/** Why an inquiry operation could not be done, as data. */
export interface InquiryProblem {
  code: InquiryProblemCode;
  message: string;
}

/** An inquiry, or the problem that prevented the operation. */
export type InquiryOutcome = { inquiry: Inquiry } | { problem: InquiryProblem };

/** A resolution, with the manual adjustment to feed to the next run (none for a zero amount). */
export type ResolutionOutcome =
  | { inquiry: Inquiry; adjustment?: ManualAdjustment }
  | { problem: InquiryProblem };

/** Who raises an inquiry, when, and why. */
export interface RaiseInput {
  id: string;
  raisedBy: string;
  raisedAt: string;
  message: string;
}

/** The decision to resolve an inquiry with a signed amount. */
export interface ResolveInput {
  status: 'resolved';
  /** Signed decimal in the statement's currency: positive pays the payee more. `"0"` pays nothing. */
  amount: string;
  reason: string;
  resolvedBy: string;
  resolvedAt: string;
  /** The period the adjustment is paid in; absent: the period after the statement's. */
  period?: string;
}

/** The decision to reject an inquiry. */
export interface RejectInput {
  reason: string;
  rejectedBy: string;
  rejectedAt: string;
}

/**
 * The problem `after-plan` when `target` lies after the last period of `plan` (the plan whose runs
 * pay the adjustment): `calculate` of that period has no statement of the plan to pay it on.
 */
function afterPlan(plan: Plan, target: string): { problem: InquiryProblem } | undefined {
  const { effective, fiscalYearStart, name } = plan.header;
  const calendar = new FiscalCalendar(fiscalYearStart);
  const period = calendar.parse(target);
  const end = parseDate(effective.to);
  if (period === undefined || end === undefined || period.start <= end) return undefined;
  const last = calendar.containing(period.kind, end).label;
  return problem(
    'after-plan',
    `the adjustment cannot be paid in ${target}: the last period of plan "${name}" is ${last} ` +
      `(effective ${effective.from} to ${formatDate(end)}), so no run of it pays ${target}; ` +
      `the adjustment goes into the data of the plan that pays ${target}: resolve with that plan`,
  );
}

/** Period labels only; their fiscal year start does not matter for label arithmetic. */
const LABELS = new FiscalCalendar(1);

function requireText(value: unknown, name: string): void {
  if (typeof value !== 'string') throw new TypeError(`${name} must be a string`);
}

function problem(code: InquiryProblemCode, message: string): { problem: InquiryProblem } {
  return { problem: { code, message } };
}

function describeRef(ref: ResultRef): string {
  const { payee, period, ...rest } = ref;
  const what = Object.entries(rest)
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(', ');
  return `${what || 'a number'} of ${payee} in ${period}`;
}

/**
 * Raises an inquiry on the number `ref` points at (an earning or one of its lines, a credit line,
 * a measure, a quota, an adjustment or the payout). The inquiry carries the number, its full
 * trace (for a line priced whole by one marginal band, the band's shared trace completed with the
 * line's record and credited amount, as {@link explain} does) and the sentence explaining it. Its
 * status is `open`. A `ref` to nothing in `results` gives the problem `unknown-ref`.
 */
export function raiseInquiry(results: Results, ref: ResultRef, input: RaiseInput): InquiryOutcome {
  for (const name of ['id', 'raisedBy', 'raisedAt', 'message'] as const) requireText(input?.[name], name);
  const explanation = explain(results, ref);
  const statement = results.statements.find((s) => s.payee === ref.payee && s.period === ref.period);
  if (!explanation || !statement) return problem('unknown-ref', `the results have no ${describeRef(ref)}`);
  const inquiry: Inquiry = {
    id: input.id,
    raisedBy: input.raisedBy,
    raisedAt: input.raisedAt,
    ref,
    statement: { payee: statement.payee, period: statement.period },
    amount: explanation.value,
    currency: statement.currency,
    trace: explanation.trace,
    sentence: explanation.sentence,
    message: input.message,
    status: 'open',
  };
  if ('earning' in ref) {
    inquiry.earning = ref.earning;
    if (ref.line !== undefined) {
      const earning = statement.earnings.find((e) => e.name === ref.earning);
      const line = earning?.lines.find((l) => l.id === ref.line || l.id === `${earning.name}:${ref.line}`);
      if (line) inquiry.line = line.id;
    }
  } else if ('adjustment' in ref) inquiry.line = ref.adjustment;
  return { inquiry };
}

/** The period after `label`, of the same kind (`2026-Q4` → `2027-Q1`); `undefined` for a bad label. */
function nextPeriod(label: string): string | undefined {
  const period = LABELS.parse(label);
  return period && LABELS.byOrdinal(period.kind, period.ordinal + 1).label;
}

function checkOpen(inquiry: Inquiry): { problem: InquiryProblem } | undefined {
  if (inquiry === null || typeof inquiry !== 'object' || typeof inquiry.id !== 'string')
    throw new TypeError('inquiry must be an Inquiry');
  if (inquiry.status === 'resolved' || inquiry.status === 'rejected')
    return problem('closed', `inquiry ${inquiry.id} is already ${inquiry.status}`);
  return undefined;
}

/**
 * Resolves an open (or in-review) inquiry with a signed `amount`. Returns the inquiry with status
 * `resolved` and its resolution, and a manual adjustment in the engine's input shape to add to
 * the next run's `adjustments`: id `inquiry-<id>`, the statement's payee, the period after the
 * statement's (or `period`), the amount and currency, a reason naming the inquiry, and the earning
 * questioned. A zero amount produces no adjustment. Problems: `closed` (already resolved or
 * rejected), `bad-amount` (not a decimal such as `"150.00"` or `"-20"`), `bad-period` (not a
 * period label of the statement's kind, or not after the statement's period), `after-plan` (with
 * `plan`: the period is after the plan's last period).
 *
 * `plan` is the plan whose runs pay the adjustment: the statement's plan, or the next plan when
 * the statement is in the last period of its plan. Given, a period after its effective dates (the
 * default `2027-Q1` for a `2026-Q4` statement of a plan ending 2026-12-31) is the problem
 * `after-plan` naming its last period, instead of an adjustment that `calculate` would reject as
 * `off-plan`. Without it the effective dates are not known and not checked.
 */
export function resolveInquiry(inquiry: Inquiry, input: ResolveInput, plan?: Plan): ResolutionOutcome {
  const closed = checkOpen(inquiry);
  if (closed) return closed;
  if (input?.status !== 'resolved') throw new TypeError("input.status must be 'resolved'");
  for (const name of ['amount', 'reason', 'resolvedBy', 'resolvedAt'] as const)
    requireText(input[name], name);
  const amount = input.amount.trim();
  // Read as the next run reads the adjustment's amount.
  const value = readDecimal(amount);
  if (value === undefined)
    return problem(
      'bad-amount',
      `the amount ${quoteAny(input.amount)} is not a decimal such as 150.00 or -20`,
    );
  const disputed = LABELS.parse(inquiry.statement.period);
  // From JavaScript a period may be no text (a number, a BigInt): a bad period, not a throw of trim().
  const period =
    input.period === undefined
      ? nextPeriod(inquiry.statement.period)
      : typeof input.period === 'string'
        ? input.period.trim()
        : undefined;
  const target = period === undefined ? undefined : LABELS.parse(period);
  if (period === undefined || target === undefined || target.kind !== disputed?.kind)
    return problem(
      'bad-period',
      `${quoteAny(input.period ?? inquiry.statement.period)} is not a period like ${inquiry.statement.period}`,
    );
  // The statement in question is paid (or being paid): a correction goes into a later period,
  // never into it or before it (a paid period, or one before the plan even started).
  if (target.ordinal <= disputed.ordinal)
    return problem(
      'bad-period',
      `the adjustment cannot be paid in ${target.label}: it must be paid in a period after ` +
        `${inquiry.statement.period}, the period of the statement in question`,
    );
  const resolution: InquiryResolution = {
    status: 'resolved',
    reason: input.reason,
    by: input.resolvedBy,
    at: input.resolvedAt,
    amount,
  };
  if (value.isZero()) return { inquiry: { ...inquiry, status: 'resolved', resolution } };
  // A zero pays nothing, anywhere: only an adjustment to pay needs a run of the plan to pay it.
  const outside = plan === undefined ? undefined : afterPlan(plan, target.label);
  if (outside) return outside;
  const adjustment: ManualAdjustment = {
    id: `inquiry-${inquiry.id}`,
    payee: inquiry.statement.payee,
    period: target.label,
    amount,
    currency: inquiry.currency,
    reason: `Inquiry ${inquiry.id}: ${input.reason}`,
  };
  if (inquiry.earning !== undefined) adjustment.earning = inquiry.earning;
  resolution.adjustment = adjustment.id;
  return { inquiry: { ...inquiry, status: 'resolved', resolution }, adjustment };
}

/** Rejects an open (or in-review) inquiry with a reason; `closed` when it is already closed. */
export function rejectInquiry(inquiry: Inquiry, input: RejectInput): InquiryOutcome {
  const closed = checkOpen(inquiry);
  if (closed) return closed;
  for (const name of ['reason', 'rejectedBy', 'rejectedAt'] as const) requireText(input?.[name], name);
  const resolution: InquiryResolution = {
    status: 'rejected',
    reason: input.reason,
    by: input.rejectedBy,
    at: input.rejectedAt,
  };
  return { inquiry: { ...inquiry, status: 'rejected', resolution } };
}
