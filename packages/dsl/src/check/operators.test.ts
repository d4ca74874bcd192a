import { describe, expect, it } from 'vitest';
import { arithmetic, comparison, logical, negate } from './operators.js';
import { probe } from './test-plans.js';
import { formatType, money, T, type Type } from './types.js';

const USD = money('USD');
const EUR = money('EUR');
const N = T.Number;
const I = T.Integer;
const P = T.Percent;

/** [left, op, right, result type or error code] — the unit rules of DESIGN.md. */
const algebra: [Type, '+' | '-' | '*' | '/', Type, Type | 'AT3002' | 'AT3003'][] = [
  // money with money
  [USD, '+', USD, USD],
  [USD, '-', USD, USD],
  [USD, '+', EUR, 'AT3002'],
  [USD, '-', EUR, 'AT3002'],
  [USD, '/', USD, P],
  [USD, '/', EUR, 'AT3002'],
  [USD, '*', USD, 'AT3003'],
  [USD, '*', EUR, 'AT3003'],
  // money with numbers and percentages
  [USD, '*', P, USD],
  [P, '*', USD, USD],
  [USD, '*', N, USD],
  [N, '*', USD, USD],
  [USD, '*', I, USD],
  [I, '*', EUR, EUR],
  [USD, '/', N, USD],
  [USD, '/', I, USD],
  [USD, '/', P, USD],
  [USD, '+', N, 'AT3003'],
  [N, '+', USD, 'AT3003'],
  [USD, '-', I, 'AT3003'],
  [USD, '+', P, 'AT3003'],
  [P, '-', USD, 'AT3003'],
  [N, '/', USD, 'AT3003'],
  [P, '/', USD, 'AT3003'],
  // percentages
  [P, '+', P, P],
  [P, '-', P, P],
  [P, '*', P, P],
  [P, '*', N, P],
  [I, '*', P, P],
  [P, '/', N, P],
  [P, '/', P, N],
  [P, '+', N, 'AT3003'],
  [I, '-', P, 'AT3003'],
  // numbers
  [N, '+', N, N],
  [N, '*', N, N],
  [N, '/', N, N],
  [I, '+', I, I],
  [I, '-', I, I],
  [I, '*', I, I],
  [I, '/', I, N],
  [I, '+', N, N],
  [N, '-', I, N],
  [N, '/', P, N],
  // other types have no arithmetic
  [T.Date, '+', I, 'AT3003'],
  [T.Date, '-', T.Date, 'AT3003'],
  [T.Text, '+', T.Text, 'AT3003'],
  [T.Boolean, '*', I, 'AT3003'],
  [T.Payee, '+', USD, 'AT3003'],
  [T.Period, '-', I, 'AT3003'],
];

describe('the unit algebra', () => {
  it.each(algebra.map(([l, op, r, expected]) => [formatType(l), op, formatType(r), expected, l, r] as const))(
    '%s %s %s',
    (_l, op, _r, expected, left, right) => {
      const result = arithmetic(op, left, right);
      if (typeof expected === 'string') {
        expect(result).toMatchObject({ ok: false, code: expected });
      } else {
        expect(result).toEqual({ ok: true, type: expected });
      }
    },
  );

  it('gives Unknown, without an error, when an operand already has one', () => {
    for (const op of ['+', '-', '*', '/'] as const) {
      expect(arithmetic(op, T.Unknown, USD)).toEqual({ ok: true, type: T.Unknown });
      expect(arithmetic(op, T.Text, T.Unknown)).toEqual({ ok: true, type: T.Unknown });
    }
  });

  it('names both units and suggests a fix in its messages', () => {
    const percent = arithmetic('+', USD, P);
    expect(percent.ok ? '' : percent.message).toBe(
      'Cannot add Percent to Money (USD): to raise an amount by a percentage, multiply, for example amount * 110%',
    );
    const lower = arithmetic('-', USD, P);
    expect(lower.ok ? '' : lower.message).toBe(
      'Cannot subtract Percent from Money (USD): to lower an amount by a percentage, multiply, for example amount * 90%',
    );
    const currency = arithmetic('+', USD, EUR);
    expect(currency.ok ? '' : currency.message).toContain('convert(amount, EUR)');
    const number = arithmetic('-', USD, I);
    expect(number.ok ? '' : number.message).toBe(
      'Cannot subtract Integer from Money (USD): write the number as money, for example 500 USD',
    );
  });
});

describe('suggested fixes compile', () => {
  it('raises or lowers an amount by a percentage the way the message suggests', () => {
    const raised = probe('payee.ote + 10%');
    expect(raised.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'AT3003',
        'Cannot add Percent to Money (USD): to raise an amount by a percentage, multiply, for example amount * 110%',
      ],
    ]);
    // The suggestion, written with the amount of the expression, compiles to money.
    for (const fixed of ['payee.ote * 110%', 'payee.ote * 90%']) {
      expect(probe(fixed)).toMatchObject({ type: 'Money (USD)', diagnostics: [] });
    }
    // The old suggestion did not: 1 + 10% adds a percentage to an integer.
    expect(probe('payee.ote * (1 + 10%)').diagnostics.map((d) => d.code)).toEqual(['AT3003']);
  });
});

describe('comparisons', () => {
  const cases: [Type, Type, boolean][] = [
    [USD, USD, true],
    [I, N, true],
    [P, P, true],
    [T.Date, T.Date, true],
    [T.Text, T.Text, true],
    [T.Period, T.Period, true],
    [P, N, false],
    [USD, N, false],
    [T.Text, I, false],
    [T.Date, T.Text, false],
  ];
  it.each(cases.map(([l, r, ok]) => [formatType(l), formatType(r), ok, l, r] as const))(
    '%s = %s is allowed: %s',
    (_l, _r, ok, l, r) => {
      expect(comparison('=', l, r).ok).toBe(ok);
    },
  );

  it('reports mismatched currencies as AT3002 and other mismatches as AT3001', () => {
    expect(comparison('<', USD, EUR)).toMatchObject({ ok: false, code: 'AT3002' });
    expect(comparison('<', P, N)).toMatchObject({ ok: false, code: 'AT3001' });
  });

  it('suggests a unit for the bare number on either side of a comparison', () => {
    const percent = 'write the number as a percentage, for example 50% rather than 0.5';
    const money = 'write the number as money, for example 500 USD';
    const message = (left: Type, right: Type) => {
      const result = comparison('<=', left, right);
      return result.ok ? '' : result.message;
    };
    expect(message(P, N)).toBe(`Cannot compare Percent with Number: ${percent}`);
    expect(message(N, P)).toBe(`Cannot compare Number with Percent: ${percent}`);
    expect(message(I, P)).toBe(`Cannot compare Integer with Percent: ${percent}`);
    expect(message(USD, I)).toBe(`Cannot compare Money (USD) with Integer: ${money}`);
    expect(message(N, USD)).toBe(`Cannot compare Number with Money (USD): ${money}`);
    expect(message(P, USD)).toBe('Cannot compare Percent with Money (USD)');
    expect(message(T.Text, N)).toBe('Cannot compare Text with Number');
  });

  it('orders only quantities, dates and periods', () => {
    expect(comparison('<', T.Text, T.Text)).toMatchObject({ ok: false, code: 'AT3003' });
    expect(comparison('>=', T.Boolean, T.Boolean)).toMatchObject({ ok: false, code: 'AT3003' });
    expect(comparison('!=', T.Payee, T.Payee)).toEqual({ ok: true, type: T.Boolean });
    expect(comparison('<=', T.Date, T.Date)).toEqual({ ok: true, type: T.Boolean });
  });
});

describe('logic and negation', () => {
  it('needs true/false on both sides of and/or', () => {
    expect(logical('and', T.Boolean, T.Boolean)).toEqual({ ok: true, type: T.Boolean });
    expect(logical('or', T.Boolean, USD)).toMatchObject({ ok: false, code: 'AT3004' });
    expect(logical('and', T.Unknown, T.Boolean)).toEqual({ ok: true, type: T.Boolean });
  });

  it('negates quantities only', () => {
    expect(negate(USD)).toEqual({ ok: true, type: USD });
    expect(negate(P)).toEqual({ ok: true, type: P });
    expect(negate(T.Text)).toMatchObject({ ok: false, code: 'AT3003' });
  });
});
