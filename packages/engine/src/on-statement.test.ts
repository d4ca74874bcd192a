import { describe, expect, it } from 'vitest';
import type { Statement } from './results/results.js';
import { payee, planOf, quarterly, rows, run } from './test-support.js';

const plan = planOf(
  quarterly(`source deals {
    id: Text key
    owner: Payee owner
    amount: Money
    close_date: Date dated
  }
  credit won from deals { to owner }
  commission c = won * 10%`),
);

const data = {
  payees: [payee('b'), payee('a'), payee('c')],
  records: {
    deals: rows(
      { id: 'D1', owner: 'a', amount: '1000', close_date: '2026-01-05' },
      { id: 'D2', owner: 'b', amount: 'oops', close_date: '2026-02-05' },
      { id: 'D3', owner: 'c', amount: '300', close_date: '2026-04-02' },
    ),
  },
};

describe('onStatement', () => {
  it('receives every statement, in the order of the results, which then keep none', () => {
    const streamed: Statement[] = [];
    const options = { mode: 'lenient' as const, onStatement: (s: Statement) => streamed.push(s) };
    const withCallback = run(plan, data, ['2026-Q1', '2026-Q2'], options);
    const whole = run(plan, data, ['2026-Q1', '2026-Q2'], { mode: 'lenient' });
    expect(withCallback.statements).toEqual([]);
    expect(JSON.stringify(streamed)).toBe(JSON.stringify(whole.statements));
    expect(streamed.map((s) => `${s.payee} ${s.period} ${s.payout}`)).toEqual([
      'a 2026-Q1 100.00',
      'a 2026-Q2 0.00',
      'b 2026-Q1 0.00',
      'b 2026-Q2 0.00',
      'c 2026-Q1 0.00',
      'c 2026-Q2 30.00',
    ]);
    expect(withCallback.rejected).toEqual(whole.rejected);
    expect(withCallback.warnings).toEqual(whole.warnings);
  });

  it('is never called when strict mode finds errors', () => {
    const streamed: Statement[] = [];
    const results = run(plan, data, ['2026-Q1'], { onStatement: (s: Statement) => streamed.push(s) });
    expect(results.errors.length).toBe(1);
    expect(streamed).toEqual([]);
  });
});
