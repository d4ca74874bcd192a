/**
 * The deepest plans the checker lets through (the AT1001 and AT2011 limits) calculate without
 * running out of stack.
 */
import { describe, expect, it } from 'vitest';
import { payee, planOf, run, statement } from '../test-support.js';

function plan(body: string): string {
  return `plan "Test" version "1" {
  currency USD
  period quarter
  effective 2026-01-01 to 2026-12-31
${body}
}`;
}

/** `let s1 = <minus signs> s2`, …, `let sN = <minus signs> 1`, and `bonus b = s1 * 1 USD`. */
function chain(length: number, minus: number): string {
  const lets = Array.from(
    { length },
    (_, i) => `  let s${i + 1} = ${'-'.repeat(minus)}${i + 1 < length ? `s${i + 2}` : '1'}`,
  );
  return plan(`${lets.join('\n')}\n  bonus b = s1 * 1 USD`);
}

const payout = (text: string) =>
  statement(run(planOf(text), { payees: [payee('p')] }, ['2026-Q1']), 'p', '2026-Q1').payout;

describe('the deepest plans the checker allows', () => {
  it('calculate a chain of 748 definitions', () => {
    expect(payout(chain(748, 0))).toBe('1.00');
  });

  it('calculate 11 definitions each nested 250 levels deep', () => {
    // 250 minus signs per definition, 11 definitions: 2,750 signs, an even number: +1.
    expect(payout(chain(11, 250))).toBe('1.00');
  });

  it('calculate a run of 1,000 terms in each of two chained definitions', () => {
    const lets = Array.from(
      { length: 2 },
      (_, i) => `  let d${i} = ${[i + 1 < 2 ? `d${i + 1}` : '1', ...Array(999).fill('1')].join(' + ')}`,
    );
    // d1 = 1,000; d0 adds 999: 1,999.
    expect(payout(plan(`${lets.join('\n')}\n  bonus b = d0 * 1 USD`))).toBe('1999.00');
  });
});
