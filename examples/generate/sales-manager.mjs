/**
 * Data for examples/sales-manager: a VP, five first-line managers and a strategic-accounts director
 * on the plan, 32 account executives below them (on the Enterprise AE plan, so without statements
 * here), a year of deals, the pipeline, forecast submissions, objective scores and team quotas.
 *
 * Showcase payees (checked by hand in expected.json, 2026-Q1): mgr-01 reaches 80% of team quota
 * (retroactive band); mgr-02 was promoted on 12 January (the new-manager floor); mgr-03 passes
 * 100% (hybrid: marginal above quota); str-01 earns the strategic overlay bonus.
 */
import { addDays, byKeys, csv, dayBetween, ids, money, nameMaker, random } from './kit.mjs';

const quarters = [
  ['2026-01-01', '2026-03-31', '2026-Q1'],
  ['2026-04-01', '2026-06-30', '2026-Q2'],
  ['2026-07-01', '2026-09-30', '2026-Q3'],
  ['2026-10-01', '2026-12-31', '2026-Q4'],
];

const accounts = [
  'Globex',
  'Initech',
  'Umbrella',
  'Soylent',
  'Hooli',
  'Vehement Capital',
  'Massive Dynamic',
  'Acme Corp',
  'Gekko & Co',
  'Ollivanders',
  'Bluth Company',
  'Monarch Solutions',
  'Rekall',
  'Virtucon',
  'Spacely Sprockets',
  'Cogswell Cogs',
  'Duff Brewing',
  'Los Pollos Hermanos',
];

/** Managers on the plan: [id, name, manager, ote, base, promoted_on, plan_from, quarterly quota]. */
const leaders = [
  ['vp-01', 'Renata Alvarez', '', '320000', '200000', '2019-02-01', '', 5_100_000],
  ['mgr-01', 'Samuel Osei', 'vp-01', '220000', '150000', '2023-04-01', '', 500_000],
  ['mgr-02', 'Hannah Lindqvist', 'vp-01', '200000', '140000', '2026-01-12', '2026-01-12', 400_000],
  ['mgr-03', 'Diego Marquez', 'vp-01', '240000', '160000', '2022-07-01', '', 480_000],
  ['mgr-04', 'Aiko Tanaka', 'vp-01', '230000', '155000', '2021-10-01', '', 1_800_000],
  ['mgr-05', 'Femi Adeyemi', 'vp-01', '210000', '145000', '2024-03-01', '', 1_600_000],
  ['str-01', 'Ingrid Solberg', 'vp-01', '260000', '180000', '2021-01-04', '', 300_000],
];

/** Team sizes; the showcase teams' first quarters are hand-written. */
const teams = { 'mgr-01': 4, 'mgr-02': 3, 'mgr-03': 5, 'mgr-04': 8, 'mgr-05': 10, 'str-01': 2 };

/** Hand-written Q1 deals: [id, owner, amount, close_date, stage, segment, strategic_lead]. */
const showcaseDeals = [
  ['SD-1001', 'rep-101', '120000.00', '2026-01-22', 'Closed Won', 'Enterprise', ''],
  ['SD-1002', 'rep-102', '95000.00', '2026-02-11', 'Closed Won', 'Commercial', ''],
  ['SD-1003', 'rep-103', '105000.00', '2026-02-26', 'Closed Won', 'Strategic', 'str-01'],
  ['SD-1004', 'rep-104', '80000.00', '2026-03-19', 'Closed Won', 'Enterprise', ''],
  ['SD-1005', 'rep-104', '65000.00', '2026-03-24', 'Closed Lost', 'Enterprise', ''],
  ['SD-1006', 'rep-201', '60000.00', '2026-02-03', 'Closed Won', 'Commercial', ''],
  ['SD-1007', 'rep-202', '40000.00', '2026-03-12', 'Closed Won', 'Commercial', ''],
  ['SD-1008', 'rep-203', '30000.00', '2026-03-27', 'Closed Lost', 'Commercial', ''],
  ['SD-1009', 'rep-301', '140000.00', '2026-01-15', 'Closed Won', 'Enterprise', ''],
  ['SD-1010', 'rep-302', '110000.00', '2026-02-04', 'Closed Won', 'Enterprise', ''],
  ['SD-1011', 'rep-303', '150000.00', '2026-02-18', 'Closed Won', 'Strategic', 'str-01'],
  ['SD-1012', 'rep-304', '125000.00', '2026-03-09', 'Closed Won', 'Enterprise', ''],
  ['SD-1013', 'rep-305', '105000.00', '2026-03-30', 'Closed Won', 'Commercial', ''],
  ['SD-1014', 'rep-401', '150000.00', '2026-02-17', 'Closed Won', 'Enterprise', ''],
  ['SD-1015', 'rep-402', '120000.00', '2026-03-25', 'Closed Won', 'Enterprise', ''],
];

/** Hand-written Q1 objective scores: [owner, objective, score]. */
const showcaseObjectives = [
  ['mgr-01', 'Hire two account executives', '90%'],
  ['mgr-01', 'Forecast accuracy within 10%', '110%'],
  ['mgr-02', 'Onboard the team to the new CRM', '80%'],
  ['mgr-03', 'Launch the partner pilot', '120%'],
  ['mgr-03', 'Coach every rep weekly', '100%'],
  ['str-01', 'Strategic account plans for the top ten accounts', '100%'],
];

const objectives = [
  'Hire two account executives',
  'Forecast accuracy within 10%',
  'Coach every rep weekly',
  'Pipeline reviews every Monday',
  'Reduce discounting below 15%',
  'Certify the team on the new product',
];

const showcaseTeam = (owner) => ['mgr-01', 'mgr-02', 'mgr-03', 'str-01'].includes(owner);

/** The data files of the Sales Manager example. */
export function salesManager() {
  const rng = random(2026_0331);
  const name = nameMaker(
    rng,
    leaders.map((l) => l[1]),
  );
  const reps = [];
  for (const [manager, size] of Object.entries(teams)) {
    const prefix = { 'mgr-01': 1, 'mgr-02': 2, 'mgr-03': 3, 'str-01': 4, 'mgr-04': 5, 'mgr-05': 6 }[manager];
    for (let n = 1; n <= size; n++) reps.push({ id: `rep-${prefix}${String(n).padStart(2, '0')}`, manager });
  }
  const payees = [
    ...leaders.map(([id, who, manager, ote, base, promoted, from]) => ({
      id,
      name: who,
      manager,
      ote,
      base,
      promoted_on: promoted,
      plan_from: from,
    })),
    // On another plan: this plan's attributes (ote, base, promoted_on) are not theirs.
    ...reps.map((rep) => {
      const payee = { id: rep.id, name: name(), manager: rep.manager, plan: 'Enterprise AE' };
      // A date was once drawn here: drawn still, so that the data generated after it stays the same.
      dayBetween(rng, '2019-01-01', '2025-06-30');
      return payee;
    }),
  ].sort(byKeys('id'));

  const dealColumns = [
    'id',
    'owner',
    'account',
    'amount',
    'close_date',
    'stage',
    'segment',
    'strategic_lead',
    'days_to_close',
  ];
  const deals = showcaseDeals.map(([id, owner, amount, close, stage, segment, lead]) => ({
    id,
    owner,
    account: rng.pick(accounts),
    amount,
    close_date: close,
    stage,
    segment,
    strategic_lead: lead,
    days_to_close: rng.int(30, 160),
  }));
  const dealId = ids('SD-', 2001);
  for (const [q, [start, end]] of quarters.entries()) {
    for (const rep of reps) {
      if (q === 0 && showcaseTeam(rep.manager)) continue;
      for (let i = rng.int(1, 4); i > 0; i--) {
        const segment = rng.pick(['Commercial', 'Commercial', 'Enterprise', 'Enterprise', 'Strategic']);
        deals.push({
          id: dealId(),
          owner: rep.id,
          account: rng.pick(accounts),
          amount: money(rng.int(200, 1800) * 10_000),
          close_date: dayBetween(rng, start, end),
          stage: rng.chance(0.7) ? 'Closed Won' : 'Closed Lost',
          segment,
          // Strategic deals bring the director in, except in Q1 (hand-written for the showcase).
          strategic_lead: segment === 'Strategic' && q > 0 ? 'str-01' : '',
          days_to_close: rng.int(20, 200),
        });
      }
    }
  }
  deals.sort(byKeys('close_date', 'id'));

  const opportunityId = ids('OP-', 1001);
  const opportunities = [];
  for (const rep of reps) {
    for (let i = rng.int(2, 6); i > 0; i--) {
      const created = dayBetween(rng, '2025-10-01', '2026-03-25');
      const stage = rng.pick([
        'Discovery',
        'Discovery',
        'Proposal',
        'Negotiation',
        'Closed Won',
        'Closed Lost',
      ]);
      const entered = dayBetween(rng, created, '2026-03-28');
      opportunities.push({
        id: opportunityId(),
        owner: rep.id,
        amount: money(rng.int(150, 2000) * 10_000),
        created_on: created,
        stage,
        stage_entered_on: entered,
        close_date: addDays(entered, rng.int(10, 120)),
        close_date_pushes: rng.pick([0, 0, 0, 1, 1, 2, 3]),
        is_closed: stage.startsWith('Closed'),
      });
    }
  }
  opportunities.sort(byKeys('created_on', 'id'));

  const forecastId = ids('FC-', 1001);
  const forecasts = [];
  const objectiveId = ids('OBJ-', 1001);
  const scores = showcaseObjectives.map(([owner, objective, score]) => ({
    owner,
    scored_on: '2026-03-27',
    review_period: '2026-Q1',
    objective,
    score,
  }));
  for (const [q, [start, end, label]] of quarters.entries()) {
    for (const [id, , , , , , , quota] of leaders) {
      forecasts.push({
        id: forecastId(),
        owner: id,
        submitted_on: addDays(start, 14),
        commit: money(Math.round(quota * (0.8 + rng.next() * 0.3)) * 100),
      });
      if (q === 0 && showcaseTeam(id)) continue;
      for (let i = rng.int(1, 3); i > 0; i--) {
        scores.push({
          owner: id,
          scored_on: addDays(end, -3),
          review_period: label,
          objective: rng.pick(objectives),
          score: `${rng.int(12, 24) * 5}%`,
        });
      }
    }
  }
  forecasts.sort(byKeys('submitted_on', 'id'));
  scores.sort(byKeys('scored_on', 'owner', 'objective'));
  for (const score of scores) score.id = objectiveId();

  const quotas = [];
  for (const [, , label] of quarters) {
    for (const [id, , , , , , , quota] of leaders) {
      quotas.push({ payee: id, quota: 'team_quota', period: label, amount: String(quota) });
    }
  }

  const adjustmentColumns = ['id', 'payee', 'period', 'amount', 'currency', 'reason', 'earning'];
  const adjustments = [
    [
      'ADJ-001',
      'mgr-04',
      '2026-Q1',
      '1200',
      'CAD',
      'Toronto office launch bonus, paid in Canadian dollars',
      '',
    ],
    [
      'ADJ-002',
      'mgr-05',
      '2026-Q2',
      '-400',
      'USD',
      'Override paid twice on a rebooked deal',
      'team_override',
    ],
  ].map((values) => Object.fromEntries(adjustmentColumns.map((c, i) => [c, values[i]])));

  return {
    'payees.csv': csv(
      ['id', 'name', 'manager', 'ote', 'base', 'promoted_on', 'plan', 'plan_from', 'plan_to'],
      payees,
    ),
    'deals.csv': csv(dealColumns, deals),
    'opportunities.csv': csv(
      [
        'id',
        'owner',
        'amount',
        'created_on',
        'stage',
        'stage_entered_on',
        'close_date',
        'close_date_pushes',
        'is_closed',
      ],
      opportunities,
    ),
    'forecasts.csv': csv(['id', 'owner', 'submitted_on', 'commit'], forecasts),
    'objectives.csv': csv(['id', 'owner', 'scored_on', 'review_period', 'objective', 'score'], scores),
    'quotas.csv': csv(['payee', 'quota', 'period', 'amount'], quotas),
    'adjustments.csv': csv(adjustmentColumns, adjustments),
    'fx.csv': csv(
      ['from', 'to', 'date', 'rate'],
      [
        { from: 'CAD', to: 'USD', date: '2026-03-31', rate: '0.7350' },
        { from: 'CAD', to: 'USD', date: '2026-06-30', rate: '0.7310' },
      ],
    ),
  };
}
