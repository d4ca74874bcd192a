import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { compile } from '../compile.js';
import type { Node } from '../syntax/ast.js';
import { parse } from '../syntax/parse.js';
import { typedExpressionArbitrary, validPlanArbitrary } from './arbitrary.js';
import type { ValueType } from './scope.js';

const errorsOf = (text: string) => compile(text).diagnostics.filter((d) => d.severity === 'error');

/** Every `kind` (and earning kind, table mode, recipient...) that occurs in a tree. */
function kindsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) kindsIn(item, into);
  } else if (value !== null && typeof value === 'object') {
    const node = value as Partial<Node> & { earningKind?: string };
    if (typeof node.kind === 'string') into.add(node.kind);
    if (typeof node.earningKind === 'string') into.add(`earning:${node.earningKind}`);
    for (const [key, item] of Object.entries(value)) if (key !== 'range') kindsIn(item, into);
  }
  return into;
}

describe('validPlanArbitrary', () => {
  test.prop([validPlanArbitrary()], { numRuns: 100 })(
    'generated plans with random layout and comments compile without errors',
    (text) => {
      expect(errorsOf(text)).toEqual([]);
    },
    60_000,
  );

  test.prop([validPlanArbitrary({ layout: 'tidy', maxDeclarations: 30 })], { numRuns: 60 })(
    'generated plans in the tidy layout compile without errors',
    (text) => {
      expect(errorsOf(text)).toEqual([]);
    },
    60_000,
  );

  test('generated plans use every construct of the language', () => {
    const kinds = new Set<string>();
    let comments = 0;
    for (const text of fc.sample(validPlanArbitrary({ maxDeclarations: 30 }), { numRuns: 150, seed: 7 })) {
      const { file } = parse(text);
      kindsIn(file.plan, kinds);
      comments += file.comments.length;
    }
    const expected = [
      ...[
        'Source',
        'Payee',
        'Let',
        'Measure',
        'Quota',
        'Credit',
        'RateTable',
        'LookupTable',
        'PayCurve',
        'Earning',
      ],
      ...[
        'Draw',
        'Guarantee',
        'Holdback',
        'Clawback',
        'Adjustment',
        'Territories',
        'Territory',
        'Metric',
        'Signal',
      ],
      ...['CurrencySetting', 'PeriodSetting', 'FiscalYearSetting', 'EffectiveSetting', 'RoundingSetting'],
      ...['key', 'owner', 'dated', 'optional', 'converted'],
      ...['Seasonality', 'Ramp', 'Prorate', 'Relief'],
      ...[
        'CreditAmount',
        'CreditTo',
        'CreditSplit',
        'FieldRecipient',
        'TerritoryRecipient',
        'ManagersRecipient',
      ],
      ...['marginal', 'retroactive', 'hybrid', 'Tier', 'LookupRow', 'Wildcard', 'CurvePoint'],
      ...['PerLine', 'PerPeriod', 'Gate', 'Cap', 'Floor', 'During', 'Once', 'PaidYearToDate'],
      ...['TerritoryWhere', 'TerritoryNamed', 'TerritoryPriority', 'TerritoryScore', 'TerritoryAssign'],
      ...[
        'earning:earning',
        'earning:commission',
        'earning:bonus',
        'earning:spiff',
        'earning:milestone',
        'earning:mbo',
      ],
      ...[
        'Number',
        'Percent',
        'Money',
        'Date',
        'Text',
        'Boolean',
        'NameRef',
        'PayeeRef',
        'PeriodRef',
        'Member',
      ],
      ...['Call', 'Arg', 'Unary', 'Binary', 'In', 'If', 'Paren', 'RangeTarget', 'ListTarget', 'PeriodTarget'],
    ];
    expect(expected.filter((kind) => !kinds.has(kind))).toEqual([]);
    expect(comments).toBeGreaterThan(1000);
  });
});

describe('typedExpressionArbitrary', () => {
  const types: ValueType[] = ['Money', 'Percent', 'Number', 'Integer', 'Boolean', 'Date', 'Text'];
  for (const type of types) {
    test.prop([typedExpressionArbitrary(type)], { numRuns: 40 })(
      `generated ${type} expressions are well-typed`,
      ({ plan, expression }) => {
        expect(plan).toContain(expression);
        expect(errorsOf(plan)).toEqual([]);
      },
      60_000,
    );
  }
});
