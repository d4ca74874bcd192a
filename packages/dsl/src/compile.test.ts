import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { formatType } from './check/types.js';
import { analyze, compile } from './compile.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import type { EarningDecl } from './syntax/ast.js';
import { validPlanArbitrary } from './testing/arbitrary.js';

const fixture = readFileSync(new URL('./syntax/fixtures/ae.attain', import.meta.url), 'utf8');

const errors = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error');
const internal = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.filter((d) => d.message.includes('internal error'));

function sorted(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.every(
    (d, i) => i === 0 || (diagnostics[i - 1] as Diagnostic).range.start.offset <= d.range.start.offset,
  );
}

describe('compile', () => {
  it('compiles the Enterprise AE fixture without errors', () => {
    const result = compile(fixture, { uri: 'plans/ae.attain' });
    expect(errors(result.diagnostics)).toEqual([]);
    expect(result.diagnostics.every((d) => d.code === 'AT2006')).toBe(true);
    expect(result.plan?.header.name).toBe('Enterprise AE');
    expect(result.plan?.uri).toBe('plans/ae.attain');
  });

  it('gives no plan when there is an error, and the diagnostics of every phase sorted by position', () => {
    const broken = fixture
      .replace('currency USD', 'currency USD\n  nonsense here')
      .replace('measure attainment = bookings / bookings_quota', 'measure attainment = bookings + 5%')
      .replace('0% to 50%: 2%', '0% to 40%: 2%');
    const result = compile(broken);
    expect(result.plan).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(['AT1001', 'AT3003', 'AT4002']),
    );
    expect(sorted(result.diagnostics)).toBe(true);
  });

  it('gives a plan when there are only warnings', () => {
    const warned = fixture.replace('100% and up: 12%', '100% to 200%: 12%');
    const result = compile(warned);
    expect(result.diagnostics.some((d) => d.code === 'AT4005' && d.severity === 'warning')).toBe(true);
    expect(result.plan).toBeDefined();
  });

  it('reports an empty text without throwing', () => {
    const result = compile('');
    expect(result.plan).toBeUndefined();
    expect(result.diagnostics.length).toBeGreaterThan(0);
  });
});

describe('analyze', () => {
  it('gives the type of any expression, for hover', () => {
    const analysis = analyze(fixture);
    const earning = analysis.file.plan?.items.find(
      (i): i is EarningDecl => i.kind === 'Earning' && i.name?.text === 'multi_year',
    );
    const value = earning?.value;
    expect(value?.kind).toBe('Binary');
    if (value?.kind !== 'Binary') return;
    expect(formatType(analysis.types.typeOf(value))).toBe('Money (USD)');
    expect(formatType(analysis.types.typeOf(value.left))).toBe('Integer');
    const symbol = analysis.binding.declarations.get('attainment')?.[0];
    expect(symbol && formatType(analysis.types.typeOfSymbol(symbol))).toBe('Percent');
  });

  it('keeps the same diagnostics as compile', () => {
    const text = fixture.replace('cap 2 * target_incentive', 'cap 2 * attainment');
    expect(analyze(text).diagnostics).toEqual(compile(text).diagnostics);
  });
});

describe('compile properties', () => {
  test.prop([fc.string({ maxLength: 300 })])('never throws on any text', (text) => {
    const result = compile(text);
    expect(internal(result.diagnostics)).toEqual([]);
    expect(result.plan === undefined).toBe(errors(result.diagnostics).length > 0);
  });

  const mutated = fc
    .tuple(
      fc.nat(fixture.length),
      fc.nat(40),
      fc.constantFrom(
        '',
        ' ',
        '(',
        ')',
        '%',
        ' USD',
        ' and ',
        ' where ',
        ' to ',
        '{',
        '}',
        '0',
        'x',
        '.',
        ',',
      ),
    )
    .map(([at, cut, insert]) => fixture.slice(0, at) + insert + fixture.slice(at + cut));

  test.prop([mutated], { numRuns: 200 })(
    'never throws on a damaged plan, and has a plan exactly when no error',
    (text) => {
      const result = compile(text);
      expect(internal(result.diagnostics)).toEqual([]);
      expect(result.plan === undefined).toBe(errors(result.diagnostics).length > 0);
      expect(sorted(result.diagnostics)).toBe(true);
    },
  );

  test.prop([validPlanArbitrary({ maxDeclarations: 10 })], { numRuns: 40, endOnFailure: true })(
    'compiles generated valid plans to JSON-round-trippable plans',
    (text) => {
      const result = compile(text);
      // The generator's own mistakes (syntax, names) are not the checker's to answer for.
      fc.pre(errors(result.diagnostics).every((d) => d.code >= 'AT3'));
      expect(errors(result.diagnostics)).toEqual([]);
      const plan = result.plan;
      expect(plan).toBeDefined();
      expect(JSON.parse(JSON.stringify(plan))).toStrictEqual(plan);
    },
  );
});

describe('no cascade on top of a syntax error (review finding 10)', () => {
  const plan = (body: string) =>
    `plan "X" {\n  currency USD\n  period quarter\n  effective 2026-01-01 to 2026-12-31\n${body}\n}\n`;
  const codes = (body: string) => compile(plan(body)).diagnostics.map((d) => d.code);

  it('an unclosed text reports AT1003, not also a type error on the half-read expression', () => {
    // Before: AT3008 "Earning closed pays money ... but this is Integer", listed before AT1003.
    expect(codes('bonus closed = 2 USD * "Closed Won')).toEqual(['AT1003']);
  });

  it('a keyword where a value goes reports the syntax errors only', () => {
    // Before: also AT4001 and AT4007 for a rate table "declared" by the word `rate`.
    expect(codes('commission c = 5 USD * rate')).toEqual(['AT1002', 'AT1002']);
  });

  it('a currency code in small letters: the hint only, not also "must be Money"', () => {
    // Before: AT3008 on `100`, right before the syntax error at `usd`.
    const result = compile(plan('bonus b = 100 usd'));
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['AT1001', 'Currency codes are written in capitals: write `100 USD`, not `100 usd`'],
    ]);
  });

  it('keeps a type error on the line before a syntax error, and other families beside one', () => {
    // Before: the "ends right before" rule reached across the line break and hid AT3003.
    expect(codes('earning e = 1 USD + "x"\ncomission c = 5%')).toEqual(['AT3003', 'AT1001']);
    // Dates (AT6xxx) are never hidden: only names, types and tables.
    expect(codes('spiff s = 1 USD during 2026-06-01 to 2026-03-01 paid on hire')).toContain('AT6002');
  });

  it('keeps an expression that merely ends with the token a missing brace follows', () => {
    const text = plan('earning e = 1 USD + "x"').replace(/\n}\n$/, '\n');
    expect(compile(text).diagnostics.map((d) => d.code)).toEqual(['AT3003', 'AT1002']);
  });

  it('keeps the diagnostics of declarations away from the syntax error', () => {
    const result = compile(plan('let a = unknown_name\nbonus b = a * 1 USD\nbonus c = 1 USD paid on hire'));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['AT2001', 'AT1001']);
  });
});
