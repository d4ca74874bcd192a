/**
 * Writes the example data: examples/<name>/data/*.csv for each example plan, the files that
 * `attain run` and `attain demo` read. Run it with `node examples/generate-data.mjs`; it is
 * deterministic (a seeded generator, no clock, no dependencies), so running it again writes the
 * same bytes. The helpers are in generate/kit.mjs, one module per example next to them.
 *
 * Each example mixes hand-written records with generated ones. The hand-written records belong to
 * a few "showcase" payees whose payouts are checked by hand in examples/<name>/expected.json
 * (a mid-period hire, a split deal, a cancelled deal, a foreign-currency amount...); the generated
 * records fill the team out to dozens of payees and hundreds of records and never touch the
 * showcase payees' numbers.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { channelPartner } from './generate/channel-partner.mjs';
import { csmRenewals } from './generate/csm-renewals.mjs';
import { enterpriseAe } from './generate/enterprise-ae.mjs';
import { salesManager } from './generate/sales-manager.mjs';
import { sdr } from './generate/sdr.mjs';
import { salesTeam } from './sales-team/generate.mjs';
import { writeTerritoryPlanning } from './territory-planning/generate.mjs';

const root = new URL('./', import.meta.url);

/** Writes `files` (name -> CSV text) to examples/<example>/data/. */
function write(example, files) {
  const dir = new URL(`${example}/data/`, root);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(new URL(name, dir), text);
}

const examples = {
  'enterprise-ae': enterpriseAe,
  sdr,
  'sales-manager': salesManager,
  'csm-renewals': csmRenewals,
  'channel-partner': channelPartner,
  'sales-team': salesTeam,
};
for (const [name, build] of Object.entries(examples)) write(name, build());
// The territory planning example writes its accounts and its two designs next to its generator.
writeTerritoryPlanning();
