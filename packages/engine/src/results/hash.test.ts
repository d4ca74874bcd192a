import { compile } from '@attain/dsl';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculate } from '../calculate.js';
import type { Dataset, RawValue } from '../data/dataset.js';
import { payee, planOf, quarterly, rows } from '../test-support.js';
import { canonicalJson, dataHash, planHash } from './hash.js';
import type { Statement } from './results.js';
import { sha256 } from './sha256.js';

describe('hashes', () => {
  it('computes SHA-256 of the FIPS 180 test vectors', () => {
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256('é€😀')).toBe(sha256(new TextEncoder().encode('é€😀')));
  });

  it('writes canonical JSON with sorted keys', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 'x' }], skip: 3, u: undefined }, new Set(['skip']))).toBe(
      '{"a":[{"c":"x","d":2}],"b":1}',
    );
  });

  it('names the plan by its meaning, not its layout', () => {
    const text =
      quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  commission c = bookings * 1%`);
    const reformatted = text.replace(/\n {2}/g, '\n\n      # a comment\n  ');
    const changed = text.replace('1%', '2%');
    expect(planHash(planOf(reformatted))).toBe(planHash(planOf(text)));
    expect(planHash(planOf(changed))).not.toBe(planHash(planOf(text)));
    expect(compile(text).plan && planHash(planOf(text))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same data hash in every version (a fixed dataset, its hash pinned)', () => {
    // Results of earlier runs name their data by this hash: a change to how it is computed makes
    // every earlier run's data look changed. The values pinned were computed by this code.
    const data = {
      payees: [payee('a'), payee('b')],
      records: {
        deals: rows(
          { id: 'D1', owner: 'a', amount: '10.50', note: 'é€😀 odd', flag: true },
          { id: 'D2', owner: 'b', amount: 20, close_date: '2026-02-01', empty: null },
          { id: 'D3', owner: 'a', amount: '30', extra: 'a,b' },
        ),
        splits: [{ values: { id: 'S1', share: '50%' } }],
      },
      fx: [{ from: 'EUR', to: 'USD', on: '2026-01-01', rate: '1.1' }],
    } as unknown as Dataset;
    expect(dataHash(data)).toBe('eb7403414c51af7e45a80097317dead223fe0a9e4df9b093c9caecf66eea5e22');
    // With the split rows named by their row number, as for a source without a key.
    expect(dataHash(data, new Set(['splits']))).toBe(
      'd97c3535505b7e99c095b392cfd7075b537479930162e6762dc6bcfac1461d88',
    );
  });

  it('names the data whatever the order of its rows, and changes with any value', () => {
    const deals = rows(
      { id: 'D1', owner: 'a', amount: '10' },
      { id: 'D2', owner: 'b', amount: '20' },
      { id: 'D3', owner: 'a', amount: 30 },
    );
    const data: Dataset = { payees: [payee('a'), payee('b')], records: { deals } };
    const shuffled: Dataset = {
      payees: [payee('b'), payee('a')],
      records: {
        deals: [deals[2], deals[0], deals[1]].map((d, i) => ({ ...(d as (typeof deals)[0]), row: i + 1 })),
      },
    };
    expect(dataHash(shuffled)).toBe(dataHash(data));
    const edited: Dataset = {
      ...data,
      records: { deals: [{ row: 1, values: { id: 'D1', owner: 'a', amount: '10.0' } }, ...deals.slice(1)] },
    };
    expect(dataHash(edited)).not.toBe(dataHash(data));
    // The number 30 and the text "30" are different values.
    const typed: Dataset = {
      ...data,
      records: { deals: [...deals.slice(0, 2), { row: 3, values: { id: 'D3', owner: 'a', amount: '30' } }] },
    };
    expect(dataHash(typed)).not.toBe(dataHash(data));
    const hypothetical: Dataset = {
      ...data,
      records: { deals: [...deals.slice(0, 2), { ...(deals[2] as (typeof deals)[0]), hypothetical: true }] },
    };
    expect(dataHash(hypothetical)).not.toBe(dataHash(data));
  });

  it('names earlier results whatever the order of their statements, and changes with any amount', () => {
    const plan = planOf(
      quarterly(`source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit bookings from deals { to owner }
  commission c = bookings * 10%`),
    );
    const deals = rows(
      { id: 'D1', owner: 'a', amount: '100', close_date: '2026-02-01' },
      { id: 'D2', owner: 'b', amount: '200', close_date: '2026-05-01' },
    );
    const data: Dataset = { payees: [payee('a'), payee('b')], records: { deals } };
    const previous = calculate(plan, data, { periods: ['2026-Q1', '2026-Q2'], mode: 'strict' });
    expect(previous.statements.length).toBe(4);
    const reversed = { ...previous, statements: [...previous.statements].reverse() };
    expect(dataHash({ ...data, previous: reversed })).toBe(dataHash({ ...data, previous }));
    const [first, ...rest] = previous.statements as [Statement, ...Statement[]];
    const changed = { ...previous, statements: [{ ...first, payout: '0.01' }, ...rest] };
    expect(dataHash({ ...data, previous: changed })).not.toBe(dataHash({ ...data, previous }));
    // The same results given twice (one file passed twice) are read once, and hashed once; a
    // second, different statement of one payee and period is not a copy.
    const twice = { ...previous, statements: [...previous.statements, ...reversed.statements] };
    expect(dataHash({ ...data, previous: twice })).toBe(dataHash({ ...data, previous }));
    const differing = { ...previous, statements: [...previous.statements, { ...first, payout: '0.01' }] };
    expect(dataHash({ ...data, previous: differing })).not.toBe(dataHash({ ...data, previous }));
  });

  it('keeps the row numbers of a keyless source, which results name its records by', () => {
    const deals = rows({ owner: 'a', amount: '10' }, { owner: 'b', amount: '20' });
    const renumbered = [
      { ...(deals[0] as (typeof deals)[0]), row: 2 },
      { ...(deals[1] as (typeof deals)[0]), row: 1 },
    ];
    const hash = (list: typeof deals, numbered: Set<string>) =>
      dataHash({ payees: [], records: { deals: list } }, numbered);
    // Keyed: the same rows renumbered are the same data. Keyless: lines are named "row 1", "row 2".
    expect(hash(renumbered, new Set())).toBe(hash(deals, new Set()));
    expect(hash(renumbered, new Set(['deals']))).not.toBe(hash(deals, new Set(['deals'])));
    expect(hash([...deals].reverse(), new Set(['deals']))).toBe(hash(deals, new Set(['deals'])));
    // Rows without a number are numbered by position, as validation numbers them.
    const unnumbered = deals.map(({ values }) => ({ values }));
    expect(hash(unnumbered, new Set(['deals']))).toBe(hash(deals, new Set(['deals'])));
  });

  it('hashes a record by its fields whatever their order, and keeps each value with its row', () => {
    const a = { id: 'D1', owner: 'a', amount: '10' };
    const b = { id: 'D2', owner: 'b', amount: '20' };
    const hash = (...deals: Record<string, string>[]) =>
      dataHash({ payees: [], records: { deals: rows(...deals) } });
    expect(hash({ amount: '10', owner: 'a', id: 'D1' }, b)).toBe(hash(a, b));
    // The same values, swapped between rows, are different data.
    expect(hash({ ...a, amount: '20' }, { ...b, amount: '10' })).not.toBe(hash(a, b));
    // A value moved to another field is different data.
    expect(hash({ id: 'D1', owner: 'a', amount: '10', note: '' }, b)).not.toBe(
      hash({ id: 'D1', owner: 'a', amount: '', note: '10' }, b),
    );
    // Text moved across the border of two values, or between a key and its value.
    expect(hash({ x: 'ab', y: 'c' })).not.toBe(hash({ x: 'a', y: 'bc' }));
    expect(hash({ xy: 'z' })).not.toBe(hash({ x: 'yz' }));
  });

  it('tells a value from the same text of another type, and a missing key from an empty value', () => {
    const hash = (...values: Record<string, RawValue>[]) =>
      dataHash({ payees: [], records: { deals: values.map((v, i) => ({ row: i + 1, values: v })) } });
    expect(hash({ amount: '10' })).not.toBe(hash({ amount: 10 }));
    expect(hash({ flag: 'true' })).not.toBe(hash({ flag: true }));
    expect(hash({ note: '' })).not.toBe(hash({ note: null }));
    expect(hash({ id: 'D1', note: '' })).not.toBe(hash({ id: 'D1' }));
  });

  it("gives the same hash whatever the order of each row's keys, rows with different orders mixed", () => {
    const row = fc.dictionary(
      fc.constantFrom('id', 'owner', 'amount', 'note', 'stage'),
      fc.string({ maxLength: 5 }),
      {
        minKeys: 1,
      },
    );
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 8 }),
        fc.array(fc.boolean(), { maxLength: 8 }),
        (list, flips) => {
          const reordered = list.map((values, i) =>
            flips[i] ? Object.fromEntries(Object.entries(values).reverse()) : values,
          );
          const hash = (l: Record<string, string>[]) =>
            dataHash({ payees: [], records: { deals: l.map((values, i) => ({ row: i + 1, values })) } });
          expect(hash(reordered)).toBe(hash(list));
          // Changing one value changes the hash.
          const first = list[0];
          if (first) {
            const key = Object.keys(first)[0] as string;
            const changed = [{ ...first, [key]: `${first[key]}!` }, ...list.slice(1)];
            expect(hash(changed)).not.toBe(hash(list));
          }
        },
      ),
    );
  });
});
