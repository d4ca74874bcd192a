/**
 * Operators and functions written as in a spreadsheet or a programming language get a message
 * that says how a plan writes them.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../compile.js';

const plan = (when: string): string => `plan "Example" {
  currency USD
  period quarter
  effective 2026-01-01 to 2026-12-31

  source deals {
    id: Text key
    owner: Payee owner
    amount: Money
    close_date: Date dated
    stage: Text
  }
  measure bookings = sum(deals.amount)
  bonus b "Bonus" = ${when}
}
`;

/** `code: text covered: message` of every diagnostic. */
function found(source: string): string[] {
  return compile(source, { uri: 'x.attain' }).diagnostics.map(
    (d) => `${d.code}: ${source.slice(d.range.start.offset, d.range.end.offset)}: ${d.message}`,
  );
}

describe('operators and functions from elsewhere', () => {
  it('&& and || are written and, or', () => {
    // Before: "Unknown characters `&&`: it has no meaning in a plan".
    expect(found(plan('500 USD when bookings > 0 && bookings < 9 USD'))).toEqual([
      'AT1004: &&: `&&` is not an operator: write `and`',
    ]);
    expect(found(plan('500 USD when bookings > 0 || bookings < 9 USD'))).toEqual([
      'AT1004: ||: `||` is not an operator: write `or`',
    ]);
  });

  it('==, <> and => are written =, != and >=', () => {
    // Before: "Expected a value such as a number, a name or `(` but found `=`" (or `>`).
    expect(found(plan('500 USD when bookings == 0'))).toEqual([
      'AT1001: ==: `==` is written `=` in a plan: `stage = "Closed Won"`',
    ]);
    expect(found(plan('500 USD when bookings <> 0'))).toEqual([
      'AT1001: <>: `<>` is written `!=` in a plan ("not equal")',
    ]);
    expect(found(plan('500 USD when bookings => 0'))).toEqual(['AT1001: =>: `=>` is written `>=` in a plan']);
    // With a space between, `= =` is not taken for one operator.
    expect(found(plan('500 USD when bookings = = 0'))[0]).toContain('Expected a value');
  });

  it('SUM and IF in capitals', () => {
    // Before: "There is no function `SUM`." with no suggestion.
    expect(found(plan('SUM(deals.amount) * 1% + bookings * 0'))[0]).toBe(
      'AT2004: SUM: There is no function `SUM`. Did you mean `sum`?',
    );
    // Before: "There is no function `IF`."
    expect(found(plan('IF(bookings > 0, 500 USD, 0 USD)'))[0]).toBe(
      'AT2004: IF: There is no function `IF`: a choice is written `if condition then value else other`, such as `if attainment >= 100% then 500 USD else 0 USD`.',
    );
  });

  it('1,000 is written 1_000', () => {
    // Before: "Expected a setting, a declaration or the closing `}` of the plan but found `,`".
    expect(found(plan('1,000 USD')).filter((d) => d.startsWith('AT1'))).toEqual([
      'AT1001: 1,000: Digit groups are separated with `_`, not `,` (which separates lists): write `1_000`, not `1,000`',
    ]);
    expect(found(plan('1,250,000.50 USD * 1%')).join('\n')).toContain(
      'write `1_250_000.50`, not `1,250,000.50`',
    );
    // In a list, a comma separates values.
    expect(found(plan('500 USD when count(deals where amount in [1,000 USD]) > 0')).join('\n')).not.toContain(
      'Digit groups',
    );
  });
});
