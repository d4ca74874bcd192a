/**
 * Generates earnings of every kind with their clauses, and the payout adjustments: draws,
 * guarantees, holdbacks, clawbacks and manual adjustments.
 */
import { dateLiteral, moneyLiteral, percentLiteral } from './literals.js';
import type { GenDecl, PlanState } from './plan-model.js';
import { chance, pick } from './random.js';
import { fieldsOf } from './scope.js';

const kinds = ['earning', 'commission', 'bonus', 'spiff', 'milestone', 'mbo'] as const;

/** The value of a `per line` earning: it names a credit, whose lines it pays. */
function perLineValue(state: PlanState): string {
  const r = state.random;
  const credit = pick(r, state.credits);
  if (state.scope.rateTables.length > 0 && chance(r, 0.5))
    return `tiered(${credit}, ${pick(r, state.scope.rateTables)})`;
  return `${credit} * ${percentLiteral(r, 1, 15)}`;
}

/** The earnings each generated plan already holds back. */
const heldBack = new WeakMap<PlanState, Set<string>>();

/** An earning of a random kind, with a random choice of clauses. */
export function generateEarning(state: PlanState): GenDecl {
  const r = state.random;
  const kind = pick(r, kinds);
  const name = state.fresh(`${pick(r, ['new_logo', 'expansion', 'quarterly', 'team'])}_${kind}`);
  const label = chance(r, 0.5) ? ` "${kind} on ${name.replaceAll('_', ' ')}"` : '';
  const perLine = state.credits.length > 0 && chance(r, 0.3);
  const value = perLine ? perLineValue(state) : state.expressions().generate('Money', r.int(1, 3));
  const clauses: string[] = [];
  if (perLine) clauses.push('per line');
  else if (chance(r, 0.2)) clauses.push('per period');
  if (chance(r, 0.4)) clauses.push(`when ${state.expressions().generate('Boolean', 2)}`);
  // abs: a literal cap is never below zero (AT3301) nor below a literal floor (AT3303).
  if (chance(r, 0.3)) clauses.push(`cap abs(${state.expressions().generate('Money', 1)})`);
  if (chance(r, 0.2)) clauses.push(`floor ${moneyLiteral(r, state.currency, 1000)}`);
  if (kind === 'spiff' && chance(r, 0.7)) {
    clauses.push(`during ${dateLiteral(r, state.year, 1, 6)} to ${dateLiteral(r, state.year, 7, 12)}`);
  }
  if (kind === 'milestone' && chance(r, 0.7)) clauses.push('once');
  if (!perLine && chance(r, 0.15)) clauses.push('paid year to date');
  state.earnings.push(name);
  return { kind: 'Earning', lines: [`${kind} ${name}${label} = ${value}`, ...clauses.map((c) => `  ${c}`)] };
}

/** A draw, guarantee, holdback, clawback or adjustment. */
export function generatePayoutAdjustment(state: PlanState): GenDecl {
  const r = state.random;
  const choice = r.int(0, 4);
  const label = chance(r, 0.3) ? ' "Adjustment"' : '';
  if (choice === 0) {
    const name = state.fresh('ramp_draw');
    const kind = chance(r, 0.6) ? 'recoverable' : 'non-recoverable';
    const periods = chance(r, 0.7) ? ` for ${r.int(1, 6)} periods` : '';
    const trueUp = chance(r, 0.3) ? ' true up at year end' : '';
    return {
      kind: 'Draw',
      lines: [`draw ${name}${label} = ${moneyLiteral(r, state.currency, 10_000)} ${kind}${periods}${trueUp}`],
    };
  }
  if (choice === 1) {
    const name = state.fresh('new_hire_guarantee');
    const from = chance(r, 0.5) ? ' from payee.hire_date' : '';
    return {
      kind: 'Guarantee',
      lines: [
        `guarantee ${name}${label} = ${moneyLiteral(r, state.currency, 10_000)} for ${r.int(1, 4)} periods${from}`,
      ],
    };
  }
  // The holdbacks of one earning keep back at most 100% together (AT3304): one per earning.
  const held = heldBack.get(state) ?? new Set<string>();
  heldBack.set(state, held);
  const free = state.earnings.filter((e) => !held.has(e));
  if (choice === 2 && free.length > 0) {
    const name = state.fresh('year_end_holdback');
    const until = chance(r, 0.6) ? ` until ${dateLiteral(r, state.year)}` : '';
    const earning = pick(r, free);
    held.add(earning);
    return {
      kind: 'Holdback',
      lines: [`holdback ${name}${label} = ${percentLiteral(r, 1, 50)} of ${earning}${until}`],
    };
  }
  const withCancel = state.transactions.filter((s) => fieldsOf(s, 'Date').includes('cancelled_on'));
  if (choice === 3 && withCancel.length > 0) {
    const name = state.fresh('cancellation_clawback');
    const source = pick(r, withCancel);
    return {
      kind: 'Clawback',
      lines: [
        `clawback ${name}${label} = ${source.name} cancelled on cancelled_on within ${r.int(30, 180)} days at original rate`,
      ],
    };
  }
  return { kind: 'Adjustment', lines: [`adjustment ${state.fresh('manual_adjustment')}${label} from data`] };
}
