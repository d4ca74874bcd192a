/**
 * The rule references of payout traces. A rule object is shared by every trace of one plan
 * element (never copied per line), as results require.
 */
import type { Element, Range } from '@attain/dsl';
import type { RuleRef } from '../results/results.js';

const RULES = new WeakMap<Element, Map<string, RuleRef>>();

/** The shared rule reference of a plan element in the role `kind` (`draw`, `holdback`...). */
export function ruleOf(kind: string, element: Element): RuleRef {
  let byKind = RULES.get(element);
  if (!byKind) {
    byKind = new Map();
    RULES.set(element, byKind);
  }
  let rule = byKind.get(kind);
  if (!rule) {
    rule = { kind, name: element.name };
    if (element.label !== undefined) rule.label = element.label;
    byKind.set(kind, rule);
  }
  return rule;
}

/** The payout rule: explains each statement's `payout`. */
export const PAYOUT_RULE: RuleRef = { kind: 'payout', name: 'payout', label: 'Payout' };

/** Where rules without a place in the plan text point (the payout total, recalculation lines). */
export const NO_RANGE: Range = {
  start: { line: 0, character: 0, offset: 0 },
  end: { line: 0, character: 0, offset: 0 },
};
