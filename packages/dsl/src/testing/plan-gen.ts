/**
 * Generates a whole valid plan model: header settings, the schema, at least one credit, quota and
 * attainment, then a random mix of every other kind of declaration, each using only what was
 * declared before it.
 */
import {
  generateAttainment,
  generateCredit,
  generateDefinition,
  generateQuota,
  generateSignal,
} from './definitions-gen.js';
import { generateEarning, generatePayoutAdjustment } from './earnings-gen.js';
import { type GenDecl, type GenPlan, type PeriodKind, PlanState } from './plan-model.js';
import { chance, pick, type Random } from './random.js';
import {
  generateAccountSource,
  generateHeaders,
  generatePayee,
  generateSplitSource,
  generateTransactionSource,
} from './schema-gen.js';
import { generateLookupTable, generatePayCurve, generateRateTable } from './tables-gen.js';
import { generateTerritories } from './territories-gen.js';

/** The generator of one more declaration, given what exists. */
type DeclarationGenerator = (state: PlanState) => GenDecl;

const generators: readonly DeclarationGenerator[] = [
  (s) => generateDefinition(s, 'let'),
  (s) => generateDefinition(s, 'measure'),
  (s) => generateDefinition(s, 'metric'),
  generateCredit,
  generateQuota,
  generateAttainment,
  generateRateTable,
  generateRateTable,
  generateLookupTable,
  generatePayCurve,
  generateEarning,
  generateEarning,
  generateEarning,
  generatePayoutAdjustment,
  generateSignal,
];

const docs = [
  'Paid on every closed-won deal; shown on the statement.',
  'Agreed with sales finance.',
  'Counts only new business.',
];

/** A fresh plan state with its header, payee, sources, first credit, quota and attainment. */
export function startPlan(random: Random): { state: PlanState; plan: GenPlan } {
  const currency = pick(random, ['USD', 'EUR', 'GBP']);
  const period = pick<PeriodKind>(random, ['month', 'quarter', 'half', 'year']);
  const year = random.int(2024, 2030);
  const state = new PlanState(random, currency, year, period);
  const plan: GenPlan = {
    name: pick(random, ['Enterprise AE', 'SMB Sales', 'Channel Partners', 'Customer Success']),
    headers: generateHeaders(random, currency, period, year),
    declarations: [],
  };
  if (chance(random, 0.7)) plan.version = `${year}.${random.int(1, 4)}`;
  if (chance(random, 0.3)) plan.doc = 'Plan for the sales team.';
  const add = (decl: GenDecl) => plan.declarations.push(decl);
  add(generatePayee(state));
  const sources = random.int(1, 3);
  for (let i = 0; i < sources; i++) add(generateTransactionSource(state));
  if (chance(random, 0.4)) add(generateSplitSource(state));
  if (chance(random, 0.4)) {
    add(generateAccountSource(state));
    add(generateTerritories(state));
  }
  add(generateCredit(state));
  add(generateQuota(state));
  add(generateAttainment(state));
  return { state, plan };
}

/** Adds one random declaration (with a doc comment now and then). */
export function addDeclaration(state: PlanState, plan: GenPlan): void {
  const decl = pick(state.random, generators)(state);
  if (decl.kind !== 'Territories' && chance(state.random, 0.15)) decl.doc = pick(state.random, docs);
  plan.declarations.push(decl);
}

/** A valid plan with `count` declarations after the fixed start. */
export function generatePlanModel(random: Random, count: number): GenPlan {
  const { state, plan } = startPlan(random);
  for (let i = 0; i < count; i++) addDeclaration(state, plan);
  return plan;
}
