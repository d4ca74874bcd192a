import { describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';
import { tempDir } from '../test-support/temp-dir.js';
import type { Report } from './report-build.js';

const plan = `plan "Pipeline" version "1" {
  currency USD
  period quarter
  effective 2026-01-01 to 2026-12-31

  source opportunities {
    id: Text key
    owner: Payee owner
    amount: Money
    close_date: Date dated
    stage: Text
    pushes: Integer
  }
  payee { quarterly_quota: Money }
  quota q = payee.quarterly_quota
  credit bookings from opportunities where stage = "Won" {
    to owner
  }
  commission pay_out = bookings * 10%
  metric won "Deals won": Integer = count(bookings)
  metric closed: Integer = count(opportunities where stage in ["Won", "Lost"])
  metric win_rate "Win rate": Percent = ratio(won, closed)
  metric average_deal "Average deal": Money = avg(bookings.amount)
  metric own_quota: Money = payee.quarterly_quota
  signal pushed "Pushed twice" warning on opportunities
    when stage = "Open" and pushes >= 2
    message "Review the close plan."
  signal no_wins "No wins" critical
    when won = 0
    message "Nothing won this quarter."
}
`;

// Mia manages Ray and Rae; she is on another plan, so she has no statements but heads the team.
const payees = `id,name,manager,quarterly_quota,plan
m,Mia Manager,,0,Leadership
r1,Ray One,m,100000,
r2,Rae Two,m,50000,
`;

const opportunities = `id,owner,amount,close_date,stage,pushes
O1,r1,40000,2026-01-10,Won,0
O2,r1,20000,2026-02-10,Lost,0
O3,r2,10000,2026-02-15,Won,0
O4,r2,30000,2026-03-01,Lost,1
O5,r2,50000,2026-03-20,Open,2
O6,r1,30000,2026-04-10,Won,0
O7,r1,50000,2026-05-10,Won,0
O8,r2,5000,2026-05-20,Lost,0
`;

const files = { 'plan.attain': plan, 'data/payees.csv': payees, 'data/opportunities.csv': opportunities };
const report = ['report', 'plan.attain', '--data', 'data', '--period', '2026-Q1', '--period', '2026-Q2'];

// Q1: Ray wins O1 of O1, O2 (50%, average 40,000); Rae wins O3 of O3, O4 (50%, average 10,000).
// The team: 2 of 4 (50%), average (40,000 + 10,000) / 2 = 25,000.
// Q2: Ray wins O6 and O7 (100%, average 40,000); Rae loses O8 (0%, no average).
// The team: 2 of 3 (66.7%), average 40,000: +16.7 points, +15,000 (+60%) on Q1.
// Signals: O5 (open, pushed twice) for Rae in Q1; Rae has no win in Q2.
const table = `Plan "Pipeline" version "1": 2026-Q1, 2026-Q2, data data, as of 2026-06-30

Scoreboard: teams
                    2026-Q1      2026-Q2          vs 2026-Q1
Mia Manager (m)  team of 3
  Deals won               2            2                   0
  closed                  4            3           -1 (-25%)
  Win rate              50%        66.7%           +16.7 pts
  Average deal    25,000.00    40,000.00   +15,000.00 (+60%)
  own quota               -            -

Scoreboard: payees
                    2026-Q1      2026-Q2          vs 2026-Q1
Ray One (r1)  reports to m
  Deals won               1            2          +1 (+100%)
  closed                  2            2                   0
  Win rate              50%         100%             +50 pts
  Average deal    40,000.00    40,000.00                   0
  own quota      100,000.00   100,000.00                   0
Rae Two (r2)  reports to m
  Deals won               1            0          -1 (-100%)
  closed                  2            1           -1 (-50%)
  Win rate              50%           0%             -50 pts
  Average deal    10,000.00            -
  own quota       50,000.00    50,000.00                   0

Not rolled up to teams:
  own_quota: it reads payee.quarterly_quota, an attribute of each payee that a team does not have

Signals in 2026-Q1: 1 signal
  warning   Pushed twice: Review the close plan.
              Rae Two (r2)   O5

Signals in 2026-Q2: 1 signal
  critical  No wins: Nothing won this quarter.
              Rae Two (r2)

`;

/** Ray (r1) wins O1, 40,000 in 2026-Q1: a record of data.json. */
const rayWinsO1 = {
  values: { id: 'O1', owner: 'r1', amount: '40000', close_date: '2026-01-10', stage: 'Won', pushes: 0 },
};

/** A directory with the plan and `data` as data/data.json, and the report's arguments over it. */
async function dataJson(data: unknown): Promise<{ cwd: string; args: string[] }> {
  const cwd = await tempDir({ 'plan.attain': plan, 'data/data.json': JSON.stringify(data) });
  return {
    cwd,
    args: ['report', 'plan.attain', '--data', 'data', '--period', '2026-Q1', '--format', 'json'],
  };
}

describe('attain report', () => {
  it('prints the scoreboard of each team and payee with the change, then the signals', async () => {
    const cwd = await tempDir(files);
    const { code, stdout, stderr } = await run(report, { cwd });
    expect(stderr).toBe('');
    expect(stdout).toBe(table);
    expect(code).toBe(0);
  });

  it('prints the same report as JSON: series with exact changes, roll-up rules, signals with records', async () => {
    const cwd = await tempDir(files);
    const { code, stdout } = await run([...report, '--format', 'json'], { cwd });
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as Report;
    expect(json.meta.periods).toEqual(['2026-Q1', '2026-Q2']);
    expect(json.viewer).toBeUndefined();
    expect(json.liability).toBeUndefined();
    const team = json.scoreboard?.teams[0];
    expect(team).toMatchObject({
      team: 'm',
      teamName: 'Mia Manager',
      level: 0,
      size: 3,
      reports: ['r1', 'r2'],
    });
    expect(team?.metrics.find((m) => m.name === 'win_rate')).toEqual({
      name: 'win_rate',
      label: 'Win rate',
      type: 'Percent',
      points: [
        { period: '2026-Q1', value: '0.5' },
        {
          period: '2026-Q2',
          value: expect.stringMatching(/^0\.6666666666/),
          change: {
            absolute: expect.stringMatching(/^0\.1666666666/),
            relative: expect.stringMatching(/^0\.333333/),
          },
        },
      ],
    });
    expect(json.scoreboard?.rules.map((r) => [r.metric, r.method])).toEqual([
      ['won', 'sum'],
      ['closed', 'sum'],
      ['win_rate', 'recomputed'],
      ['average_deal', 'recomputed'],
      ['own_quota', 'none'],
    ]);
    expect(json.scoreboard?.payees.map((p) => [p.payee, p.manager])).toEqual([
      ['r1', 'm'],
      ['r2', 'm'],
    ]);
    expect(json.signals).toEqual([
      {
        period: '2026-Q1',
        payee: 'r2',
        payeeName: 'Rae Two',
        name: 'pushed',
        label: 'Pushed twice',
        severity: 'warning',
        message: 'Review the close plan.',
        records: [{ source: 'opportunities', key: 'O5', row: 5 }],
      },
      {
        period: '2026-Q2',
        payee: 'r2',
        payeeName: 'Rae Two',
        name: 'no_wins',
        label: 'No wins',
        severity: 'critical',
        message: 'Nothing won this quarter.',
        records: [],
      },
    ]);
  });

  it('--as a rep shows only their own numbers, and no team', async () => {
    const cwd = await tempDir(files);
    const { code, stdout } = await run([...report, '--as', 'r1', '--format', 'json'], { cwd });
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as Report;
    expect(json.viewer).toEqual({ role: 'rep', payee: 'r1', name: 'Ray One' });
    expect(json.scoreboard?.teams).toEqual([]);
    expect(json.scoreboard?.payees.map((p) => p.payee)).toEqual(['r1']);
    expect(json.signals).toEqual([]);
    const text = await run([...report, '--as', 'r1', '--signals'], { cwd });
    expect(text.stdout).toBe(
      'Plan "Pipeline" version "1": 2026-Q1, 2026-Q2, data data, as of 2026-06-30\n' +
        'As seen by Ray One (r1), rep: their own numbers\n\n' +
        'Signals in 2026-Q1: none\n\nSignals in 2026-Q2: none\n\n',
    );
    // A rep sees no team, so nothing is said about what does not roll up to teams.
    const board = await run([...report, '--as', 'r1', '--metrics'], { cwd });
    expect(board.stdout).toContain('Scoreboard: payees\n');
    expect(board.stdout).not.toContain('Scoreboard: teams');
    expect(board.stdout).not.toContain('Not rolled up');
  });

  it('--as a manager shows their team, and --liability what finance owes them', async () => {
    const cwd = await tempDir(files);
    const { code, stdout } = await run([...report, '--as', 'm', '--liability', '--format', 'json'], { cwd });
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as Report;
    expect(json.viewer?.role).toBe('manager');
    // Only the section asked for.
    expect(json.scoreboard).toBeUndefined();
    expect(json.signals).toBeUndefined();
    // 10% of bookings: Ray 40,000 in Q1 and 80,000 in Q2; Rae 10,000 in Q1.
    expect(json.liability?.periods.map((p) => [p.period, p.total.earned, p.total.paid])).toEqual([
      ['2026-Q1', '5000.00', '5000.00'],
      ['2026-Q2', '8000.00', '8000.00'],
    ]);
    expect(json.liability?.total.paid).toBe('13000.00');
    const text = await run([...report, '--as', 'm', '--liability'], { cwd });
    expect(text.stdout).toContain(
      'Payout liability (USD)\n' +
        'period   payee            earned       paid  held back  draws owed\n' +
        '2026-Q1  Ray One (r1)   4,000.00   4,000.00       0.00        0.00\n',
    );
    expect(text.stdout).toContain('all      total         13,000.00  13,000.00       0.00        0.00\n');
  });

  it('exits 2 when --as names no payee, and 1 on data errors with --strict', async () => {
    const cwd = await tempDir(files);
    const unknown = await run([...report, '--as', 'nobody'], { cwd });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('attain: --as nobody: there is no such payee in data/payees.csv\n');
    const bad = await tempDir({
      ...files,
      'data/opportunities.csv': `${opportunities}O9,r9,1,2026-01-01,Won,0\n`,
    });
    const strict = await run([...report, '--strict'], { cwd: bad });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toContain('(--strict): nothing was calculated');
  });

  it('--as leaves out the rejected rows and errors of rows it may not see (governance.md)', async () => {
    // O9 (Ray's) and O10 (Rae's) have amounts that are not numbers: rows 9 and 10 of the file.
    const cwd = await tempDir({
      ...files,
      'data/opportunities.csv': `${opportunities}O9,r1,12O0,2026-01-05,Won,0\nO10,r2,9OO,2026-01-06,Won,0\n`,
    });
    const o9 = 'data/opportunities.csv row 9 (O9): amount is "12O0"';
    const o10 = 'data/opportunities.csv row 10 (O10)';
    const everyone = await run(report, { cwd });
    expect(everyone.stderr).toContain(o9);
    expect(everyone.stderr).toContain(o10);
    const ray = await run([...report, '--as', 'r1'], { cwd });
    expect(ray.code).toBe(0);
    expect(ray.stderr).toMatch(
      /^attain: 1 row left out of the calculation:\n {2}data\/opportunities.csv row 9 \(O9\)/,
    );
    expect(ray.stderr).not.toContain('O10');
    // Mia manages both: she sees both rows.
    expect((await run([...report, '--as', 'm'], { cwd })).stderr).toContain(o10);
    const strict = await run([...report, '--as', 'r1', '--strict'], { cwd });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(o9);
    expect(strict.stderr).not.toContain('O10');
    expect(strict.stderr).toContain(
      '(1 more error about rows --as r1 may not see is not shown: run without --as',
    );
  });

  /** `attain report` on the sales-team example's 2026-Q1, as of 15 May. */
  const salesTeamQ1 = [
    'report',
    'examples/sales-team/plan.attain',
    '--data',
    'examples/sales-team/data',
    '--period',
    '2026-Q1',
    '--as-of',
    '2026-05-15',
  ];

  it('reports on the sales-team example as one of its managers sees it', async () => {
    const { code, stdout } = await run([...salesTeamQ1, '--as', 'mgr-01', '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as Report;
    const payees = json.scoreboard?.payees ?? [];
    expect(payees.map((p) => p.payee)).toEqual(['rep-101', 'rep-102', 'rep-103', 'rep-104', 'rep-105']);
    expect(json.scoreboard?.teams.map((t) => [t.team, t.size])).toEqual([['mgr-01', 6]]);
    // The manager sells nothing: the team's deals won are the reps' added up, and its win rate is
    // recomputed from the team's wins and losses. A missing metric fails here rather than giving
    // NaN on both sides of a comparison.
    const value = (metrics: { name: string; points: { value: unknown }[] }[], name: string): number => {
      const text = metrics.find((m) => m.name === name)?.points[0]?.value;
      expect(text, name).toMatch(/^\d+(\.\d+)?$/);
      return Number(text);
    };
    const team = json.scoreboard?.teams[0]?.metrics ?? [];
    const sum = (name: string) => payees.reduce((total, p) => total + value(p.metrics, name), 0);
    // In 2026-Q1 mgr-01's five reps win 3 + 2 + ... = 16 deals and lose 57: 16 / (16 + 57) = 21.9%.
    expect(sum('won')).toBe(16);
    expect(sum('lost')).toBe(57);
    expect(value(team, 'won')).toBe(16);
    expect(value(team, 'lost')).toBe(57);
    expect(value(team, 'win_rate')).toBeCloseTo(16 / 73, 12);
    expect(json.scoreboard?.rules.every((r) => r.method !== 'none')).toBe(true);
  });

  it('--as a manager leaves out the signals of payees outside their team', async () => {
    const argv = [...salesTeamQ1, '--signals', '--format', 'json'];
    const everyone = JSON.parse((await run(argv)).stdout) as Report;
    const team = JSON.parse((await run([...argv, '--as', 'mgr-01'])).stdout) as Report;
    // The one signal of 2026-Q1 is rep-605's, who is not in mgr-01's team (rep-101 to rep-105).
    expect(everyone.signals?.map((s) => [s.payee, s.name])).toEqual([['rep-605', expect.any(String)]]);
    expect(team.signals).toEqual([]);
  });

  it('--as follows changes of manager in payee_attributes.csv, period by period', async () => {
    // Ray moves from Mia (m) to Nia (n) from 2026-04-01: his Q1 is Mia's to see, his Q2 Nia's.
    // Nia manages no one in payees.csv: she is a manager through the change alone.
    const cwd = await tempDir({
      ...files,
      'data/payees.csv': `${payees}n,Nia New,,0,Leadership\n`,
      'data/payee_attributes.csv': 'payee,attribute,value,from\nr1,manager,n,2026-04-01\n',
    });
    const as = async (who: string) => {
      const { code, stdout } = await run([...report, '--as', who, '--format', 'json'], { cwd });
      expect(code).toBe(0);
      return JSON.parse(stdout) as Report;
    };
    const wonOf = (r: Report, who: string) =>
      r.scoreboard?.payees
        .find((p) => p.payee === who)
        ?.metrics.find((m) => m.name === 'won')
        ?.points.map((p) => [p.period, p.value]);
    const nia = await as('n');
    expect(nia.viewer?.role).toBe('manager');
    // Ray wins O1 in Q1 (1 deal, not Nia's to see) and O6, O7 in Q2 (2 deals).
    expect(wonOf(nia, 'r1')).toEqual([
      ['2026-Q1', null],
      ['2026-Q2', '2'],
    ]);
    expect(nia.scoreboard?.teams.map((t) => t.team)).toEqual(['n']);
    const mia = await as('m');
    expect(wonOf(mia, 'r1')).toEqual([
      ['2026-Q1', '1'],
      ['2026-Q2', null],
    ]);
    // Rae stays with Mia: no win in Q2 is Mia's signal, not Nia's.
    expect(mia.signals?.map((s) => [s.period, s.payee, s.name])).toEqual([
      ['2026-Q1', 'r2', 'pushed'],
      ['2026-Q2', 'r2', 'no_wins'],
    ]);
    expect(nia.signals).toEqual([]);
    // The scoreboard says whom Ray reports to on the last day reported (2026-06-30): Nia, not the
    // Mia of payees.csv; Rae, who did not move, still reports to Mia.
    expect(nia.scoreboard?.payees.map((p) => [p.payee, p.manager])).toEqual([['r1', 'n']]);
    expect(mia.scoreboard?.payees.map((p) => [p.payee, p.manager])).toEqual([
      ['r1', 'n'],
      ['r2', 'm'],
    ]);
  });

  it('--as shows an error of a change of manager to the new manager it names (governance.md)', async () => {
    // Ray is to move from Mia (m) to Nia (n), from a day that is not a date: the change is left
    // out, Ray stays Mia's. The row is Ray's, and Nia, the manager it names, must fix it: she sees
    // it too (before, only Ray, Mia and a run without --as did). Rae, in neither role, does not.
    const cwd = await tempDir({
      ...files,
      'data/payees.csv': `${payees}n,Nia New,,0,Leadership\n`,
      'data/payee_attributes.csv': 'payee,attribute,value,from\nr1,manager,n,2026-04-31\n',
    });
    const row = 'data/payee_attributes.csv row 1: from is "2026-04-31", which is not a date';
    for (const who of ['n', 'm', 'r1']) {
      const lenient = await run([...report, '--as', who], { cwd });
      expect(lenient.code).toBe(0);
      expect(lenient.stderr).toContain(row);
      const strict = await run([...report, '--as', who, '--strict'], { cwd });
      expect(strict.code).toBe(1);
      expect(strict.stderr).toContain(row);
      expect(strict.stderr).not.toContain('may not see');
    }
    const rae = await run([...report, '--as', 'r2', '--strict'], { cwd });
    expect(rae.stderr).not.toContain('payee_attributes.csv');
    expect(rae.stderr).toContain('(1 more error about rows --as r2 may not see is not shown');
  });

  it('reports over a data.json whose payees hold an entry that is not an object', async () => {
    // payees[0] is null: a data error of payees row 1 (the run goes on without it, lenient).
    const data = {
      payees: [
        null,
        { id: 'm', name: 'Mia Manager', attributes: { quarterly_quota: '0' } },
        { id: 'r1', name: 'Ray One', manager: 'm', attributes: { quarterly_quota: '100000' } },
      ],
      records: { opportunities: [rayWinsO1] },
    };
    const { cwd, args } = await dataJson(data);
    const all = await run(args, { cwd });
    expect(all.code).toBe(0);
    expect(all.stderr).toContain('payees row 1: the row is empty');
    const mia = await run([...args, '--as', 'm'], { cwd });
    expect(mia.code).toBe(0);
    const json = JSON.parse(mia.stdout) as Report;
    expect(json.viewer?.role).toBe('manager');
    // Ray won O1: 1 deal in Q1.
    expect(json.scoreboard?.payees.map((p) => [p.payee, p.manager, p.metrics[0]?.points[0]?.value])).toEqual([
      ['m', undefined, '0'],
      ['r1', 'm', '1'],
    ]);
  });

  it('--as shows a team’s metrics only in the periods its head is in the viewer’s team', async () => {
    // Mia (m) and her team move from Val (vp) to Vic (vp2) from 2026-04-01.
    const cwd = await tempDir({
      ...files,
      'data/payees.csv':
        'id,name,manager,quarterly_quota,plan\nvp,Val Boss,,0,Leadership\nvp2,Vic Two,,0,Leadership\n' +
        'm,Mia Manager,vp,0,Leadership\nr1,Ray One,m,100000,\nr2,Rae Two,m,50000,\n',
      'data/payee_attributes.csv': 'payee,attribute,value,from\nm,manager,vp2,2026-04-01\n',
    });
    const teamsOf = async (who: string) => {
      const { code, stdout } = await run([...report, '--as', who, '--format', 'json'], { cwd });
      expect(code).toBe(0);
      const json = JSON.parse(stdout) as Report;
      return json.scoreboard?.teams.map((t) => [
        t.team,
        t.metrics.find((m) => m.name === 'won')?.points.map((p) => p.value),
      ]);
    };
    // Mia's team wins 2 deals in Q1 (O1, O3) and 2 in Q2 (O6, O7): Q1 is Val's to see, Q2 Vic's.
    expect(await teamsOf('vp')).toEqual([
      ['vp', ['2', null]],
      ['m', ['2', null]],
    ]);
    expect(await teamsOf('vp2')).toEqual([
      ['vp2', [null, '2']],
      ['m', [null, '2']],
    ]);
    expect(await teamsOf('m')).toEqual([['m', ['2', '2']]]);
  });

  it('--as finds a payee whose id is a number in data.json, as the engine does', async () => {
    // Payee 7 (the number 7) manages Ray (manager 7): the engine reads both as "7".
    const data = {
      payees: [
        { id: 7, name: 'Seven', attributes: { quarterly_quota: '0' } },
        { id: 'r1', name: 'Ray One', manager: 7, attributes: { quarterly_quota: '100000' } },
      ],
      records: { opportunities: [rayWinsO1] },
    };
    const { cwd, args } = await dataJson(data);
    const seven = await run([...args, '--as', '7'], { cwd });
    expect(seven.stderr).toBe('');
    expect(seven.code).toBe(0);
    const json = JSON.parse(seven.stdout) as Report;
    expect(json.viewer).toEqual({ role: 'manager', payee: '7', name: 'Seven' });
    // Team 7 counts 7 and Ray (size 2); Ray won O1 (1 deal) and reports to 7.
    expect(json.scoreboard?.teams.map((t) => [t.team, t.size])).toEqual([['7', 2]]);
    expect(json.scoreboard?.payees.map((p) => [p.payee, p.manager, p.metrics[0]?.points[0]?.value])).toEqual([
      ['7', undefined, '0'],
      ['r1', '7', '1'],
    ]);
  });
});
