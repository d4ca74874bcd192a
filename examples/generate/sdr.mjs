/**
 * Data for examples/sdr: 30 sales development reps under two managers, three months of meetings
 * and the opportunities they created (January to March 2026), manual adjustments and FX rates.
 *
 * Showcase payees (checked by hand in expected.json, January 2026): sdr-001 reaches the second
 * meeting band and has a fast closed-won opportunity; sdr-002 misses half of the meeting target
 * (opportunity pay gated, onboarding draw tops up); sdr-003 starts on 19 January; sdr-004 is a
 * lead SDR in the top band with a bonus crossing the 50,000 USD band and an award paid in pounds.
 */
import { addDays, byKeys, csv, dayBetween, ids, nameMaker, random } from './kit.mjs';

const months = [
  ['2026-01-01', '2026-01-31'],
  ['2026-02-01', '2026-02-28'],
  ['2026-03-01', '2026-03-31'],
];

const accounts = [
  'Aperture Labs',
  'Black Mesa',
  'Cyberdyne',
  'Dunder Mifflin',
  'Encom',
  'Gringotts',
  'Hooli',
  'Initrode',
  'Kwik-E-Mart',
  'Massive Dynamic',
  'Nakatomi Trading',
  'Oscorp',
  'Pied Piper',
  'Prestige Worldwide',
  'Soylent',
  'Stark Industries',
  'Sterling Cooper',
  'Tyrell',
  'Vandelay Industries',
  'Wayne Enterprises',
  'Weyland-Yutani',
  'Wonka Industries',
  'Yoyodyne',
  'Zorg Industries',
];

const managers = [
  { id: 'sdr-mgr-01', name: 'Camille Laurent' },
  { id: 'sdr-mgr-02', name: 'Kwame Mensah' },
];

const showcase = {
  payees: [
    { id: 'sdr-001', name: 'Noah Brennan', start: '2024-09-02', target: 10, level: 1 },
    { id: 'sdr-002', name: 'Elif Demir', start: '2025-03-17', target: 10, level: 2 },
    { id: 'sdr-003', name: 'Mateo Rossi', start: '2026-01-19', target: 8, level: 1, from: '2026-01-19' },
    { id: 'sdr-004', name: 'Zara Ahmed', start: '2022-05-09', target: 12, level: 3 },
  ],
  /** [sdr, first day, count, status, qualified] — meetings spread one a day from the first day. */
  meetings: [
    ['sdr-001', '2026-01-05', 8, 'Held', true],
    ['sdr-001', '2026-01-20', 4, 'Completed', true],
    ['sdr-001', '2026-01-26', 2, 'No-show', false],
    ['sdr-001', '2026-01-28', 1, 'Held', false],
    ['sdr-001', '2026-01-29', 1, 'Cancelled', false],
    ['sdr-002', '2026-01-06', 4, 'Held', true],
    ['sdr-002', '2026-01-12', 1, 'No-show', false],
    ['sdr-002', '2026-01-14', 1, 'Held', false],
    ['sdr-003', '2026-01-20', 5, 'Held', true],
    ['sdr-004', '2026-01-05', 16, 'Completed', true],
    ['sdr-004', '2026-01-27', 1, 'No-show', false],
  ],
  /** [id, sdr, created_on, stage, amount, close_date] */
  opportunities: [
    ['OPP-1001', 'sdr-001', '2026-01-05', 'Closed Won', '30000.00', '2026-02-20'],
    ['OPP-1002', 'sdr-001', '2026-01-13', 'Discovery', '45000.00', ''],
    ['OPP-1003', 'sdr-001', '2026-01-21', 'Proposal', '60000.00', ''],
    ['OPP-1004', 'sdr-001', '2026-01-23', 'Disqualified', '25000.00', ''],
    ['OPP-1005', 'sdr-002', '2026-01-08', 'Discovery', '40000.00', ''],
    ['OPP-1006', 'sdr-002', '2026-01-15', 'Proposal', '55000.00', ''],
    ['OPP-1007', 'sdr-003', '2026-01-22', 'Discovery', '35000.00', ''],
    ['OPP-1008', 'sdr-004', '2026-01-08', 'Closed Won', '80000.00', '2026-03-30'],
    ['OPP-1009', 'sdr-004', '2026-01-19', 'Proposal', '70000.00', ''],
  ],
  adjustments: [['ADJ-001', 'sdr-004', '2026-01', '200', 'GBP', 'Referral award from the UK team', '']],
};

const statuses = ['Held', 'Held', 'Completed', 'Completed', 'Scheduled', 'No-show', 'Cancelled'];

/** The data files of the SDR example. */
export function sdr() {
  const rng = random(2026_0101);
  const name = nameMaker(
    rng,
    [...managers, ...showcase.payees].map((p) => p.name),
  );
  const reps = showcase.payees.map((p) => ({ ...p, manager: 'sdr-mgr-01' }));
  const hires = { 'sdr-029': '2026-02-09', 'sdr-030': '2026-03-16' };
  for (let n = 5; n <= 30; n++) {
    const id = `sdr-${String(n).padStart(3, '0')}`;
    const rep = {
      id,
      name: name(),
      manager: managers[n % 2].id,
      start: hires[id] ?? dayBetween(rng, '2023-01-02', '2025-11-28'),
      target: rng.int(8, 14),
      level: rng.pick([1, 1, 1, 2, 2, 3]),
    };
    if (hires[id]) rep.from = hires[id];
    reps.push(rep);
  }

  const meetingId = ids('MTG-', 1001);
  const meetings = [];
  for (const [sdrId, first, count, status, qualified] of showcase.meetings) {
    for (let i = 0; i < count; i++) {
      meetings.push({
        sdr: sdrId,
        held_on: addDays(first, i),
        status,
        qualified,
        account: accounts[i % accounts.length],
      });
    }
  }
  const opportunityId = ids('OPP-', 2001);
  const opportunities = showcase.opportunities.map(([id, sdrId, created, stage, amount, close]) => ({
    id,
    sdr: sdrId,
    created_on: created,
    stage,
    amount,
    close_date: close,
  }));
  for (const [m, [start, end]] of months.entries()) {
    for (const rep of reps) {
      // January of the showcase reps is hand-written.
      if (m === 0 && showcase.payees.some((p) => p.id === rep.id)) continue;
      const from = rep.from && rep.from > start ? rep.from : start;
      if (from > end) continue;
      for (let i = rng.int(5, 20); i > 0; i--) {
        const status = rng.pick(statuses);
        const qualified = (status === 'Held' || status === 'Completed') && rng.chance(0.85);
        meetings.push({
          sdr: rep.id,
          held_on: dayBetween(rng, from, end),
          status,
          qualified,
          account: rng.pick(accounts),
        });
      }
      for (let i = rng.int(0, 5); i > 0; i--) {
        const created = dayBetween(rng, from, end);
        const stage = rng.pick([
          'Discovery',
          'Discovery',
          'Proposal',
          'Negotiation',
          'Closed Won',
          'Closed Lost',
          'Disqualified',
        ]);
        const closed = stage === 'Closed Won' || stage === 'Closed Lost';
        opportunities.push({
          id: opportunityId(),
          sdr: rep.id,
          created_on: created,
          stage,
          amount: `${rng.int(10, 120) * 1000}.00`,
          close_date: closed ? addDays(created, rng.int(20, 150)) : '',
        });
      }
    }
  }
  meetings.sort(byKeys('held_on', 'sdr', 'status'));
  for (const meeting of meetings) meeting.id = meetingId();
  opportunities.sort(byKeys('created_on', 'id'));

  const adjustmentColumns = ['id', 'payee', 'period', 'amount', 'currency', 'reason', 'earning'];
  const adjustments = [
    ...showcase.adjustments,
    ['ADJ-002', 'sdr-011', '2026-02', '150', 'USD', 'Meeting logged after the cut-off', 'meeting_pay'],
    ['ADJ-003', 'sdr-017', '2026-03', '-75', 'USD', 'Meeting counted twice', 'meeting_pay'],
  ].map((values) => Object.fromEntries(adjustmentColumns.map((c, i) => [c, values[i]])));

  return {
    'payees.csv': csv(
      ['id', 'name', 'manager', 'start_date', 'meeting_target', 'level', 'plan', 'plan_from', 'plan_to'],
      [
        // On another plan: this plan's attributes (start_date, meeting_target, level) are not theirs.
        ...managers.map((m) => ({ ...m, plan: 'SDR Manager' })),
        ...reps.map((r) => ({
          id: r.id,
          name: r.name,
          manager: r.manager,
          start_date: r.start,
          meeting_target: r.target,
          level: r.level,
          plan_from: r.from,
        })),
      ].sort(byKeys('id')),
    ),
    'meetings.csv': csv(['id', 'sdr', 'account', 'held_on', 'status', 'qualified'], meetings),
    'opportunities.csv': csv(['id', 'sdr', 'created_on', 'stage', 'amount', 'close_date'], opportunities),
    'adjustments.csv': csv(adjustmentColumns, adjustments),
    'fx.csv': csv(
      ['from', 'to', 'date', 'rate'],
      [
        { from: 'GBP', to: 'USD', date: '2025-12-31', rate: '1.2590' },
        { from: 'GBP', to: 'USD', date: '2026-01-30', rate: '1.2700' },
        { from: 'GBP', to: 'USD', date: '2026-02-27', rate: '1.2640' },
        { from: 'GBP', to: 'USD', date: '2026-03-31', rate: '1.2680' },
      ],
    ),
  };
}
