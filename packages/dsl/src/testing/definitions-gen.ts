/**
 * Generates definitions: credits (direct, shared, overlay, split and territory credit), quotas with
 * their clauses, measures, lets, metrics and signals. Each adds what it declares to the scope, so
 * later declarations can use it (never earlier ones: no cycles).
 */
import { percentLiteral, textLiteral } from './literals.js';
import { type GenDecl, type PlanState, periodsPerYear } from './plan-model.js';
import { chance, pick } from './random.js';
import { addName, fieldsOf, type ValueType } from './scope.js';

const creditNames = ['bookings', 'revenue_credit', 'new_business', 'renewal_credit', 'pipeline_credit'];

/** A credit over one transaction source. */
export function generateCredit(state: PlanState): GenDecl {
  const r = state.random;
  const source = pick(r, state.transactions);
  const name = state.fresh(pick(r, creditNames));
  const record = state.expressions().inRecord(source, false);
  const where = chance(r, 0.7) ? ` where ${record.generate('Boolean', 2)}` : '';
  const label = chance(r, 0.3) ? ` "${name} credit"` : '';
  const clauses: string[] = [];
  if (chance(r, 0.3)) clauses.push(`amount ${record.generate('Money', 2)}`);
  const partners = fieldsOf(source, 'Payee').filter((f) => f !== source.owner);
  const variant = r.int(0, 4);
  if (variant === 1 && partners.length > 0) {
    const share = r.int(1, 99);
    clauses.push(`to ${source.owner} share ${share}%`, `to ${pick(r, partners)} share ${100 - share}%`);
  } else if (variant === 2) {
    clauses.push(
      `to ${source.owner}`,
      `to managers of ${source.owner} up to ${r.int(1, 3)} levels as overlay`,
    );
  } else if (variant === 3 && state.splitSource !== undefined) {
    clauses.push(`split by ${state.splitSource.name} on deal_id`);
  } else if (variant === 4 && state.hasTerritories && fieldsOf(source, 'Text').includes('account')) {
    clauses.push('to territory of account');
  } else {
    clauses.push(`to ${source.owner}`);
  }
  addName(state.scope.values, 'Money', name);
  state.scope.toDate.push(name);
  state.credits.push(name);
  return {
    kind: 'Credit',
    lines: [`credit ${name}${label} from ${source.name}${where} {`, ...clauses.map((c) => `  ${c}`), '}'],
  };
}

/** Shares that sum to exactly 100%, one per period of the year. */
function seasonality(state: PlanState): string {
  const n = periodsPerYear[state.period];
  const tenths = Array.from({ length: n }, () => state.random.int(5, 20));
  const total = tenths.reduce((a, b) => a + b, 0);
  const scaled = tenths.map((t) => Math.floor((t * 1000) / total));
  const rest = 1000 - scaled.reduce((a, b) => a + b, 0);
  scaled[0] = (scaled[0] ?? 0) + rest;
  return scaled.map((t) => (t % 10 === 0 ? `${t / 10}%` : `${Math.floor(t / 10)}.${t % 10}%`)).join(', ');
}

/** A quota: from data, or computed with seasonality, ramp, proration and relief. */
export function generateQuota(state: PlanState): GenDecl {
  const r = state.random;
  const name = state.fresh(pick(r, ['bookings_quota', 'revenue_quota', 'quota_target']));
  const declare = () => {
    addName(state.scope.values, 'Money', name);
    state.quotas.push(name);
  };
  if (chance(r, 0.2)) {
    declare();
    return { kind: 'Quota', lines: [`quota ${name} from data`] };
  }
  const base = chance(r, 0.6) ? 'payee.annual_quota' : state.expressions().generate('Money', 1);
  const lines = [`quota ${name} = ${base}`];
  if (chance(r, 0.6)) lines.push(`  seasonality ${seasonality(state)}`);
  if (chance(r, 0.4)) {
    const steps = [r.int(10, 40), r.int(41, 70), r.int(71, 100)].slice(0, r.int(1, 3));
    const cutoff = chance(r, 0.5) ? ` starting next month after day ${r.int(1, 28)}` : '';
    lines.push(`  ramp ${steps.map((s) => `${s}%`).join(', ')} from payee.hire_date${cutoff}`);
  }
  if (chance(r, 0.3)) lines.push('  prorate by calendar days');
  if (chance(r, 0.2)) lines.push(`  relief ${state.expressions().generate('Money', 1)}`);
  declare();
  return { kind: 'Quota', lines };
}

/** `measure attainment = credit / quota`, the measure tables and curves are on. */
export function generateAttainment(state: PlanState): GenDecl {
  const r = state.random;
  const name = state.fresh('attainment');
  const credit = pick(r, state.credits);
  const quota = pick(r, state.quotas);
  addName(state.scope.values, 'Percent', name);
  state.attainments.push(name);
  const label = chance(r, 0.3) ? ' "Attainment"' : '';
  return { kind: 'Measure', lines: [`measure ${name}${label} = ${credit} / ${quota}`] };
}

const valueTypes: readonly ValueType[] = [
  'Money',
  'Money',
  'Percent',
  'Integer',
  'Number',
  'Boolean',
  'Date',
];

/** A `let` or `measure` of a random type, sometimes with a type annotation. */
export function generateDefinition(state: PlanState, keyword: 'let' | 'measure' | 'metric'): GenDecl {
  const r = state.random;
  const type = keyword === 'metric' ? pick(r, ['Percent', 'Integer', 'Money'] as const) : pick(r, valueTypes);
  const name = state.fresh(`${keyword === 'let' ? 'value' : keyword}_${type.toLowerCase()}`);
  const value = state.expressions().generate(type, r.int(1, 3));
  const annotation = chance(r, 0.3) ? `: ${type}` : '';
  const label = keyword !== 'let' && chance(r, 0.3) ? ` "${name.replaceAll('_', ' ')}"` : '';
  addName(state.scope.values, type, name);
  if (keyword === 'measure' && type === 'Money') state.scope.toDate.push(name);
  if (keyword === 'measure' && type === 'Percent') state.attainments.push(name);
  const kind = keyword === 'let' ? 'Let' : keyword === 'measure' ? 'Measure' : 'Metric';
  return { kind, lines: [`${keyword} ${name}${label}${annotation} = ${value}`] };
}

/** A signal per payee, or per record of a source. */
export function generateSignal(state: PlanState): GenDecl {
  const r = state.random;
  const name = state.fresh(pick(r, ['stuck_deal', 'behind_pace', 'low_coverage', 'pushed_close']));
  const severity = pick(r, ['info', 'warning', 'critical']);
  const label = chance(r, 0.4) ? ` "${name.replace('_', ' ')}"` : '';
  const perRecord = chance(r, 0.5);
  const source = pick(r, state.transactions);
  const condition = perRecord
    ? state.expressions().inRecord(source).generate('Boolean', 2)
    : state.expressions().generate('Boolean', 2);
  const on = perRecord ? ` on ${source.name}` : '';
  return {
    kind: 'Signal',
    lines: [`signal ${name}${label} ${severity}${on}`, `  when ${condition}`, `  message ${textLiteral(r)}`],
  };
}

/** A percentage share literal for holdbacks and the like. */
export function shareLiteral(state: PlanState): string {
  return percentLiteral(state.random, 1, 50);
}
