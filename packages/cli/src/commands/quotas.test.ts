import { allocateQuotas, type HierarchyNode } from '@attain/engine';
import { describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';
import { tempDir } from '../test-support/temp-dir.js';
import type { QuotasJson } from './quotas.js';

/** East's lead sells a book of their own; Grace joins on 20 March; Alan leaves on 10 May. */
const hierarchy = `id,parent,name,role,own_quota,hire_date,start_date,end_date
co,,Acme,company,,,,
east,co,East,team,yes,,,
r1,east,Ada,rep,,,,
r2,east,Grace,rep,,2026-03-20,2026-03-20,
west,co,West,team,,,,
r3,west,Alan,rep,,,,2026-05-10
`;

const history = `id,history
east,100000
r1,300000
r2,100000
r3,500000
`;

const capacity = `id,productivity,ramp
east,100000,
r1,400000,
r2,400000,50%
r3,600000,
`;

const files = (extra: Record<string, string> = {}) =>
  tempDir({ 'hierarchy.csv': hierarchy, 'history.csv': history, 'capacity.csv': capacity, ...extra });

const allocate = ['quotas', '--target', '1000000', '--hierarchy', 'hierarchy.csv'];
const byHistory = [
  ...allocate,
  '--weights',
  'history',
  '--values',
  'history.csv',
  '--over-assign',
  'rep=10%',
];

// East weighs 100,000 + 300,000 + 100,000 = 500,000 of 1,000,000: 500,000; West 500,000.
// East's split, reps over-assigned 10%: own 500,000 x 100/500 = 100,000; Ada 500,000 x 1.1 x 300/500
// = 330,000; Grace 500,000 x 1.1 x 100/500 = 110,000; handed down 540,000. Alan 500,000 x 1.1 = 550,000.
// Capacity: East 100,000 + 400,000 + 400,000 x 50% = 700,000, gap 500,000 - 700,000 = -200,000 (-40%);
// West 600,000, gap -100,000 (-20%); in total 1,300,000, gap -300,000 (-30%).
const allocationTable = `Quota allocation: target 1,000,000.00, weights history, over-assignment rep 10%

name       id    role     share         quota   own quota   handed down      capacity          gap   gap %
Acme       co    company   100%  1,000,000.00              1,000,000.00  1,300,000.00  -300,000.00    -30%
  East     east  team       50%    500,000.00  100,000.00    540,000.00    700,000.00  -200,000.00    -40%
    Ada    r1    rep        60%    330,000.00                              400,000.00   -70,000.00  -21.2%
    Grace  r2    rep        20%    110,000.00                              200,000.00   -90,000.00  -81.8%
  West     west  team       50%    500,000.00                550,000.00    600,000.00  -100,000.00    -20%
    Alan   r3    rep       100%    550,000.00                              600,000.00   -50,000.00   -9.1%
`;

// 25% a quarter. Grace, hired on 20 March (after day 15), ramps from April: Q1 (before the ramp)
// and Q2 carry the 50% step, Q1 for her 12 days of 90: 27,500 x 50% x 12/90 = 1,833.33; Q2 13,750.
// Alan leaves on 10 May: Q2 137,500 x 40/91 = 60,439.56; nothing after.
const spreadTable = `Quotas by quarter, FY2026

payee             id       2026-Q1     2026-Q2     2026-Q3     2026-Q4        year
East (own quota)  east   25,000.00   25,000.00   25,000.00   25,000.00  100,000.00
Ada               r1     82,500.00   82,500.00   82,500.00   82,500.00  330,000.00
Grace             r2      1,833.33   13,750.00   27,500.00   27,500.00   70,583.33  hired 2026-03-20
Alan              r3    137,500.00   60,439.56        0.00        0.00  197,939.56  to 2026-05-10
total                   246,833.33  181,689.56  135,000.00  135,000.00  698,522.89
`;

const spread = [
  '--year',
  '2026',
  '--seasonality',
  '25%,25%,25%,25%',
  '--ramp',
  '50%',
  '--ramp-after-day',
  '15',
];

describe('attain quotas', () => {
  it('prints the allocation as an indented hierarchy, the spread by quarter and the capacity gap', async () => {
    const cwd = await files();
    const result = await run([...byHistory, '--capacity', 'capacity.csv', ...spread], { cwd });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${allocationTable}\n${spreadTable}`);
    expect(result.code).toBe(0);
  });

  it('prints the engine results as JSON, exactly as allocateQuotas returns them', async () => {
    const cwd = await files();
    const { code, stdout } = await run([...byHistory, '--format', 'json'], { cwd });
    expect(code).toBe(0);
    const nodes: HierarchyNode[] = [
      { id: 'co', parent: '', ownQuota: false, name: 'Acme', role: 'company' },
      { id: 'east', parent: 'co', ownQuota: true, name: 'East', role: 'team' },
      { id: 'r1', parent: 'east', ownQuota: false, name: 'Ada', role: 'rep' },
      { id: 'r2', parent: 'east', ownQuota: false, name: 'Grace', role: 'rep' },
      { id: 'west', parent: 'co', ownQuota: false, name: 'West', role: 'team' },
      { id: 'r3', parent: 'west', ownQuota: false, name: 'Alan', role: 'rep' },
    ];
    const expected = allocateQuotas({
      target: '1000000',
      hierarchy: nodes,
      weights: 'history',
      values: [
        { id: 'east', value: '100000' },
        { id: 'r1', value: '300000' },
        { id: 'r2', value: '100000' },
        { id: 'r3', value: '500000' },
      ],
      overAssignment: { rep: '10%' },
    });
    expect(stdout).toBe(`${JSON.stringify({ allocation: expected }, null, 2)}\n`);
  });

  it('adds the spread and the capacity to the JSON when asked', async () => {
    const cwd = await files();
    const { code, stdout } = await run(
      [...byHistory, ...spread, '--capacity', 'capacity.csv', '--format', 'json'],
      {
        cwd,
      },
    );
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as QuotasJson;
    expect(json.spread?.fiscalYear).toBe(2026);
    expect(json.spread?.payees.map((p) => [p.id, p.total])).toEqual([
      ['east', '100000.00'],
      ['r1', '330000.00'],
      ['r2', '70583.33'],
      ['r3', '197939.56'],
    ]);
    expect(json.spread?.payees[2]?.periods[0]).toMatchObject({ ramp: '0.5', rampStep: 1, days: 12, of: 90 });
    expect(json.capacity?.total).toMatchObject({
      capacity: '1300000.00',
      gap: '-300000.00',
      gapPercent: '-0.3000',
    });
  });

  it('splits equally per rep by default, and lists warnings under the table', async () => {
    const cwd = await files({ 'zero.csv': 'id,value\neast,0\nr1,0\nr2,5\nr3,5\n' });
    const equal = await run([...allocate, '--decimals', '0'], { cwd });
    // Four quota carriers (East's lead counts as one): East 3/4 = 750,000, West 250,000.
    expect(equal.stdout).toContain('  East     east  team       75%    750,000    250,000      750,000\n');
    expect(equal.code).toBe(0);
    const zero = await run([...allocate, '--weights', 'potential', '--values', 'zero.csv'], { cwd });
    expect(zero.stdout).toContain(
      'Warnings (2):\n' +
        "  warning zero-weight (east, zero.csv row 1, column value): the potential of east's own book is zero, so it gets no quota\n" +
        '  warning zero-weight (r1, zero.csv row 2, column value): the potential of r1 is zero, so it gets no quota\n',
    );
    expect(zero.code).toBe(0);
  });

  it('exits 1 and lists every problem of the hierarchy on stderr', async () => {
    const cwd = await files({
      'bad.csv': 'id,parent\nco,\na,b\nb,a\nx,nowhere\nother,\n',
    });
    const { code, stdout, stderr } = await run(['quotas', '--target', '1000', '--hierarchy', 'bad.csv'], {
      cwd,
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'error cycle (a, bad.csv row 2, column parent): the parents go round in a cycle: a -> b -> a (each is the child of the next)\n' +
        'error two-roots (other, bad.csv row 5, column parent): other has no parent, but co is the root already: a hierarchy has one root ' +
        '(give them a common parent, such as the company)\n' +
        'error unknown-parent (x, bad.csv row 4, column parent): the parent of x is nowhere, which is not in the hierarchy\n' +
        'attain: 3 errors in the input\n',
    );
  });

  it('names the file, row and column of every problem, and reports a bad cell with the others', async () => {
    const cwd = await files({
      // Rows (the header not counted): 1 co, 2 the node without an id, 3 and 4 r1 twice, 5 r2 with a bad own_quota.
      'nodes.csv':
        'id,parent,name,own_quota\nco,,Acme,\n,co,Nobody,\nr1,co,R1,\nr1,co,R1b,\nr2,co,R2,maybe\n',
      // Rows: 1 r1, 2 r2 with a letter O for a zero.
      'weights.csv': 'id,history\nr1,5\nr2,12O\n',
      'dates.csv': 'id,parent,hire_date,end_date\nco,,,\nr1,co,2026-02-30,\nr2,co,,2025-13-01\n',
    });
    const nodes = await run(['quotas', '--target', '1000', '--hierarchy', 'nodes.csv'], { cwd });
    expect(nodes.code).toBe(1);
    expect(nodes.stderr).toBe(
      'error nodes.csv row 5: own_quota is "maybe", not yes or no\n' +
        'error missing-id (nodes.csv row 2, column id): a node named "Nobody" has no id\n' +
        'error duplicate-node (r1, nodes.csv rows 3 and 4, column id): the id r1 is used by more than one node\n' +
        'attain: 3 errors in the input\n',
    );
    const weights = await run([...allocate, '--weights', 'history', '--values', 'weights.csv'], { cwd });
    expect(weights.stderr).toContain(
      'error bad-weight (r2, weights.csv row 2, column history): the history of r2 is "12O", which is not a number\n',
    );
    expect(weights.stderr).toContain(
      'error missing-weight (east, no row for east in weights.csv): east carries a quota but has no history value\n',
    );
    const dates = await run(['quotas', '--target', '1000', '--hierarchy', 'dates.csv', '--year', '2026'], {
      cwd,
    });
    expect(dates.stderr).toBe(
      'error bad-date (r1, dates.csv row 2, column hire_date): the date on the plan "2026-02-30" is not a date (YYYY-MM-DD)\n' +
        'error bad-date (r2, dates.csv row 3, column end_date): the date on the plan "2025-13-01" is not a date (YYYY-MM-DD)\n' +
        'attain: 2 errors in the input\n',
    );
    const options = await run([...allocate, '--over-assign', 'rep=x'], { cwd });
    expect(options.stderr).toContain(
      'error bad-over-assignment (--over-assign): the over-assignment of rep is "x"',
    );
  });

  it('lists the errors of the spread with those of the allocation: one run lists every error', async () => {
    const cwd = await files({
      // Rows: 1 co, 2 east (a player-coach), 3 Ada hired on a day that does not exist, 4 Grace.
      'team.csv':
        'id,parent,name,role,own_quota,hire_date\nco,,Acme,company,,\neast,co,East,team,yes,\n' +
        'r1,east,Ada,rep,,2026-02-30\nr2,east,Grace,rep,,\n',
      // Rows: 1 r1, 2 r2 with a letter O for a zero; no row for east.
      'weights.csv': 'id,history\nr1,5\nr2,12O\n',
    });
    const team = ['quotas', '--target', '1000', '--hierarchy', 'team.csv', '--year', '2026'];
    // The allocation fails (a bad over-assignment), yet Ada's hire date is still checked.
    const options = await run([...team, '--over-assign', 'rep=x'], { cwd });
    expect(options.code).toBe(1);
    expect(options.stderr).toBe(
      'error bad-over-assignment (--over-assign): the over-assignment of rep is "x"; write a percentage such as 10% (at least -100%)\n' +
        'error bad-date (r1, team.csv row 3, column hire_date): the date on the plan "2026-02-30" is not a date (YYYY-MM-DD)\n' +
        'attain: 2 errors in the input\n',
    );
    // Bad weights too: four errors of three inputs in one run (the example of docs/reference/quotas.md).
    const all = await run(
      [...team, '--weights', 'history', '--values', 'weights.csv', '--over-assign', 'rep=x'],
      { cwd },
    );
    expect(all.stderr).toBe(
      'error bad-over-assignment (--over-assign): the over-assignment of rep is "x"; write a percentage such as 10% (at least -100%)\n' +
        'error missing-weight (east, no row for east in weights.csv): east carries a quota but has no history value\n' +
        'error bad-weight (r2, weights.csv row 2, column history): the history of r2 is "12O", which is not a number\n' +
        'error bad-date (r1, team.csv row 3, column hire_date): the date on the plan "2026-02-30" is not a date (YYYY-MM-DD)\n' +
        'attain: 4 errors in the input\n',
    );
    // And a bad capacity: r1's ramp of 120% (cap.csv row 1).
    const capacities = await run([...team, '--over-assign', 'rep=x', '--capacity', 'cap.csv'], {
      cwd: await files({
        'team.csv': 'id,parent\nco,\nr1,co\n',
        'cap.csv': 'id,productivity,ramp\nr1,5,120%\n',
      }),
    });
    expect(capacities.stderr).toBe(
      'error bad-over-assignment (--over-assign): the over-assignment of rep is "x"; write a percentage such as 10% (at least -100%)\n' +
        'error bad-capacity (r1, cap.csv row 1, column ramp): the ramp of r1 is "120%", not a percentage from 0% to 100%\n' +
        'attain: 2 errors in the input\n',
    );
    // A bad seasonality is reported once, not per payee, with the allocation's errors.
    const seasonality = await run([...team, '--over-assign', 'rep=x', '--seasonality', '50%,40%'], { cwd });
    expect(seasonality.stderr).toBe(
      'error bad-over-assignment (--over-assign): the over-assignment of rep is "x"; write a percentage such as 10% (at least -100%)\n' +
        'error seasonality-sum (--seasonality): the seasonality adds up to 90%, not 100%\n' +
        'attain: 2 errors in the input\n',
    );
  });

  it('finds the cell of a problem from where the engine says it is, not from its wording', async () => {
    const cwd = await files({
      // Rows: 1 co (a manager without a quota of their own), 2 east, 3 to 5 the reps, 6 a value for no node.
      'values.csv': 'id,history\nco,1\neast,5\nr1,5\nr2,5\nr3,5\nghost,1\n',
      // Rows: 1 r1 with a bad productivity and ramp, 2 r1 again.
      'cap.csv': 'id,productivity,ramp\nr1,-1,120%\nr1,1,\nr2,1,\nr3,1,\neast,1,\n',
      // r1 starts on a day that does not exist; r2's days on the plan end before they start.
      'days.csv':
        'id,parent,hire_date,start_date,end_date\nco,,,,\nr1,co,,2026-04-31,\nr2,co,2026-01-05,2026-06-01,2026-03-01\n',
    });
    const bad = await run([...allocate, '--capacity', 'cap.csv'], { cwd });
    expect(bad.stderr).toBe(
      'error bad-capacity (r1, cap.csv rows 1 and 2, column productivity): the productivity of r1 is "-1", not an amount of at least 0\n' +
        'error bad-capacity (r1, cap.csv rows 1 and 2, column ramp): the ramp of r1 is "120%", not a percentage from 0% to 100%\n' +
        'error duplicate-value (r1, cap.csv rows 1 and 2, column id): r1 has more than one capacity\n' +
        'attain: 3 errors in the input\n',
    );
    const values = await run([...allocate, '--weights', 'history', '--values', 'values.csv'], { cwd });
    expect(values.stdout).toContain(
      '  warning unused-value (co, values.csv row 1, column history): co is a manager without a quota of their own: ' +
        "their history is not used (their team's is the sum of its members')\n" +
        '  warning unknown-node (ghost, values.csv row 6, column id): a history value is given for ghost, which is not in the hierarchy\n',
    );
    const gap = await run([...allocate, '--capacity', 'capacity.csv'], {
      cwd: await files({ 'capacity.csv': `${capacity}ghost,1,\n` }),
    });
    expect(gap.stdout).toContain(
      '  warning unknown-node (ghost, capacity.csv row 5, column id): a capacity is given for ghost, which is not in the hierarchy\n',
    );
    const days = await run(['quotas', '--target', '1000', '--hierarchy', 'days.csv', '--year', '2026'], {
      cwd,
    });
    expect(days.stderr).toBe(
      'error bad-date (r1, days.csv row 2, column start_date): the date on the plan "2026-04-31" is not a date (YYYY-MM-DD)\n' +
        'error bad-date (r2, days.csv row 3, column start_date and end_date): the days on the plan end (2026-03-01) before they start (2026-06-01)\n' +
        'attain: 2 errors in the input\n',
    );
    const ramp = await run([...allocate, '--year', '2026', '--ramp', '50%,150%'], { cwd });
    expect(ramp.stderr).toBe(
      'error bad-ramp (--ramp): the ramp step "150%" is not a percentage from 0% to 100%\nattain: 1 error in the input\n',
    );
  });

  it('exits 1 on a missing weight or a bad seasonality', async () => {
    const cwd = await files({ 'short.csv': 'id,history\nr1,5\n' });
    const missing = await run([...allocate, '--weights', 'history', '--values', 'short.csv'], { cwd });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      'error missing-weight (r2, no row for r2 in short.csv): r2 carries a quota but has no history value\n',
    );
    const seasonality = await run([...allocate, '--year', '2026', '--seasonality', '20%,20%,20%,20%'], {
      cwd,
    });
    expect(seasonality.code).toBe(1);
    expect(seasonality.stderr).toContain(
      'error seasonality-sum (--seasonality): the seasonality adds up to 80%, not 100%',
    );
  });

  it('exits 2 when a file or column is missing or the usage is wrong', async () => {
    const cwd = await files({
      'flat.csv': 'id,name\nco,Acme\n',
      'own.csv': 'id,parent,own_quota\nco,,maybe\n',
    });
    const cases: [string[], string][] = [
      [
        ['quotas', '--target', '1', '--hierarchy', 'nope.csv'],
        'cannot read nope.csv: no such file or directory',
      ],
      [['quotas', '--target', '1', '--hierarchy', 'flat.csv'], 'flat.csv has no "parent" column'],
      [[...allocate, '--weights', 'history'], '--weights history needs --values FILE'],
      [
        [...allocate, '--weights', 'history', '--values', 'capacity.csv'],
        'capacity.csv needs an "id" column',
      ],
      [[...allocate, '--seasonality', '25%,25%,25%,25%'], 'needs --year'],
      [[...allocate, '--over-assign', 'rep'], '"rep" is not LEVEL=PERCENT'],
      [[...allocate, '--decimals', 'two'], '--decimals must be a whole number from 0 to 20'],
      [['quotas', '--hierarchy', 'hierarchy.csv'], "required option '--target <amount>' not specified"],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr } = await run(argv, { cwd });
      expect([argv.join(' '), code]).toEqual([argv.join(' '), 2]);
      expect(stderr).toContain(message);
    }
    const own = await run(['quotas', '--target', '1', '--hierarchy', 'own.csv'], { cwd });
    expect(own.code).toBe(1);
    expect(own.stderr).toContain('own.csv row 1: own_quota is "maybe", not yes or no');
  });

  it('allocates the territory-planning example', async () => {
    const { code, stdout, stderr } = await run([
      'quotas',
      '--target',
      '45000000',
      '--hierarchy',
      'examples/territory-planning/hierarchy.csv',
      '--weights',
      'history',
      '--values',
      'examples/territory-planning/quota-history.csv',
      '--over-assign',
      'rep=10%',
      '--year',
      '2026',
      '--seasonality',
      '20%,24%,26%,30%',
      '--ramp',
      '25%,50%,75%',
      '--ramp-after-day',
      '15',
      '--format',
      'json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as QuotasJson;
    const reps = json.allocation.nodes.filter((n) => n.role === 'rep');
    expect(reps).toHaveLength(40);
    expect(json.allocation.nodes[0]?.quota).toBe('45000000.00');
    // The leaver carries nothing after August, the mid-month hire little in Q1.
    const payee = (id: string) => json.spread?.payees.find((p) => p.id === id);
    expect(payee('rep-23')?.periods[3]?.amount).toBe('0.00');
    expect(payee('rep-07')?.periods[0]?.days).toBe(14);
  });
});
