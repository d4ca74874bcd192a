/**
 * The KPIs and signals of examples/sales-team/plan.attain on a small team, every number worked
 * out by hand: each rep's metrics, the team's roll-up, and the records behind each signal.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../data/dataset.js';
import { payee, planOf, rows, run, statement } from '../test-support.js';
import { rollUp } from './roll-up.js';

const plan = planOf(
  readFileSync(new URL('../../../../examples/sales-team/plan.attain', import.meta.url), 'utf8'),
);

const opportunity = (
  id: string,
  owner: string,
  amount: string,
  stage: string,
  close_date: string,
  more: { entered?: string; pushes?: number; days?: number } = {},
) => ({
  id,
  owner,
  account: 'Acme Corp',
  amount,
  created_on: '2025-11-01',
  close_date,
  stage,
  is_closed: stage.startsWith('Closed'),
  stage_entered_on: more.entered ?? close_date,
  close_date_pushes: more.pushes ?? 0,
  ...(more.days === undefined ? {} : { days_to_close: more.days }),
});

const change = (id: string, owner: string, from: string, stage: string, on: string) => ({
  id,
  opportunity: `for-${id}`,
  owner,
  ...(from === '' ? {} : { from_stage: from }),
  stage,
  entered_on: on,
});

const activity = (owner: string, kind: string, n: number, from: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `${owner}-${kind}-${from + i}`,
    owner,
    kind,
    logged_on: `2026-01-${String(5 + i).padStart(2, '0')}`,
  }));

// m manages r1 and r2. Each rep's annual quota is 400,000: 22% in Q1 is 88,000.
const data: Dataset = {
  payees: [
    payee('m', { annual_quota: '0' }),
    payee('r1', { annual_quota: '400000' }, { manager: 'm' }),
    payee('r2', { annual_quota: '400000' }, { manager: 'm' }),
  ],
  records: {
    opportunities: rows(
      opportunity('O1', 'r1', '30000', 'Closed Won', '2026-01-20', { days: 80 }),
      opportunity('O2', 'r1', '14000', 'Closed Won', '2026-02-10', { days: 62 }),
      opportunity('O3', 'r1', '20000', 'Closed Lost', '2026-01-25', { days: 40 }),
      // In Proposal since 20 December (56 days by 14 February), pushed once, 120,000: stuck and slipping.
      opportunity('O4', 'r1', '120000', 'Proposal', '2026-03-20', { entered: '2025-12-20', pushes: 1 }),
      // Pushed twice, and its close date (5 February) is already past.
      opportunity('O5', 'r1', '40000', 'Negotiation', '2026-02-05', { entered: '2026-02-01', pushes: 2 }),
      opportunity('O6', 'r1', '60000', 'Discovery', '2026-03-30', { entered: '2026-02-10' }),
      opportunity('O7', 'r2', '10000', 'Closed Won', '2026-02-01', { days: 30 }),
      // Large, but neither pushed nor late.
      opportunity('O8', 'r2', '150000', 'Qualification', '2026-03-31', { entered: '2026-02-01' }),
      opportunity('O9', 'r2', '10000', 'Closed Lost', '2026-02-12', { days: 20 }),
    ),
    stage_history: rows(
      change('H1', 'r1', 'Negotiation', 'Closed Won', '2026-01-20'),
      change('H2', 'r1', 'Negotiation', 'Closed Won', '2026-02-10'),
      change('H3', 'r1', 'Qualification', 'Closed Lost', '2026-01-25'),
      change('H4', 'r1', 'Proposal', 'Negotiation', '2026-02-01'),
      change('H5', 'r1', '', 'Discovery', '2026-02-10'),
      change('H6', 'r1', 'Qualification', 'Proposal', '2025-12-20'),
      change('H7', 'r1', 'Qualification', 'Proposal', '2026-01-15'),
      change('H8', 'r2', 'Negotiation', 'Closed Won', '2026-02-01'),
      change('H9', 'r2', 'Discovery', 'Closed Lost', '2026-02-12'),
      change('H10', 'r2', 'Discovery', 'Qualification', '2026-02-01'),
    ),
    activities: rows(
      ...activity('r1', 'Call', 6, 1),
      ...activity('r1', 'Email', 2, 1),
      ...activity('r1', 'Meeting', 2, 1),
      ...activity('r2', 'Call', 4, 1),
    ),
    forecasts: rows(
      { id: 'F1', owner: 'r1', submitted_on: '2026-02-11', category: 'Commit', amount: '66000' },
      { id: 'F2', owner: 'r1', submitted_on: '2026-02-11', category: 'Best Case', amount: '99000' },
    ),
  },
};

// 14 February: day 45 of the 90 days of Q1, so half the quarter has gone by.
const results = run(plan, data, ['2026-Q1'], { asOf: '2026-02-14' });

function metrics(values: readonly { name: string; value: unknown }[]): Record<string, unknown> {
  return Object.fromEntries(values.map((m) => [m.name, m.value]));
}

describe('examples/sales-team KPIs', () => {
  it('computes each KPI per rep from opportunities, stage history, activities and forecasts', () => {
    expect(metrics(statement(results, 'r1', '2026-Q1').metrics)).toEqual({
      // O1 and O2 won, O3 lost: 2 / 3.
      won: '2',
      lost: '1',
      win_rate: expect.stringMatching(/^0\.6666666666/),
      // (30,000 + 14,000) / 2; velocity (80 + 62) / 2 days.
      average_deal: '22000',
      largest_deal: '30000',
      velocity: '71',
      // Q1 stage changes: H3 and H7 leave Qualification, H7 for Proposal: 1 / 2. H6 is December.
      left_qualification: '2',
      proposals: '1',
      proposal_rate: '0.5',
      // H1 and H2 leave Negotiation, both won.
      left_negotiation: '2',
      wins: '2',
      close_rate: '1',
      // 2 meetings against 6 calls and 2 emails.
      meetings: '2',
      outreach: '8',
      meeting_conversion: '0.25',
      // Open O4 + O5 + O6 = 220,000 against 88,000 - 44,000 = 44,000 still to close: 500%.
      open_pipeline: '220000',
      quota_remaining: '44000',
      coverage: '5',
      // Commit 66,000 and best case 99,000 against 88,000; bookings 44,000 against the commit.
      commit: '66000',
      best_case: '99000',
      commit_to_target: '0.75',
      best_case_to_target: '1.125',
      commit_accuracy: expect.stringMatching(/^0\.6666666666/),
      // 45 / 90 days; 44,000 / (88,000 x 50%) = 100%.
      elapsed: '0.5',
      pace: '1',
    });
    expect(metrics(statement(results, 'r2', '2026-Q1').metrics)).toMatchObject({
      win_rate: '0.5',
      // No stage change left Qualification in Q1: ratio(0, 0) is 0%.
      proposal_rate: '0',
      meeting_conversion: '0',
      // 150,000 open against 88,000 - 10,000 = 78,000: 192.3…%.
      coverage: expect.stringMatching(/^1\.923076923/),
      // No forecast: commit 0, and bookings against it 0%.
      commit: '0',
      commit_accuracy: '0',
      // 10,000 / 44,000 = 22.7…%.
      pace: expect.stringMatching(/^0\.2272727/),
    });
  });

  it('lists each signal with the records that raised it', () => {
    expect(statement(results, 'r1', '2026-Q1').signals).toEqual([
      {
        name: 'stuck_in_stage',
        label: 'Stuck in stage',
        severity: 'warning',
        message: 'This opportunity has not changed stage for more than 30 days.',
        records: [{ source: 'opportunities', key: 'O4', row: 4 }],
      },
      {
        name: 'pushed_again',
        label: 'Close date pushed more than once',
        severity: 'info',
        message: 'The expected close date has moved twice or more: review the next step with the rep.',
        records: [{ source: 'opportunities', key: 'O5', row: 5 }],
      },
      {
        name: 'large_deal_slipping',
        label: 'Large deal slipping',
        severity: 'critical',
        message: 'A deal of 100,000 USD or more is past its close date or was pushed: agree a close plan.',
        records: [{ source: 'opportunities', key: 'O4', row: 4 }],
      },
    ]);
    // r2: coverage 192% < 200% with quota still to close, and pace 23% < 80% past a quarter of Q1.
    expect(statement(results, 'r2', '2026-Q1').signals.map((s) => [s.name, s.severity, s.records])).toEqual([
      ['low_coverage', 'critical', undefined],
      ['behind_pace', 'warning', undefined],
    ]);
  });

  it('rolls the KPIs up to the manager from the team’s records, never averaging ratios', () => {
    const team = rollUp(plan, data, results).teams.find((t) => t.team === 'm');
    expect(team && metrics(team.metrics)).toMatchObject({
      // 3 won of 5 closed: 60% (the reps' rates, 66.7% and 50%, average 58.3%).
      win_rate: '0.6',
      // (30,000 + 14,000 + 10,000) / 3; velocity (80 + 62 + 30) / 3.
      average_deal: '18000',
      velocity: expect.stringMatching(/^57\.33333/),
      proposal_rate: '0.5',
      // H1, H2, H8 leave Negotiation, all won.
      close_rate: '1',
      // 2 meetings against 8 + 4.
      meeting_conversion: expect.stringMatching(/^0\.1666666/),
      // 370,000 open against 176,000 - 54,000 = 122,000: 303.3%.
      quota_remaining: '122000',
      coverage: expect.stringMatching(/^3\.0327868852/),
      // 66,000 / 176,000 and 99,000 / 176,000; bookings 54,000 / 66,000.
      commit_to_target: '0.375',
      best_case_to_target: '0.5625',
      commit_accuracy: expect.stringMatching(/^0\.8181818/),
      elapsed: '0.5',
      // 54,000 / (176,000 x 50%).
      pace: expect.stringMatching(/^0\.6136363/),
    });
  });
});
