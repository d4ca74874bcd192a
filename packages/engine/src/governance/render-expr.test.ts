import { compile, type IrExpr, type Plan } from '@attain/dsl';
import { stripRanges, typedExpressionArbitrary, type ValueType } from '@attain/dsl/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planOf, quarterly } from '../test-support.js';
import { renderExpr } from './render-expr.js';

const PLAN = planOf(
  quarterly(`
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated, stage: Text }
  payee { ote: Money }
  credit bookings from deals where stage = "Closed Won" { to owner }
  quota q = payee.ote / 4
  measure attainment = bookings / q
  rate table rates on attainment marginal { 0% to 50%: 2%  50% and up: 12.5% }
  let a: Money = (bookings - 500 USD) * 2
  let b: Money = bookings - (q - 1_000 USD)
  let c: Boolean = not (attainment >= 50% and stage_ok) or count(deals where amount > 0 USD) in 1 to 3
  let stage_ok: Boolean = if ytd(bookings) > 0 USD then true else false
  let d: Money = -max(sum(bookings.credited where stage != "Lost \\"x\\""), tiered(bookings, rates))
  let e: Percent = rate(rates) * payee.ote / q
`),
);

function letValue(plan: Plan, name: string): IrExpr {
  const def = plan.lets.find((l) => l.name === name);
  if (!def) throw new Error(`no let ${name}`);
  return def.value;
}

describe('renderExpr', () => {
  it('writes expressions back as plan text with only the parentheses precedence needs', () => {
    expect(renderExpr(letValue(PLAN, 'a'))).toBe('(bookings - 500 USD) * 2');
    expect(renderExpr(letValue(PLAN, 'b'))).toBe('bookings - (q - 1000 USD)');
    expect(renderExpr(letValue(PLAN, 'c'))).toBe(
      'not (attainment >= 50% and stage_ok) or count(deals where amount > 0 USD) in 1 to 3',
    );
    expect(renderExpr(letValue(PLAN, 'stage_ok'))).toBe('if ytd(bookings) > 0 USD then true else false');
    expect(renderExpr(letValue(PLAN, 'd'))).toBe(
      '-max(sum(bookings.credited where stage != "Lost \\"x\\""), tiered(bookings, rates))',
    );
    expect(renderExpr(letValue(PLAN, 'e'))).toBe('rate(rates) * payee.ote / q');
    expect(PLAN.rateTables[0]?.tiers.map((t) => renderExpr(t.rate))).toEqual(['2%', '12.5%']);
  });

  const types: ValueType[] = ['Money', 'Percent', 'Number', 'Integer', 'Boolean', 'Date', 'Text'];
  it.each(types)('reads back as the same expression (%s)', (type) => {
    fc.assert(
      fc.property(typedExpressionArbitrary(type), ({ expression, plan }) => {
        const original = compile(plan).plan;
        if (!original) throw new Error(`generated plan does not compile: ${plan}`);
        const probe = original.lets.find((l) => l.name.startsWith('probe')) as Plan['lets'][number];
        const rendered = renderExpr(probe.value);
        const at = plan.lastIndexOf(expression);
        const again = compile(plan.slice(0, at) + rendered + plan.slice(at + expression.length)).plan;
        expect(again, rendered).toBeDefined();
        const reread = again?.lets.find((l) => l.name === probe.name);
        expect(stripRanges(reread?.value)).toEqual(stripRanges(probe.value));
      }),
      { numRuns: 150 },
    );
  });
});
