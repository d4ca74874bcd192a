import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { codes } from '../diagnostics/codes.js';
import { parse } from '../syntax/parse.js';
import { bind } from './bind.js';
import { stronglyConnected } from './cycles.js';

const fixture = readFileSync(new URL('../syntax/fixtures/ae.attain', import.meta.url), 'utf8');

describe('bind on the Enterprise AE plan', () => {
  const binding = bind(parse(fixture).file);

  it('reports only the measure nothing uses', () => {
    expect(binding.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'AT2006 The measure `ytd_bookings` is never used.',
    ]);
  });

  it('declares every top-level name once', () => {
    expect([...binding.declarations.keys()]).toEqual([
      'deals',
      'bookings_quota',
      'bookings',
      'attainment',
      'ytd_bookings',
      'target_incentive',
      'commission_rates',
      'new_business',
      'multi_year',
      'ramp_draw',
      'cancellations',
      'year_end',
    ]);
  });

  it('keeps doc comments on symbols', () => {
    expect(binding.declarations.get('new_business')?.[0]?.doc).toContain('Paid on every closed-won deal');
  });

  it('gives every symbol a distinct id', () => {
    expect(new Set(binding.symbols.map((s) => s.id)).size).toBe(binding.symbols.length);
  });
});

/** Text near a plan: the fixture with a slice cut out, or with a fragment pasted in. */
const damagedPlan = fc.oneof(
  fc
    .tuple(fc.nat(fixture.length), fc.nat(200))
    .map(([at, length]) => fixture.slice(0, at) + fixture.slice(at + length)),
  fc
    .tuple(
      fc.nat(fixture.length),
      fc.constantFrom(
        'deals.',
        'payee.',
        'count(',
        ' where ',
        '{',
        '}',
        ' = ',
        'measure x = y',
        '(',
        'bookngs',
        '.',
      ),
    )
    .map(([at, fragment]) => fixture.slice(0, at) + fragment + fixture.slice(at)),
  fc.string({ maxLength: 200 }),
);

test.prop([damagedPlan])('bind never throws and reports only name codes inside the text', (text) => {
  const binding = bind(parse(text).file);
  const symbols = new Set(binding.symbols);
  for (const reference of binding.references) expect(symbols.has(reference.symbol)).toBe(true);
  for (const diagnostic of binding.diagnostics) {
    expect(diagnostic.code).toMatch(/^AT2\d{3}$/);
    expect(diagnostic.severity).toBe(codes[diagnostic.code as keyof typeof codes].severity);
    expect(diagnostic.range.start.offset).toBeGreaterThanOrEqual(0);
    expect(diagnostic.range.end.offset).toBeLessThanOrEqual(text.length);
  }
});

describe('stronglyConnected', () => {
  it('groups a cycle and leaves other nodes alone', () => {
    const edges: Record<string, string[]> = { a: ['b'], b: ['c'], c: ['a'], d: ['a'], e: [] };
    const groups = stronglyConnected(['a', 'b', 'c', 'd', 'e'], (n) => edges[n] ?? []);
    expect(groups).toEqual([['a', 'b', 'c'], ['d'], ['e']]);
  });

  it('handles chains far longer than the call stack would allow recursively', () => {
    const n = 50_000;
    const nodes = Array.from({ length: n }, (_, i) => i);
    const groups = stronglyConnected(nodes, (i) => (i + 1 < n ? [i + 1] : [0]));
    expect(groups).toHaveLength(1);
    expect(groups[0]).toHaveLength(n);
  });

  const graph = fc
    .integer({ min: 1, max: 9 })
    .chain((n) =>
      fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 20 })),
    );

  test.prop([graph])('puts two nodes together exactly when each reaches the other', ([n, edges]) => {
    const nodes = Array.from({ length: n }, (_, i) => i);
    const next = (i: number) => edges.filter(([from]) => from === i).map(([, to]) => to);
    const reach = nodes.map((start) => {
      const seen = new Set([start]);
      const queue = [start];
      while (queue.length > 0)
        for (const m of next(queue.pop() as number)) if (!seen.has(m)) seen.add(m) && queue.push(m);
      return seen;
    });
    const groups = stronglyConnected(nodes, next);
    const groupOf = new Map(groups.flatMap((g, gi) => g.map((node) => [node, gi] as const)));
    expect(groupOf.size).toBe(n);
    for (const a of nodes) {
      for (const b of nodes) {
        const together = groupOf.get(a) === groupOf.get(b);
        expect(together).toBe(Boolean(reach[a]?.has(b) && reach[b]?.has(a)));
      }
    }
  });
});
