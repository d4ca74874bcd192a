/**
 * Data for examples/sales-team: a sales organisation of 30 account executives in six teams, two
 * regions and one VP, with the CRM as it stands on 15 May 2026 (2026-Q1 closed, 2026-Q2 half
 * way): opportunities open and closed, their stage history, calls, emails and meetings, and each
 * rep's forecast call for the quarter. Run it with `node examples/sales-team/generate.mjs` (or
 * `node examples/generate-data.mjs` for every example); it is deterministic (a seeded generator,
 * no clock), so running it again writes the same bytes.
 *
 * Every opportunity is walked through the funnel (Discovery, Qualification, Proposal,
 * Negotiation, Closed Won; lost at any stage), a few days to a few weeks per stage, its expected
 * close date pushed when the deal runs late, until it closes or the snapshot day comes. The stage
 * history is the trail of that walk, so conversions, velocity and pushes all agree.
 *
 * Showcase reps (checked by hand in expected.json, 2026-Q1): rep-101 passes quota (the marginal
 * accelerator), rep-102 stays below it, rep-201 lands exactly on it. Their Q1 wins are the
 * hand-written opportunities below; the generator gives them no other Q1 win.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { addDays, byKeys, csv, dayBetween, ids, money, nameMaker, random } from '../generate/kit.mjs';

/** The day the CRM was exported: nothing happens after it. */
export const snapshot = '2026-05-15';

/** Leaders, on the leadership plan (no statements here): [id, name, manager, region]. */
const leaders = [
  ['vp-01', 'Renata Alvarez', ''],
  ['rgn-01', 'Samuel Osei', 'vp-01'],
  ['rgn-02', 'Ingrid Solberg', 'vp-01'],
  ['mgr-01', 'Hannah Lindqvist', 'rgn-01'],
  ['mgr-02', 'Diego Marquez', 'rgn-01'],
  ['mgr-03', 'Aiko Tanaka', 'rgn-01'],
  ['mgr-04', 'Femi Adeyemi', 'rgn-02'],
  ['mgr-05', 'Chiara Conti', 'rgn-02'],
  ['mgr-06', 'Tomasz Nowak', 'rgn-02'],
];

/** Annual quotas of the showcase reps; the others draw theirs. */
const showcaseQuotas = { 'rep-101': 800_000, 'rep-102': 600_000, 'rep-201': 1_000_000 };

/** Hand-written Q1 wins: [id, owner, account, amount, created_on, close_date]. */
const showcaseWins = [
  ['OP-0001', 'rep-101', 'Globex', '90000.00', '2025-11-03', '2026-01-20'],
  ['OP-0002', 'rep-101', 'Initech', '60000.00', '2025-12-01', '2026-02-17'],
  ['OP-0003', 'rep-101', 'Hooli', '45000.00', '2026-01-05', '2026-03-26'],
  ['OP-0004', 'rep-102', 'Soylent', '50000.00', '2025-12-08', '2026-02-05'],
  ['OP-0005', 'rep-102', 'Umbrella', '30000.00', '2026-01-12', '2026-03-18'],
  ['OP-0006', 'rep-201', 'Massive Dynamic', '120000.00', '2025-10-20', '2026-01-29'],
  ['OP-0007', 'rep-201', 'Vehement Capital', '100000.00', '2025-12-15', '2026-03-31'],
];

const accounts = [
  'Acme Corp',
  'Bluth Company',
  'Cogswell Cogs',
  'Duff Brewing',
  'Gekko & Co',
  'Globex',
  'Hooli',
  'Initech',
  'Los Pollos Hermanos',
  'Massive Dynamic',
  'Monarch Solutions',
  'Ollivanders',
  'Rekall',
  'Soylent',
  'Spacely Sprockets',
  'Umbrella',
  'Vehement Capital',
  'Virtucon',
];

/** The funnel after Discovery, and the chance of losing the deal at each open stage. */
const funnel = ['Qualification', 'Proposal', 'Negotiation', 'Closed Won'];
const lossChance = { Discovery: 0.3, Qualification: 0.25, Proposal: 0.25, Negotiation: 0.3 };

/** Days between two `YYYY-MM-DD` dates. */
function daysBetween(from, to) {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/**
 * Walks one opportunity through the funnel from `created` until it closes or the snapshot day:
 * its stage history, and where it stands on the snapshot day.
 */
function walk(rng, created) {
  const history = [{ stage: 'Discovery', on: created }];
  let stage = 'Discovery';
  let day = created;
  let expected = addDays(created, rng.int(30, 80));
  let pushes = 0;
  for (;;) {
    // Most stages take days to weeks; some deals stall for a month or two.
    const next = addDays(day, rng.chance(0.12) ? rng.int(35, 70) : rng.int(4, 28));
    if (next > snapshot) break;
    if (next > expected && rng.chance(0.8)) {
      // Running late: the rep moves the expected close date out.
      expected = addDays(next, rng.int(14, 45));
      pushes++;
    }
    day = next;
    stage = rng.chance(lossChance[stage]) ? 'Closed Lost' : funnel[funnel.indexOf(stage) + 1];
    history.push({ stage, on: day });
    if (stage.startsWith('Closed')) break;
  }
  const closed = stage.startsWith('Closed');
  return {
    history,
    stage,
    stageEnteredOn: day,
    closeDate: closed ? day : expected,
    pushes,
    closed,
    daysToClose: closed ? daysBetween(created, day) : undefined,
  };
}

/** A deal size: mostly 10,000 to 60,000, now and then a large one up to 200,000 (in cents). */
function dealSize(rng) {
  return rng.chance(0.1) ? rng.int(100, 200) * 100_000 : rng.int(10, 60) * 100_000;
}

const inQ1 = (day) => day >= '2026-01-01' && day <= '2026-03-31';

/** The data files of the Sales Team example. */
export function salesTeam() {
  const rng = random(2026_0515);
  const name = nameMaker(
    rng,
    leaders.map((l) => l[1]),
  );
  const reps = [];
  for (let team = 1; team <= 6; team++) {
    for (let n = 1; n <= 5; n++) {
      const id = `rep-${team}0${n}`;
      reps.push({ id, manager: `mgr-0${team}`, quota: showcaseQuotas[id] ?? rng.int(10, 20) * 50_000 });
    }
  }
  const payees = [
    ...leaders.map(([id, who, manager]) => ({
      id,
      name: who,
      manager,
      annual_quota: '0',
      plan: 'Sales Leadership',
    })),
    ...reps.map((rep) => ({
      id: rep.id,
      name: name(),
      manager: rep.manager,
      annual_quota: String(rep.quota),
    })),
  ].sort(byKeys('id'));

  const opportunities = [];
  const history = [];
  const addOpportunity = (id, owner, account, amount, created, state) => {
    opportunities.push({
      id,
      owner,
      account,
      amount,
      created_on: created,
      close_date: state.closeDate,
      stage: state.stage,
      is_closed: state.closed,
      stage_entered_on: state.stageEnteredOn,
      close_date_pushes: state.pushes,
      days_to_close: state.daysToClose,
    });
    state.history.forEach((step, i) => {
      const from = i === 0 ? '' : state.history[i - 1].stage;
      history.push({ opportunity: id, owner, from_stage: from, stage: step.stage, entered_on: step.on });
    });
  };
  for (const [id, owner, account, amount, created, close] of showcaseWins) {
    // Discovery on the day it was created, then evenly through the funnel to the win.
    const days = daysBetween(created, close);
    const steps = ['Discovery', ...funnel].map((stage, i) => ({
      stage,
      on: addDays(created, Math.round((days * i) / 4)),
    }));
    addOpportunity(id, owner, account, amount, created, {
      history: steps,
      stage: 'Closed Won',
      stageEnteredOn: close,
      closeDate: close,
      pushes: 0,
      closed: true,
      daysToClose: days,
    });
  }
  const opportunityId = ids('OP-', 1001);
  for (const rep of reps) {
    // About four or five new opportunities a month, from September to the snapshot.
    for (let i = rng.int(34, 46); i > 0; i--) {
      const created = dayBetween(rng, '2025-09-01', '2026-05-08');
      const state = walk(rng, created);
      const amount = money(dealSize(rng));
      const account = rng.pick(accounts);
      const id = opportunityId();
      // The showcase reps' Q1 wins are the hand-written ones only.
      if (showcaseQuotas[rep.id] && state.stage === 'Closed Won' && inQ1(state.closeDate)) continue;
      addOpportunity(id, rep.id, account, amount, created, state);
    }
  }
  opportunities.sort(byKeys('created_on', 'id'));
  history.sort(byKeys('entered_on', 'opportunity', 'stage'));
  const historyId = ids('SH-', 10001);
  for (const row of history) row.id = historyId();

  const activityId = ids('AC-', 100001);
  const activities = [];
  for (const rep of reps) {
    // Each week of the year so far: a few calls and emails, and now and then a meeting.
    for (let week = '2026-01-05'; week <= snapshot; week = addDays(week, 7)) {
      const friday = addDays(week, 4) < snapshot ? addDays(week, 4) : snapshot;
      for (let i = rng.int(3, 7); i > 0; i--) {
        activities.push({
          owner: rep.id,
          kind: rng.chance(0.6) ? 'Call' : 'Email',
          logged_on: dayBetween(rng, week, friday),
        });
      }
      for (let i = rng.int(0, 2); i > 0; i--) {
        activities.push({ owner: rep.id, kind: 'Meeting', logged_on: dayBetween(rng, week, friday) });
      }
    }
  }
  activities.sort(byKeys('logged_on', 'owner', 'kind'));
  for (const row of activities) row.id = activityId();

  const forecastId = ids('FC-', 1001);
  const forecasts = [];
  for (const [submitted, share] of [
    ['2026-02-11', 0.22],
    ['2026-05-13', 0.24],
  ]) {
    for (const rep of reps) {
      const quota = rep.quota * share;
      const commit = Math.round(quota * (0.6 + rng.next() * 0.5)) * 100;
      const bestCase = commit + Math.round(quota * (0.1 + rng.next() * 0.4)) * 100;
      forecasts.push({
        id: forecastId(),
        owner: rep.id,
        submitted_on: submitted,
        category: 'Commit',
        amount: money(commit),
      });
      forecasts.push({
        id: forecastId(),
        owner: rep.id,
        submitted_on: submitted,
        category: 'Best Case',
        amount: money(bestCase),
      });
    }
  }

  return {
    'payees.csv': csv(['id', 'name', 'manager', 'annual_quota', 'plan', 'plan_from', 'plan_to'], payees),
    'opportunities.csv': csv(
      [
        'id',
        'owner',
        'account',
        'amount',
        'created_on',
        'close_date',
        'stage',
        'is_closed',
        'stage_entered_on',
        'close_date_pushes',
        'days_to_close',
      ],
      opportunities,
    ),
    'stage_history.csv': csv(['id', 'opportunity', 'owner', 'from_stage', 'stage', 'entered_on'], history),
    'activities.csv': csv(['id', 'owner', 'kind', 'logged_on'], activities),
    'forecasts.csv': csv(['id', 'owner', 'submitted_on', 'category', 'amount'], forecasts),
  };
}

/** Writes the data files to examples/sales-team/data/. */
export function writeSalesTeam() {
  const dir = new URL('data/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(salesTeam())) writeFileSync(new URL(file, dir), text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeSalesTeam();
