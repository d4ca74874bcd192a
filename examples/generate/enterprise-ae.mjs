/**
 * Data for examples/enterprise-ae: 40 account executives under four managers, a year of deals
 * (fiscal year February 2026 to January 2027), quota relief, manual adjustments and FX rates.
 *
 * Showcase payees (checked by hand in expected.json, fiscal Q1 = February to April 2026):
 * ae-001 crosses three tiers and has quota relief; ae-002 is hired on 10 March (ramp, proration,
 * draw); ae-003 has a deal cancelled within 90 days (clawback); ae-004 has a manual adjustment in
 * euros; ae-005 reaches the cap.
 */
import { addDays, byKeys, csv, dayBetween, ids, money, nameMaker, random } from './kit.mjs';

const quarters = [
  ['2026-02-01', '2026-04-30'],
  ['2026-05-01', '2026-07-31'],
  ['2026-08-01', '2026-10-31'],
  ['2026-11-01', '2027-01-31'],
];

const companies = [
  'Northwind Traders',
  'Contoso Pharma',
  'Fabrikam Energy',
  'Tailspin Toys',
  'Wingtip Travel',
  'Adventure Works',
  'Alpine Ski House',
  'Blue Yonder Airlines',
  'Coho Winery',
  'Fourth Coffee',
  'Graphic Design Institute',
  'Humongous Insurance',
  'Litware Systems',
  'Lucerne Publishing',
  'Margie Travel',
  'Nod Publishers',
  'Proseware',
  'Southridge Video',
  'Trey Research',
  'VanArsdel',
  'Wide World Importers',
  'Woodgrove Bank',
  'Relecloud',
  'Bellows College',
  'Datum Corporation',
  'First Up Consultants',
  'Lamna Healthcare',
  'Munson Pickles',
  'Olympia Steel',
  'Paragon Freight',
  'Quarry Works',
  'Redwood Clinics',
  'Summit Outdoor',
  'Tideway Shipping',
];

const managers = [
  { id: 'vp-01', name: 'Renata Alvarez', manager: '' },
  { id: 'mgr-01', name: 'Samuel Osei', manager: 'vp-01' },
  { id: 'mgr-02', name: 'Hannah Lindqvist', manager: 'vp-01' },
  { id: 'mgr-03', name: 'Diego Marquez', manager: 'vp-01' },
  { id: 'mgr-04', name: 'Aiko Tanaka', manager: 'vp-01' },
];

/** The hand-checked payees and their records (see expected.json). */
const showcase = {
  payees: [
    {
      id: 'ae-001',
      name: 'Maya Okafor',
      ote: '200000',
      base: '100000',
      hire: '2023-06-12',
      quota: '1000000',
    },
    {
      id: 'ae-002',
      name: 'Tomás Rivera',
      ote: '180000',
      base: '110000',
      hire: '2026-03-10',
      quota: '890000',
      from: '2026-03-10',
    },
    {
      id: 'ae-003',
      name: 'Priya Natarajan',
      ote: '220000',
      base: '110000',
      hire: '2022-01-10',
      quota: '1000000',
    },
    {
      id: 'ae-004',
      name: 'Lena Fischer',
      ote: '200000',
      base: '120000',
      hire: '2021-09-01',
      quota: '1200000',
    },
    { id: 'ae-005', name: 'Jonah Park', ote: '150000', base: '110000', hire: '2024-11-04', quota: '600000' },
  ],
  deals: [
    ['D-1001', 'ae-001', 'Acme Logistics', '80000.00', '2026-02-10', 'Closed Won', 36, ''],
    ['D-1002', 'ae-001', 'Birch Health', '60000.00', '2026-03-05', 'Closed Won', 12, ''],
    ['D-1003', 'ae-001', 'Cobalt Mining', '100000.00', '2026-04-20', 'Closed Won', 24, ''],
    ['D-1004', 'ae-001', 'Delta Foods', '50000.00', '2026-04-25', 'Closed Lost', 12, ''],
    ['D-1005', 'ae-002', 'Ember Studios', '20000.00', '2026-04-08', 'Closed Won', 12, ''],
    ['D-1006', 'ae-003', 'Fjord Analytics', '40000.00', '2026-02-05', 'Closed Won', 12, ''],
    ['D-1007', 'ae-003', 'Granite Bank', '30000.00', '2026-02-20', 'Closed Won', 12, '2026-04-10'],
    ['D-1008', 'ae-004', 'Helix Robotics', '120000.00', '2026-03-16', 'Closed Won', 36, ''],
    ['D-1009', 'ae-005', 'Iris Telecom', '100000.00', '2026-02-12', 'Closed Won', 24, ''],
    ['D-1010', 'ae-005', 'Juniper Retail', '90000.00', '2026-03-18', 'Closed Won', 12, ''],
    ['D-1011', 'ae-005', 'Kestrel Air', '30000.00', '2026-04-02', 'Closed Won', 36, ''],
  ],
  relief: [['QR-001', 'ae-001', '40000.00', '2026-03-01', 'Birch Health moved to the healthcare team']],
  adjustments: [
    ['ADJ-001', 'ae-004', '2026-Q1', '1000', 'EUR', 'Munich roadshow SPIFF, paid in euros', 'new_business'],
  ],
};

const fx = [
  ['EUR', 'USD', '2026-01-30', '1.0790'],
  ['EUR', 'USD', '2026-04-30', '1.0850'],
  ['EUR', 'USD', '2026-07-31', '1.0920'],
  ['EUR', 'USD', '2026-10-30', '1.0880'],
  ['EUR', 'USD', '2027-01-29', '1.0810'],
  ['GBP', 'USD', '2026-01-30', '1.2650'],
  ['GBP', 'USD', '2026-04-30', '1.2700'],
  ['GBP', 'USD', '2026-07-31', '1.2790'],
  ['GBP', 'USD', '2026-10-30', '1.2720'],
  ['GBP', 'USD', '2027-01-29', '1.2660'],
];

/** Generated reps: ae-006 to ae-040, four of them hired during the year and one leaving in March. */
function generatedReps(rng) {
  const name = nameMaker(
    rng,
    [...managers, ...showcase.payees].map((p) => p.name),
  );
  const hires = {
    'ae-037': '2026-02-16',
    'ae-038': '2026-04-01',
    'ae-039': '2026-05-18',
    'ae-040': '2026-08-03',
  };
  const reps = [];
  for (let n = 6; n <= 40; n++) {
    const id = `ae-${String(n).padStart(3, '0')}`;
    const ote = rng.int(24, 32) * 10_000;
    const rep = {
      id,
      name: name(),
      manager: managers[1 + (n % 4)].id,
      ote: String(ote),
      base: String(ote / 2),
      hire: hires[id] ?? dayBetween(rng, '2019-01-01', '2025-10-31'),
      quota: String(rng.int(16, 32) * 50_000),
    };
    if (hires[id]) rep.from = hires[id];
    if (id === 'ae-036') rep.to = '2026-03-31';
    reps.push(rep);
  }
  return reps;
}

function generatedDeals(rng, reps) {
  const nextId = ids('D-', 2001);
  const deals = [];
  const active = [...reps, ...showcase.payees];
  for (const [q, [start, end]] of quarters.entries()) {
    for (const rep of active) {
      // The showcase reps' first quarter is hand-written; a leaver closes nothing after leaving.
      if (q === 0 && showcase.payees.includes(rep)) continue;
      const from = rep.from && rep.from > start ? rep.from : start;
      const to = rep.to && rep.to < end ? rep.to : end;
      if (from > to) continue;
      const count = rng.int(2, 7);
      for (let i = 0; i < count; i++) {
        const roll = rng.next();
        const stage = roll < 0.72 ? 'Closed Won' : roll < 0.92 ? 'Closed Lost' : 'Negotiation';
        const amount = rng.chance(0.8) ? rng.int(80, 1500) * 10_000 : rng.int(800_000, 15_000_000);
        deals.push([
          nextId(),
          rep.id,
          rng.pick(companies),
          money(amount),
          dayBetween(rng, from, to),
          stage,
          rng.pick([12, 12, 12, 24, 36, 36]),
          '',
        ]);
      }
    }
  }
  // Cancellations: two inside the 90-day window (clawed back), one after it (kept).
  const won = deals.filter((d) => d[5] === 'Closed Won' && d[4] < '2026-10-01');
  for (const [deal, days] of [
    [won[7], 30],
    [won[40], 75],
    [won[95], 120],
  ]) {
    deal[7] = addDays(deal[4], days);
  }
  return deals;
}

/** The data files of the Enterprise AE example. */
export function enterpriseAe() {
  const rng = random(2026_0201);
  const reps = generatedReps(rng);
  const payeeRows = [
    // On another plan: this plan's attributes (ote, base, hire_date, annual_quota) are not theirs.
    ...managers.map((m) => ({ ...m, plan: 'Sales Manager' })),
    ...[...showcase.payees, ...reps].map((p) => ({
      id: p.id,
      name: p.name,
      manager: p.manager ?? 'mgr-01',
      ote: p.ote,
      base: p.base,
      hire_date: p.hire,
      annual_quota: p.quota,
      plan_from: p.from,
      plan_to: p.to,
    })),
  ].sort(byKeys('id'));

  const columns = ['id', 'owner', 'account', 'amount', 'close_date', 'stage', 'term_months', 'cancel_date'];
  const toRow = (values) => Object.fromEntries(columns.map((c, i) => [c, values[i]]));
  const deals = [...showcase.deals, ...generatedDeals(rng, reps)].map(toRow).sort(byKeys('close_date', 'id'));

  const reliefColumns = ['id', 'rep', 'amount', 'granted_on', 'reason'];
  const relief = [
    ...showcase.relief,
    ['QR-002', 'ae-012', '25000.00', '2026-03-20', 'Account moved to a named-account rep'],
    ['QR-003', 'ae-019', '60000.00', '2026-06-02', 'Parental leave, six weeks'],
    ['QR-004', 'ae-027', '35000.00', '2026-09-14', 'Territory split with a new hire'],
  ].map((values) => Object.fromEntries(reliefColumns.map((c, i) => [c, values[i]])));

  const adjustmentColumns = ['id', 'payee', 'period', 'amount', 'currency', 'reason', 'earning'];
  const adjustments = [
    ...showcase.adjustments,
    ['ADJ-002', 'ae-014', '2026-Q1', '500', 'USD', 'Deal registered late by Sales Ops', 'new_business'],
    ['ADJ-003', 'ae-021', '2026-Q2', '-250', 'USD', 'Duplicate commission on a renewal', 'new_business'],
    ['ADJ-004', 'ae-030', '2026-Q3', '800', 'GBP', 'London event referral', ''],
  ].map((values) => Object.fromEntries(adjustmentColumns.map((c, i) => [c, values[i]])));

  return {
    'payees.csv': csv(
      ['id', 'name', 'manager', 'ote', 'base', 'hire_date', 'annual_quota', 'plan', 'plan_from', 'plan_to'],
      payeeRows,
    ),
    'deals.csv': csv(columns, deals),
    'quota_relief.csv': csv(reliefColumns, relief),
    'adjustments.csv': csv(adjustmentColumns, adjustments),
    'fx.csv': csv(
      ['from', 'to', 'date', 'rate'],
      fx.map(([from, to, date, rate]) => ({ from, to, date, rate })),
    ),
  };
}
