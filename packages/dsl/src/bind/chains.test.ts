import { describe, expect, it } from 'vitest';
import { parse } from '../syntax/parse.js';
import { bind } from './bind.js';
import { chainStepCost, maxChainCost } from './chains.js';

/** A chain `bonus b = s1 * 1 USD`, `let s1 = <minus signs> s2`, …, `let sN = 1`. */
function chain(length: number, minus = 0): string {
  const lets = Array.from(
    { length },
    (_, i) => `  let s${i + 1} = ${'-'.repeat(minus)}${i + 1 < length ? `s${i + 2}` : '1'}`,
  );
  return `plan "Test" {
  currency USD
  period quarter
  effective 2026-01-01 to 2026-12-31
${lets.join('\n')}
  bonus b = s1 * 1 USD
}
`;
}

function chainDiagnostics(text: string) {
  const parsed = parse(text);
  expect(parsed.diagnostics).toEqual([]);
  return bind(parsed.file).diagnostics.filter((d) => d.code === 'AT2011');
}

describe('chains of definitions (AT2011)', () => {
  it('allows a chain within the cost, and reports one that goes beyond it at its head', () => {
    // `let sK = sK+1` costs 3 + 1 (one level of nesting); `bonus b = s1 * 1 USD` costs 3 + 2.
    // 748 lets: 748 x 4 + 5 = 2,997, within 3,000. 749 lets: 3,001.
    expect(chainStepCost).toBe(3);
    expect(maxChainCost).toBe(3000);
    expect(chainDiagnostics(chain(748))).toEqual([]);
    const text = chain(749);
    const [found, ...more] = chainDiagnostics(text);
    expect(more).toEqual([]);
    expect(text.slice(found?.range.start.offset, found?.range.end.offset)).toBe('b');
    expect(found?.message).toBe(
      '`b` is worked out through a chain of 750 definitions, each used inside the next (`b` → `s1` → `s2` → … → `s749`): too deep to calculate (each definition counts 3 and each level of its expression 1, every operator of a sum counting, up to 3,000 in all). Compute it in fewer steps, with a sum or a table',
    );
  });

  it('counts the nesting of each expression', () => {
    // 250 minus signs make a tree 251 levels deep with the name: each let costs 254. 11 lets:
    // 2,794 + 5 for b, within; 12 lets: 3,048 + 5, beyond.
    expect(chainDiagnostics(chain(11, 250))).toEqual([]);
    expect(chainDiagnostics(chain(12, 250)).map((d) => d.severity)).toEqual(['error']);
  });

  it('counts every operator of a sum: the engine evaluates a sum one operator at a time', () => {
    // Each let a sum of 1,000 terms, its first term the next let: a tree 1,000 levels deep, 1,003
    // each. Two lets: 2,006 + 5, within; three: 3,009 + 5, beyond (twelve crashed the engine).
    const sums = (n: number) =>
      chain(n).replace(
        /let s(\d+) = (\S+)/g,
        (_, i, first) => `let s${i} = ${[first, ...Array(999).fill('1')].join(' + ')}`,
      );
    expect(chainDiagnostics(sums(2))).toEqual([]);
    expect(chainDiagnostics(sums(3)).length).toBe(1);
  });

  it('leaves cycles to AT2005, and still measures the chain above them', () => {
    const cyclic = chain(749).replace('let s749 = 1', 'let s749 = s748');
    const parsed = parse(cyclic);
    const codes = bind(parsed.file).diagnostics.map((d) => d.code);
    expect(codes).toContain('AT2005');
    // s748 and s749 form a cycle, each counting alone: the chain above is 747 x 4 + 4 + 5 < 3,000.
    expect(codes).not.toContain('AT2011');
  });
});
