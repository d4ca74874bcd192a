import type { IrExpr, Type } from '@attain/dsl';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validate } from '../data/validate.js';
import { Dec } from '../decimal.js';
import { compile } from '../evaluate/compile.js';
import { Program } from '../evaluate/program.js';
import { Run } from '../evaluate/run.js';
import type { Value } from '../evaluate/value.js';
import { planOf, quarterly } from '../test-support.js';
import { compileTemplate, constantNode, placeholder, TeamContext } from './template.js';

const plan = planOf(quarterly('metric one: Integer = 1'));
const program = new Program(plan);
const run = new Run(
  program,
  validate(plan, { payees: [], records: {} }, program.calendar).valid,
  program.end,
);
const period = program.calendar.parse('2026-Q1') as NonNullable<ReturnType<typeof program.calendar.parse>>;
const ctx = new TeamContext(run, period);
const RANGE = { start: { line: 0, character: 0, offset: 0 }, end: { line: 0, character: 0, offset: 0 } };

const MONEY: Type = { kind: 'Money', currency: 'USD' };
const part = (index: number, type: Type = MONEY) => placeholder(index, type, RANGE);
const binary = (operator: '+' | '/', left: IrExpr, right: IrExpr): IrExpr => ({
  op: 'binary',
  operator,
  left,
  right,
  type: MONEY,
  range: RANGE,
});

describe('compileTemplate', () => {
  it('computes a team value from the parts, compiled once for every team', () => {
    // #0 / #1 for two teams: 6 / 4 = 1.5, and 6 / 0 has no value (a division by zero).
    const ratio = compileTemplate(binary('/', part(0), part(1)), program);
    expect(ratio([new Dec(6), new Dec(4)], ctx)).toEqual(new Dec('1.5'));
    expect(ratio([new Dec(6), new Dec(0)], ctx)).toBeNull();
    // A part used twice reads the same value: 2.5 + 2.5 = 5; a part without a value gives none.
    const twice = compileTemplate(binary('+', part(0), part(0)), program);
    expect(twice([new Dec('2.5')], ctx)).toEqual(new Dec(5));
    expect(twice([null], ctx)).toBeNull();
  });

  const values: fc.Arbitrary<[Value, Type]> = fc.oneof(
    fc
      .tuple(fc.integer(), fc.integer({ min: 0, max: 6 }))
      .map(([n, scale]): [Value, Type] => [new Dec(n).div(10 ** scale), MONEY]),
    fc.constant<[Value, Type]>([new Dec('-0'), MONEY]),
    fc.constant<[Value, Type]>([new Dec(1).div(3), { kind: 'Percent' }]),
    fc.integer({ min: 0, max: 3000 }).map((n): [Value, Type] => [new Dec(n), { kind: 'Integer' }]),
    fc.integer({ min: 20_000, max: 22_000 }).map((day): [Value, Type] => [day, { kind: 'Date' }]),
    fc.string().map((text): [Value, Type] => [text, { kind: 'Text' }]),
    fc.boolean().map((b): [Value, Type] => [b, { kind: 'Boolean' }]),
    fc.constant<[Value, Type]>([null, MONEY]),
  );

  it('reads each part exactly as a constant written in its place would (the sign of zero included)', () => {
    fc.assert(
      fc.property(values, ([value, type]) => {
        const compiled = compileTemplate(part(0, type), program)([value], ctx);
        const written = compile(constantNode(value, type, RANGE), program)(ctx, undefined);
        expect(compiled).toEqual(written);
        if (written instanceof Dec) expect((compiled as Dec).isNegative()).toBe(written.isNegative());
        // And against the value itself, not only through constantNode: the same number, date or text.
        if (value instanceof Dec) expect((compiled as Dec).eq(value)).toBe(true);
        else expect(compiled).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });
});
