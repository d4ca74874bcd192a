/**
 * Helpers for the territory planning tests: a small design checked by hand, and generated
 * designs and accounts for the properties. Not exported by the package.
 */
import fc from 'fast-check';
import type { DataRecord, RawValue } from '../data/dataset.js';
import { planOf, quarterly } from '../test-support.js';

/** The accounts source of the test designs. */
export const ACCOUNTS = `source accounts "Accounts" {
    id: Text key
    name: Text
    region: Text
    segment: Text
    potential: Money
    visits: Integer optional
  }`;

/**
 * A design checked by hand: Globex is named in Strategic; EMEA enterprise accounts go to EMEA
 * Enterprise (priority 2) before the rest of EMEA (priority 3); North America has no payee.
 */
export const designText = quarterly(`${ACCOUNTS}
  territories on accounts by priority {
    territory strategic "Strategic" {
      named "Globex"
      priority 1
      assign "rep-s" as primary
    }
    territory emea_ent "EMEA Enterprise" {
      where region = "EMEA" and segment = "ENT"
      priority 2
      assign "rep-1" as primary
      assign "rep-9" as overlay from 2026-07-01
    }
    territory emea "EMEA" {
      where region = "EMEA"
      priority 3
      assign "rep-2" as primary to 2026-06-30
      assign "rep-3" as primary from 2026-07-01
    }
    territory na "North America" {
      where region = "NA"
      priority 4
    }
  }`);

/** The hand-checked design, compiled. */
export const design = planOf(designText);

/** Account records, rows numbered from 1. */
export function accounts(...values: Record<string, RawValue>[]): DataRecord[] {
  return values.map((v, i) => ({ row: i + 1, values: v }));
}

/** The accounts of the hand-checked examples. */
export const handAccounts = accounts(
  { id: 'A1', name: 'Initech', region: 'EMEA', segment: 'ENT', potential: '1000', visits: '4' },
  { id: 'A2', name: 'Globex', region: 'EMEA', segment: 'SMB', potential: '500', visits: '2' },
  { id: 'A3', name: 'Hooli', region: 'EMEA', segment: 'SMB', potential: '300', visits: '' },
  { id: 'A4', name: 'Umbrella', region: 'NA', segment: 'ENT', potential: '200', visits: '1' },
  { id: 'A5', name: 'Acme', region: 'APAC', segment: 'SMB', potential: '100', visits: '1' },
  { id: 'A6', name: 'Soylent', region: 'EMEA', segment: 'SMB', potential: '12O', visits: '1' },
);

const REGIONS = ['EMEA', 'NA', 'APAC', 'LATAM'];
const SEGMENTS = ['ENT', 'MM', 'SMB'];

/** A generated territory: a rule on region (one value or a list) and maybe segment, and named accounts. */
export interface GeneratedTerritory {
  regions: string[];
  segment?: string | undefined;
  /** `segment != ...` instead of `segment = ...`. */
  notSegment: boolean;
  named: string[];
}

/**
 * A generated design: territory `t<i>` has priority i + 1; some regions have no territory (their
 * accounts stay unassigned).
 */
export function generatedDesign(territories: readonly GeneratedTerritory[]): string {
  const blocks = territories.map((t, i) => {
    const region =
      t.regions.length === 1
        ? `region = "${t.regions[0]}"`
        : `region in [${t.regions.map((r) => `"${r}"`).join(', ')}]`;
    const segment = t.segment === undefined ? '' : ` and segment ${t.notSegment ? '!=' : '='} "${t.segment}"`;
    const named = t.named.length > 0 ? `\n      named ${t.named.map((n) => `"${n}"`).join(', ')}` : '';
    return `    territory t${i} {
      where ${region}${segment}${named}
      priority ${i + 1}
      assign "rep-${i}" as primary
    }`;
  });
  return quarterly(`${ACCOUNTS}
  territories on accounts by priority {
${blocks.join('\n')}
  }`);
}

/** Generated territory rules: 2 to 12 territories, the named accounts among A0..A39. */
export const territoriesArbitrary = fc.array(
  fc.record({
    regions: fc.uniqueArray(fc.constantFrom(...REGIONS), { minLength: 1, maxLength: 2 }),
    segment: fc.option(fc.constantFrom(...SEGMENTS), { nil: undefined }),
    notSegment: fc.boolean(),
    named: fc.uniqueArray(
      fc.integer({ min: 0, max: 39 }).map((n) => `A${n}`),
      { maxLength: 2 },
    ),
  }),
  { minLength: 2, maxLength: 12 },
);

/** Generated accounts A0..A(n−1), some invalid (a potential that is not a number), with rows. */
export const accountsArbitrary = fc
  .array(
    fc.record({
      region: fc.constantFrom(...REGIONS),
      segment: fc.constantFrom(...SEGMENTS),
      potential: fc.oneof(
        { weight: 12, arbitrary: fc.integer({ min: 0, max: 5_000_000 }).map((c) => (c / 100).toFixed(2)) },
        { weight: 1, arbitrary: fc.constant('n/a') },
        { weight: 1, arbitrary: fc.constant('') },
      ),
    }),
    { minLength: 4, maxLength: 40 },
  )
  .map((list) =>
    list.map((v, i): DataRecord => ({ row: i + 1, values: { id: `A${i}`, name: `Account ${i}`, ...v } })),
  );
