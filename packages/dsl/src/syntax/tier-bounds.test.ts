/**
 * A tier whose bounds are joined by something other than `to` (`50%-100%`, `50% t0 100%`): one
 * error over the bounds, saying to write `to` between them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../compile.js';

const plan = readFileSync(
  join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'enterprise-ae', 'plan.attain'),
  'utf8',
);

/** `code line: message` of every diagnostic (lines from 1), and the text each covers. */
function found(tier: string): string[] {
  expect(plan).toContain('    50% to 100%: 17%');
  const source = plan.replace('    50% to 100%: 17%', `    ${tier}`);
  return compile(source).diagnostics.map(
    (d) =>
      `${d.code} ${d.range.start.line + 1}: ${d.message} [${source.slice(d.range.start.offset, d.range.end.offset)}]`,
  );
}

describe('tier bounds joined by something other than `to`', () => {
  it('says to write `to` for `50%-100%`', () => {
    // Before: "Expected `to` and an upper bound, or `and up` but found `-`", which does not say
    // that the `-` is the mistake (and, before row recovery, three more errors).
    expect(found('50%-100%: 17%')).toEqual([
      'AT1001 74: Write `to` between the bounds of a tier: `50% to 100%`, not `50%-100%` [50%-100%]',
    ]);
    expect(found('50% - 100%: 17%')).toEqual([
      'AT1001 74: Write `to` between the bounds of a tier: `50% to 100%`, not `50% - 100%` [50% - 100%]',
    ]);
  });

  it('names the expected `to` for a mistyped `to`', () => {
    expect(found('50% t0 100%: 17%')).toEqual([
      'AT1001 74: Expected `to` between the bounds of a tier but found `t0`: write `50% to 100%` [50% t0 100%]',
    ]);
  });

  it('gives one error for a bound written in words with a `%`, such as `fifty%`', () => {
    // Before: two errors on the row, "Expected a tier like `0% to 50%: 2%` or `}` but found
    // `fifty`" over the row and "Unknown character `%`: it has no meaning in a plan" on the `%`.
    const words = '`fifty%` is not a number: write a percentage with digits, as in `50%`';
    expect(found('fifty% to 100%: 17%')).toEqual([`AT1006 74: ${words} [fifty%]`]);
    expect(found('fifty%: 17%')).toEqual([`AT1006 74: ${words} [fifty%]`]);
    // The upper bound (before: "Expected a bound like `50%` ... but found `hundred`" and AT1004),
    // and the rate (before: AT1004 alone, "Unknown character `%`").
    expect(found('50% to hundred%: 17%')).toEqual([
      'AT1006 74: `hundred%` is not a number: write a percentage with digits, as in `50%` [hundred%]',
    ]);
    expect(found('50% to 100%: seventeen%')).toEqual([
      'AT1006 74: `seventeen%` is not a number: write a percentage with digits, as in `50%` [seventeen%]',
    ]);
    // A word run into the number: the space is the mistake (before: AT1004 on the `%` and AT1001
    // "Expected `to` and an upper bound, or `and up` but found `to100`").
    expect(found('50% to100%: 17%')).toEqual([
      'AT1006 74: Write a space between `to` and the number: `to 100%` [to100%]',
    ]);
    // A word without `%` is not a number either, but nothing says it was meant as one.
    expect(found('fifty to 100%: 17%')).toEqual([
      'AT1001 74: Expected a tier like `0% to 50%: 2%` or `}` but found `fifty` [fifty to 100%: 17%]',
    ]);
  });

  it('keeps the general message for other mistakes', () => {
    expect(found('50% and 100%: 17%')[0]).toBe('AT1001 74: Expected `up` but found `100%` [100%: 17%]');
  });
});
