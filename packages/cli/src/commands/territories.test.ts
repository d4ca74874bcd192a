import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compile } from '@attain/dsl';
import {
  assignAccounts,
  compareTerritories,
  type DataRecord,
  rebalance,
  territoryBalance,
} from '@attain/engine';
import { describe, expect, it } from 'vitest';
import { repoRoot, run } from '../test-support/run.js';
import { tempDir } from '../test-support/temp-dir.js';

const accountsSource = `  source accounts "Accounts" {
    id: Text key
    name: Text
    region: Text
    segment: Text
    potential: Money
    visits: Integer optional
  }`;

/** Globex is named in Strategic; EMEA enterprise goes before the rest of EMEA; NA has no payee. */
const current = `plan "Current" version "1" {
  currency USD
  period quarter
  effective 2026-01-01 to 2026-12-31

${accountsSource}

  territories on accounts by priority {
    territory strategic "Strategic" {
      named "Globex"
      priority 1
      assign "rep-s" as primary
    }
    territory emea_ent "EMEA Enterprise" {
      where region = "EMEA" and segment = "ENT"
      priority 2
      assign "rep-1" as primary
      assign "rep-9" as overlay from 2026-07-01
    }
    territory emea "EMEA" {
      where region = "EMEA"
      priority 3
      assign "rep-2" as primary to 2026-06-30
      assign "rep-3" as primary from 2026-07-01
    }
    territory na "North America" {
      where region = "NA"
      priority 4
    }
  }
}
`;

/** EMEA merged under rep-1, Umbrella named in Strategic, a new APAC territory without a payee. */
const proposed = `plan "Proposed" {
  currency USD
  period quarter
  effective 2026-01-01 to 2026-12-31

${accountsSource}

  territories on accounts by priority {
    territory strategic {
      named "Globex", "Umbrella"
      priority 1
      assign "rep-s" as primary
    }
    territory emea {
      where region = "EMEA"
      priority 2
      assign "rep-1" as primary
    }
    territory apac {
      where region = "APAC"
      priority 3
    }
  }
}
`;

const accountsCsv = `id,name,region,segment,potential,visits
A1,Initech,EMEA,ENT,1000,4
A2,Globex,EMEA,SMB,500,2
A3,Hooli,EMEA,SMB,300,
A4,Umbrella,NA,ENT,200,1
A5,Acme,APAC,SMB,100,1
A6,Soylent,EMEA,SMB,12O,1
`;

const files = (extra: Record<string, string> = {}) => ({
  'current.attain': current,
  'proposed.attain': proposed,
  'accounts.csv': accountsCsv,
  ...extra,
});

const base = ['territories', 'current.attain', '--accounts', 'accounts.csv'];

const unassigned = `Unassigned accounts (2):
  A5  Acme     no territory names A5 and no territory's rules all hold for it
  A6  Soylent  accounts row 6: potential is "12O", which is not an amount (write it like 1200.50 or 1200.50 EUR)
`;

/** The records the CLI reads from accountsCsv: every column as text, rows from 1. */
function records(): DataRecord[] {
  const [header = '', ...lines] = accountsCsv.trim().split('\n');
  const columns = header.split(',');
  return lines.map((line, i) => {
    const cells = line.split(',');
    return { row: i + 1, values: Object.fromEntries(columns.map((c, j) => [c, cells[j] ?? ''])) };
  });
}

function planOf(text: string) {
  const { plan } = compile(text);
  if (!plan) throw new Error('test plan does not compile');
  return plan;
}

describe('attain territories', () => {
  it('prints each territory with its accounts and payees, and the unassigned accounts with the reason', async () => {
    const cwd = await tempDir(files());
    const { code, stdout, stderr } = await run(base, { cwd });
    expect(stderr).toBe('');
    // A1 EMEA/ENT goes to emea_ent (priority 2 before 3); Globex (A2) is named in strategic; A3 to
    // emea; A4 to na, which no payee covers; A5 (APAC) matches nothing; A6's potential is not a number.
    expect(
      stdout,
    ).toBe(`Territories of plan "Current" version "1": 6 accounts from accounts.csv, as of 2026-01-01

  territory  label            accounts  primary  overlay
  strategic  Strategic               1  rep-s    -
  emea_ent   EMEA Enterprise         1  rep-1    -
  emea       EMEA                    1  rep-2    -
  na         North America           1  -        -
  total                              4

${unassigned}`);
    expect(code).toBe(0);
  });

  it('adds potential, share, workload and fairness with --balance, and reads payees on --as-of', async () => {
    const cwd = await tempDir(files());
    const argv = [...base, '--balance', 'potential=potential,workload=visits', '--as-of', '2026-09-30'];
    const { code, stdout } = await run(argv, { cwd });
    // Potential 500 / 1,000 / 300 / 200 of 2,000: shares 25%, 50%, 15%, 10%. Visits 2, 4, 0, 1.
    // CV = sqrt(4 × 1,380,000 − 2,000²) / 2,000 = 0.6164; max/min = 1,000 / 200; Gini = 2,600 / 8,000.
    // On 30 September rep-3 covers EMEA and rep-9 is the EMEA Enterprise overlay.
    expect(
      stdout,
    ).toBe(`Territories of plan "Current" version "1": 6 accounts from accounts.csv, as of 2026-09-30

  territory  label            accounts  potential  share  visits  primary  overlay
  strategic  Strategic               1     500.00    25%       2  rep-s    -
  emea_ent   EMEA Enterprise         1   1,000.00    50%       4  rep-1    rep-9
  emea       EMEA                    1     300.00    15%       0  rep-3    -
  na         North America           1     200.00    10%       1  -        -
  total                              4   2,000.00              7

Fairness of potential over 4 territories: CV 0.6164, max/min 5.00, Gini 0.3250

${unassigned.replace('(2):', '(2, potential 100.00):')}`);
    expect(code).toBe(0);
  });

  it('compares with another design: measures, gaps, moves and continuity', async () => {
    const cwd = await tempDir(files());
    const argv = [...base, '--balance', 'potential=potential', '--compare', 'proposed.attain'];
    const { code, stdout } = await run(argv, { cwd });
    expect(code).toBe(0);
    const section = stdout.slice(stdout.indexOf('Compared with'));
    // After: strategic 700, emea 1,300, apac 100: CV = sqrt(3 × 2,190,000 − 2,100²) / 2,100 = 0.6999,
    // max/min 13, Gini = 2,400 / 6,300 = 0.3810. A1 and A2 keep rep-1 and rep-s; A3 goes from rep-2
    // to rep-1: 2 of 3 accounts with a primary payee keep one.
    expect(section).toBe(`Compared with "Proposed": 6 accounts, as of 2026-01-01
                         before   after
  CV of potential        0.6164  0.6999
  max/min                  5.00   13.00
  Gini                   0.3250  0.3810
  territories                 4       3
  without primary payee       1       1
  unassigned accounts         2       1
  Without a primary payee after: apac

Moves (3 accounts change territory):
  emea_ent -> emea (1): A1
  na -> strategic (1): A4
  (unassigned) -> apac (1): A5

Continuity: 2 of 3 accounts with a primary payee keep one of their payees (66.7%)

Territories of "Proposed":
  territory  label  accounts  potential  share  workload  primary  overlay
  strategic                2     700.00  33.3%         2  rep-s    -
  emea                     2   1,300.00  61.9%         2  rep-1    -
  apac                     1     100.00   4.8%         1  -        -
  total                    5   2,100.00                5
`);
  });

  it('proposes moves with --rebalance, within the cap and the geography', async () => {
    const more = `${accountsCsv}A7,Wonka,EMEA,SMB,400,1\nA8,Stark,EMEA,SMB,250,1\n`;
    const cwd = await tempDir(files({ 'accounts.csv': more }));
    const argv = [
      ...base,
      '--balance',
      'potential=potential',
      '--rebalance',
      '--max-moves',
      '3',
      '--seed',
      '7',
    ];
    const { code, stdout } = await run(argv, { cwd });
    expect(code).toBe(0);
    // strategic 500 (named only: it receives nothing), emea_ent 1,000, emea 300 + 400 + 250 = 950,
    // na 200. From emea_ent, A1 to na: 2 × 1,000 × (1,000 + 200 − 1,000) > 0. From emea to na, Σx²
    // changes by 2v(v + 200 − 950): A3 −270,000, A7 −280,000, A8 −250,000: A7 goes.
    // 500 / 1,000 / 550 / 600: no move lowers Σx² any more.
    // CV: sqrt(4 × 2,192,500 − 2,650²) / 2,650 = 0.4988 -> sqrt(4 × 1,912,500 − 2,650²) / 2,650 = 0.2989.
    expect(
      stdout.slice(stdout.indexOf('Rebalance on')),
    ).toBe(`Rebalance on CV of potential (seed 7, at most 3 moves, named accounts kept):
  CV 0.4988 -> 0.2989 in 1 move (stopped: no move improves it further)

  step  account  from  to  potential  CV after
     1  A7       emea  na     400.00    0.2989

Territories after the proposal (1 account reassigned):
  territory  label            accounts  potential  share  workload  primary  overlay
  strategic  Strategic               1     500.00  18.9%         1  rep-s    -
  emea_ent   EMEA Enterprise         1   1,000.00  37.7%         1  rep-1    -
  emea       EMEA                    2     550.00  20.8%         2  rep-2    -
  na         North America           2     600.00  22.6%         2  -        -
  total                              6   2,650.00                6
`);
    // Kept in its region, A7 (EMEA) cannot go to na, and no other move helps.
    const kept = await run([...argv, '--keep-geography', 'region'], { cwd });
    expect(kept.stdout).toContain(
      'Rebalance on CV of potential (seed 7, at most 3 moves, named accounts kept, each account kept in its region):\n' +
        '  CV 0.4988 -> 0.4988 in 0 moves (stopped: no move improves it further)\n',
    );
  });

  it('prints the engine results as JSON, exactly as the API gives them', async () => {
    const cwd = await tempDir(files());
    const argv = [
      ...base,
      '--balance',
      'potential=potential',
      '--rebalance',
      '--measure',
      'gini',
      '--keep-geography',
      'region',
      '--compare',
      'proposed.attain',
      '--format',
      'json',
    ];
    const { code, stdout } = await run(argv, { cwd });
    expect(code).toBe(0);
    const plan = planOf(current);
    const assignment = assignAccounts(plan, records());
    const balance = { potential: 'potential' };
    const expected = {
      assignment,
      balance: territoryBalance(assignment, balance),
      rebalance: rebalance(assignment, {
        ...balance,
        measure: 'gini',
        seed: 1,
        maxMoves: 20,
        keepGeography: 'region',
      }),
      comparison: compareTerritories(plan, planOf(proposed), records(), balance),
    };
    expect(stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`);
  });

  it('reads the payees and territory assignments next to the accounts, as attain run does', async () => {
    // The accounts name their owner (a Payee field): without payees.csv every row is an unknown
    // payee; with it, A1's owner rep-1 is known and A2's ghost is not. territory_assignments.csv
    // adds rep-2 to west.
    const design = `plan "Owned" {
  currency USD
  period quarter
  effective 2026-01-01 to 2026-12-31
  source accounts { id: Text key, region: Text, owner: Payee }
  payee { ote: Money }
  territories on accounts by priority {
    territory west {
      where region = "West"
      priority 1
      assign "rep-1" as primary
    }
  }
}
`;
    const cwd = await tempDir({
      'owned.attain': design,
      'data/accounts.csv': 'id,region,owner\nA1,West,rep-1\nA2,West,ghost\n',
      'data/payees.csv': 'id,name\nrep-1,Ada\nrep-2,Grace\n',
      'data/territory_assignments.csv': 'payee,territory,role\nrep-2,west,overlay\n',
      'bare/accounts.csv': 'id,region,owner\nA1,West,rep-1\n',
    });
    const withPayees = await run(['territories', 'owned.attain', '--accounts', 'data/accounts.csv'], { cwd });
    expect([withPayees.code, withPayees.stderr]).toEqual([0, '']);
    expect(withPayees.stdout).toContain(
      `2 accounts from data/accounts.csv (payees from ${join('data', 'payees.csv')}), as of 2026-01-01`,
    );
    expect(withPayees.stdout).toContain('  west                     1  rep-1    rep-2');
    expect(withPayees.stdout).toContain('A2');
    expect(withPayees.stdout).toContain('ghost');
    // Without payees.csv beside the accounts: the owner is unknown and A1 is left unassigned.
    const bare = await run(['territories', 'owned.attain', '--accounts', 'bare/accounts.csv'], { cwd });
    expect(bare.stdout).toContain('  A1    accounts row 1: owner is "rep-1", who is not among the payees\n');
  });

  // Two territories of priority 2 whose rules both hold for A1 (EU, size 2000): A1 went to the one
  // written first, and the table did not say that a tie decided it.
  it('lists the accounts a tie placed, with the territories they tied with', async () => {
    const design = `plan "Tied" {
  currency USD
  period quarter
  effective 2026-01-01 to 2026-12-31
  source accounts { id: Text key, region: Text, size: Number }
  territories on accounts by priority {
    territory large {
      where size >= 1000
      priority 2
    }
    territory eu {
      where region = "EU"
      priority 2
    }
  }
}
`;
    const cwd = await tempDir({
      'tied.attain': design,
      'acc.csv': 'id,region,size\nA1,EU,2000\nA2,EU,300\nA3,US,1500\n',
    });
    const { code, stdout, stderr } = await run(['territories', 'tied.attain', '--accounts', 'acc.csv'], {
      cwd,
    });
    expect(stderr).toBe('');
    // A1 matches large and eu (both 2): large, written first. A2 (300) only eu, A3 (US) only large.
    expect(stdout).toBe(`Territories of plan "Tied": 3 accounts from acc.csv, as of 2026-01-01

  territory  label  accounts  primary  overlay
  large                    2  -        -
  eu                       1  -        -
  total                    3

Every account is in a territory.

Accounts a tie placed (1), each in the territory written first:
  A1    large, tied with eu
`);
    expect(code).toBe(0);
  });

  it('reads FX rates from --fx or the fx.csv next to the accounts, and prints warnings in the table', async () => {
    // A1's potential is 1000 EUR; big needs 1100 USD. EUR->USD is 1.0 until March, 1.2 from April:
    // as of a day in Q2 (rate of 2026-06-30: 1000 x 1.2 = 1200 >= 1100) A1 is in big, as `attain
    // run` credits Q2's deals; as of a day in Q1 (1000 x 1.0 = 1000) in rest.
    const fxPlan = `plan "Fx" {
  currency USD
  period quarter
  effective 2026-01-01 to 2026-12-31
  source accounts { id: Text key, region: Text, potential: Money(EUR) }
  territories on accounts by priority {
    territory big {
      where convert(potential, USD) >= 1100 USD
      priority 1
      assign "t-big" as primary
    }
    territory rest {
      where region = "EMEA"
      priority 2
      assign "t-rest" as primary
    }
  }
}
`;
    const fxCsv = 'from,to,date,rate\nEUR,USD,2026-01-01,1.0\nEUR,USD,2026-04-01,1.2\n';
    const cwd = await tempDir({
      'fx.attain': fxPlan,
      'data/accounts.csv': 'id,region,potential\nA1,EMEA,1000\n',
      'data/fx.csv': fxCsv,
      'other/accounts.csv': 'id,region,potential\nA1,EMEA,1000\n',
      'rates.csv': `${fxCsv}EUR,USD,2026-13-01,1.3\n`,
    });
    const table = (territory: string) => `  territory  label  accounts  primary  overlay
  big                      ${territory === 'big' ? 1 : 0}  t-big    -
  rest                     ${territory === 'rest' ? 1 : 0}  t-rest   -
  total                    1

Every account is in a territory.
`;
    const next = await run(
      ['territories', 'fx.attain', '--accounts', 'data/accounts.csv', '--as-of', '2026-06-30'],
      {
        cwd,
      },
    );
    expect([next.code, next.stderr]).toEqual([0, '']);
    expect(next.stdout).toBe(
      `Territories of plan "Fx": 1 accounts from data/accounts.csv (FX rates from ${join('data', 'fx.csv')}), as of 2026-06-30\n\n${table('big')}`,
    );
    const march = await run(
      ['territories', 'fx.attain', '--accounts', 'data/accounts.csv', '--as-of', '2026-03-31'],
      {
        cwd,
      },
    );
    expect(march.stdout).toContain(table('rest'));
    // No FX rate: the rule has no value, A1 goes to rest, and the table says why.
    const none = await run(
      ['territories', 'fx.attain', '--accounts', 'other/accounts.csv', '--as-of', '2026-06-30'],
      {
        cwd,
      },
    );
    expect([none.code, none.stderr]).toEqual([0, '']);
    expect(none.stdout).toBe(`Territories of plan "Fx": 1 accounts from other/accounts.csv, as of 2026-06-30

${table('rest')}
Warnings (1):
  2026-Q2: there is no FX rate from EUR to USD on or before 2026-06-30
`);
    // --fx names the file; a bad row of it is left out and listed.
    const named = await run(
      [
        'territories',
        'fx.attain',
        '--accounts',
        'other/accounts.csv',
        '--fx',
        'rates.csv',
        '--as-of',
        '2026-06-30',
      ],
      { cwd },
    );
    expect([named.code, named.stderr]).toEqual([0, '']);
    expect(named.stdout).toContain(
      `from other/accounts.csv (FX rates from rates.csv), as of 2026-06-30\n\n${table('big')}`,
    );
    expect(named.stdout).toMatch(
      /\n\nRows left out \(1\):\n {2}rates\.csv row 3: date is "2026-13-01", which is not a date .*\n$/,
    );
    const missing = await run(
      ['territories', 'fx.attain', '--accounts', 'other/accounts.csv', '--fx', 'nope.csv'],
      {
        cwd,
      },
    );
    expect([missing.code, missing.stderr]).toEqual([
      2,
      'attain: cannot read nope.csv: no such file or directory\n',
    ]);
  });

  it('compares with the design of next year, each on the first day of its own plan, and says both days', async () => {
    const later = proposed.replace('2026-01-01 to 2026-12-31', '2027-01-01 to 2027-12-31');
    const cwd = await tempDir(files({ 'later.attain': later }));
    const argv = [...base, '--balance', 'potential=potential', '--compare', 'later.attain'];
    const { code, stdout } = await run(argv, { cwd });
    expect(code).toBe(0);
    expect(stdout).toContain('Compared with "Proposed": 6 accounts, as of 2026-01-01 (after: 2027-01-01)\n');
  });

  it('exits 2 when usage or input is wrong, and names the problem', async () => {
    const cwd = await tempDir(
      files({
        'no-territories.attain': current.replace(/\n {2}territories on[\s\S]*\n {2}}\n}\n$/, '\n}\n'),
        'short.csv': 'id,name,region\nA1,Initech,EMEA\n',
        'later.attain': proposed.replace('2026-01-01 to 2026-12-31', '2027-01-01 to 2027-12-31'),
      }),
    );
    const cases: [string[], string][] = [
      [
        [...base, '--compare', 'proposed.attain'],
        'attain: --compare needs --balance potential=FIELD: the field the designs are balanced on\n',
      ],
      [
        [...base, '--balance', 'potential=region'],
        'attain: --balance potential: field region of accounts is Text, not a number\n',
      ],
      [
        [...base, '--as-of', '2026-02-30'],
        'attain: --as-of is 2026-02-30, which is not a day of the calendar (February 2026 has 28 days)\n',
      ],
      [
        // Current runs 2026-01-01 to 2026-12-31: a day six years early has no period of the plan.
        [...base, '--as-of', '2020-01-01'],
        `attain: --as-of is 2020-01-01, outside the effective dates of plan "Current" (2026-01-01 to 2026-12-31): accounts are placed for a period of the plan\n`,
      ],
      [
        // 2026-07-01 is inside Current but outside the design compared with (2027 only).
        [...base, '--balance', 'potential=potential', '--compare', 'later.attain', '--as-of', '2026-07-01'],
        `attain: --as-of is 2026-07-01, outside the effective dates of plan "Proposed" (2027-01-01 to 2027-12-31): accounts are placed for a period of the plan\n`,
      ],
      [
        [...base, '--balance', 'potential=potential', '--rebalance', '--keep-geography', 'country'],
        'attain: --keep-geography: accounts has no field "country"\n',
      ],
      [
        ['territories', 'current.attain', '--accounts', 'short.csv'],
        `attain: short.csv has no "segment" and "potential" columns (the plan's source accounts declares them); its columns are id, name, region\n`,
      ],
      [
        ['territories', 'no-territories.attain', '--accounts', 'accounts.csv'],
        'attain: no-territories.attain has no territories block: there is nothing to assign accounts to\n',
      ],
      [
        ['territories', 'current.attain', '--accounts', 'missing.csv'],
        'attain: cannot read missing.csv: no such file or directory\n',
      ],
    ];
    for (const [argv, message] of cases) {
      const { code, stdout, stderr } = await run(argv, { cwd });
      expect([code, stdout, stderr]).toEqual([2, '', message]);
    }
    const bad = await run([...base, '--balance', 'workload=visits'], { cwd });
    expect([bad.code, bad.stderr]).toEqual([
      2,
      'attain: --balance needs potential=FIELD (a numeric field of the accounts)\n',
    ]);
    const usage = await run([...base, '--balance', 'potential'], { cwd });
    expect(usage.code).toBe(2);
  });

  it('is listed in --help and has help of its own', async () => {
    expect((await run(['--help'])).stdout).toMatch(/^ {2}territories /m);
    const { code, stdout } = await run(['territories', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: attain territories [options] <plan>');
    expect(stdout).toContain('--accounts <file>');
    expect(stdout).toContain('--keep-geography <field>');
  });

  it('exits 1 when the plan has errors', async () => {
    const cwd = await tempDir(files({ 'broken.attain': current.replace('priority 4', 'priority "four"') }));
    const { code, stderr } = await run(['territories', 'broken.attain', '--accounts', 'accounts.csv'], {
      cwd,
    });
    expect(code).toBe(1);
    expect(stderr).toContain('broken.attain has errors');
  });
});

describe('the territory planning example', () => {
  const dir = join(repoRoot, 'examples/territory-planning');

  it('has two designs that compile without a single diagnostic', async () => {
    for (const name of ['design-current.attain', 'design-proposed.attain']) {
      const result = compile(await readFile(join(dir, name), 'utf8'));
      expect(result.diagnostics, name).toEqual([]);
      expect(result.plan?.territories, name).toBeDefined();
    }
  });

  it('runs the commands of its README', async () => {
    const argv = [
      'territories',
      'examples/territory-planning/design-current.attain',
      '--accounts',
      'examples/territory-planning/accounts.csv',
      '--balance',
      'potential=revenue_potential',
      '--compare',
      'examples/territory-planning/design-proposed.attain',
      '--rebalance',
      '--keep-geography',
      'region',
    ];
    const { code, stdout, stderr } = await run(argv);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Territories of plan "Territories 2026 (current)" version "2026.1": 360 accounts',
    );
    expect(stdout).toContain('Without a primary payee after: latam');
  });
});
