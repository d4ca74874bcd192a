import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hierarchyOf, type ReportingLine } from './hierarchy.js';

const line = (id: string, manager?: string): ReportingLine =>
  manager === undefined ? { id } : { id, manager };

describe('hierarchyOf', () => {
  it('places payees under their managers, depth first, siblings by id, whatever the input order', () => {
    // vp <- m1 <- r1, r2; vp <- m2 <- r3; solo's manager is not among the payees: a top of their own.
    const lines = [
      line('r3', 'm2'),
      line('m2', 'vp'),
      line('r2', 'm1'),
      line('solo', 'ghost'),
      line('vp'),
      line('r1', 'm1'),
      line('m1', 'vp'),
    ];
    const h = hierarchyOf(lines);
    expect(h.order.map((p) => [p.id, p.level, p.reports])).toEqual([
      ['solo', 0, []],
      ['vp', 0, ['m1', 'm2']],
      ['m1', 1, ['r1', 'r2']],
      ['r1', 2, []],
      ['r2', 2, []],
      ['m2', 1, ['r3']],
      ['r3', 2, []],
    ]);
    expect(h.unplaced).toEqual([]);
    expect(h.team('vp')).toEqual(['m1', 'm2', 'r1', 'r2', 'r3', 'vp']);
    expect(h.team('m1')).toEqual(['m1', 'r1', 'r2']);
    expect(h.team('r1')).toEqual(['r1']);
    expect(h.team('ghost')).toEqual([]);
    expect(JSON.stringify(hierarchyOf([...lines].reverse()).order)).toBe(JSON.stringify(h.order));
  });

  it('leaves a cycle and everyone below it unplaced, and grants nothing through it', () => {
    // a and b manage each other; c reports to b and f to c: none of them reaches the top.
    // d is the top of a proper team with e. s manages themself: the smallest cycle.
    const h = hierarchyOf([
      line('a', 'b'),
      line('b', 'a'),
      line('c', 'b'),
      line('f', 'c'),
      line('d'),
      line('e', 'd'),
      line('s', 's'),
    ]);
    expect(h.unplaced).toEqual(['a', 'b', 'c', 'f', 's']);
    expect(h.order.map((p) => p.id)).toEqual(['d', 'e']);
    expect(h.team('a')).toEqual(['a']);
    expect(h.team('c')).toEqual(['c']);
    expect(h.team('s')).toEqual(['s']);
    expect(h.team('d')).toEqual(['d', 'e']);
  });

  it('treats a manager that is not text as no manager, and an id given twice as below both managers', () => {
    const h = hierarchyOf([{ id: 'a', manager: null }, line('m'), line('n'), line('x', 'n'), line('x', 'm')]);
    // x is placed once, under the first manager reached (m, by id); n still sees x.
    expect(h.order.map((p) => [p.id, p.reports])).toEqual([
      ['a', []],
      ['m', ['x']],
      ['x', []],
      ['n', []],
    ]);
    expect(h.team('n')).toEqual(['n', 'x']);
  });

  // Payees p0..p(n-1), each with no manager, an unknown one, or any payee (themself included).
  const lines = fc.integer({ min: 1, max: 12 }).chain((n) =>
    fc.array(
      fc.oneof(
        fc.constant(undefined),
        fc.constant('ghost'),
        fc.integer({ min: 0, max: n - 1 }).map((k) => `p${k}`),
      ),
      { minLength: n, maxLength: n },
    ),
  );

  it('walking down agrees with walking up: levels, teams and the payees stuck in cycles', () => {
    fc.assert(
      fc.property(lines, (managers) => {
        const given = managers.map((m, i) => line(`p${i}`, m));
        const managerOf = new Map(given.map((l) => [l.id, l.manager ?? undefined]));
        /** The chain of managers above `id`, or `undefined` when it loops. */
        const chain = (id: string): string[] | undefined => {
          const seen: string[] = [];
          for (let at = managerOf.get(id); at !== undefined && managerOf.has(at); at = managerOf.get(at)) {
            if (at === id || seen.includes(at)) return undefined;
            seen.push(at);
          }
          return seen;
        };
        const h = hierarchyOf(given);
        const ids = given.map((l) => l.id);
        expect([...h.order.map((p) => p.id), ...h.unplaced].sort()).toEqual([...ids].sort());
        expect(h.unplaced).toEqual(ids.filter((id) => chain(id) === undefined).sort());
        for (const place of h.order) expect(place.level).toBe(chain(place.id)?.length);
        for (const id of ids) {
          const above = chain(id);
          const expected = above === undefined ? [id] : ids.filter((x) => x === id || chain(x)?.includes(id));
          expect(h.team(id)).toEqual(expected.sort());
        }
      }),
      { numRuns: 300 },
    );
  });
});
