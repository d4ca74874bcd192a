/** Hover, go to definition and find references on the Enterprise AE plan. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Range } from '../diagnostics/diagnostic.js';
import { getDefinition } from './definition.js';
import { getHover } from './hover.js';
import { getReferences } from './references.js';

const fixture = readFileSync(new URL('../syntax/fixtures/ae.attain', import.meta.url), 'utf8');

/** The offset `delta` characters into the `nth` occurrence of `snippet`. */
function offsetOf(snippet: string, nth = 0, delta = 1, text = fixture): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(snippet, at + 1);
  if (at < 0) throw new Error(`${snippet} not found`);
  return at + delta;
}
const lines = (ranges: { range: Range }[]) => ranges.map((r) => r.range.start.line);

describe('getHover', () => {
  it('shows the kind and the checked type of a measure', () => {
    const hover = getHover(fixture, offsetOf('attainment >= 50%'));
    expect(hover?.contents).toBe('```attain\n(measure) attainment: Percent\n```');
    expect(hover?.range.start.line).toBe(52);
    expect(fixture.slice(hover?.range.start.offset, hover?.range.end.offset)).toBe('attainment');
  });

  it('shows the label and doc comment of an earning', () => {
    const hover = getHover(fixture, offsetOf('of new_business', 0, 5));
    expect(hover?.contents).toContain('(commission) new_business "New business commission": Money (USD)');
    expect(hover?.contents).toContain('Paid on every closed-won deal; shown on the statement.');
  });

  it('shows fields with their source and type', () => {
    expect(getHover(fixture, offsetOf('term_months >='))?.contents).toContain(
      '(field) deals.term_months: Integer',
    );
    expect(getHover(fixture, offsetOf('payee.annual_quota', 0, 8))?.contents).toContain(
      '(payee attribute) payee.annual_quota: Money (USD)',
    );
  });

  it('shows built-in functions with their signature and documentation', () => {
    const hover = getHover(fixture, offsetOf('tiered('));
    expect(hover?.contents).toContain('(function) tiered(amount, rate_table)');
    expect(hover?.contents).toContain('rate table');
  });

  it('is on a name right up to its end', () => {
    const start = fixture.indexOf('target_incentive\n');
    expect(getHover(fixture, start + 'target_incentive'.length)?.contents).toContain('target_incentive');
  });

  it('gives nothing away from names', () => {
    expect(getHover(fixture, offsetOf('2%\n'))).toBeUndefined();
    expect(getHover(fixture, offsetOf('Enterprise AE plan'))).toBeUndefined();
  });
});

describe('getDefinition', () => {
  it('goes from a use to the declaration', () => {
    const [location, ...rest] = getDefinition(fixture, offsetOf('bookings / bookings_quota', 0, 12));
    expect(rest).toEqual([]);
    expect(location?.range.start.line).toBe(26);
    expect(fixture.slice(location?.range.start.offset, location?.range.end.offset)).toBe('bookings_quota');
  });

  it('goes from a field to its declaration in the source', () => {
    expect(lines(getDefinition(fixture, offsetOf('term_months >=')))).toEqual([15]);
  });

  it('lists every version of a versioned definition', () => {
    const text = fixture.replace(
      '  let target_incentive = (payee.ote - payee.base) / 4',
      '  let target_incentive = 1000 USD effective 2026-01-01 to 2026-06-30\n  let target_incentive = 2000 USD effective 2026-07-01 to 2026-12-31',
    );
    expect(lines(getDefinition(text, offsetOf('2 * target_incentive', 0, 5, text)))).toEqual([38, 39]);
  });

  it('has nothing to show for built-ins', () => {
    expect(getDefinition(fixture, offsetOf('tiered('))).toEqual([]);
  });
});

describe('getReferences', () => {
  const bookings = offsetOf('credit bookings', 0, 8);

  it('lists the declaration and every use', () => {
    expect(lines(getReferences(fixture, bookings))).toEqual([31, 36, 37, 47, 51]);
  });

  it('can leave the declaration out', () => {
    expect(lines(getReferences(fixture, bookings, { includeDeclaration: false }))).toEqual([36, 37, 47, 51]);
  });

  it('finds the same list from any occurrence', () => {
    expect(getReferences(fixture, offsetOf('count(bookings', 0, 8))).toEqual(
      getReferences(fixture, bookings),
    );
  });

  it('follows a field through the credits built on its source', () => {
    const text = fixture.replace('ytd(bookings)', 'ytd(bookings) + sum(bookings.amount)');
    const uses = getReferences(text, offsetOf('amount: Money', 0, 1, text), { includeDeclaration: false });
    expect(lines(uses)).toEqual([32, 37]);
  });
});
