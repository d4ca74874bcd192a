/** Generates a `territories` block over the account source. */
import { dateLiteral } from './literals.js';
import type { GenDecl, PlanState } from './plan-model.js';
import { chance, pick } from './random.js';

const territoryNames = ['west', 'east', 'north', 'south', 'central', 'strategic'];

/** Territories by priority or by score, each with rules, named accounts and assignments. */
export function generateTerritories(state: PlanState): GenDecl {
  const r = state.random;
  const accounts = state.accounts;
  if (accounts === undefined) throw new Error('territories need an account source');
  const byScore = chance(r, 0.3);
  const rules = state.expressions().inRecord(accounts, false, false);
  const lines = [`territories on ${accounts.name} by ${byScore ? 'score' : 'priority'} {`];
  const count = r.int(1, 3);
  for (let i = 0; i < count; i++) {
    const name = state.fresh(pick(r, territoryNames));
    const label = chance(r, 0.5) ? ` "${name} territory"` : '';
    lines.push(`  territory ${name}${label} {`);
    lines.push(`    where ${rules.generate('Boolean', 2)}`);
    if (chance(r, 0.3)) lines.push(`    named "Acme ${i}", "Globex ${i}"`);
    if (byScore) lines.push(`    score ${rules.generate('Integer', 1)}`);
    else lines.push(`    priority ${i + 1}`);
    const from = chance(r, 0.5) ? ` from ${dateLiteral(r, state.year, 1, 6)}` : '';
    const to = chance(r, 0.5) ? ` to ${dateLiteral(r, state.year, 7, 12)}` : '';
    lines.push(
      `    assign "rep_${String(i + 1).padStart(3, '0')}" as ${pick(r, ['primary', 'overlay'])}${from}${to}`,
    );
    lines.push('  }');
  }
  lines.push('}');
  state.hasTerritories = true;
  return { kind: 'Territories', lines };
}
