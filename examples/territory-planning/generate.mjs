/**
 * Writes the territory planning example: accounts.csv (360 accounts with region, segment,
 * industry, employees, revenue potential, and a named owner for the strategic ones) and two
 * territory designs over them, design-current.attain and design-proposed.attain. The payees are
 * the reps of hierarchy.csv (the quota planning example of this folder). Run it with
 * `node examples/territory-planning/generate.mjs`; it is deterministic (a seeded generator, no
 * clock), so running it again writes the same bytes.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { byKeys, csv, money, random } from '../generate/kit.mjs';

const seed = 4242;
const accountCount = 360;

const first = [
  'Blue',
  'Northwind',
  'Summit',
  'Harbor',
  'Granite',
  'Silver',
  'Crescent',
  'Evergreen',
  'Atlas',
  'Lumen',
];
const second = ['Ridge', 'Peak', 'Valley', 'River', 'Forge', 'Field', 'Bridge', 'Stone', 'Point', 'Works'];
const third = ['Systems', 'Holdings', 'Labs', 'Group', 'Partners', 'Industries', 'Health', 'Logistics'];
const industries = [
  'Technology',
  'Financial Services',
  'Healthcare',
  'Manufacturing',
  'Retail',
  'Public Sector',
];

/** Region, its share of the accounts, and the rep who owns its named accounts. */
const regions = [
  { region: 'AMER', share: 0.45, owner: 'rep-01' },
  { region: 'EMEA', share: 0.3, owner: 'rep-19' },
  { region: 'APAC', share: 0.22, owner: 'rep-35' },
  // Not covered by the current design: its accounts are unassigned there.
  { region: 'LATAM', share: 0.03, owner: undefined },
];

/** Segments by employees, with the range of employees and of revenue potential (in cents). */
const segments = [
  { segment: 'Enterprise', weight: 0.2, employees: [2_000, 60_000], potential: [25_000_000, 250_000_000] },
  { segment: 'Mid-Market', weight: 0.35, employees: [250, 1_999], potential: [6_000_000, 40_000_000] },
  { segment: 'SMB', weight: 0.45, employees: [10, 249], potential: [800_000, 8_000_000] },
];

/** One of `items`, drawn with the probability of its `key` weight. */
function weighted(rng, items, key) {
  let draw = rng.next();
  for (const item of items) {
    draw -= item[key];
    if (draw < 0) return item;
  }
  return items[items.length - 1];
}

/** The accounts, by id. */
function accounts(rng) {
  const names = new Set();
  const list = [];
  for (let i = 1; i <= accountCount; i++) {
    let name;
    do name = `${rng.pick(first)} ${rng.pick(second)} ${rng.pick(third)}`;
    while (names.has(name));
    names.add(name);
    const { region, owner } = weighted(rng, regions, 'share');
    const s = weighted(rng, segments, 'weight');
    // A quarter of the enterprise accounts are named accounts of their region's strategic rep.
    const named = owner !== undefined && s.segment === 'Enterprise' && rng.chance(0.25);
    list.push({
      id: `ACC-${String(i).padStart(4, '0')}`,
      name,
      region,
      segment: s.segment,
      industry: rng.pick(industries),
      employees: rng.int(s.employees[0], s.employees[1]),
      revenue_potential: money(rng.int(s.potential[0] / 100, s.potential[1] / 100) * 100),
      named_owner: named ? owner : '',
    });
  }
  return list.sort(byKeys('id'));
}

const header = (name, doc) => `/**
 * ${doc}
 * Accounts come from accounts.csv; payees are the reps of hierarchy.csv.
 */
plan "${name}" version "2026.1" {
  currency USD
  period quarter
  effective 2026-01-01 to 2026-12-31

  /** Accounts, with their revenue potential for the year. */
  source accounts "Accounts" {
    id: Text key
    name: Text
    region: Text # AMER, EMEA, APAC, LATAM
    segment: Text # Enterprise, Mid-Market, SMB
    industry: Text
    employees: Integer
    revenue_potential: Money
    named_owner: Text optional # the strategic rep who owns a named account
  }
`;

/** The `named` clause of the strategic territory of a region. */
function namedClause(list, owner) {
  const names = list.filter((a) => a.named_owner === owner).map((a) => JSON.stringify(a.name));
  return `named ${names.join(', ')}`;
}

/** The named-account territories shared by both designs. */
function strategic(list) {
  return `    /** Named accounts of the strategic reps: they stay with their owner whatever the rules say. */
    territory named_amer "Strategic accounts, Americas" {
      ${namedClause(list, 'rep-01')}
      priority 1
      assign "rep-01" as primary
    }
    territory named_emea "Strategic accounts, EMEA" {
      ${namedClause(list, 'rep-19')}
      priority 2
      assign "rep-19" as primary
    }
    territory named_apac "Strategic accounts, APAC" {
      ${namedClause(list, 'rep-35')}
      priority 3
      assign "rep-35" as primary
    }`;
}

function currentDesign(list) {
  return `${header('Territories 2026 (current)', 'The territory design in force: enterprise and commercial by region; no LATAM territory.')}
  /** The first territory by priority whose rules an account matches is its territory. */
  territories on accounts by priority {
${strategic(list)}
    territory amer_enterprise "Americas enterprise" {
      where region = "AMER" and segment = "Enterprise"
      priority 4
      assign "rep-02" as primary
      assign "rep-14" as overlay
    }
    territory amer_commercial "Americas commercial" {
      where region = "AMER"
      priority 5
      assign "rep-08" as primary
    }
    territory emea_enterprise "EMEA enterprise" {
      where region = "EMEA" and segment = "Enterprise"
      priority 6
      assign "rep-20" as primary
    }
    territory emea_commercial "EMEA commercial" {
      where region = "EMEA"
      priority 7
      assign "rep-25" as primary to 2026-06-30
      assign "rep-26" as primary from 2026-07-01
    }
    territory apac "Asia Pacific" {
      where region = "APAC"
      priority 8
      assign "rep-30" as primary
      assign "rep-36" as overlay
    }
  }
}
`;
}

function proposedDesign(list) {
  return `${header('Territories 2026 (proposed)', 'A proposed realignment: the Americas split by segment and industry, APAC by segment, a new LATAM territory.')}
  /** The first territory by priority whose rules an account matches is its territory. */
  territories on accounts by priority {
${strategic(list)}
    territory amer_enterprise_tech "Americas enterprise, technology and finance" {
      where region = "AMER" and
          segment = "Enterprise" and
          industry in ["Technology", "Financial Services"]
      priority 4
      assign "rep-02" as primary
      assign "rep-14" as overlay
    }
    territory amer_enterprise "Americas enterprise" {
      where region = "AMER" and segment = "Enterprise"
      priority 5
      assign "rep-03" as primary
    }
    territory amer_mid_market "Americas mid-market" {
      where region = "AMER" and segment = "Mid-Market"
      priority 6
      assign "rep-08" as primary
    }
    territory amer_smb "Americas SMB" {
      where region = "AMER"
      priority 7
      assign "rep-09" as primary
    }
    territory emea_enterprise "EMEA enterprise" {
      where region = "EMEA" and segment = "Enterprise"
      priority 8
      assign "rep-20" as primary
    }
    territory emea_commercial "EMEA commercial" {
      where region = "EMEA"
      priority 9
      assign "rep-26" as primary
    }
    territory apac_enterprise "Asia Pacific enterprise" {
      where region = "APAC" and segment = "Enterprise"
      priority 10
      assign "rep-30" as primary
    }
    territory apac_commercial "Asia Pacific commercial" {
      where region = "APAC"
      priority 11
      assign "rep-31" as primary
      assign "rep-36" as overlay
    }
    /** New: no rep is assigned yet. */
    territory latam "Latin America" {
      where region = "LATAM"
      priority 12
    }
  }
}
`;
}

/** The files of the example, by name. */
export function territoryPlanning() {
  const list = accounts(random(seed));
  const columns = [
    'id',
    'name',
    'region',
    'segment',
    'industry',
    'employees',
    'revenue_potential',
    'named_owner',
  ];
  return {
    'accounts.csv': csv(columns, list),
    'design-current.attain': currentDesign(list),
    'design-proposed.attain': proposedDesign(list),
  };
}

/** Writes the files of the example next to this script. */
export function writeTerritoryPlanning() {
  for (const [name, text] of Object.entries(territoryPlanning()))
    writeFileSync(new URL(name, import.meta.url), text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeTerritoryPlanning();
