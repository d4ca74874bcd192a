import { describe, expect, it } from 'vitest';
import { name, parseExpr, ref, shape } from './test-support.js';

/** The shape of an expression that must parse without diagnostics. */
function exprShape(text: string): unknown {
  const { expr, result } = parseExpr(text);
  expect(result.diagnostics).toEqual([]);
  return shape(expr);
}

const num = (value: string) => ({ kind: 'Number', value, integer: !value.includes('.') });
const pct = (value: string) => ({ kind: 'Percent', value });
const bin = (op: string, left: unknown, right: unknown) => ({ kind: 'Binary', op, left, right });
const ifShape = (condition: unknown, then: unknown, otherwise: unknown) => ({
  kind: 'If',
  condition,
  then,
  else: otherwise,
});

describe('precedence', () => {
  it('multiplies before adding: a + b * c', () => {
    expect(exprShape('a + b * c')).toEqual(bin('+', ref('a'), bin('*', ref('b'), ref('c'))));
  });

  it('associates to the left: a - b - c and a / b * c', () => {
    expect(exprShape('a - b - c')).toEqual(bin('-', bin('-', ref('a'), ref('b')), ref('c')));
    expect(exprShape('a / b * c')).toEqual(bin('*', bin('/', ref('a'), ref('b')), ref('c')));
  });

  it('compares after arithmetic and before and/or: a + 1 > b and c or d', () => {
    expect(exprShape('a + 1 > b and c or d')).toEqual(
      bin('or', bin('and', bin('>', bin('+', ref('a'), num('1')), ref('b')), ref('c')), ref('d')),
    );
  });

  it('binds `not` looser than comparison: not x in [..]', () => {
    expect(exprShape('not x in ["A", "B"]')).toEqual({
      kind: 'Unary',
      op: 'not',
      operand: {
        kind: 'In',
        value: ref('x'),
        negated: false,
        target: {
          kind: 'ListTarget',
          items: [
            { kind: 'Text', value: 'A' },
            { kind: 'Text', value: 'B' },
          ],
        },
      },
    });
  });

  it('reads `x not in a to b` as a negated range', () => {
    expect(exprShape('x not in 1 to 5')).toEqual({
      kind: 'In',
      value: ref('x'),
      negated: true,
      target: { kind: 'RangeTarget', from: num('1'), to: num('5') },
    });
  });

  it('reads `close_date in period`', () => {
    expect(exprShape('close_date in period')).toEqual({
      kind: 'In',
      value: ref('close_date'),
      negated: false,
      target: { kind: 'PeriodTarget' },
    });
  });

  it('reads unary minus tighter than multiplication, and parentheses', () => {
    expect(exprShape('-a * (b + c)')).toEqual(
      bin(
        '*',
        { kind: 'Unary', op: '-', operand: ref('a') },
        { kind: 'Paren', inner: bin('+', ref('b'), ref('c')) },
      ),
    );
  });

  it('reads every comparison operator', () => {
    for (const op of ['=', '!=', '<', '<=', '>', '>=']) {
      expect(exprShape(`a ${op} 1`)).toEqual(bin(op, ref('a'), num('1')));
    }
  });

  it('reads if/then/else, nested in the else branch', () => {
    expect(exprShape('if a > 1 then 2 else if b then 3 else 4')).toEqual(
      ifShape(bin('>', ref('a'), num('1')), num('2'), ifShape(ref('b'), num('3'), num('4'))),
    );
  });
});

describe('calls and members', () => {
  it('reads an aggregate with a where argument', () => {
    expect(exprShape('sum(deals.amount where stage = "Won")')).toEqual({
      kind: 'Call',
      callee: name('sum'),
      args: [
        {
          kind: 'Arg',
          value: { kind: 'Member', object: ref('deals'), member: name('amount') },
          where: bin('=', ref('stage'), { kind: 'Text', value: 'Won' }),
        },
      ],
    });
  });

  it('reads calls with several arguments and no arguments', () => {
    expect(exprShape('clamp(x, 0, 1)')).toEqual({
      kind: 'Call',
      callee: name('clamp'),
      args: [
        { kind: 'Arg', value: ref('x') },
        { kind: 'Arg', value: num('0') },
        { kind: 'Arg', value: num('1') },
      ],
    });
    expect(exprShape('today_value()')).toEqual({ kind: 'Call', callee: name('today_value'), args: [] });
  });

  it('reads `rate(t)`, `lookup(t, k)` and `curve(c)` as calls although their words start tables', () => {
    expect(exprShape('rate(commission_rates)')).toEqual({
      kind: 'Call',
      callee: name('rate'),
      args: [{ kind: 'Arg', value: ref('commission_rates') }],
    });
    expect(exprShape('amount * lookup(partner_rates, product)')).toMatchObject({
      right: {
        kind: 'Call',
        callee: name('lookup'),
        args: [{ value: ref('partner_rates') }, { value: ref('product') }],
      },
    });
    expect(exprShape('curve(retention_curve)')).toMatchObject({ kind: 'Call', callee: name('curve') });
  });

  it('reads member chains, with keywords as member names', () => {
    expect(exprShape('payee.manager.hire_date')).toEqual({
      kind: 'Member',
      object: { kind: 'Member', object: { kind: 'PayeeRef' }, member: name('manager') },
      member: name('hire_date'),
    });
    expect(exprShape('deals.period')).toEqual({
      kind: 'Member',
      object: ref('deals'),
      member: name('period'),
    });
  });

  it('accepts soft keywords as names: amount, owner, share, date', () => {
    expect(exprShape('amount + owner + share + date')).toEqual(
      bin('+', bin('+', bin('+', ref('amount'), ref('owner')), ref('share')), ref('date')),
    );
  });
});

describe('literals', () => {
  it('reads numbers as canonical decimal strings', () => {
    expect(exprShape('250_000')).toEqual(num('250000'));
    expect(exprShape('2_500.50')).toEqual(num('2500.50'));
    expect(exprShape('007')).toEqual(num('7'));
  });

  it('reads percentages, money, dates, periods, text and booleans', () => {
    expect(exprShape('24.5%')).toEqual(pct('24.5'));
    expect(exprShape('2_500.50 EUR')).toEqual({ kind: 'Money', value: '2500.50', currency: name('EUR') });
    expect(exprShape('2026-01-31')).toEqual({ kind: 'Date', value: '2026-01-31' });
    expect(exprShape('2026-Q1')).toEqual({ kind: 'PeriodLit', value: '2026-Q1' });
    expect(exprShape('FY2026')).toEqual({ kind: 'PeriodLit', value: 'FY2026' });
    expect(exprShape('"say \\"hi\\""')).toEqual({ kind: 'Text', value: 'say "hi"' });
    expect(exprShape('true and false')).toEqual(
      bin('and', { kind: 'Boolean', value: true }, { kind: 'Boolean', value: false }),
    );
    expect(exprShape('today')).toEqual({ kind: 'TodayRef' });
    expect(exprShape('period')).toEqual({ kind: 'PeriodRef' });
  });

  it('reads a currency only for three upper-case letters right after a number', () => {
    expect(exprShape('500 USD * 2')).toEqual(
      bin('*', { kind: 'Money', value: '500', currency: name('USD') }, num('2')),
    );
    const { result } = parseExpr('500 usd');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['AT1001']);
  });
});

describe('ranges', () => {
  it('covers the whole expression and each operand', () => {
    const text = 'a + b * c';
    const { expr } = parseExpr(text);
    expect(expr?.kind).toBe('Binary');
    if (expr?.kind !== 'Binary') return;
    const start = expr.range.start.offset;
    expect(expr.range.end.offset - start).toBe(text.length);
    expect(expr.right.range.start.offset - start).toBe(4);
    expect(expr.right.range.end.offset - start).toBe(9);
  });
});
