import { describe, expect, test } from 'vitest';
import { format } from './format.js';

/** Formats `let x = <expression>` in a minimal plan and returns what follows `let x = `. */
function formatExpression(expression: string): string {
  const result = format(
    `plan "P" { currency USD period quarter effective 2026-01-01 to 2026-12-31 let x = ${expression} }`,
  );
  expect(result.diagnostics).toEqual([]);
  const lines = (result.text ?? '').split('\n').slice(5, -2);
  return lines.join('\n').replace(/^ {2}let x = /, '');
}

describe('operators and spacing', () => {
  test('single spaces around binary operators, none inside calls and member access', () => {
    expect(formatExpression('a+b*c-d/e')).toBe('a + b * c - d / e');
    expect(formatExpression('min( a ,b )  >=  payee . ote')).toBe('min(a, b) >= payee.ote');
    expect(formatExpression('sum( deals.amount   where stage="Won" )')).toBe(
      'sum(deals.amount where stage = "Won")',
    );
    expect(formatExpression('not a   and b or c')).toBe('not a and b or c');
    expect(formatExpression('if a then b else c')).toBe('if a then b else c');
    expect(formatExpression('x not  in [1,2,3]')).toBe('x not in [1, 2, 3]');
    expect(formatExpression('d in period and e in 1 to 5')).toBe('d in period and e in 1 to 5');
    expect(formatExpression('f()')).toBe('f()');
  });
});

describe('parentheses', () => {
  test('only the parentheses that precedence needs are kept', () => {
    expect(formatExpression('(a + b) * c')).toBe('(a + b) * c');
    expect(formatExpression('(a * b) + c')).toBe('a * b + c');
    expect(formatExpression('((a))')).toBe('a');
    expect(formatExpression('(a - b) - c')).toBe('a - b - c');
    expect(formatExpression('a - (b - c)')).toBe('a - (b - c)');
    expect(formatExpression('a + (b + c)')).toBe('a + (b + c)');
    expect(formatExpression('a / (b * c)')).toBe('a / (b * c)');
    expect(formatExpression('(a or b) and c')).toBe('(a or b) and c');
    expect(formatExpression('a or (b and c)')).toBe('a or b and c');
    expect(formatExpression('not (a = b)')).toBe('not a = b');
    expect(formatExpression('(not a) = b')).toBe('(not a) = b');
    expect(formatExpression('(a = b) = c')).toBe('(a = b) = c');
    expect(formatExpression('-(a + b)')).toBe('-(a + b)');
    expect(formatExpression('-(-a)')).toBe('- -a');
    expect(formatExpression('(-a) * b')).toBe('-a * b');
    expect(formatExpression('(if a then b else c) + 1')).toBe('(if a then b else c) + 1');
    expect(formatExpression('if a then b else (if c then d else e)')).toBe(
      'if a then b else if c then d else e',
    );
    expect(formatExpression('(a + b).c')).toBe('(a + b).c');
    expect(formatExpression('(payee).ote')).toBe('payee.ote');
    expect(formatExpression('(x) in (1) to (2 + 3)')).toBe('x in 1 to 2 + 3');
    expect(formatExpression('(x in [1]) = true')).toBe('(x in [1]) = true');
    expect(formatExpression('f((a + b), (c))')).toBe('f(a + b, c)');
  });
});

describe('literals', () => {
  test('numbers keep their digits; `_` separators are regrouped in thousands or stay absent', () => {
    expect(formatExpression('1.50 + 0.5')).toBe('1.50 + 0.5');
    expect(formatExpression('250000 + 250_000 + 25_00_00')).toBe('250000 + 250_000 + 250_000');
    expect(formatExpression('1_000.000_5')).toBe('1_000.0005');
    expect(formatExpression('12%  +  24.5%')).toBe('12% + 24.5%');
    expect(formatExpression('2_500.50    EUR')).toBe('2_500.50 EUR');
  });

  test('texts are re-escaped, dates and periods printed as written', () => {
    expect(formatExpression('"say \\"hi\\" \\\\ \\n"')).toBe('"say \\"hi\\" \\\\ \\n"');
    expect(formatExpression('x in [2026-01-31, 2026-Q1, 2026-H2, 2026-03, FY2026, true, false, today]')).toBe(
      'x in [2026-01-31, 2026-Q1, 2026-H2, 2026-03, FY2026, true, false, today]',
    );
  });
});

describe('long expressions', () => {
  test('break after an operator, with a continuation indent, when over 100 columns', () => {
    const operands = Array.from({ length: 8 }, (_, i) => `sum(deals_${i}.amount)`);
    expect(formatExpression(operands.join(' + '))).toBe(
      [
        'sum(deals_0.amount) +',
        '      sum(deals_1.amount) +',
        '      sum(deals_2.amount) +',
        '      sum(deals_3.amount) +',
        '      sum(deals_4.amount) +',
        '      sum(deals_5.amount) +',
        '      sum(deals_6.amount) +',
        '      sum(deals_7.amount)',
      ].join('\n'),
    );
  });

  test('an inner chain that fits stays on one line', () => {
    const inner = 'first_amount * first_rate + second_amount * second_rate';
    expect(formatExpression(`(${inner}) > minimum and stage = "Closed Won" and region = "EMEA"`)).toBe(
      [`${inner} > minimum and`, '      stage = "Closed Won" and', '      region = "EMEA"'].join('\n'),
    );
  });

  test('long argument lists break after commas', () => {
    const args = Array.from({ length: 6 }, (_, i) => `a_rather_long_argument_name_${i}`);
    expect(formatExpression(`max(${args.join(', ')})`)).toBe(
      ['max(', ...args.map((a, i) => `        ${a}${i < args.length - 1 ? ',' : ''}`), '      )'].join('\n'),
    );
  });

  test('expressions up to 100 columns stay on one line', () => {
    const expression = `a_${'x'.repeat(80)} + b`;
    expect(`  let x = ${expression}`.length).toBeLessThanOrEqual(100);
    expect(formatExpression(expression)).toBe(expression);
  });
});
