import { describe, expect, it } from 'vitest';
import { allocateQuotas } from './allocate-quotas.js';
import { capacityGap } from './capacity.js';
import type { PlanningProblem } from './problems.js';
import { spreadQuota } from './spread.js';

// Where each problem is, as data: a host (the CLI) finds the cell without reading the reason.
const places = (problems: readonly PlanningProblem[]) =>
  problems.map((p) => [p.code, p.node, p.name, p.input, p.fields]);

const hierarchy = [{ id: 'boss' }, { id: 'rep', parent: 'boss' }, { id: '', name: 'Nobody', parent: 'boss' }];

describe('the place of planning problems', () => {
  it('names a node without an id by its name', () => {
    const allocation = allocateQuotas({ target: '100', hierarchy, weights: 'equal' });
    expect(places(allocation.problems)).toEqual([['missing-id', undefined, 'Nobody', undefined, undefined]]);
  });

  it('says which list a value is in: the weight values or the capacities', () => {
    const allocation = allocateQuotas({
      target: '100',
      hierarchy: hierarchy.slice(0, 2),
      weights: 'history',
      values: [
        { id: 'rep', value: '5' },
        { id: 'boss', value: '1' },
        { id: 'ghost', value: '1' },
      ],
    });
    expect(places(allocation.problems)).toEqual([
      ['unused-value', 'boss', undefined, 'values', undefined],
      ['unknown-node', 'ghost', undefined, 'values', undefined],
    ]);
    const gap = capacityGap(allocation, [
      { id: 'rep', productivity: '-1', ramp: '120%' },
      { id: 'rep', productivity: '1' },
      { id: 'ghost', productivity: '1' },
    ]);
    expect(places(gap.problems)).toEqual([
      ['unknown-node', 'ghost', undefined, 'capacity', undefined],
      ['bad-capacity', 'rep', undefined, 'capacity', ['productivity']],
      ['bad-capacity', 'rep', undefined, 'capacity', ['ramp']],
      ['duplicate-value', 'rep', undefined, 'capacity', undefined],
    ]);
  });

  it('says which field of a spread is wrong: the ramp date, steps or mid-month day, the days on the plan', () => {
    const ramp = spreadQuota('100', {
      fiscalYear: 2026,
      ramp: { from: '2026-02-30', steps: ['50%', '150%'], startNextMonthAfterDay: 40 },
      onPlan: { from: '2026-13-01' },
    });
    expect(places(ramp.problems)).toEqual([
      ['bad-date', undefined, undefined, 'onPlan', ['from']],
      ['bad-date', undefined, undefined, 'ramp', ['from']],
      ['bad-ramp', undefined, undefined, 'ramp', ['startNextMonthAfterDay']],
      ['bad-ramp', undefined, undefined, 'ramp', ['steps']],
    ]);
    const days = spreadQuota('100', {
      fiscalYear: 2026,
      onPlan: [{ to: 'soon' }, { from: '2026-06-01', to: '2026-03-01' }],
    });
    expect(places(days.problems)).toEqual([
      ['bad-date', undefined, undefined, 'onPlan', ['to']],
      ['bad-date', undefined, undefined, 'onPlan', ['from', 'to']],
    ]);
  });
});
