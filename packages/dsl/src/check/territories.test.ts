import { describe, expect, it } from 'vitest';
import { checkDecls, expectOne, textAt } from './test-plans.js';

const accounts =
  '  source accounts { id: Text key, region: Text, segment: Text, employees: Integer, active: Boolean }';

function territories(body: string, by = 'priority'): ReturnType<typeof checkDecls> {
  return checkDecls(`${accounts}\n  territories on accounts by ${by} {\n${body}\n  }`);
}

describe('territories', () => {
  it('accepts exclusive rules, different priorities and scores', () => {
    const body = `    territory emea { where region = "EMEA" and segment in ["SMB", "MM"] assign "p1" as primary from 2026-01-01 to 2026-06-30 }
    territory emea_ent { where region = "EMEA" and segment = "ENT" }
    territory apac { where region = "APAC" priority 2 }
    territory apac_big { where region = "APAC" and employees > 1000 priority 1 }
    territory rest { where region not in ["EMEA", "APAC"] }`;
    expect(territories(body).diagnostics).toEqual([]);
    const scored =
      '    territory a { where region = "EMEA" score employees }\n    territory b { where region = "EMEA" score 2 }';
    expect(territories(scored, 'score').diagnostics).toEqual([]);
  });

  it('lets credit go to the territory of an account field', () => {
    const decls = `${accounts}
  territories on accounts by priority { territory t { where region = "EMEA" } }
  credit by_territory from deals { to territory of region }`;
    expect(checkDecls(decls).diagnostics).toEqual([]);
  });

  it('warns about two territories of equal priority whose literal rules overlap (AT5104)', () => {
    const result = territories(
      '    territory emea { where region = "EMEA" }\n    territory emea2 { where region in ["EMEA", "APAC"] }',
    );
    const d = expectOne(result, 'AT5104', 'where region in ["EMEA", "APAC"]');
    expect(d.severity).toBe('warning');
    expect(d.message).toContain('emea and emea2');
    expect(d.related?.map((r) => textAt(result.text, r.range))).toEqual(['where region = "EMEA"']);
  });

  it('does not guess about rules that are not literal tests', () => {
    const body =
      '    territory a { where region = "EMEA" and employees > 100 }\n    territory b { where region = "EMEA" and employees <= 100 }\n    territory c { where region = "EMEA" and employees > employees * 2 }';
    expect(territories(body).diagnostics).toEqual([]);
  });

  it('warns about an account named in two territories', () => {
    const result = territories(
      '    territory a { named "Acme", "Globex" }\n    territory b { named "Initech", "Acme" }',
    );
    const d = expectOne(result, 'AT5104', '"Acme"', 1);
    expect(d.related?.map((r) => textAt(result.text, r.range))).toEqual(['"Acme"']);
  });

  it('warns about a rule that can never match (AT5105)', () => {
    const both = territories('    territory odd { where region = "EMEA" and region = "APAC" }');
    const d = expectOne(both, 'AT5105', 'where region = "EMEA" and region = "APAC"');
    expect(d.message).toBe(
      'Territory odd can never match an account: region cannot be both "EMEA" and "APAC"',
    );
    expectOne(territories('    territory odd { where employees = 2.5 }'), 'AT5105', 'where employees = 2.5');
    expectOne(
      territories('    territory odd { where active = true and active != true }'),
      'AT5105',
      'where active = true and active != true',
    );
    expectOne(
      territories('    territory odd { where region in ["A"] and segment = "X" and region not in ["A"] }'),
      'AT5105',
      'where region in ["A"] and segment = "X" and region not in ["A"]',
    );
  });

  it('checks each disjunct: a rule matches if any part can', () => {
    const body = '    territory t { where (region = "A" and region = "B") or region = "C" }';
    expect(territories(body).diagnostics).toEqual([]);
  });

  it('leaves type errors to the type checker', () => {
    const result = territories('    territory t { where region = 3 and region = 4 }');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['AT3001', 'AT3001']);
  });

  it('needs true/false rules and numeric scores', () => {
    const rule = territories('    territory t { where region }');
    expectOne(rule, 'AT3004', 'region', { after: rule.text.indexOf('where region') });
    const score = territories('    territory t { where region = "A" score region }', 'score');
    expectOne(score, 'AT3001', 'region', { after: score.text.indexOf('score region') });
  });

  // Territory rules are read once per account (TerritoryMap), with no payee: `region =
  // payee.region` compared every account with nothing and placed none.
  it('rejects the payee in rules, which place accounts for all payees (AT5008)', () => {
    const result = territories('    territory mine { where region = payee.region }');
    const d = expectOne(result, 'AT5008', 'payee.region');
    expect(d.message).toBe(
      "The `where` of territory mine reads payee.region, but accounts are placed in territories once for all payees, before it is known whose credit a record is, so there is no payee there: test the account's fields only, and give the territory its payees with `assign`",
    );
    const scored = territories(
      '    territory mine { where region = "EMEA" score employees * payee.ote / 1 USD }',
      'score',
    );
    expect(expectOne(scored, 'AT5008', 'payee.ote').message).toMatch(
      /^The score of territory mine reads payee.ote,/,
    );
    const quota = territories('    territory mine { where q > 0 USD }');
    expect(expectOne(quota, 'AT5008', 'q', { after: quota.text.indexOf('where q') }).message).toContain(
      'reads the quota q,',
    );
  });

  // Accounts are placed by their own fields, once per period (TerritoryMap): who covers a territory
  // over time is set by `assign` dates, not by rules testing the period.
  it('rejects the period in rules, which place accounts by their own fields (AT5010)', () => {
    const result = territories('    territory mine { where region = "EMEA" and period = 2026-Q1 }');
    const d = expectOne(result, 'AT5010', 'period', { after: result.text.indexOf('and period') });
    expect(d.message).toBe(
      "The `where` of territory mine reads period, but a territory's rules place an account by its own fields, never by the period paid: test the account's fields only, and change who covers the territory over time with `assign ... from ... to ...` dates",
    );
    expect(result.diagnostics.map((x) => x.code)).toEqual(['AT5010']);
    const start = territories('    territory mine { where region = "EMEA" and today >= period.start }');
    expectOne(start, 'AT5010', 'period.start');
    const scored = territories(
      '    territory mine { where region = "EMEA" score days_between(period.end, today) }',
      'score',
    );
    expect(expectOne(scored, 'AT5010', 'period.end').message).toMatch(
      /^The score of territory mine reads period.end,/,
    );
    const within = territories('    territory mine { where 2026-02-01 in period }');
    expectOne(within, 'AT5010', '2026-02-01 in period');
    const through = checkDecls(
      `${accounts}
  let first_half = period.start < 2026-07-01
  territories on accounts by priority {
    territory mine { where region = "EMEA" and first_half }
  }`,
    );
    expect(
      expectOne(through, 'AT5010', 'first_half', { after: through.text.indexOf('and first_half') }).message,
    ).toContain('reads period.start (through first_half),');
    const versioned = checkDecls(
      `${accounts}
  let cutoff = 100 effective 2026-01-01 to 2026-06-30
  let cutoff = 200 effective 2026-07-01 to 2026-12-31
  territories on accounts by priority {
    territory mine { where employees > cutoff }
  }`,
    );
    expect(
      expectOne(versioned, 'AT5010', 'cutoff', { after: versioned.text.indexOf('> cutoff') }).message,
    ).toContain(
      'reads the definition cutoff, which takes effect on its own dates (`effective`), not on every day of the plan,',
    );
    // One version over the plan's whole range (2026) is the same every day: no AT5010. One that
    // leaves part of the plan out is not.
    const whole = (range: string) =>
      checkDecls(
        `${accounts}
  let home = "EMEA" effective ${range}
  territories on accounts by priority {
    territory mine { where region = home }
  }`,
      ).diagnostics.map((x) => x.code);
    expect(whole('2026-01-01 to 2026-12-31')).toEqual([]);
    expect(whole('2025-01-01 to 2027-12-31')).not.toContain('AT5010');
    expect(whole('2026-01-01 to 2026-06-30')).toEqual(['AT5010']);
  });

  it('reports a rule reading the payee and the period once for each', () => {
    // The period inside a place already rejected for the payee is not reported again.
    const result = territories(
      '    territory mine { where region = payee.region and count(deals where close_date in period) > 0 }',
    );
    expect(result.diagnostics.map((x) => x.code)).toEqual(['AT5008', 'AT5008']);
    const both = checkDecls(
      `${accounts}
  let mixed = payee.region = "EMEA" and period = 2026-Q1
  territories on accounts by priority {
    territory mine { where mixed and today > 2026-01-01 }
  }`,
    );
    expect(both.diagnostics.map((x) => x.code)).toEqual(['AT5008']);
  });

  it('accepts `today` and constants in rules', () => {
    const result = territories('    territory mine { where region = "EMEA" and today > 2026-06-01 }');
    expect(result.diagnostics).toEqual([]);
  });
});
