/**
 * Writes the quota planning example: hierarchy.csv (company -> regions -> teams -> 40 reps, with a
 * player-coach team lead, a rep hired mid-month and a leaver) and quota-history.csv (each quota carrier's
 * bookings of the prior fiscal year). Run it with `node examples/territory-planning/generate-quotas.mjs`;
 * it is deterministic (a seeded generator, no clock), so running it again writes the same bytes.
 */
import { writeFileSync } from 'node:fs';
import { csv, money, nameMaker, random } from '../generate/kit.mjs';

const seed = 2026;
const rng = random(seed);
const nextName = nameMaker(rng);
const here = new URL('./', import.meta.url);

/** Regions and their teams, with the number of reps in each team (40 in all). */
const regions = [
  {
    id: 'amer',
    name: 'Americas',
    teams: [
      ['west', 'West', 7],
      ['east', 'East', 6],
      ['central', 'Central', 5],
    ],
  },
  {
    id: 'emea',
    name: 'EMEA',
    teams: [
      ['north', 'Northern Europe', 6],
      ['south', 'Southern Europe', 5],
    ],
  },
  {
    id: 'apac',
    name: 'APAC',
    teams: [
      ['anz', 'Australia and New Zealand', 5],
      ['japan', 'Japan', 6],
    ],
  },
];

/** The showcase: a team whose lead carries a quota too, a mid-month hire (a backfill) and a leaver. */
const playerCoachTeam = 'central';
const hire = { id: 'rep-07', hire_date: '2026-03-18' };
const leaver = { id: 'rep-23', end_date: '2026-08-14' };

const nodes = [{ id: 'acme', parent: '', name: 'Acme Corp', role: 'company' }];
const history = [];
let repNumber = 0;
for (const region of regions) {
  nodes.push({ id: region.id, parent: 'acme', name: region.name, role: 'region' });
  for (const [teamId, teamName, reps] of region.teams) {
    const coach = teamId === playerCoachTeam;
    nodes.push({
      id: teamId,
      parent: region.id,
      name: teamName,
      role: 'team',
      own_quota: coach ? 'yes' : '',
    });
    // The lead of a player-coach team sells a smaller book of their own.
    if (coach) history.push({ id: teamId, history: money(rng.int(2_000, 4_000) * 10_000) });
    for (let i = 0; i < reps; i++) {
      repNumber++;
      const id = `rep-${String(repNumber).padStart(2, '0')}`;
      const node = { id, parent: teamId, name: nextName(), role: 'rep' };
      if (id === hire.id) Object.assign(node, { hire_date: hire.hire_date, start_date: hire.hire_date });
      if (id === leaver.id) node.end_date = leaver.end_date;
      nodes.push(node);
      // Prior-year bookings of the seat, 400,000 to 1,600,000 in steps of 100 (the new hire
      // backfills a seat, so the seat has a history).
      history.push({ id, history: money(rng.int(4_000, 16_000) * 10_000) });
    }
  }
}

const names = new Map(nodes.map((n) => [n.id, n.name]));
writeFileSync(
  new URL('hierarchy.csv', here),
  csv(['id', 'parent', 'name', 'role', 'own_quota', 'hire_date', 'start_date', 'end_date'], nodes),
);
writeFileSync(
  new URL('quota-history.csv', here),
  csv(
    ['id', 'name', 'history'],
    history.map((row) => ({ ...row, name: names.get(row.id) })),
  ),
);
