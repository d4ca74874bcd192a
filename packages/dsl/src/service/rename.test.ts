import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getDiagnostics } from './diagnostics.js';
import { applyEdits, prepareRename, rename } from './rename.js';
import type { RenameResult } from './types.js';

const fixture = readFileSync(new URL('../syntax/fixtures/ae.attain', import.meta.url), 'utf8');

/** A measure that shares its name with the field `term_months` of `deals`. */
const withSameNamedMeasure = fixture.replace(
  '  measure ytd_bookings = ytd(bookings)',
  '  measure term_months = sum(deals.term_months)\n  bonus long_terms = term_months * 10 USD',
);

const example = (name: string): string =>
  readFileSync(new URL(`../../../../examples/${name}/plan.attain`, import.meta.url), 'utf8');

const renamed = (text: string, result: RenameResult): string => {
  if ('error' in result) throw new Error(result.error);
  return applyEdits(text, result.changes);
};

describe('rename', () => {
  it('renames a measure and every reference to it', () => {
    const at = fixture.indexOf('measure attainment') + 10;
    const result = rename(fixture, at, 'quota_attainment');
    expect('changes' in result && result.changes.map((c) => c.range.start.line)).toEqual([36, 40, 52]);
    const text = renamed(fixture, result);
    expect(text).toContain('measure quota_attainment = bookings / bookings_quota');
    expect(text).toContain('rate table commission_rates on quota_attainment marginal');
    expect(text).toContain('when quota_attainment >= 50%');
    expect(text).not.toMatch(/\battainment\b/);
    const messages = (t: string) => getDiagnostics(t).map((d) => `${d.code} ${d.message}`);
    expect(messages(text)).toEqual(messages(fixture));
  });

  it('does not touch a field with the same name', () => {
    const text = withSameNamedMeasure;
    const at = text.indexOf('measure term_months') + 10;
    const after = renamed(text, rename(text, at, 'total_terms'));
    expect(after).toContain('measure total_terms = sum(deals.term_months)');
    expect(after).toContain('bonus long_terms = total_terms * 10 USD');
    expect(after).toContain('    term_months: Integer');
    expect(after).toContain('count(bookings where term_months >= 36)');
  });

  it('renames a field everywhere it is read, bare or through a source or credit', () => {
    const text = fixture.replace('ytd(bookings)', 'ytd(bookings) + sum(bookings.term_months)');
    const at = text.indexOf('term_months: Integer') + 2;
    const after = renamed(text, rename(text, at, 'term'));
    expect(after).toContain('    term: Integer');
    expect(after).toContain('sum(bookings.term)');
    expect(after).toContain('count(bookings where term >= 36)');
  });

  it('starts from any reference, not only the declaration', () => {
    const at = fixture.indexOf('2 * target_incentive') + 6;
    const after = renamed(fixture, rename(fixture, at, 'ti'));
    expect(after).toContain('let ti = (payee.ote - payee.base) / 4');
    expect(after).toContain('cap 2 * ti');
  });

  it('rejects names that are not identifiers or are keywords', () => {
    const at = fixture.indexOf('measure attainment') + 10;
    expect(rename(fixture, at, 'two words')).toEqual({
      error: '`two words` is not a valid name: use letters, digits and `_`, starting with a letter or `_`.',
    });
    expect(rename(fixture, at, '9lives')).toHaveProperty('error');
    expect(rename(fixture, at, 'where')).toEqual({
      error: '`where` is a keyword of the plan language and cannot be used as a name.',
    });
    expect(rename(fixture, at, 'Money')).toHaveProperty('error');
  });

  it('rejects a name that is already taken', () => {
    const at = fixture.indexOf('measure attainment') + 10;
    expect(rename(fixture, at, 'bookings')).toEqual({ error: '`bookings` is already defined in this plan.' });
    const field = fixture.indexOf('stage: Text') + 1;
    expect(rename(fixture, field, 'amount')).toEqual({ error: '`deals` already has a field `amount`.' });
  });

  it('rejects a rename that a field would hide', () => {
    const at = withSameNamedMeasure.indexOf('measure attainment') + 10;
    const text = withSameNamedMeasure.replace(
      'count(bookings where term_months >= 36)',
      'count(bookings where term_months >= 36 and attainment > 0%)',
    );
    expect(rename(text, at, 'stage')).toEqual({
      error: 'Renaming `attainment` to `stage` would change what other names in the plan refer to.',
    });
  });

  it('refuses a rename that breaks a field read by default', () => {
    const ae = example('enterprise-ae');
    const amount = ae.indexOf('amount: Money') + 1;
    expect(rename(ae, amount, 'zz_amount')).toEqual({
      error:
        'Renaming `amount` to `zz_amount` would break the plan: Credit bookings has no `amount` clause and deals has no field named amount: add `amount <expression>` to say what is credited.',
    });
    const partner = example('channel-partner');
    const split = partner.slice(partner.indexOf('source deal_splits'));
    for (const field of ['payee: Payee', 'share: Percent']) {
      const result = rename(partner, partner.length - split.length + split.indexOf(field) + 1, 'zz_field');
      expect(result).toHaveProperty('error');
      expect('error' in result && result.error).toMatch(
        /would break the plan: Credit \w+ splits by deal_splits, which needs the field/,
      );
    }
  });

  it('refuses built-in names and places without a name', () => {
    expect(rename(fixture, fixture.indexOf('tiered(') + 1, 'graded')).toEqual({
      error: '`tiered` is built into the language and cannot be renamed.',
    });
    expect(rename(fixture, fixture.indexOf('2%'), 'x')).toHaveProperty('error');
  });

  it('keeps the cached analysis of the original text', () => {
    const at = fixture.indexOf('measure attainment') + 10;
    rename(fixture, at, 'a2');
    expect(prepareRename(fixture, at)?.start.line).toBe(36);
    expect(prepareRename(fixture, fixture.indexOf('tiered(') + 1)).toBeUndefined();
  });
});
