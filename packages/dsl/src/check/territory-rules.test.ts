/**
 * The territory rule analysis with comparisons (AT5104, AT5105): `size >= 1000` and `size >= 500`
 * both match an account of size 2000, and with the same priority the territory written first got
 * it silently, because a comparison made the rule "not understood" and the checker said nothing.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { checkDecls, expectOne, textAt } from './test-plans.js';

const accounts =
  '  source accounts { id: Text key, region: Text, size: Number, employees: Integer, signed: Date, share: Percent, potential: Money }';

/** Two territories of priority 2 with the rules `a` and `b`. */
function two(a: string, b: string): ReturnType<typeof checkDecls> {
  return checkDecls(
    `${accounts}\n  territories on accounts by priority {\n    territory a { where ${a} priority 2 }\n    territory b { where ${b} priority 2 }\n  }`,
  );
}

/** The codes of two territories' diagnostics. */
const codesOf = (a: string, b: string): string[] => two(a, b).diagnostics.map((d) => d.code);

/** One territory with the rule `a`. */
function one(a: string): ReturnType<typeof checkDecls> {
  return checkDecls(
    `${accounts}\n  territories on accounts by priority {\n    territory odd { where ${a} }\n  }`,
  );
}

describe('territory rules with comparisons: overlaps (AT5104)', () => {
  it('warns about the reviewer cases', () => {
    // size 2000 matches both
    const r = two('size >= 1000', 'size >= 500');
    const d = expectOne(r, 'AT5104', 'where size >= 500');
    expect(d.message).toBe(
      'Territories a and b can both match the same account, and neither has a higher priority: give them different priorities or make their rules exclusive',
    );
    expect(d.related?.map((x) => textAt(r.text, x.range))).toEqual(['where size >= 1000']);
    // EU, size 11: b is a strict subset of a
    expectOne(
      two('region = "EU"', 'region = "EU" and size > 10'),
      'AT5104',
      'where region = "EU" and size > 10',
    );
    // different fields: EU, size 600 matches both
    expectOne(two('region = "EU"', 'size >= 500'), 'AT5104', 'where size >= 500');
  });

  it('reads the literal on either side and `in lo to hi` (both ends included)', () => {
    expect(codesOf('500 <= size', 'size <= 500')).toEqual(['AT5104']); // 500 matches both
    expect(codesOf('500 < size', 'size <= 500')).toEqual([]); // 500 < x and x <= 500: none
    expect(codesOf('size in 1 to 5', '5 <= size')).toEqual(['AT5104']); // 5 matches both
    expect(codesOf('size in 1 to 5', 'size > 5')).toEqual([]);
    expect(codesOf('size > -5', 'size < -5')).toEqual([]); // a negative literal
    expect(codesOf('size >= -5', 'size <= -5')).toEqual(['AT5104']); // -5 matches both
  });

  it('stays silent about exclusive ranges', () => {
    expect(codesOf('size < 500', 'size >= 500')).toEqual([]);
    expect(codesOf('500 > size', 'size >= 500')).toEqual([]);
    expect(codesOf('size <= 499.99', 'size > 499.99')).toEqual([]);
    expect(codesOf('region = "EU" and size > 10', 'region = "US"')).toEqual([]);
    expect(codesOf('size < 500 or region = "EU"', 'size >= 500 and region = "US"')).toEqual([]);
    // an equality outside the other's range
    expect(codesOf('size = 499', 'size >= 500')).toEqual([]);
    expect(codesOf('size = 500', 'size >= 500')).toEqual(['AT5104']);
    expect(codesOf('size in [1, 2, 3]', 'size > 3')).toEqual([]);
  });

  it('takes decimals exactly and whole numbers as whole', () => {
    // 499.995 lies between
    expect(codesOf('size < 499.996', 'size > 499.994')).toEqual(['AT5104']);
    // no whole number is more than 3 and less than 4
    expect(codesOf('employees > 3', 'employees < 4')).toEqual([]);
    // 3.5 is a Number
    expect(codesOf('size > 3', 'size < 4')).toEqual(['AT5104']);
    // employees 4 matches both
    expect(codesOf('employees > 3', 'employees < 5')).toEqual(['AT5104']);
    // 4 is ruled out and is the only whole number between: none
    expect(codesOf('employees > 3 and employees != 4', 'employees < 5')).toEqual([]);
  });

  it('compares dates by day, percentages and amounts exactly', () => {
    expect(codesOf('signed >= 2026-07-01', 'signed < 2026-07-01')).toEqual([]);
    // 2026-07-01 matches both
    expect(codesOf('signed > 2026-06-30', 'signed >= 2026-07-01')).toEqual(['AT5104']);
    // no day lies after 2026-06-30 and before 2026-07-01
    expect(codesOf('signed > 2026-06-30', 'signed < 2026-07-01')).toEqual([]);
    // 2026-06-30 matches both
    expect(codesOf('signed in 2026-01-01 to 2026-06-30', 'signed >= 2026-06-30')).toEqual(['AT5104']);
    expect(codesOf('share >= 10%', 'share < 10%')).toEqual([]);
    expect(codesOf('share >= 10%', 'share >= 5%')).toEqual(['AT5104']); // 10% matches both
    expect(codesOf('potential > 100 USD', 'potential <= 100 USD')).toEqual([]);
    // 1000 USD matches both
    expect(codesOf('potential >= 1000 USD', 'potential > 999.99 USD')).toEqual(['AT5104']);
  });

  it('does not guess about tests it does not read', () => {
    expect(codesOf('size > employees', 'size > 0')).toEqual([]);
    expect(codesOf('size not in 1 to 5', 'size > 0')).toEqual([]);
  });
});

describe('territory rules with comparisons: never matching (AT5105)', () => {
  it('reports ranges that contradict each other', () => {
    const d = expectOne(one('size > 10 and size < 5'), 'AT5105', 'where size > 10 and size < 5');
    expect(d.message).toBe(
      'Territory odd can never match an account: size cannot be both more than 10 and less than 5',
    );
    expect(expectOne(one('size > 5 and size <= 5'), 'AT5105', 'where size > 5 and size <= 5').message).toBe(
      'Territory odd can never match an account: size cannot be both more than 5 and at most 5',
    );
    expect(expectOne(one('size = 3 and size > 5'), 'AT5105', 'where size = 3 and size > 5').message).toBe(
      'Territory odd can never match an account: size cannot be both 3 and more than 5',
    );
    expect(
      expectOne(one('employees > 3 and employees < 4'), 'AT5105', 'where employees > 3 and employees < 4')
        .message,
    ).toBe(
      'Territory odd can never match an account: employees is a whole number, so it is never both more than 3 and less than 4',
    );
    expect(
      expectOne(
        one('signed > 2026-01-01 and signed < 2026-01-02'),
        'AT5105',
        'where signed > 2026-01-01 and signed < 2026-01-02',
      ).message,
    ).toBe(
      'Territory odd can never match an account: signed is a date, so it is never both after 2026-01-01 and before 2026-01-02',
    );
    expect(
      expectOne(one('size in 5 to 5 and size != 5'), 'AT5105', 'where size in 5 to 5 and size != 5').message,
    ).toBe('Territory odd can never match an account: every value of size the rule allows is also ruled out');
  });

  it('accepts ranges that hold one value or more', () => {
    expect(one('size >= 5 and size <= 5').diagnostics).toEqual([]);
    expect(one('employees >= 3 and employees < 4').diagnostics).toEqual([]);
    expect(one('(size > 10 and size < 5) or size = 7').diagnostics).toEqual([]);
  });
});

// A random rule over one field: an `or` of `and`s of tests against small literals.
type Op = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not in' | 'to';
interface T {
  op: Op;
  values: number[];
}
const literal = fc.integer({ min: -2, max: 4 }).map((n) => n / 2);
const testArb: fc.Arbitrary<T> = fc.oneof(
  fc.record({
    op: fc.constantFrom<Op>('=', '!=', '<', '<=', '>', '>='),
    values: fc.tuple(literal).map((v) => [...v]),
  }),
  fc.record({
    op: fc.constantFrom<Op>('in', 'not in'),
    values: fc.array(literal, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ op: fc.constant<Op>('to'), values: fc.tuple(literal, literal).map((v) => [...v]) }),
);
const ruleArb = fc.array(fc.array(testArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 });

const written = (field: string, t: T): string => {
  const v = t.values.map((x) => String(x));
  if (t.op === 'in' || t.op === 'not in') return `${field} ${t.op} [${v.join(', ')}]`;
  if (t.op === 'to') return `${field} in ${v[0]} to ${v[1]}`;
  // Write every other comparison with the literal first, to read both orders.
  const flipped: Record<string, string> = {
    '<': '>',
    '<=': '>=',
    '>': '<',
    '>=': '<=',
    '=': '=',
    '!=': '!=',
  };
  return t.values[0] !== undefined && t.values[0] > 0
    ? `${v[0]} ${flipped[t.op]} ${field}`
    : `${field} ${t.op} ${v[0]}`;
};
const ruleText = (field: string, rule: T[][]): string =>
  rule.map((c) => `(${c.map((t) => written(field, t)).join(' and ')})`).join(' or ');

function holds(t: T, x: number): boolean {
  const [a = 0, b = 0] = t.values;
  switch (t.op) {
    case '=':
      return x === a;
    case '!=':
      return x !== a;
    case '<':
      return x < a;
    case '<=':
      return x <= a;
    case '>':
      return x > a;
    case '>=':
      return x >= a;
    case 'in':
      return t.values.includes(x);
    case 'not in':
      return !t.values.includes(x);
    case 'to':
      return a <= x && x <= b;
  }
}
const matches = (rule: T[][], x: number): boolean => rule.some((c) => c.every((t) => holds(t, x)));

/**
 * Every value where the truth of a rule can change: each literal, the midpoints between them and a
 * value beyond each end (halves and quarters are exact in binary, so the comparisons are exact);
 * for a whole-number field, every whole number from below the least literal to above the largest.
 */
function grid(rules: T[][][], whole: boolean): number[] {
  const ls = [...new Set(rules.flat(3).flatMap((t) => t.values))].sort((x, y) => x - y);
  const lo = (ls[0] ?? 0) - 1;
  const hi = (ls[ls.length - 1] ?? 0) + 1;
  if (whole) {
    const out: number[] = [];
    for (let n = Math.floor(lo); n <= Math.ceil(hi); n++) out.push(n);
    return out;
  }
  return [lo, ...ls.flatMap((x, i) => (i + 1 < ls.length ? [x, (x + (ls[i + 1] as number)) / 2] : [x])), hi];
}

describe('territory rules over one field: the check agrees with brute force', () => {
  for (const field of ['size', 'employees']) {
    test.prop([ruleArb, ruleArb], { numRuns: 150 })(`${field}: overlap and never-match`, (a, b) => {
      const result = two(ruleText(field, a), ruleText(field, b));
      const values = grid([a, b], field === 'employees');
      const both = values.some((x) => matches(a, x) && matches(b, x));
      const diagnostics = result.diagnostics.map((d) => `${d.code} ${d.message}`);
      expect(
        diagnostics.some((d) => d.startsWith('AT5104')),
        `${result.text}\n${diagnostics.join('\n')}`,
      ).toBe(both);
      const never = [a, b].filter((rule) => !values.some((x) => matches(rule, x))).length;
      expect(diagnostics.filter((d) => d.startsWith('AT5105')).length, result.text).toBe(never);
    });
  }
});
