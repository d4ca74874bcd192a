/**
 * Data for examples/csm-renewals: 24 customer success managers and four pod leads, 110 accounts,
 * a fiscal year of renewals (July 2026 to June 2027, some in euros and pounds), FX rates, a
 * territory assignment and manual adjustments.
 *
 * Showcase payees (checked by hand in expected.json, fiscal 2026-Q1 = July to September 2026):
 * csm-001 has a downsell, a churn and a multi-year renewal (pay curve between points); csm-002
 * renews a contract in euros with expansion; csm-003 took over a book on 1 August (guarantee);
 * csm-lead-02 leads the growth pod, which receives that expansion as overlay credit.
 */
import { byKeys, csv, dayBetween, ids, money, nameMaker, random } from './kit.mjs';

const quarters = [
  ['2026-07-01', '2026-09-30'],
  ['2026-10-01', '2026-12-31'],
  ['2027-01-01', '2027-03-31'],
  ['2027-04-01', '2027-06-30'],
];

const industries = ['Software', 'Healthcare', 'Retail', 'Manufacturing', 'Finance', 'Media', 'Logistics'];
const regions = ['NA', 'NA', 'EMEA', 'EMEA', 'APAC', 'LATAM'];

const leads = [
  ['csm-lead-01', 'Olivia Brandt', '52000', '2022-07-01'],
  ['csm-lead-02', 'Rafael Duarte', '48000', '2023-01-09'],
  ['csm-lead-03', 'Mei Lin', '48000', '2024-04-15'],
  ['csm-lead-04', 'Arjun Mehta', '50000', '2021-11-01'],
];

/** Showcase CSMs: [id, name, variable_target, book_assigned_on]. */
const showcasePayees = [
  ['csm-001', 'Clara Novak', '40000', '2024-02-01'],
  ['csm-002', 'Yusuf Kaya', '32000', '2023-05-01'],
  ['csm-003', 'Ines Moreau', '24000', '2026-08-01'],
];

/** Showcase renewals: [id, csm, account, date, arr_due, arr_renewed, status, term_years, services_fee]. */
const showcaseRenewals = [
  ['R-1001', 'csm-001', 'ACC-011', '2026-07-15', '100000.00', '100000.00', 'Renewed', 1, '2000'],
  ['R-1002', 'csm-001', 'ACC-012', '2026-08-20', '50000.00', '47500.00', 'Renewed', 2, '0'],
  ['R-1003', 'csm-001', 'ACC-013', '2026-09-05', '10000.00', '0', 'Churned', 1, '0'],
  ['R-1004', 'csm-002', 'ACC-110', '2026-08-15', '80000.00 EUR', '90000.00 EUR', 'Renewed', 1, '0'],
  ['R-1005', 'csm-003', 'ACC-014', '2026-09-10', '20000.00', '18000.00', 'Renewed', 1, '0'],
];

const fx = [
  ['EUR', 'USD', '2026-06-30', '1.0750'],
  ['EUR', 'USD', '2026-07-31', '1.0800'],
  ['EUR', 'USD', '2026-09-30', '1.1000'],
  ['EUR', 'USD', '2026-12-31', '1.0900'],
  ['EUR', 'USD', '2027-03-31', '1.0950'],
  ['EUR', 'USD', '2027-06-30', '1.0850'],
  ['GBP', 'USD', '2026-06-30', '1.2700'],
  ['GBP', 'USD', '2026-09-30', '1.2900'],
  ['GBP', 'USD', '2026-12-31', '1.2800'],
  ['GBP', 'USD', '2027-03-31', '1.2750'],
  ['GBP', 'USD', '2027-06-30', '1.2650'],
];

function generatedAccounts(rng) {
  const accounts = [];
  for (let n = 1; n <= 109; n++) {
    accounts.push({
      id: `ACC-${String(n).padStart(3, '0')}`,
      name: `${rng.pick(['North', 'South', 'East', 'West', 'Blue', 'Red', 'Silver', 'Golden', 'Bright', 'Clear'])} ${rng.pick(['Harbor', 'Peak', 'River', 'Forge', 'Field', 'Bridge', 'Stone', 'Leaf'])} ${rng.pick(industries)} ${n}`,
      region: rng.pick(regions),
      industry: rng.pick(industries),
      employees: rng.chance(0.3) ? rng.int(5_000, 40_000) : rng.int(40, 4_900),
      health_score: rng.int(20, 98),
      arr: money(rng.int(8, 400) * 100_000),
    });
  }
  // The account of R-1004: in the growth pod (under 5,000 employees, ARR of at least 50,000 USD).
  accounts.push({
    id: 'ACC-110',
    name: 'Lumen Health Group',
    region: 'EMEA',
    industry: 'Healthcare',
    employees: 1_200,
    health_score: 81,
    arr: '90000.00',
  });
  return accounts;
}

/** The data files of the CSM Renewals example. */
export function csmRenewals() {
  const rng = random(2026_0701);
  const name = nameMaker(
    rng,
    [...leads, ...showcasePayees].map((p) => p[1]),
  );
  const payees = [
    // On another plan: this plan's attributes (variable_target, book_assigned_on) are not hers.
    { id: 'csm-dir-01', name: 'Beatrice Hall', manager: '', plan: 'CS Director' },
    ...leads.map(([id, who, target, book]) => ({
      id,
      name: who,
      manager: 'csm-dir-01',
      variable_target: target,
      book_assigned_on: book,
    })),
    ...showcasePayees.map(([id, who, target, book]) => ({
      id,
      name: who,
      manager: 'csm-lead-01',
      variable_target: target,
      book_assigned_on: book,
    })),
  ];
  for (let n = 4; n <= 24; n++) {
    const id = `csm-${String(n).padStart(3, '0')}`;
    const hired = id === 'csm-024' ? '2026-08-17' : undefined;
    payees.push({
      id,
      name: name(),
      manager: leads[n % 4][0],
      variable_target: String(rng.int(24, 40) * 1000),
      book_assigned_on: hired ?? dayBetween(rng, '2021-01-04', '2026-05-29'),
      plan_from: hired,
    });
  }
  payees.sort(byKeys('id'));

  const accounts = generatedAccounts(rng);
  const columns = [
    'id',
    'csm',
    'account',
    'renewal_date',
    'arr_due',
    'arr_renewed',
    'status',
    'term_years',
    'services_fee',
  ];
  const renewals = showcaseRenewals.map((values) =>
    Object.fromEntries(columns.map((c, i) => [c, values[i]])),
  );
  const renewalId = ids('R-', 2001);
  const showcaseIds = showcasePayees.map(([id]) => id);
  for (const [q, [start, end]] of quarters.entries()) {
    for (const payee of payees) {
      if (!payee.id.match(/^csm-\d/) || (q === 0 && showcaseIds.includes(payee.id))) continue;
      const from = payee.plan_from && payee.plan_from > start ? payee.plan_from : start;
      for (let i = rng.int(2, 4); i > 0; i--) {
        const roll = rng.next();
        const status =
          q === 0 ? (roll < 0.92 ? 'Renewed' : 'Churned') : q === 1 && roll < 0.5 ? 'Renewed' : 'Open';
        const due = rng.int(10, 250) * 1000_00;
        const currency = rng.chance(0.12) ? rng.pick([' EUR', ' GBP']) : '';
        // Renewals never expand here: expansion is the showcase's, so the pods' bonuses stay hand-checkable.
        const renewed = status === 'Renewed' ? Math.round(due * (0.9 + rng.next() * 0.1)) : 0;
        renewals.push({
          id: renewalId(),
          csm: payee.id,
          account: rng.pick(accounts).id,
          renewal_date: dayBetween(rng, from, end),
          arr_due: `${money(due)}${currency}`,
          arr_renewed: status === 'Open' ? '' : `${money(renewed)}${currency}`,
          status,
          term_years: rng.pick([1, 1, 1, 2, 3]),
          services_fee: rng.chance(0.25) ? String(rng.int(5, 80) * 100) : '0',
        });
      }
    }
  }
  // An open renewal has nothing renewed yet: written as 0, as the CRM exports it.
  for (const renewal of renewals) if (renewal.arr_renewed === '') renewal.arr_renewed = '0';
  renewals.sort(byKeys('renewal_date', 'id'));

  const adjustmentColumns = ['id', 'payee', 'period', 'amount', 'currency', 'reason', 'earning'];
  const adjustments = [
    ['ADJ-001', 'csm-010', '2026-Q1', '300', 'GBP', 'Customer reference call for the London summit', ''],
    [
      'ADJ-002',
      'csm-015',
      '2026-Q2',
      '-150',
      'USD',
      'Services fee booked to the wrong renewal',
      'services_attach',
    ],
  ].map((values) => Object.fromEntries(adjustmentColumns.map((c, i) => [c, values[i]])));

  return {
    'payees.csv': csv(
      ['id', 'name', 'manager', 'variable_target', 'book_assigned_on', 'plan', 'plan_from', 'plan_to'],
      payees,
    ),
    'renewals.csv': csv(columns, renewals),
    'accounts.csv': csv(['id', 'name', 'region', 'industry', 'employees', 'health_score', 'arr'], accounts),
    'territory_assignments.csv': csv(
      ['payee', 'territory', 'role', 'from', 'to'],
      [
        {
          payee: 'csm-lead-03',
          territory: 'growth_pod',
          role: 'overlay',
          from: '2027-01-01',
          to: '2027-06-30',
        },
      ],
    ),
    'adjustments.csv': csv(adjustmentColumns, adjustments),
    'fx.csv': csv(
      ['from', 'to', 'date', 'rate'],
      fx.map(([from, to, date, rate]) => ({ from, to, date, rate })),
    ),
  };
}
