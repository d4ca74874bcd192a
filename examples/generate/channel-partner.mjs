/**
 * Data for examples/channel-partner: eight channel account managers, twenty account executives
 * who co-sell with them (on another plan, so without statements here), 60 accounts, a year of
 * partner deals with their splits, MDF claims in euros, FX rates and a manual adjustment.
 *
 * Showcase payees (checked by hand in expected.json, 2026-H1): cam-001 has a registered deal
 * (60/40 with the co-selling AE), an alliance deal split 50/50 with cam-003, and an MDF claim in
 * euros (payout rounded up to whole dollars); cam-003's half of that split is all it earns in H1;
 * cam-004 passes 75% of partner quota and earns the territory bonus on Asia Pacific.
 */
import { byKeys, csv, dayBetween, ids, money, nameMaker, random } from './kit.mjs';

const halves = [
  ['2026-01-01', '2026-06-30'],
  ['2026-07-01', '2026-12-31'],
];

const cams = [
  ['cam-001', 'Theo Marchetti', '20000', '300000', ''],
  ['cam-002', 'Sigrid Holm', '22000', '320000', ''],
  ['cam-003', 'Kofi Boateng', '18000', '250000', ''],
  ['cam-004', 'Hana Sato', '15000', '180000', ''],
  ['cam-005', 'Lucas Ferreira', '20000', '280000', ''],
  ['cam-006', 'Amara Nwosu', '16000', '220000', ''],
  ['cam-007', 'Victor Lindgren', '25000', '400000', ''],
  ['cam-008', 'Nadia Petrova', '16000', '200000', '2026-04-13'],
];

const partners = [
  'Northbridge Solutions',
  'Keystone Partners',
  'Vertex Consulting',
  'BluePeak Systems',
  'Orbital IT',
  'Cascade Integrators',
];
const products = ['Platform', 'Platform', 'Analytics', 'Services', 'Hardware'];

/** Accounts by region; the APAC ones see only the hand-written deals in H1 (cam-004's bonus). */
function accountList(rng) {
  const accounts = [
    { id: 'ACC-G01', name: 'Globex Corporation', region: 'NA', country: 'US', employees: 52_000 },
    { id: 'ACC-G02', name: 'Initech', region: 'NA', country: 'US', employees: 8_400 },
    { id: 'ACC-G03', name: 'Umbrella Group', region: 'EMEA', country: 'GB', employees: 61_000 },
    { id: 'ACC-N01', name: 'Redwood Outfitters', region: 'NA', country: 'US', employees: 2_300 },
    { id: 'ACC-N02', name: 'Maple Grove Foods', region: 'NA', country: 'CA', employees: 1_150 },
    { id: 'ACC-A01', name: 'Sakura Precision', region: 'APAC', country: 'JP', employees: 12_000 },
    { id: 'ACC-A02', name: 'Coral Coast Energy', region: 'APAC', country: 'AU', employees: 3_400 },
  ];
  const places = [
    ['NA', 'US'],
    ['NA', 'US'],
    ['NA', 'CA'],
    ['EMEA', 'DE'],
    ['EMEA', 'FR'],
    ['EMEA', 'NL'],
    ['EMEA', 'GB'],
    ['APAC', 'SG'],
    ['APAC', 'IN'],
  ];
  const words = [
    'Atlas',
    'Beacon',
    'Cedar',
    'Delta',
    'Ember',
    'Falcon',
    'Granite',
    'Harbor',
    'Ion',
    'Juniper',
  ];
  for (let n = 1; n <= 53; n++) {
    const [region, country] = rng.pick(places);
    accounts.push({
      id: `ACC-${String(100 + n)}`,
      name: `${rng.pick(words)} ${rng.pick(['Group', 'Holdings', 'Labs', 'Works', 'Retail', 'Bank'])} ${n}`,
      region,
      country,
      employees: rng.int(50, 30_000),
    });
  }
  return accounts;
}

/** Hand-written H1 deals: [id, owner, co_sell_rep, product, account, amount, close_date, stage, registered]. */
const showcaseDeals = [
  ['P-1001', 'cam-001', 'ae-501', 'Platform', 'ACC-N01', '100000.00', '2026-02-18', 'Closed Won', true],
  ['P-1002', 'cam-001', 'ae-502', 'Analytics', 'ACC-N02', '50000.00', '2026-04-07', 'Closed Won', false],
  ['P-1003', 'cam-001', 'ae-502', 'Platform', 'ACC-N01', '70000.00', '2026-05-20', 'Closed Lost', true],
  ['P-1004', 'cam-004', 'ae-503', 'Analytics', 'ACC-A01', '200000.00', '2026-03-03', 'Closed Won', true],
  ['P-1005', 'cam-004', 'ae-504', 'Services', 'ACC-A02', '50000.00', '2026-05-28', 'Closed Won', true],
];

/** The data files of the Channel Partner example. */
export function channelPartner() {
  const rng = random(2026_0630);
  const name = nameMaker(
    rng,
    cams.map((c) => c[1]),
  );
  const aes = [];
  for (let n = 501; n <= 520; n++) aes.push(`ae-${n}`);
  const payees = [
    // On other plans (as are the AEs below): this plan's attributes are not theirs.
    { id: 'ch-dir-01', name: 'Gabriela Ortiz', manager: '', plan: 'Channel Director' },
    { id: 'ae-mgr-01', name: 'Oskar Wilde', manager: '', plan: 'Sales Manager' },
    ...cams.map(([id, who, ti, quota, from]) => ({
      id,
      name: who,
      manager: 'ch-dir-01',
      target_incentive: ti,
      partner_quota: quota,
      plan_from: from,
    })),
    ...aes.map((id) => ({ id, name: name(), manager: 'ae-mgr-01', plan: 'Enterprise AE' })),
  ].sort(byKeys('id'));

  const accounts = accountList(rng);
  const columns = [
    'id',
    'owner',
    'co_sell_rep',
    'partner',
    'account',
    'product',
    'region',
    'amount',
    'close_date',
    'stage',
    'registered',
    'discount',
  ];
  const regionOf = new Map(accounts.map((a) => [a.id, a.region]));
  const deals = showcaseDeals.map(([id, owner, co, product, account, amount, close, stage, registered]) => ({
    id,
    owner,
    co_sell_rep: co,
    partner: rng.pick(partners),
    account,
    product,
    region: regionOf.get(account),
    amount,
    close_date: close,
    stage,
    registered,
    discount: `${rng.int(0, 20)}%`,
  }));
  const splits = [
    { deal_id: 'P-1002', payee: 'cam-001', share: '50%', approved_on: '2026-04-07' },
    { deal_id: 'P-1002', payee: 'cam-003', share: '50%', approved_on: '2026-04-07' },
  ];
  const mdf = [
    { id: 'MDF-1001', owner: 'cam-001', claimed_on: '2026-03-15', amount: '3333.33', approved: true },
    { id: 'MDF-1002', owner: 'cam-001', claimed_on: '2026-05-02', amount: '1000.00', approved: false },
  ];

  const dealId = ids('P-', 2001);
  const mdfId = ids('MDF-', 2001);
  for (const [h, [start, end]] of halves.entries()) {
    // In H1 the showcase CAMs' deals are hand-written and the APAC accounts see only theirs.
    const owners = cams.filter(([id]) => h === 1 || !['cam-001', 'cam-003', 'cam-004'].includes(id));
    const open = accounts.filter((a) => h === 1 || (a.region !== 'APAC' && !a.id.startsWith('ACC-N')));
    for (const [owner, , , , from] of owners) {
      const first = from && from > start ? from : start;
      for (let i = rng.int(8, 16); i > 0; i--) {
        const account = rng.pick(open);
        const roll = rng.next();
        const stage =
          roll < 0.65 ? 'Closed Won' : roll < 0.85 ? 'Closed Lost' : rng.pick(['Proposal', 'Negotiation']);
        const registered = rng.chance(0.6);
        const close = dayBetween(rng, first, end);
        const deal = {
          id: dealId(),
          owner,
          co_sell_rep: rng.pick(aes),
          partner: rng.pick(partners),
          account: account.id,
          product: rng.pick(products),
          region: account.region,
          amount: money(rng.int(50, 900) * 10_000),
          close_date: close,
          stage,
          registered,
          discount: `${rng.chance(0.15) ? rng.int(31, 45) : rng.int(0, 25)}%`,
        };
        deals.push(deal);
        if (!registered) {
          const partner = rng.pick([...cams.map((c) => c[0]).filter((id) => id !== owner), ...aes]);
          const shares = rng.pick([['100%'], ['70%', '30%'], ['50%', '50%']]);
          shares.forEach((share, i) => {
            splits.push({ deal_id: deal.id, payee: i === 0 ? owner : partner, share, approved_on: close });
          });
        }
      }
      for (let i = rng.int(0, 2); i > 0; i--) {
        mdf.push({
          id: mdfId(),
          owner,
          claimed_on: dayBetween(rng, first, end),
          amount: money(rng.int(500, 9000) * 100),
          approved: rng.chance(0.7),
        });
      }
    }
  }
  deals.sort(byKeys('close_date', 'id'));
  splits.sort(byKeys('approved_on', 'deal_id', 'payee'));
  const splitId = ids('SP-', 1001);
  for (const split of splits) split.id = splitId();
  mdf.sort(byKeys('claimed_on', 'id'));

  const adjustmentColumns = ['id', 'payee', 'period', 'amount', 'currency', 'reason', 'earning'];
  return {
    'payees.csv': csv(
      ['id', 'name', 'manager', 'target_incentive', 'partner_quota', 'plan', 'plan_from', 'plan_to'],
      payees,
    ),
    'deals.csv': csv(columns, deals),
    'deal_splits.csv': csv(['id', 'deal_id', 'payee', 'share', 'approved_on'], splits),
    'accounts.csv': csv(['id', 'name', 'region', 'country', 'employees'], accounts),
    'mdf_claims.csv': csv(['id', 'owner', 'claimed_on', 'amount', 'approved'], mdf),
    'adjustments.csv': csv(adjustmentColumns, [
      {
        id: 'ADJ-001',
        payee: 'cam-002',
        period: '2026-H1',
        amount: '500',
        currency: 'USD',
        reason: 'Partner summit sponsorship rebate',
        earning: '',
      },
    ]),
    'fx.csv': csv(
      ['from', 'to', 'date', 'rate'],
      [
        ['EUR', 'USD', '2025-12-31', '1.0700'],
        ['EUR', 'USD', '2026-03-31', '1.0900'],
        ['EUR', 'USD', '2026-06-30', '1.1200'],
        ['EUR', 'USD', '2026-09-30', '1.1000'],
        ['EUR', 'USD', '2026-12-31', '1.0950'],
      ].map(([from, to, date, rate]) => ({ from, to, date, rate })),
    ),
  };
}
