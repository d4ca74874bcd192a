import { describe, expect, it } from 'vitest';
import { analyze } from '../compile.js';
import { isCalendarDate } from './dates.js';
import { checkDecls, expectOne, planText, textAt } from './test-plans.js';

describe('calendar dates (AT6004)', () => {
  it('knows month lengths and leap years', () => {
    expect(['2026-01-31', '2028-02-29', '2000-02-29', '2026-04-30'].map(isCalendarDate)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(
      ['2026-02-30', '2025-02-29', '1900-02-29', '2026-04-31', '2026-13-01'].map(isCalendarDate),
    ).toEqual([false, false, false, false, false]);
  });

  it('reports a day the month does not have', () => {
    const d = expectOne(checkDecls('  let d = 2026-02-30'), 'AT6004', '2026-02-30');
    expect(d.message).toBe('2026-02-30 is not a date in the calendar');
    expectOne(checkDecls('  spiff s = 100 USD during 2026-04-31 to 2026-05-31'), 'AT6004', '2026-04-31');
  });

  it('leaves a month out of range to the parser', () => {
    const result = checkDecls('  let d = 2026-13-01');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['AT1005']);
  });
});

describe('date ranges (AT6002)', () => {
  it('reports a range that ends before it starts', () => {
    const result = checkDecls('  spiff s = 100 USD during 2026-06-30 to 2026-02-01');
    const d = expectOne(result, 'AT6002', '2026-06-30 to 2026-02-01');
    expect(d.message).toBe('This range ends on 2026-02-01, before it starts on 2026-06-30');
    expect(checkDecls('  spiff s = 100 USD during 2026-06-30 to 2026-06-30').diagnostics).toEqual([]);
  });

  it('checks versions, the plan itself and territory assignments', () => {
    expectOne(
      checkDecls('  let x = 1 effective 2026-05-01 to 2026-04-01'),
      'AT6002',
      '2026-05-01 to 2026-04-01',
    );
    const text = planText('', 'currency USD\n  period quarter\n  effective 2026-12-31 to 2026-01-01');
    expect(analyze(text).diagnostics.map((d) => [d.code, textAt(text, d.range)])).toEqual([
      ['AT6002', '2026-12-31 to 2026-01-01'],
    ]);
    const territories = `  source accounts { id: Text key, region: Text }
  territories on accounts by priority { territory t { where region = "A" assign "p1" as primary from 2026-06-01 to 2026-01-01 } }`;
    expectOne(checkDecls(territories), 'AT6002', 'assign "p1" as primary from 2026-06-01 to 2026-01-01');
  });
});

describe('territory assignments outside the plan (AT6003)', () => {
  const block = (assign: string) => `  source accounts { id: Text key, region: Text }
  territories on accounts by priority { territory t { where region = "A" ${assign} } }`;

  it('warns about an assignment range not inside the plan', () => {
    // Before: never compared with the plan's dates, although the docs said so.
    const assign = 'assign "p1" as primary from 2020-01-01 to 2020-06-30';
    const d = expectOne(checkDecls(block(assign)), 'AT6003', assign);
    expect(d.message).toBe(
      'The assignment of "p1" to territory t (2020-01-01 to 2020-06-30) is not inside the plan\'s effective dates (2026-01-01 to 2026-12-31)',
    );
    const partly = 'assign "p1" as overlay from 2026-10-01 to 2027-03-31';
    expectOne(checkDecls(block(partly)), 'AT6003', partly);
  });

  it('warns about an open assignment that never applies', () => {
    const after = 'assign "p1" as primary from 2030-01-01';
    const late = expectOne(checkDecls(block(after)), 'AT6003', after);
    expect(late.message).toBe(
      'The assignment of "p1" to territory t starts on 2030-01-01, after the plan ends on 2026-12-31, so it never applies',
    );
    const before = 'assign "p1" as primary to 2025-12-31';
    const early = expectOne(checkDecls(block(before)), 'AT6003', before);
    expect(early.message).toBe(
      'The assignment of "p1" to territory t ends on 2025-12-31, before the plan starts on 2026-01-01, so it never applies',
    );
  });

  it('accepts assignments inside the plan, and open ones that carry on into it', () => {
    for (const assign of [
      'assign "p1" as primary',
      'assign "p1" as primary from 2026-01-01 to 2026-12-31',
      'assign "p1" as primary from 2020-01-01',
      'assign "p1" as primary to 2030-12-31',
    ]) {
      expect(checkDecls(block(assign)).diagnostics).toEqual([]);
    }
  });
});

describe('versions (AT6001)', () => {
  it('accepts versions one after the other', () => {
    const decls =
      '  let r = 5% effective 2026-01-01 to 2026-06-30\n  let r = 6% effective 2026-07-01 to 2026-12-31\n  bonus b = payee.ote * r';
    expect(checkDecls(decls).diagnostics).toEqual([]);
  });

  it('reports versions whose dates overlap, pointing at the other', () => {
    const decls = `  let r = 5% effective 2026-01-01 to 2026-06-30
  let r = 6% effective 2026-06-01 to 2026-12-31
  let r = 7% effective 2026-03-01 to 2026-03-31`;
    const result = checkDecls(decls);
    const found = result.diagnostics.filter((d) => d.code === 'AT6001');
    expect(found.map((d) => textAt(result.text, d.range))).toEqual([
      '2026-06-01 to 2026-12-31',
      '2026-03-01 to 2026-03-31',
    ]);
    expect(found[0]?.message).toBe(
      'Two versions of r are both effective from 2026-06-01 to 2026-06-30: the effective dates of versions must not overlap',
    );
    expect(found[1]?.message).toContain('from 2026-03-01 to 2026-03-31');
    for (const d of found)
      expect(d.related?.map((r) => textAt(result.text, r.range))).toEqual(['2026-01-01 to 2026-06-30']);
  });
});

describe('periods without a version (AT6008)', () => {
  const versions = (header: string, first: string, second: string): string =>
    planText(
      `  let r: Percent = 5% effective ${first}\n  let r: Percent = 6% effective ${second}\n  bonus b = 1000 USD * r`,
      header,
    );
  const gaps = (text: string): string[] =>
    analyze(text)
      .diagnostics.filter((d) => d.code === 'AT6008')
      .map((d) => `${textAt(text, d.range)}: ${d.message}`);
  const monthly = 'currency USD\n  period month\n  effective 2026-01-01 to 2026-12-31';
  const quarterly = 'currency USD\n  period quarter\n  effective 2026-01-01 to 2026-12-31';

  it('warns when a whole period falls between two versions', () => {
    // Before: no diagnostic; each run of July warned `no-version` and r's bonus paid 0.00 USD.
    // Monthly, versions to 2026-06-30 and from 2026-08-01: July (07-01 to 07-31) has none.
    const text = versions(monthly, '2026-01-01 to 2026-06-30', '2026-08-01 to 2026-12-31');
    expect(gaps(text)).toEqual([
      '2026-08-01 to 2026-12-31: No version of r is in force from 2026-07-01 to 2026-07-31, so r has no value in the period from 2026-07-01 to 2026-07-31 and what uses it pays nothing there: start this version on 2026-07-01, the day after the previous one ends',
    ]);
    // Quarterly, versions to 2026-03-31 and from 2026-10-01: Q2 and Q3 (04-01 to 09-30) have none.
    expect(gaps(versions(quarterly, '2026-01-01 to 2026-03-31', '2026-10-01 to 2026-12-31'))[0]).toContain(
      'in the 2 periods from 2026-04-01 to 2026-09-30',
    );
  });

  it('follows the fiscal year: with february, the first quarter is February to April', () => {
    const fiscal = `${quarterly}\n  fiscal year starts february`;
    // Versions to 2026-01-31 and from 2026-05-01: Q1 (02-01 to 04-30) has none.
    expect(gaps(versions(fiscal, '2026-01-01 to 2026-01-31', '2026-05-01 to 2026-12-31'))[0]).toContain(
      'in the period from 2026-02-01 to 2026-04-30',
    );
    // The same dates in calendar quarters lose nothing: Q1 (01-01 to 03-31) overlaps the first
    // version and Q2 (04-01 to 06-30) the second.
    expect(gaps(versions(quarterly, '2026-01-01 to 2026-01-31', '2026-05-01 to 2026-12-31'))).toEqual([]);
  });

  it('names no gap that leaves every period a version', () => {
    // A day missing (2026-07-01): July takes the version in force on its last day.
    expect(gaps(versions(monthly, '2026-01-01 to 2026-06-30', '2026-07-02 to 2026-12-31'))).toEqual([]);
    // Quarterly, July missing: Q3 (07-01 to 09-30) takes the version in force on 09-30.
    expect(gaps(versions(quarterly, '2026-01-01 to 2026-06-30', '2026-08-01 to 2026-12-31'))).toEqual([]);
  });
});

describe('dates outside the plan (AT6003, AT6005)', () => {
  it('says the effective dates of a version "are" not inside the plan', () => {
    // Before: "The effective dates of r (2025-01-01 to 2025-06-30) is not inside ...".
    const text = planText(
      '  let r: Percent = 5% effective 2025-01-01 to 2025-06-30\n  let r: Percent = 6% effective 2026-01-01 to 2026-12-31\n  bonus b = 1000 USD * r',
    );
    expect(analyze(text).diagnostics.map((d) => d.message)).toEqual([
      "The effective dates of r (2025-01-01 to 2025-06-30) are not inside the plan's effective dates (2026-01-01 to 2026-12-31)",
    ]);
  });

  it('warns about windows and versions outside the plan’s dates', () => {
    const spiff = expectOne(
      checkDecls('  spiff s = 100 USD during 2025-12-01 to 2026-01-31'),
      'AT6003',
      '2025-12-01 to 2026-01-31',
    );
    expect(spiff.severity).toBe('warning');
    expect(spiff.message).toBe(
      "The window of s (2025-12-01 to 2026-01-31) is not inside the plan's effective dates (2026-01-01 to 2026-12-31)",
    );
    expectOne(
      checkDecls('  let x = 1 effective 2026-07-01 to 2027-06-30'),
      'AT6003',
      '2026-07-01 to 2027-06-30',
    );
  });

  it('warns about a holdback released before the plan starts or after it ends', () => {
    const after = expectOne(
      checkDecls('  holdback h = 10% of comm until 2027-03-31'),
      'AT6005',
      '2027-03-31',
    );
    expect(after.severity).toBe('warning');
    expect(after.message).toContain('after the plan ends on 2026-12-31');
    expectOne(checkDecls('  holdback h = 10% of comm until 2025-12-31'), 'AT6003', '2025-12-31');
    expect(checkDecls('  holdback h = 10% of comm until 2026-12-31').diagnostics).toEqual([]);
  });
});
