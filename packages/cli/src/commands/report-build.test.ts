import { describe, expect, it } from 'vitest';
import { createStyle } from '../output/style.js';
import { hierarchyOrder, type Report } from './report-build.js';
import { formatReport } from './report-table.js';

describe('hierarchyOrder', () => {
  it('lists teams depth first from the top, reports in their order', () => {
    // top heads a and b; a heads c. Depth first: top, a, c, b; x heads no visible team's head.
    const teams = [
      { team: 'c', reports: ['r1'] },
      { team: 'b', reports: ['r2'] },
      { team: 'top', reports: ['a', 'b'] },
      { team: 'a', reports: ['c', 'r3'] },
      { team: 'x', reports: ['r4'] },
    ];
    expect(hierarchyOrder(teams).map((t) => t.team)).toEqual(['top', 'a', 'c', 'b', 'x']);
  });

  it('walks a chain of 20,000 managers without running out of stack', () => {
    // m0 manages m1, which manages m2, ... m19999: one team per level, listed from the top down.
    const depth = 20_000;
    const teams = Array.from({ length: depth }, (_, i) => ({
      team: `m${i}`,
      reports: i + 1 < depth ? [`m${i + 1}`] : [],
    }));
    const order = hierarchyOrder(teams).map((t) => t.team);
    expect(order.length).toBe(depth);
    expect(order[0]).toBe('m0');
    expect(order[depth - 1]).toBe('m19999');
  });
});

describe('formatReport of a deep hierarchy', () => {
  it('indents teams 8 levels at most and gives the level of deeper ones, so the text stays small', () => {
    // A chain of 20,000 managers: indenting every level would repeat up to 2 x 20,000 spaces on
    // each of 40,000 lines (about 1.6 billion characters, more than a string can hold).
    const depth = 20_000;
    const teams = Array.from({ length: depth }, (_, i) => ({
      team: `m${i}`,
      teamName: `M${i}`,
      level: i,
      size: depth - i,
      reports: i + 1 < depth ? [`m${i + 1}`] : [`r${i}`],
      metrics: [{ name: 'won', type: 'Integer', points: [{ period: '2026-Q1', value: '1' }] }],
    }));
    const report = {
      meta: { plan: { name: 'Deep', hash: 'h' }, periods: ['2026-Q1'], asOf: '2026-03-31' },
      scoreboard: { rules: [], teams, payees: [] },
    } as unknown as Report;
    const text = formatReport(report, 'data', createStyle(false));
    expect(text).toContain('\n                M8 (m8)  team of 19992\n                  won ');
    expect(text).toContain('\n                M9 (m9)  team of 19991, level 9\n                  won ');
    expect(text).toContain('\n                M19999 (m19999)  team of 1, level 19999\n');
    expect(text.length).toBeLessThan(3_000_000);
  });
});
