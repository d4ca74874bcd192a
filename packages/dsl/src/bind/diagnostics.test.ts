/**
 * One test per name-resolution code (AT2001 to AT2010): code, severity, message, range, related.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic, Range } from '../diagnostics/diagnostic.js';
import { parse } from '../syntax/parse.js';
import { bind } from './bind.js';

const header = `plan "Test" {
  currency USD
  period quarter
  effective 2026-01-01 to 2026-12-31
  source deals {
    id: Text key
    owner: Payee owner
    amount: Money
    close_date: Date dated
    stage: Text
    term_months: Integer
  }
  payee { ote: Money, region: Text }
  credit bookings from deals where stage = "Won" {
    to owner
  }
  earning base_commission = bookings * 10%
`;

/** Binds a plan made of the shared header and `body`; the text must parse without errors. */
function bindPlan(body: string): { text: string; diagnostics: Diagnostic[] } {
  const text = `${header}${body}\n}\n`;
  const parsed = parse(text);
  expect(parsed.diagnostics).toEqual([]);
  return { text, diagnostics: bind(parsed.file).diagnostics };
}

/** The only diagnostic with `code`. */
function only(body: string, code: string): { text: string; diagnostic: Diagnostic } {
  const { text, diagnostics } = bindPlan(body);
  const found = diagnostics.filter((d) => d.code === code);
  expect(found, JSON.stringify(diagnostics, null, 1)).toHaveLength(1);
  return { text, diagnostic: found[0] as Diagnostic };
}

const textAt = (text: string, range: Range) => text.slice(range.start.offset, range.end.offset);

describe('the shared header', () => {
  it('has no name diagnostics of its own', () => {
    expect(bindPlan('').diagnostics).toEqual([]);
  });
});

describe('AT2001 unknown name', () => {
  it('suggests the closest declaration', () => {
    const { text, diagnostic } = only('  earning e = bookngs * 2%', 'AT2001');
    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.message).toBe('There is no `bookngs` in this plan. Did you mean `bookings`?');
    expect(textAt(text, diagnostic.range)).toBe('bookngs');
    expect(diagnostic.range.start.line).toBe(17);
  });

  it('says nothing more when no name is close', () => {
    const { diagnostic } = only('  earning e = quarterly_target * 2%', 'AT2001');
    expect(diagnostic.message).toBe('There is no `quarterly_target` in this plan.');
  });

  it('names the row source when fields are in scope', () => {
    const { text, diagnostic } = only(
      '  measure won = count(deals where stge = "Won")\n  earning e = won * 1 USD',
      'AT2001',
    );
    expect(diagnostic.message).toBe(
      'There is no `stge` in this plan or among the fields of `deals`. Did you mean `stage`?',
    );
    expect(textAt(text, diagnostic.range)).toBe('stge');
  });
});

describe('AT2002 name defined twice', () => {
  it('reports the second definition and points at the first', () => {
    const { text, diagnostic } = only(
      '  let rate_x = 2%\n  let rate_x = 3%\n  earning e = bookings * rate_x',
      'AT2002',
    );
    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.message).toContain('`rate_x` is defined twice');
    expect(diagnostic.message).toContain('effective');
    expect(diagnostic.range.start.line).toBe(18);
    expect(textAt(text, diagnostic.range)).toBe('rate_x');
    expect(diagnostic.related).toHaveLength(1);
    expect(diagnostic.related?.[0]?.range.start.line).toBe(17);
    expect(diagnostic.related?.[0]?.message).toBe('`rate_x` is first defined here');
  });

  it('accepts versions that both carry effective ranges', () => {
    const { diagnostics } = bindPlan(
      '  let r = 2% effective 2026-01-01 to 2026-06-30\n  let r = 3% effective 2026-07-01 to 2026-12-31\n  earning e = bookings * r',
    );
    expect(diagnostics).toEqual([]);
  });

  it('names both kinds when a name is used for two kinds of thing', () => {
    const { diagnostic } = only('  measure bookings = 1', 'AT2002');
    expect(diagnostic.message).toBe('`bookings` is defined twice, as a credit and as a measure.');
  });
});

describe('AT2003 unknown field', () => {
  it('suggests a field of the source', () => {
    const { text, diagnostic } = only('  measure m = sum(deals.amont)\n  earning e = m * 1%', 'AT2003');
    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.message).toBe('`deals` has no field `amont`. Did you mean `amount`?');
    expect(textAt(text, diagnostic.range)).toBe('amont');
  });

  it('knows the built-in `credited` field of a credit', () => {
    const { diagnostic } = only('  measure m = sum(bookings.credted)\n  earning e = m * 1%', 'AT2003');
    expect(diagnostic.message).toBe('`bookings` has no field `credted`. Did you mean `credited`?');
  });

  it('says that other kinds of names have no fields', () => {
    const { diagnostic } = only('  let t = 5\n  earning e = t.value * 1 USD', 'AT2003');
    expect(diagnostic.message).toBe('`t` is a definition and has no fields.');
  });

  it('knows the fields of the period', () => {
    const { diagnostic } = only('  earning e = bookings * 1%\n    when close_on < period.ends', 'AT2003');
    expect(diagnostic.message).toBe(
      'The period has no `ends`; it has `start` and `end`. Did you mean `end`?',
    );
  });
});

describe('AT2004 unknown function', () => {
  it('suggests a built-in function', () => {
    const { text, diagnostic } = only('  earning e = summ(bookings)', 'AT2004');
    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.message).toBe('There is no function `summ`. Did you mean `sum`?');
    expect(textAt(text, diagnostic.range)).toBe('summ');
  });

  it('explains how to use a table called like a function', () => {
    const { diagnostic } = only(
      '  rate table rates on bookings marginal {\n    0 USD and up: 2%\n  }\n  earning e = rates(bookings)',
      'AT2004',
    );
    expect(diagnostic.message).toBe(
      '`rates` is a rate table, not a function. Use `tiered(amount, rates)` or `rate(rates)`.',
    );
    expect(diagnostic.related?.[0]?.range.start.line).toBe(17);
  });
});

describe('AT2005 cycle', () => {
  it('spells out the cycle and points at each step', () => {
    const { text, diagnostic } = only(
      '  measure attainment = bookings / bonus_pool\n  let bonus_pool = attainment * 1000 USD\n  earning e = bonus_pool',
      'AT2005',
    );
    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.message).toBe('`attainment` depends on itself: attainment → bonus_pool → attainment');
    expect(textAt(text, diagnostic.range)).toBe('attainment');
    expect(diagnostic.range.start.line).toBe(17);
    expect(diagnostic.related?.map((r) => [r.message, r.range.start.line, textAt(text, r.range)])).toEqual([
      ['`attainment` uses `bonus_pool` here', 17, 'bonus_pool'],
      ['`bonus_pool` uses `attainment` here', 18, 'attainment'],
    ]);
  });

  it('finds a definition that uses itself', () => {
    const { diagnostic } = only('  measure m = m + bookings\n  earning e = m', 'AT2005');
    expect(diagnostic.message).toBe('`m` depends on itself: m → m');
  });

  it('finds a later version of a definition that uses its own name', () => {
    // In Q3 `v` is the second version, so `v + 1` there needs the value it defines.
    const { text, diagnostic } = only(
      '  let v = 1 effective 2026-01-01 to 2026-06-30\n  let v = v + 1 effective 2026-07-01 to 2026-12-31\n  bonus b = v * 100 USD',
      'AT2005',
    );
    expect(diagnostic.message).toBe('`v` depends on itself: v → v');
    expect(diagnostic.range.start.line).toBe(18);
    expect(textAt(text, diagnostic.range)).toBe('v');
  });

  it('finds a cycle that runs through a later version of another definition', () => {
    // `b` uses `a`, whose second version uses `b`.
    const { diagnostic } = only(
      '  let a = 1 effective 2026-01-01 to 2026-06-30\n  let a = b effective 2026-07-01 to 2026-12-31\n  let b = a + 1\n  bonus c = b * 100 USD',
      'AT2005',
    );
    expect(diagnostic.message).toBe('`a` depends on itself: a → b → a');
  });

  it('accepts versions that use other definitions without a cycle', () => {
    const { diagnostics } = bindPlan(
      '  let r = 5% effective 2026-01-01 to 2026-06-30\n  let r = 6% effective 2026-07-01 to 2026-12-31\n  let s = r * 2\n  bonus c = bookings * s',
    );
    expect(diagnostics).toEqual([]);
  });
});

describe('AT2006 unused definition', () => {
  it('warns about a definition nothing uses', () => {
    const { text, diagnostic } = only('  let spare = 5', 'AT2006');
    expect(diagnostic.severity).toBe('warning');
    expect(diagnostic.message).toBe('The definition `spare` is never used.');
    expect(textAt(text, diagnostic.range)).toBe('spare');
  });

  it('warns about a source nothing reads', () => {
    const { diagnostic } = only('  source meetings {\n    owner: Payee owner\n  }', 'AT2006');
    expect(diagnostic.message).toBe('The source `meetings` is never used.');
  });

  it('does not count a use inside the definition itself', () => {
    const { diagnostics } = bindPlan('  measure m = m + 1');
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['AT2005', 'AT2006']);
  });

  it('never reports earnings, metrics or signals', () => {
    const { diagnostics } = bindPlan(
      '  bonus b = 100 USD\n  metric win_rate = ratio(count(deals where stage = "Won"), count(deals))\n  signal low warning when bookings < 1 USD message "Low"',
    );
    expect(diagnostics).toEqual([]);
  });
});

describe('AT2007 unknown source', () => {
  it('suggests a source', () => {
    const { text, diagnostic } = only(
      '  credit c from dealz {\n    to owner\n  }\n  earning e2 = c * 1%',
      'AT2007',
    );
    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.message).toBe('There is no source `dealz` in this plan. Did you mean `deals`?');
    expect(textAt(text, diagnostic.range)).toBe('dealz');
  });

  it('does not cascade into the fields of the unknown source', () => {
    const { diagnostics } = bindPlan(
      '  credit c from dealz where stage = "Won" {\n    to owner\n  }\n  earning e2 = c * 1%',
    );
    expect(diagnostics.map((d) => d.code)).toEqual(['AT2007']);
  });
});

describe('AT2008 wrong kind of name', () => {
  it('reports a rate table where a source is needed', () => {
    const { text, diagnostic } = only(
      '  rate table commission_rates on bookings marginal {\n    0 USD and up: 2%\n  }\n  credit c from commission_rates {\n    to owner\n  }\n  earning e2 = c * 1%',
      'AT2008',
    );
    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.message).toBe('`commission_rates` is a rate table, not a source.');
    expect(textAt(text, diagnostic.range)).toBe('commission_rates');
    expect(diagnostic.range.start.line).toBe(20);
    expect(diagnostic.related?.[0]?.range.start.line).toBe(17);
  });

  it('reports a holdback of something that is not an earning', () => {
    const { diagnostic } = only(
      '  measure attainment = bookings / 1000 USD\n  holdback h = 10% of attainment',
      'AT2008',
    );
    expect(diagnostic.message).toBe('`attainment` is a measure, not an earning.');
  });
});

describe('AT2009 field declared twice', () => {
  it('reports the second field of a source', () => {
    const { text, diagnostic } = only(
      '  source calls {\n    owner: Payee owner\n    owner: Payee\n  }\n  metric n = count(calls)',
      'AT2009',
    );
    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.message).toBe('The field `owner` is declared twice in `calls`.');
    expect(diagnostic.range.start.line).toBe(19);
    expect(textAt(text, diagnostic.range)).toBe('owner');
    expect(diagnostic.related?.[0]?.range.start.line).toBe(18);
  });

  it('reports a payee attribute that is built in', () => {
    const { diagnostic } = only('  payee { name: Text }', 'AT2009');
    expect(diagnostic.message).toBe('`name` is a built-in payee attribute; it does not need to be declared.');
  });

  it('reports a source field named like a built-in field of credits', () => {
    // A source field of that name would hide the amounts a credit gives (or, if Text, break them).
    const body =
      '  source calls {\n    owner: Payee owner\n    day: Date dated\n    credited: Money\n    quota_credited: Text\n  }\n  credit c from calls { amount credited\n    to owner }\n  metric n = sum(c.quota_credited)';
    const { text, diagnostics } = bindPlan(body);
    const found = diagnostics.filter((d) => d.code === 'AT2009');
    expect(found.map((d) => textAt(text, d.range))).toEqual(['credited', 'quota_credited']);
    expect(found[0]?.severity).toBe('error');
    expect(found[0]?.message).toBe(
      '`credited` is a built-in field of every credit (the amount the credit gives the payee for a record), so a source cannot declare a field of that name: rename it, for example `credited_amount`, and its column in the data.',
    );
    expect(found[1]?.message).toContain('(the part of `credited` that counts toward quota)');
  });
});

describe('AT2010 unknown payee attribute', () => {
  it('suggests a declared attribute', () => {
    const { text, diagnostic } = only('  earning e = payee.oet * 1%', 'AT2010');
    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.message).toBe(
      'Payees have no attribute `oet`. Did you mean `ote`? Attributes are declared in the `payee { }` block.',
    );
    expect(textAt(text, diagnostic.range)).toBe('oet');
  });

  it('applies to payee-typed fields too', () => {
    const { diagnostic } = only('  metric m = count(deals where owner.regoin = "EMEA")', 'AT2010');
    expect(diagnostic.message).toContain('Did you mean `region`?');
  });
});
