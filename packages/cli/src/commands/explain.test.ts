import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';
import { tempDir } from '../test-support/temp-dir.js';
import type { ExplainJson } from './explain.js';

const plan = `plan "Explained" version "1" {
  currency USD
  period quarter
  effective 2026-01-01 to 2026-12-31

  source deals {
    id: Text key
    owner: Payee owner
    amount: Money
    close_date: Date dated
  }
  payee { quarterly_quota: Money }
  quota q "Quota" = payee.quarterly_quota
  credit bookings "Bookings" from deals {
    to owner
  }
  measure attainment "Attainment": Percent = bookings / q
  rate table rates on attainment marginal {
    0% to 100%: 10%
    100% and up: 20%
  }
  commission on_deals "Commission" = tiered(bookings, rates) per line
  draw starter "Guarantee" = 2_000 USD recoverable for 2 periods
}
`;

const payees = `id,name,quarterly_quota
r1,Ray One,50000
r2,Rae Two,10000
`;

// Ray: D1 40,000 then D2 20,000 against a quota of 50,000. D1 is wholly in the 10% band (4,000.00);
// D2 takes him from 80% to 120%: 10,000 at 10% (1,000.00) and 10,000 above quota at 20%
// (2,000.00), 3,000.00. Commission 7,000.00, above the 2,000.00 draw, which pays nothing.
// Rae: D3 5,000 against 10,000, 500.00 at 10%; the draw pays 2,000.00 - 500.00 = 1,500.00.
const deals = `id,owner,amount,close_date
D1,r1,40000,2026-01-10
D2,r1,20000,2026-02-10
D3,r2,5000,2026-03-01
`;

const files = { 'plan.attain': plan, 'data/payees.csv': payees, 'data/deals.csv': deals };
const explain = ['explain', 'plan.attain', '--data', 'data', '--period', '2026-Q1'];

describe('attain explain', () => {
  it("explains every number of a payee's statement in the order it reads, with where each rule is written", async () => {
    const cwd = await tempDir(files);
    const { code, stdout, stderr } = await run([...explain, '--payee', 'r1'], { cwd });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      `Ray One (r1)  2026-Q1 (2026-01-01 to 2026-03-31)
  credit:bookings  plan.attain:14:3
    Bookings is 60,000.00 USD: records credited 2
  quota:q  plan.attain:13:3
    Quota is 50,000.00 USD: base 50,000.00 USD
  measure:attainment  plan.attain:17:3
    Attainment is 120%: bookings 60,000.00 USD, q 50,000.00 USD
  earning:on_deals  plan.attain:22:3
    Commission is 7,000.00 USD: 10% on the 50,000.00 USD between 0% and 100%, tier 1 of rates, plus
    20% on the 10,000.00 USD above quota, tier 2 of rates
  earning:on_deals:D1  plan.attain:22:3
    Commission for deals D1 is 4,000.00 USD: 10% on the 40,000.00 USD between 0% and 100%, tier 1 of
    rates
  earning:on_deals:D2  plan.attain:22:3
    Commission for deals D2 is 3,000.00 USD: 10% on the 10,000.00 USD between 0% and 100%, tier 1 of
    rates, plus 20% on the 10,000.00 USD above quota, tier 2 of rates
  payout
    Payout is 7,000.00 USD: Commission 7,000.00 USD, earned 7,000.00 USD; no adjustments
`,
    );
  });

  it('explains the numbers named, by kind or by a bare name, for each payee asked for', async () => {
    const cwd = await tempDir(files);
    const names = ['payout', 'on_deals:D3', 'draw:starter', 'credit:bookings:D3'];
    const { code, stdout } = await run([...explain, '--payee', 'r2', ...names], { cwd });
    expect(code).toBe(0);
    expect(stdout).toContain('  payout\n    Payout is 2,000.00 USD: Commission 500.00 USD');
    expect(stdout).toContain(
      '  earning:on_deals:D3  plan.attain:22:3\n    Commission for deals D3 is 500.00 USD',
    );
    expect(stdout).toContain('  adjustment:draw:starter  plan.attain:23:3\n    Guarantee is 1,500.00 USD');
    expect(stdout).toContain(
      '  credit:bookings:D3  plan.attain:14:3\n    Bookings for deals D3 is 5,000.00 USD',
    );
    // In the order named.
    const order = ['payout', 'earning:on_deals:D3', 'adjustment:draw:starter', 'credit:bookings:D3'];
    const at = order.map((name) => stdout.indexOf(`  ${name}`));
    expect(at).toEqual([...at].sort((a, b) => a - b));

    const both = await run([...explain, '--payee', 'r2', '--payee', 'r1', 'on_deals'], { cwd });
    expect(both.stdout.indexOf('Rae Two (r2)')).toBeLessThan(both.stdout.indexOf('Ray One (r1)'));
    expect(both.stdout).toContain('Commission is 500.00 USD');
    expect(both.stdout).toContain('Commission is 7,000.00 USD');
  });

  it('prints the value, sentence and whole trace of each number as JSON', async () => {
    const cwd = await tempDir(files);
    const { code, stdout } = await run([...explain, '--payee', 'r1', '--format', 'json', 'on_deals:D2'], {
      cwd,
    });
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as ExplainJson;
    expect(json.meta.plan.name).toBe('Explained');
    expect(json.warnings).toEqual([]);
    expect(json.explanations).toHaveLength(1);
    const [line] = json.explanations;
    expect(line).toMatchObject({
      payee: 'r1',
      period: '2026-Q1',
      number: 'earning:on_deals:D2',
      value: '3000.00',
    });
    expect(line?.trace.rule).toEqual({ kind: 'earning', name: 'on_deals', label: 'Commission' });
    expect(line?.trace.range.start.line).toBe(21);
    expect(line?.trace.records).toEqual([expect.objectContaining({ source: 'deals', key: 'D2' })]);
    expect(line?.trace.bands?.map((b) => [b.index, b.rate, b.base])).toEqual([
      [1, '0.1', '10000'],
      [2, '0.2', '10000'],
    ]);
  });

  it('names what the statement has when a number, line, record or payee is not on it (exit 2)', async () => {
    const cwd = await tempDir(files);
    const unknown = await run([...explain, '--payee', 'r1', 'bonus'], { cwd });
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain(
      'attain: r1 2026-Q1: the statement has no number named "bonus"; it has credit:bookings,',
    );

    const kind = await run([...explain, '--payee', 'r1', 'quota:target'], { cwd });
    expect(kind.stderr).toBe(
      'attain: r1 2026-Q1: quota:target: the statement has no quota named "target"; its quotas: q\n',
    );

    const line = await run([...explain, '--payee', 'r1', 'earning:on_deals:D3'], { cwd });
    expect(line.code).toBe(2);
    expect(line.stderr).toBe('attain: r1 2026-Q1: on_deals has no line for D3; its lines: D1 and D2\n');

    const record = await run([...explain, '--payee', 'r1', 'credit:bookings:D3'], { cwd });
    expect(record.stderr).toBe('attain: r1 2026-Q1: bookings credits r1 nothing for D3\n');

    const payee = await run([...explain, '--payee', 'r9'], { cwd });
    expect(payee.code).toBe(2);
    expect(payee.stderr).toBe(
      `attain: --payee r9: there is no such payee in ${join('data', 'payees.csv')}\n`,
    );

    // Rob is in the data but on another plan.
    const other = await tempDir({
      ...files,
      'data/payees.csv': `id,name,quarterly_quota,plan\nr1,Ray One,50000,\nr2,Rae Two,10000,\nr3,Rob Three,0,Other\n`,
    });
    const off = await run([...explain, '--payee', 'r3'], { cwd: other });
    expect(off.code).toBe(2);
    expect(off.stderr).toBe(
      'attain: --payee r3: no statement for r3 in 2026-Q1 (not on the plan then; the payees on it: r1 and r2)\n',
    );

    const period = await run([...explain, '--period', '2026-Q2', '--payee', 'r1', 'payout'], { cwd });
    expect(period.code).toBe(0);
    expect(period.stdout).toContain('Ray One (r1)  2026-Q2 (2026-04-01 to 2026-06-30)');
  });

  it('asks for a kind when a bare name names two numbers, and explains a correction of a closed period', async () => {
    // Q1 was paid as above; D4 (5,000 for Ray, dated in Q1) arrives late, D5 (10,000) closes in Q2.
    const cwd = await tempDir(files);
    const q1 = await run(
      ['run', 'plan.attain', '--data', 'data', '--period', '2026-Q1', '--format', 'json'],
      {
        cwd,
      },
    );
    const late = `${deals}D4,r1,5000,2026-03-15\nD5,r1,10000,2026-04-10\n`;
    const later = await tempDir({ ...files, 'data/deals.csv': late, 'q1.json': q1.stdout });
    const both = ['--period', '2026-Q2', '--payee', 'r1', '--previous', 'q1.json'];

    // In Q2 on_deals is the earning and the line correcting its Q1 amount.
    const ambiguous = await run([...explain, ...both, 'on_deals'], { cwd: later });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toBe(
      'attain: r1 2026-Q2: on_deals names an earning and an adjustment on the statement: write earning:on_deals or adjustment:on_deals\n',
    );

    // Q1 is returned as reported and has no correction: said on stderr, not an error, as Q2 has one.
    // D4 is above quota in Q1 (60,000 of 50,000 before it): 5,000 at 20% is 1,000.00 more.
    const { code, stdout, stderr } = await run([...explain, ...both, 'adjustment:on_deals'], { cwd: later });
    expect(code).toBe(0);
    expect(stdout).toBe(`Ray One (r1)  2026-Q2 (2026-04-01 to 2026-06-30)
  adjustment:recalculation:2026-Q1:earning:on_deals  plan.attain:22:3
    Commission for deals D4 is 1,000.00 USD: period 2026-Q1, reported 7,000.00 USD, recalculated
    8,000.00 USD, deals D4 1,000.00 USD; Commission for 2026-Q1 was reported as 7,000.00 USD and is
    8,000.00 USD with the data as it is now: the difference is paid in this period
`);
    expect(stderr).toBe(
      'attain: warning: r1 2026-Q1: adjustment:on_deals: the statement has no adjustment named "on_deals"; its adjustments: none\n',
    );
  });

  it('stops at data errors with --strict (exit 1) and lists rows left out otherwise', async () => {
    const bad = { ...files, 'data/deals.csv': `${deals}D4,r1,lots,2026-03-02\n` };
    const cwd = await tempDir(bad);
    const strict = await run([...explain, '--payee', 'r1', '--strict', 'payout'], { cwd });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toContain('lots');
    expect(strict.stderr).toContain('nothing was explained');

    const lenient = await run([...explain, '--payee', 'r1', 'payout'], { cwd });
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain('Payout is 7,000.00 USD');
    expect(lenient.stderr).toContain('attain: 1 row left out of the calculation:');
  });

  it('explains a statement of the enterprise example, with the draw and holdback it carries', async () => {
    const { code, stdout } = await run([
      'explain',
      'examples/enterprise-ae/plan.attain',
      '--data',
      'examples/enterprise-ae/data',
      '--period',
      '2026-Q1',
      '--payee',
      'ae-002',
      'new_hire_draw',
      'commission_reserve',
    ]);
    expect(code).toBe(0);
    // Tomás earned 2,230.00 against the 3,000.00 draw: it pays 770.00; the holdback keeps 10%.
    expect(stdout).toContain('New-hire draw is 770.00 USD: draw 3,000.00 USD, earned 2,230.00 USD');
    expect(stdout).toContain('Commission reserve is -223.00 USD: new_business 2,230.00 USD, share 10%');
  });
});
