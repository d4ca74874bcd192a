import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysisOf } from './analysis.js';
import { getCompletions } from './completion.js';

const fixture = readFileSync(new URL('../syntax/fixtures/ae.attain', import.meta.url), 'utf8');
/** The fixture without its closing brace: a plan in the middle of being written. */
const open = fixture.slice(0, fixture.lastIndexOf('}'));

/** Labels proposed at the end of `text`. */
const labelsAtEnd = (text: string) => getCompletions(text, text.length).map((i) => i.label);
/** Labels proposed when `typed` is being typed at the end of the plan. */
const typing = (typed: string) => labelsAtEnd(`${open}  ${typed}`);

describe('members', () => {
  it('proposes the fields of a source after `deals.`', () => {
    expect(typing('measure x = sum(deals.')).toEqual([
      'id',
      'owner',
      'amount',
      'close_date',
      'stage',
      'term_months',
      'cancelled_on',
    ]);
  });

  it('proposes the source fields, `credited` and `quota_credited` after a credit', () => {
    const labels = typing('measure x = sum(bookings.');
    expect(labels).toContain('amount');
    expect(labels).toContain('credited');
    expect(labels).toContain('quota_credited');
    expect(labels).toHaveLength(9);
  });

  it('proposes payee attributes, built-in and declared, after `payee.`', () => {
    expect(typing('let x = payee.')).toEqual([
      'id',
      'name',
      'manager',
      'ote',
      'base',
      'hire_date',
      'annual_quota',
    ]);
  });

  it('proposes attributes after a payee-typed field', () => {
    expect(typing('measure x = count(deals where owner.')).toContain('hire_date');
  });

  it('proposes the fields of the period', () => {
    expect(typing('let x = period.')).toEqual(['start', 'end']);
  });

  it('describes fields with their type and the source', () => {
    const items = getCompletions(`${open}  let x = deals.`, `${open}  let x = deals.`.length);
    expect(items.find((i) => i.label === 'amount')).toMatchObject({
      kind: 'field',
      detail: '(field) deals.amount: Money (USD)',
    });
  });

  it('works with a partly typed member', () => {
    const text = `${open}  measure x = sum(deals.am`;
    expect(getCompletions(text, text.length).map((i) => i.label)).toContain('amount');
  });
});

describe('names in scope', () => {
  it('proposes the row source fields first inside an unfinished aggregate', () => {
    const labels = typing('measure x = count(bookings where te');
    expect(labels.slice(0, 8)).toEqual([
      'id',
      'owner',
      'amount',
      'close_date',
      'stage',
      'term_months',
      'cancelled_on',
      'credited',
    ]);
    expect(labels).toContain('attainment');
    expect(labels).toContain('sum');
  });

  it('proposes declarations, functions and expression keywords after `=`', () => {
    const items = getCompletions(`${open}  measure pace = `, `${open}  measure pace = `.length);
    const labels = items.map((i) => i.label);
    expect(labels).toContain('attainment');
    expect(labels).toContain('target_incentive');
    expect(labels).toContain('if');
    expect(labels).not.toContain('term_months');
    expect(items.find((i) => i.label === 'tiered')).toMatchObject({
      kind: 'function',
      detail: 'tiered(amount, rate_table)',
    });
    expect(items.find((i) => i.label === 'new_business')?.documentation).toContain(
      'Paid on every closed-won deal',
    );
  });

  it('leaves out the definition being written', () => {
    expect(typing('measure pace = ')).not.toContain('pace');
    expect(typing('measure pace = attainment + ')).toContain('attainment');
    const inside = fixture.indexOf('bookings / bookings_quota');
    expect(getCompletions(fixture, inside).map((i) => i.label)).not.toContain('attainment');
  });

  it('proposes the credit source fields in a credit `where`', () => {
    expect(typing('credit c from deals where ')).toContain('stage');
  });

  it('proposes the signal source fields after `when`', () => {
    expect(typing('signal s warning on deals when ')).toContain('close_date');
  });

  it('completes in the middle of the plan', () => {
    const at = fixture.indexOf('target_incentive\n') + 4;
    const labels = getCompletions(fixture, at).map((i) => i.label);
    expect(labels).toContain('target_incentive');
    expect(labels).toContain('attainment');
  });
});

describe('names of one kind', () => {
  it('proposes only sources after `from` in a credit', () => {
    expect(typing('credit c from ')).toEqual(['deals']);
  });

  it('proposes only earnings after `of` in a holdback', () => {
    expect(typing('holdback h = 10% of ')).toEqual(['new_business', 'multi_year']);
  });

  it('proposes payee fields of the source and recipient forms after `to` in a credit block', () => {
    const labels = typing('credit c from deals {\n    to ');
    expect(labels).toContain('owner');
    expect(labels).toContain('managers of');
  });

  it('proposes only sources after `on` in a signal', () => {
    expect(typing('signal s warning on ')).toEqual(['deals']);
  });
});

describe('keywords', () => {
  it('proposes declaration keywords at the start of a declaration', () => {
    const labels = typing('');
    for (const keyword of ['measure', 'rate table', 'credit', 'commission', 'signal', 'territories']) {
      expect(labels).toContain(keyword);
    }
  });

  it('proposes the clauses of an earning after its value', () => {
    const labels = typing('bonus b = 100 USD ');
    for (const keyword of ['when', 'cap', 'floor', 'per line', 'during']) expect(labels).toContain(keyword);
    expect(labels).toContain('measure');
  });

  it('proposes what follows a fixed keyword', () => {
    expect(typing('rate ')).toEqual(['table']);
    expect(typing('bonus b = 100 USD per ')).toEqual(['line', 'period']);
  });

  it('proposes types and modifiers in a source schema', () => {
    expect(typing('source s {\n    a: ')).toContain('Money');
    expect(typing('source s {\n    a: Date ')).toContain('dated');
  });

  it('proposes nothing where a new name is being written', () => {
    expect(typing('measure ')).toEqual([]);
    expect(typing('rate table ')).toEqual([]);
  });

  it('proposes the keyword that follows a declaration name or label', () => {
    expect(typing('credit c "Label" ')).toEqual(['from']);
    expect(typing('credit c from deals where stage = "Won" ')).not.toContain('from');
    expect(typing('credit c from deals where stage = "Won" ')).toContain('and');
  });

  it('tells the `amount` clause from the field `amount` in a credit', () => {
    expect(typing('credit c from deals {\n    amount ')).toContain('stage');
    expect(typing('credit c from deals where amount ')).toContain('and');
  });

  it('proposes `effective` after a rate table block', () => {
    const labels = typing('rate table r on attainment marginal {\n    0% and up: 1%\n  } ');
    expect(labels[0]).toBe('effective');
    expect(labels).toContain('measure');
  });

  it('proposes the plan keyword in an empty file', () => {
    expect(labelsAtEnd('')).toEqual(['plan']);
  });
});

describe('currencies', () => {
  it('proposes the plan currency first after a number', () => {
    const labels = typing('bonus b = 500 ');
    expect(labels[0]).toBe('USD');
    expect(labels).toContain('EUR');
  });

  it('inserts a space before the code when the cursor touches the number', () => {
    const touching = `${open}  bonus b = 500`;
    expect(getCompletions(touching, touching.length)[0]).toMatchObject({ label: 'USD', insertText: ' USD' });
    const spaced = `${open}  bonus b = 500 `;
    expect(getCompletions(spaced, spaced.length)[0]?.insertText).toBeUndefined();
  });

  it('proposes currency codes as the target of `convert`', () => {
    expect(typing('bonus b = convert(bookings, ')[0]).toBe('USD');
    expect(typing('bonus b = convert(')).toContain('bookings');
  });

  it('proposes `periods` after `for 2` in a draw', () => {
    expect(typing('draw d = 100 USD recoverable for 2 ')).toContain('periods');
  });
});

describe('positions without completions', () => {
  it('proposes nothing inside a comment or a text', () => {
    const comment = fixture.indexOf('Enterprise AE plan') + 3;
    expect(getCompletions(fixture, comment)).toEqual([]);
    const text = fixture.indexOf('Closed Won') + 3;
    expect(getCompletions(fixture, text)).toEqual([]);
  });
});

describe('reusing the last analysis while typing', () => {
  it('proposes the same as a fresh analysis would', () => {
    const typed = [
      'measure x = deals.',
      'measure x = count(bookings where te',
      'measure x = count(deals where owner.',
      'credit c from deals {\n    to ',
      'bonus b = 500',
      'holdback h = 10% of ',
      'earning e = bookings * 2% ',
      'signal s warning on deals when ',
    ];
    for (const suffix of typed) {
      const text = `${open}  ${suffix}`;
      analysisOf(fixture);
      const fromLast = getCompletions(text, text.length);
      analysisOf(text);
      expect(getCompletions(text, text.length), suffix).toEqual(fromLast);
    }
  });
});

describe('`payee.` in the rules worked out without a payee', () => {
  /** An allocation plan whose source has the given `payee` field line (or none), still being written. */
  const allocations = (payeeField: string) => `plan "Allocations" {
  currency USD
  period quarter
  effective 2026-01-01 to 2026-12-31

  source allocations {
    id: Text key
    owner: Payee owner
    amount: Money
    close_date: Date dated
    ${payeeField}
  }

  source accounts {
    id: Text key
    owner: Payee owner
    close_date: Date dated
  }

  payee {
    region: Text
  }

`;
  const attributes = ['id', 'name', 'manager', 'region'];
  /** Labels at the end of the plan with `typed` appended, analysed afresh. */
  const at = (payeeField: string, typed: string) => {
    const text = `${allocations(payeeField)}  ${typed}`;
    analysisOf(text);
    return labelsAtEnd(text);
  };

  it('proposes nothing after a Text field `payee` in a credit `where` (the checker reads the field)', () => {
    // `where payee.region` over a Text field `payee` is AT2003: a Text has no fields.
    expect(at('payee: Text', 'credit c from allocations where payee.')).toEqual([]);
    expect(at('payee: Text', 'credit c from allocations {\n    amount payee.')).toEqual([]);
  });

  it('proposes the attributes of a Payee field `payee` in a credit `where`', () => {
    expect(at('payee: Payee', 'credit c from allocations where payee.')).toEqual(attributes);
  });

  it('proposes the payee attributes over a source without a field `payee`', () => {
    expect(at('', 'credit c from allocations where payee.')).toEqual(attributes);
    expect(at('', 'credit c from allocations {\n    amount payee.')).toEqual(attributes);
  });

  it('reads the field in a territory rule, the current payee elsewhere', () => {
    const territory = 'territories on allocations by priority {\n    territory t {\n      where payee.';
    expect(at('payee: Text', territory)).toEqual([]);
    expect(at('payee: Text', 'measure m = count(allocations where payee.')).toEqual(attributes);
    expect(at('payee: Text', 'signal s warning on allocations when payee.')).toEqual(attributes);
    // An aggregate over other records has a current payee again (AT5008 there, but not the field).
    expect(at('payee: Text', 'credit c from allocations where count(accounts where payee.')).toEqual(
      attributes,
    );
    // A credit named after `from` has no rows (AT2008): `payee` is not its field.
    expect(
      at('payee: Text', 'credit c from allocations {\n    to owner\n  }\n  credit d from c where payee.'),
    ).toEqual(attributes);
  });

  it('gives the same answer whatever analysis was cached before', () => {
    const typed = 'credit c from allocations where payee.';
    for (const field of ['payee: Text', 'payee: Payee', '']) {
      const text = `${allocations(field)}  ${typed}`;
      analysisOf(text);
      const fresh = labelsAtEnd(text);
      for (const cached of [allocations(field), `${allocations(field)}  credit c from allocations where `]) {
        analysisOf(cached);
        expect(labelsAtEnd(text), `${field} after ${JSON.stringify(cached.slice(-30))}`).toEqual(fresh);
      }
    }
  });
});
