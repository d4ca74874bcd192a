/** How `attain run` reads a data directory's CSV files into the engine's dataset. */
import { describe, expect, it } from 'vitest';
import { dealsCsv, payeesCsv } from '../test-support/data.js';
import { validPlan } from '../test-support/plans.js';
import { run } from '../test-support/run.js';
import { tempDir } from '../test-support/temp-dir.js';

const runQ1 = ['run', 'plan.attain', '--data', 'data', '--period', '2026-Q1', '--format', 'csv'];

describe('a hypothetical column in a source file', () => {
  it('marks records as hypothetical: estimates, never paid; text that is not a flag rejects the row', async () => {
    const deals = `id,owner,amount,close_date,stage,hypothetical
D1,ae-1,60000,2026-01-15,Closed Won,
D2,ae-1,50000.50,2026-02-20,Closed Won,Yes
D3,ae-2,20000,2026-03-01,Closed Won,no
D7,ae-2,100,2026-03-02,Closed Won,maybe
`;
    const cwd = await tempDir({
      'plan.attain': validPlan,
      'data/payees.csv': payeesCsv,
      'data/deals.csv': deals,
    });
    const { code, stdout, stderr } = await run(runQ1, { cwd });
    // Ada: D1 pays 60,000 x 8% = 4,800.00. D2, if it closes, pays 40,000 x 8% + 10,000.50 x 12%
    // = 3,200.00 + 1,200.06 = 4,400.06: an estimated payout of 9,200.06. Grace: D3 ("no" is real)
    // pays 20,000 x 8% = 1,600.00; D7 is left out.
    expect(stdout).toBe(
      'payee,period,kind,name,line,record,amount,currency,estimate\n' +
        'ae-1,2026-Q1,earning,new_business,new_business:D1,D1,4800.00,USD,\n' +
        'ae-1,2026-Q1,earning,new_business,new_business:D2,D2,4400.06,USD,yes\n' +
        'ae-1,2026-Q1,payout,,,,4800.00,USD,\n' +
        'ae-1,2026-Q1,estimated-payout,,,,9200.06,USD,yes\n' +
        'ae-2,2026-Q1,earning,new_business,new_business:D3,D3,1600.00,USD,\n' +
        'ae-2,2026-Q1,payout,,,,1600.00,USD,\n',
    );
    expect(stderr).toContain(
      'data/deals.csv row 4 (D7): hypothetical is "maybe", which is not true or false (in JSON a boolean, ' +
        'without quotes; in a CSV file true, false, yes or no)',
    );
    expect(code).toBe(0);
  });

  it('is an ordinary field when the source declares one of that name', async () => {
    const plan = validPlan.replace('    stage: Text\n', '    stage: Text\n    hypothetical: Text optional\n');
    const deals = 'id,owner,amount,close_date,stage,hypothetical\nD1,ae-1,60000,2026-01-15,Closed Won,yes\n';
    const cwd = await tempDir({ 'plan.attain': plan, 'data/payees.csv': payeesCsv, 'data/deals.csv': deals });
    const { code, stdout } = await run(runQ1, { cwd });
    expect(stdout).toContain('ae-1,2026-Q1,payout,,,,4800.00,USD,\n');
    expect(stdout).not.toContain(',yes\n');
    expect(code).toBe(0);
  });
});

describe('a column named almost as one that is read', () => {
  it('stops the run (exit 2) for a Hypothetical column: the deals it marks would be paid', async () => {
    // Before: "Hypothetical" was ignored and D2 (50,000.50, "Yes") was paid as real: Ada's payout
    // was 4,800.00 + 4,400.06 = 9,200.06 instead of 4,800.00.
    const deals =
      'id,owner,amount,close_date,stage,Hypothetical\nD1,ae-1,60000,2026-01-15,Closed Won,\nD2,ae-1,50000.50,2026-02-20,Closed Won,Yes\n';
    const cwd = await tempDir({
      'plan.attain': validPlan,
      'data/payees.csv': payeesCsv,
      'data/deals.csv': deals,
    });
    const { code, stdout, stderr } = await run(runQ1, { cwd });
    expect(stderr).toBe(
      'attain: data/deals.csv: the column "Hypothetical" is not read (did you mean hypothetical?): column names ' +
        'must match exactly, case and all; rename it to hypothetical, or its values are left out\n',
    );
    expect(stdout).toBe('');
    expect(code).toBe(2);
  });

  it('stops the run for an optional field, a currency column, a payee column, with every such column named', async () => {
    // Before: Cancel_Date was ignored (no clawback), Amount Currency too (amounts read as USD), and
    // Plan_To (the payee's leaving date).
    const plan = validPlan.replace('    stage: Text\n', '    stage: Text\n    cancel_date: Date optional\n');
    const deals =
      'id,owner,amount,Amount Currency,close_date,stage,Cancel_Date,notes\nD1,ae-1,60000,EUR,2026-01-15,Closed Won,2026-02-01,x\n';
    const cwd = await tempDir({
      'plan.attain': plan,
      'data/payees.csv': payeesCsv.replace('plan_to', 'Plan_To'),
      'data/deals.csv': deals,
    });
    const { code, stdout, stderr } = await run(runQ1, { cwd });
    expect(stderr.split('\n')).toEqual([
      expect.stringMatching(
        /^attain: data\/payees\.csv: the column "Plan_To" is not read \(did you mean plan_to\?\)/,
      ),
      expect.stringMatching(
        /^attain: data\/deals\.csv: the column "Amount Currency" is not read \(did you mean amount_currency\?\)/,
      ),
      'attain: data/deals.csv: the column "Cancel_Date" is not read (did you mean cancel_date?): column names ' +
        'must match exactly, case and all; rename it to cancel_date, or its values are left out',
      '',
    ]);
    expect(stdout).toBe('');
    expect(code).toBe(2);
  });

  it('is ignored when the column of the exact name is there too, and a missing required column is said once', async () => {
    // hypothetical is read: D2 is an estimate of 50,000.50 x 8% = 4,000.04, paid 0.00. HYPOTHETICAL
    // beside it is another column, not read.
    const deals =
      'id,owner,amount,close_date,stage,hypothetical,HYPOTHETICAL\nD2,ae-1,50000.50,2026-02-20,Closed Won,yes,no\n';
    const cwd = await tempDir({
      'plan.attain': validPlan,
      'data/payees.csv': payeesCsv,
      'data/deals.csv': deals,
    });
    const both = await run(runQ1, { cwd });
    expect(both.stdout).toContain('ae-1,2026-Q1,estimated-payout,,,,4000.04,USD,yes\n');
    expect(both.code).toBe(0);
    const missing = await tempDir({
      'plan.attain': validPlan,
      'data/payees.csv': payeesCsv,
      'data/deals.csv': dealsCsv.replace('amount', 'Amount'),
    });
    const { code, stderr } = await run(runQ1, { cwd: missing });
    expect(stderr).toBe(
      'attain: data/deals.csv has no "amount" column (the plan\'s source deals declares it); its columns are ' +
        'id, owner, Amount, close_date, stage\n',
    );
    expect(code).toBe(2);
  });
});

describe('payee_attributes.csv', () => {
  // Ada's quarterly quota goes from 100,000 to 200,000 on 2026-03-31, Q1's last day: Q1 reads it.
  const changes = `payee,attribute,value,from
ae-1,quarterly_quota,200000,2026-03-31
ae-1,Quarterly_Quota,1,2026-03-01
ae-9,quarterly_quota,1,2026-03-01
ae-2,quarterly_quota,lots,2026-03-01
`;

  it('changes an attribute from a date on; bad rows are named by file and row', async () => {
    const cwd = await tempDir({
      'plan.attain': validPlan,
      'data/payees.csv': payeesCsv,
      'data/deals.csv': dealsCsv,
      'data/payee_attributes.csv': changes,
    });
    const { code, stdout, stderr } = await run(runQ1, { cwd });
    // Ada, on a quota of 200,000: 110,000.50 booked is 55% attainment, all in the 8% band:
    // D1 60,000 x 8% = 4,800.00; D2 50,000.50 x 8% = 4,000.04; payout 8,800.04.
    // (On 100,000, D2 would pay 40,000 x 8% + 10,000.50 x 12% = 4,400.06.)
    // Grace keeps 50,000 (row 4 is left out): D3 20,000 x 8% = 1,600.00.
    expect(stdout).toBe(
      'payee,period,kind,name,line,record,amount,currency,estimate\n' +
        'ae-1,2026-Q1,earning,new_business,new_business:D1,D1,4800.00,USD,\n' +
        'ae-1,2026-Q1,earning,new_business,new_business:D2,D2,4000.04,USD,\n' +
        'ae-1,2026-Q1,payout,,,,8800.04,USD,\n' +
        'ae-2,2026-Q1,earning,new_business,new_business:D3,D3,1600.00,USD,\n' +
        'ae-2,2026-Q1,payout,,,,1600.00,USD,\n',
    );
    expect(stderr).toBe(
      'attain: 3 rows left out of the calculation:\n' +
        '  data/payee_attributes.csv row 2: attribute is "Quarterly_Quota", which is not an attribute of the ' +
        'payee block of plan "Inside Sales" (did you mean quarterly_quota? its attributes: quarterly_quota)\n' +
        '  data/payee_attributes.csv row 3: payee is "ae-9", who is not among the payees\n' +
        '  data/payee_attributes.csv row 4: quarterly_quota is "lots", which is not an amount (write it like ' +
        '1200.50 or 1200.50 EUR)\n',
    );
    expect(code).toBe(0);
  });

  it('takes manager rows: roll-up credit follows the manager on each deal date', async () => {
    const teamPlan = `plan "Team" version "1" {
  currency USD
  period quarter
  effective 2026-01-01 to 2026-12-31
  source deals { id: Text key, owner: Payee owner, amount: Money, close_date: Date dated }
  credit team from deals { to managers of owner }
  commission override = team * 1%
}
`;
    const cwd = await tempDir({
      'plan.attain': teamPlan,
      'data/payees.csv': 'id,name,manager\nrep,Rep,m1\nm1,Mia,\nm2,Max,\n',
      'data/deals.csv': 'id,owner,amount,close_date\nD1,rep,1000,2026-02-10\nD2,rep,2000,2026-05-10\n',
      'data/payee_attributes.csv': 'payee,attribute,value,from\nrep,manager,m2,2026-04-01\n',
    });
    const argv = ['run', 'plan.attain', '--data', 'data', '--period', '2026-Q1,2026-Q2', '--format', 'csv'];
    const { code, stdout, stderr } = await run(argv, { cwd });
    expect(stderr).toBe('');
    // D1 (2026-02-10, manager m1): 1,000 x 1% = 10.00 to m1 in Q1; D2 (2026-05-10, m2 from
    // 2026-04-01): 2,000 x 1% = 20.00 to m2 in Q2; nothing to m2 in Q1 nor to m1 in Q2.
    expect(stdout).toBe(
      'payee,period,kind,name,line,record,amount,currency,estimate\n' +
        'm1,2026-Q1,earning,override,override:period,,10.00,USD,\n' +
        'm1,2026-Q1,payout,,,,10.00,USD,\n' +
        'm1,2026-Q2,earning,override,override:period,,0.00,USD,\n' +
        'm1,2026-Q2,payout,,,,0.00,USD,\n' +
        'm2,2026-Q1,earning,override,override:period,,0.00,USD,\n' +
        'm2,2026-Q1,payout,,,,0.00,USD,\n' +
        'm2,2026-Q2,earning,override,override:period,,20.00,USD,\n' +
        'm2,2026-Q2,payout,,,,20.00,USD,\n' +
        'rep,2026-Q1,earning,override,override:period,,0.00,USD,\n' +
        'rep,2026-Q1,payout,,,,0.00,USD,\n' +
        'rep,2026-Q2,earning,override,override:period,,0.00,USD,\n' +
        'rep,2026-Q2,payout,,,,0.00,USD,\n',
    );
    expect(code).toBe(0);
  });

  it('is read from data.json as attributeChanges', async () => {
    const dataset = {
      payees: [{ id: 'ae-1', name: 'Ada Lovelace', attributes: { quarterly_quota: '100000' } }],
      records: {
        deals: dealsCsv
          .trim()
          .split('\n')
          .slice(1, 3)
          .map((line) => {
            const [id, owner, amount, close_date, stage] = line.split(',');
            return { values: { id, owner, amount, close_date, stage } };
          }),
      },
      attributeChanges: [
        { payee: 'ae-1', attribute: 'quarterly_quota', value: '200000', from: '2026-03-31' },
      ],
    };
    const cwd = await tempDir({ 'plan.attain': validPlan, 'data/data.json': JSON.stringify(dataset) });
    const { code, stdout } = await run(runQ1, { cwd });
    // As above: 4,800.00 + 4,000.04 = 8,800.04
    expect(stdout).toContain('ae-1,2026-Q1,payout,,,,8800.04,USD,\n');
    expect(code).toBe(0);
  });

  it('without a required column stops the run', async () => {
    const cwd = await tempDir({
      'plan.attain': validPlan,
      'data/payees.csv': payeesCsv,
      'data/deals.csv': dealsCsv,
      'data/payee_attributes.csv': 'payee,attribute,value\nae-1,quarterly_quota,200000\n',
    });
    const { code, stderr } = await run(runQ1, { cwd });
    expect(stderr).toContain('data/payee_attributes.csv');
    expect(stderr).toContain('from');
    expect(code).toBe(2);
  });
});
