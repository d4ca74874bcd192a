import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { probe, textAt } from './test-plans.js';

/** The types the generator builds expressions of, and how each is written in messages. */
const TYPES = {
  Integer: 'Integer',
  Number: 'Number',
  Percent: 'Percent',
  USD: 'Money (USD)',
  EUR: 'Money (EUR)',
  Boolean: 'Boolean',
  Date: 'Date',
  Text: 'Text',
} as const;
type Target = keyof typeof TYPES;

const nonZero = fc.integer({ min: 1, max: 999 });
const decimal = fc.tuple(nonZero, fc.integer({ min: 1, max: 99 })).map(([a, b]) => `${a}.${b}`);
const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`);

/** Leaves: literals and names of a known type from the base plan. */
function leaf(t: Target): fc.Arbitrary<string> {
  switch (t) {
    case 'Integer':
      return fc.oneof(
        nonZero.map(String),
        fc.constant('count(deals)'),
        fc.constant('sum(deals.term_months)'),
      );
    case 'Number':
      return fc.oneof(decimal, fc.constant('avg(deals.term_months)'), fc.constant('sum(deals.score)'));
    case 'Percent':
      return fc.oneof(
        nonZero.map((n) => `${n}%`),
        fc.constant('attainment'),
        fc.constant('rate(rates)'),
      );
    case 'USD':
      return fc.oneof(
        nonZero.map((n) => `${n} USD`),
        fc.constant('payee.ote'),
        fc.constant('bookings'),
        fc.constant('sum(deals.amount)'),
      );
    case 'EUR':
      return fc.oneof(
        nonZero.map((n) => `${n} EUR`),
        fc.constant('sum(deals.eur_amount)'),
      );
    case 'Boolean':
      return fc.constantFrom('true', 'false', 'payee.hire_date in period');
    case 'Date':
      return fc.oneof(day, fc.constantFrom('today', 'period.end', 'payee.hire_date'));
    case 'Text':
      return fc.oneof(fc.constantFrom('"EMEA"', 'payee.name', 'payee.region'));
  }
}

const bin = (a: fc.Arbitrary<string>, op: string | fc.Arbitrary<string>, b: fc.Arbitrary<string>) =>
  fc.tuple(a, typeof op === 'string' ? fc.constant(op) : op, b).map(([x, o, y]) => `(${x} ${o} ${y})`);
const call = (fn: string, ...args: fc.Arbitrary<string>[]) =>
  fc.tuple(...args).map((xs) => `${fn}(${xs.join(', ')})`);

const memo = new Map<string, fc.Arbitrary<string>>();

/** An expression that must have type `t`, built from operators and functions whose rules give `t`. */
function exprOf(t: Target, depth: number): fc.Arbitrary<string> {
  const key = `${t}/${depth}`;
  let arbitrary = memo.get(key);
  if (!arbitrary) {
    arbitrary = depth <= 0 ? leaf(t) : build(t, depth);
    memo.set(key, arbitrary);
  }
  return arbitrary;
}

function build(t: Target, depth: number): fc.Arbitrary<string> {
  const sub = (u: Target) => exprOf(u, depth - 1);
  const money = (c: 'USD' | 'EUR') => [
    bin(sub(c), fc.constantFrom('+', '-'), sub(c)),
    bin(sub(c), '*', sub('Percent')),
    bin(sub('Number'), '*', sub(c)),
    bin(sub(c), '/', sub('Integer')),
    bin(sub(c), '/', sub('Percent')),
    sub(c).map((x) => `-${x}`),
    call('min', sub(c), sub(c)),
    sub(c === 'USD' ? 'EUR' : 'USD').map((x) => `convert(${x}, ${c})`),
    fc.tuple(sub('Boolean'), sub(c), sub(c)).map(([b, x, y]) => `(if ${b} then ${x} else ${y})`),
  ];
  const alternatives: Record<Target, fc.Arbitrary<string>[]> = {
    Integer: [
      bin(sub('Integer'), '+', sub('Integer')),
      bin(sub('Integer'), '*', sub('Integer')),
      call('abs', sub('Integer')),
      call('days_between', sub('Date'), sub('Date')),
    ],
    Number: [
      bin(sub('Integer'), '/', sub('Integer')),
      bin(sub('Number'), '-', sub('Integer')),
      bin(sub('Percent'), '/', sub('Percent')),
      call('max', sub('Number'), sub('Integer')),
    ],
    Percent: [
      bin(sub('Percent'), '+', sub('Percent')),
      bin(sub('Percent'), '*', sub('Number')),
      bin(sub('USD'), '/', sub('USD')),
      bin(sub('EUR'), '/', sub('EUR')),
      call('ratio', sub('USD'), sub('USD')),
      // Limits through min and max, so that literal limits are never reversed (AT3303).
      fc
        .tuple(sub('Percent'), sub('Percent'), sub('Percent'))
        .map(([x, a, b]) => `clamp(${x}, min(${a}, ${b}), max(${a}, ${b}))`),
    ],
    USD: money('USD'),
    EUR: money('EUR'),
    Boolean: [
      bin(sub('USD'), '<', sub('USD')),
      bin(sub('Percent'), '>=', sub('Percent')),
      bin(sub('Integer'), '=', sub('Number')),
      bin(sub('Text'), '!=', sub('Text')),
      bin(sub('Boolean'), 'and', sub('Boolean')),
      sub('Boolean').map((b) => `not ${b}`),
      sub('Date').map((d) => `${d} in period`),
    ],
    Date: [call('add_days', sub('Date'), sub('Integer')), call('add_months', sub('Date'), sub('Integer'))],
    Text: [
      fc.tuple(sub('Boolean'), sub('Text'), sub('Text')).map(([b, x, y]) => `(if ${b} then ${x} else ${y})`),
    ],
  };
  return fc.oneof({ depthSize: 'small' }, leaf(t), ...alternatives[t]);
}

const targets = fc.constantFrom(...(Object.keys(TYPES) as Target[]));
const typedExpr = targets.chain((t) => exprOf(t, 3).map((expr) => ({ t, expr })));

describe('typing properties', () => {
  test.prop([typedExpr], { numRuns: 150 })(
    'expressions built by the unit rules have the predicted type',
    ({ t, expr }) => {
      const result = probe(expr);
      expect(result.diagnostics).toEqual([]);
      expect(result.type).toBe(TYPES[t]);
    },
  );

  const unitMistakes = fc.oneof(
    // Money + Percent, Money + Number, Percent + Number (never a literal zero, which fits any unit)
    fc.tuple(
      exprOf('USD', 2),
      fc.constantFrom('+', '-'),
      fc.oneof(exprOf('Percent', 2), exprOf('Number', 2), exprOf('Integer', 2)),
    ),
    fc.tuple(
      exprOf('Percent', 2),
      fc.constantFrom('+', '-'),
      fc.oneof(exprOf('Number', 2), exprOf('EUR', 2)),
    ),
    // two currencies without a conversion
    fc.tuple(exprOf('USD', 2), fc.constantFrom('+', '-', '/', '<', '='), exprOf('EUR', 2)),
    fc.tuple(exprOf('USD', 2), fc.constant('*'), exprOf('USD', 2)),
    fc.tuple(exprOf('Integer', 2), fc.constant('/'), exprOf('USD', 2)),
  );

  test.prop([unitMistakes, fc.boolean()], { numRuns: 150 })(
    'mixing units or currencies is rejected with one AT3xxx diagnostic',
    ([left, op, right], swap) => {
      const expr = swap && op !== '/' && op !== '-' ? `(${right} ${op} ${left})` : `(${left} ${op} ${right})`;
      // Used in a larger expression, which must not report a second error.
      const arithmetic = ['+', '-', '*', '/'].includes(op);
      const result = probe(arithmetic ? `${expr} * 1` : `${expr} and true`);
      expect(result.diagnostics).toHaveLength(1);
      expect(['AT3001', 'AT3002', 'AT3003']).toContain(result.diagnostics[0]?.code);
      const d = result.diagnostics[0];
      expect(d && textAt(result.text, d.range)).toBe(expr.slice(1, -1));
    },
  );
});
