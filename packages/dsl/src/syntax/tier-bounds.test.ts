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

  it('keeps the general message for other mistakes', () => {
    expect(found('50% and 100%: 17%')[0]).toBe('AT1001 74: Expected `up` but found `100%` [100%: 17%]');
  });
});
