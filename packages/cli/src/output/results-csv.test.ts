import type { Statement } from '@attain/engine';
import { describe, expect, it } from 'vitest';
import { csvHeader, csvRows } from './results-csv.js';

/** A statement with only what the CSV reads. */
function statement(parts: Partial<Statement>): Statement {
  return {
    payee: 'ae-1',
    period: '2026-Q1',
    currency: 'USD',
    earnings: [],
    adjustments: [],
    payout: '0',
    estimatedPayout: '0',
    ...parts,
  } as unknown as Statement;
}

describe('the CSV output', () => {
  it('gives earning lines, adjustment lines and the payout, which is what they add up to', () => {
    // 4,800.00 + 4,400.06 earned, 920.01 held back (10%), 100.00 manual: payout 8,380.05.
    const text = csvRows(
      statement({
        earnings: [
          {
            id: 'new_business',
            lines: [
              { id: 'new_business:D1', record: { source: 'deals', key: 'D1' }, amount: '4800.00' },
              { id: 'new_business:D2', record: { source: 'deals', key: 'D2' }, amount: '4400.06' },
            ],
          },
        ] as unknown as Statement['earnings'],
        adjustments: [
          { id: 'holdback:reserve', kind: 'holdback', name: 'reserve', amount: '-920.01' },
          { id: 'manual:ADJ-1', kind: 'manual', name: 'ADJ-1', amount: '100.00', reason: 'SPIFF, late' },
        ] as unknown as Statement['adjustments'],
        payout: '8380.05',
        estimatedPayout: '8380.05',
      }),
    );
    expect(csvHeader + text).toBe(
      'payee,period,kind,name,line,record,amount,currency,estimate\n' +
        'ae-1,2026-Q1,earning,new_business,new_business:D1,D1,4800.00,USD,\n' +
        'ae-1,2026-Q1,earning,new_business,new_business:D2,D2,4400.06,USD,\n' +
        'ae-1,2026-Q1,holdback,reserve,holdback:reserve,,-920.01,USD,\n' +
        'ae-1,2026-Q1,manual,ADJ-1,manual:ADJ-1,,100.00,USD,\n' +
        'ae-1,2026-Q1,payout,,,,8380.05,USD,\n',
    );
  });

  it('marks estimate lines and adds the estimated payout only when hypothetical records change it', () => {
    const lines = (estimatedPayout: string) =>
      csvRows(
        statement({
          earnings: [
            {
              id: 'c',
              lines: [
                { id: 'c:D1', record: { source: 'deals', key: 'D1' }, amount: '50.00' },
                { id: 'c:H1', record: { source: 'deals', key: 'H1' }, amount: '20.00', estimate: true },
              ],
            },
          ] as unknown as Statement['earnings'],
          payout: '50.00',
          estimatedPayout,
        }),
      ).split('\n');
    expect(lines(`70.00`)).toEqual([
      'ae-1,2026-Q1,earning,c,c:D1,D1,50.00,USD,',
      'ae-1,2026-Q1,earning,c,c:H1,H1,20.00,USD,yes',
      'ae-1,2026-Q1,payout,,,,50.00,USD,',
      'ae-1,2026-Q1,estimated-payout,,,,70.00,USD,yes',
      '',
    ]);
    // The same amount written with other decimals is no change.
    expect(lines('50')).not.toContain('ae-1,2026-Q1,estimated-payout,,,,50,USD,yes');
    expect(lines('50').filter((line) => line.includes('payout'))).toHaveLength(1);
  });

  it('marks the estimated corrections of closed periods, which the payout leaves out', () => {
    const rows = csvRows(
      statement({
        adjustments: [
          { id: 'draw:d', kind: 'draw', name: 'd', amount: '1000.00' },
        ] as unknown as Statement['adjustments'],
        estimatedAdjustments: [
          {
            id: 'recalculation:2026-Q1:earning:c:estimate',
            kind: 'recalculation',
            name: 'c',
            amount: '1800.00',
          },
        ] as unknown as Statement['adjustments'],
        payout: '1000.00',
        estimatedPayout: '2800.00',
      }),
    ).split('\n');
    expect(rows).toEqual([
      'ae-1,2026-Q1,draw,d,draw:d,,1000.00,USD,',
      'ae-1,2026-Q1,recalculation,c,recalculation:2026-Q1:earning:c:estimate,,1800.00,USD,yes',
      'ae-1,2026-Q1,payout,,,,1000.00,USD,',
      'ae-1,2026-Q1,estimated-payout,,,,2800.00,USD,yes',
      '',
    ]);
  });

  it('quotes cells that hold commas, quotes or line breaks, and names keyless records by row', () => {
    const text = csvRows(
      statement({
        payee: 'ae,"1"',
        adjustments: [
          {
            id: 'clawback:c:row 3',
            kind: 'clawback',
            name: 'c',
            amount: '-5.00',
            record: { source: 'deals', row: 3 },
          },
        ] as unknown as Statement['adjustments'],
        payout: '-5.00',
        estimatedPayout: '-5.00',
      }),
    );
    expect(text).toBe(
      '"ae,""1""",2026-Q1,clawback,c,clawback:c:row 3,row 3,-5.00,USD,\n"ae,""1""",2026-Q1,payout,,,,-5.00,USD,\n',
    );
  });

  it('starts text cells a spreadsheet would read as a formula with a quote mark, never amounts', () => {
    const text = csvRows(
      statement({
        payee: '=HYPERLINK("http://x","pay")',
        period: '+Q1',
        adjustments: [
          // A manual adjustment whose id (name and line) and record start like formulas.
          {
            id: '@SUM(A1)',
            kind: 'manual',
            name: '@SUM(A1)',
            amount: '-5.00',
            record: { source: 'deals', key: '-2+3' },
          },
          // A negative number and a plain id are left as they are.
          {
            id: 'clawback:c:-7',
            kind: 'clawback',
            name: 'c',
            amount: '-1.50',
            record: { source: 'deals', key: '-7' },
          },
          { id: '\tx', kind: 'manual', name: '-x', amount: '1.00' },
        ] as unknown as Statement['adjustments'],
        payout: '-5.50',
        estimatedPayout: '-5.50',
      }),
    );
    const head = `"'=HYPERLINK(""http://x"",""pay"")",'+Q1,`;
    expect(text.split('\n')).toEqual([
      `${head}manual,'@SUM(A1),'@SUM(A1),'-2+3,-5.00,USD,`,
      `${head}clawback,c,clawback:c:-7,-7,-1.50,USD,`,
      `${head}manual,'-x,'\tx,,1.00,USD,`,
      `${head}payout,,,,-5.50,USD,`,
      '',
    ]);
  });

  it('leaves out a statement returned as reported: an earlier run paid it', () => {
    // enterprise-ae, ae-001 in 2026-Q1 as q1.json reported it (37,600.00 earned, 3,760.00 held
    // back: 33,840.00 paid), returned by the 2026-Q1,2026-Q2 recalculation run.
    const q1 = statement({
      payee: 'ae-001',
      earnings: [
        {
          id: 'new_business',
          lines: [
            { id: 'new_business:D-1001', record: { source: 'deals', key: 'D-1001' }, amount: '37600.00' },
          ],
        },
      ] as unknown as Statement['earnings'],
      adjustments: [
        {
          id: 'holdback:commission_reserve',
          kind: 'holdback',
          name: 'commission_reserve',
          amount: '-3760.00',
        },
      ] as unknown as Statement['adjustments'],
      payout: '33840.00',
      estimatedPayout: '33840.00',
    });
    expect(csvRows(q1)).toContain('ae-001,2026-Q1,payout,,,,33840.00,USD,\n');
    expect(csvRows({ ...q1, reported: true })).toBe('');
  });
});
