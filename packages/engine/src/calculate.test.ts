import { describe, expect, it } from 'vitest';
import { calculate } from './calculate.js';
import type { Dataset } from './data/dataset.js';
import { planOf, quarterly } from './test-support.js';

const plan = planOf(quarterly('metric one: Integer = 1'));

describe('calculate on wrong use of the API', () => {
  it('throws a TypeError naming what is wrong, not an error from deep inside', () => {
    // Bad data is returned as data; a dataset that is not an object at all is a programming error.
    for (const data of [null, undefined, 'payees.csv', [], 42])
      expect(() =>
        calculate(plan, data as unknown as Dataset, { periods: ['2026-Q1'], mode: 'strict' }),
      ).toThrow(new TypeError('data must be a Dataset object ({ payees, records, ... })'));
  });

  it('throws on an unknown mode and on periods that are not a list of labels', () => {
    const data: Dataset = { payees: [], records: {} };
    expect(() => calculate(plan, data, { periods: ['2026-Q1'], mode: 'loose' as 'strict' })).toThrow(
      RangeError,
    );
    expect(() =>
      calculate(plan, data, { periods: '2026-Q1' as unknown as string[], mode: 'strict' }),
    ).toThrow(new TypeError('options.periods must be an array of period labels'));
    // A label that is not one is quoted as data errors quote values: cut when long, invisible
    // characters written out, a BigInt named rather than a TypeError of JSON.stringify.
    const periods = (label: unknown) => () =>
      calculate(plan, data, { periods: [label as string], mode: 'strict' });
    expect(periods('2026-Q1\u200B')).toThrow(
      new RangeError('options.periods: "2026-Q1\\u200B" is not a quarter (write 2026-Q1)'),
    );
    expect(periods(`2026-Q1 ${'q'.repeat(500)}`)).toThrow(
      new RangeError(
        `options.periods: "2026-Q1 ${'q'.repeat(92)}…" (508 characters) is not a quarter (write 2026-Q1)`,
      ),
    );
    expect(periods(2026n)).toThrow(
      new RangeError('options.periods: 2026n (a BigInt) is not a quarter (write 2026-Q1)'),
    );
  });

  it('says why an as-of date is not one: how it must be written, or which day does not exist', () => {
    const data: Dataset = { payees: [], records: {} };
    const asOf = (text: string) => () =>
      calculate(plan, data, { periods: ['2026-Q1'], mode: 'strict', asOf: text });
    expect(asOf('31/03/2026')).toThrow(
      new RangeError('options.asOf must be a date written YYYY-MM-DD, not "31/03/2026"'),
    );
    expect(asOf('2026-13-01')).toThrow(
      new RangeError('options.asOf is 2026-13-01, which is not a day of the calendar (there is no month 13)'),
    );
    // 2026 is not a leap year; 2028 is.
    expect(asOf('2026-02-29')).toThrow(
      new RangeError(
        'options.asOf is 2026-02-29, which is not a day of the calendar (February 2026 has 28 days)',
      ),
    );
    expect(asOf('2028-02-29')).not.toThrow();
    // From JavaScript, a value that is no text is named as data errors quote values: never read
    // through its toString, and no TypeError from an object without a prototype.
    const notText = (value: unknown) => asOf(value as string);
    const written = 'options.asOf must be a date written YYYY-MM-DD, not';
    expect(notText(20260331)).toThrow(new RangeError(`${written} 20260331`));
    expect(notText(2026n)).toThrow(new RangeError(`${written} 2026n (a BigInt)`));
    expect(notText(new Date(Date.UTC(2026, 2, 31)))).toThrow(new RangeError(`${written} an object`));
    expect(notText(Object.create(null))).toThrow(new RangeError(`${written} an object`));
    expect(notText({ toString: () => '2026-03-31' })).toThrow(new RangeError(`${written} an object`));
  });

  it('does not throw on an empty dataset: it is data, checked as data', () => {
    const results = calculate(plan, {} as Dataset, { periods: ['2026-Q1'], mode: 'lenient' });
    expect(results.statements).toEqual([]);
  });
});
