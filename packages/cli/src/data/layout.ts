/**
 * The files of a data directory and their columns. docs/reference/run.md documents the same
 * layout for comp admins; keep the two in step.
 */

/** The file of payees: one row per payee. */
export const payeesFile = 'payees.csv';

/** A data directory may instead hold one JSON file with the engine's `Dataset` shape. */
export const jsonFile = 'data.json';

/** Columns of payees.csv besides the plan's payee attributes. */
export const payeeColumns = {
  required: ['id', 'name'],
  /** `plan`, `plan_from` and `plan_to` give the payee's plan assignment, when one is filled in. */
  optional: ['manager', 'plan', 'plan_from', 'plan_to'],
} as const;

/** A data file with fixed columns, read into one part of the dataset. */
export interface FixedFile {
  /** The part of the dataset, as the engine names it in data errors (`fx`, `quotas`...). */
  section: 'fx' | 'quotas' | 'adjustments' | 'territoryAssignments' | 'attributeChanges';
  file: string;
  /** Columns that must be present (their cells may still be empty: the engine reports those). */
  required: readonly string[];
  /** Columns that may be left out; an empty cell leaves the property out. */
  optional: readonly string[];
}

/** The optional files with fixed columns. */
export const fixedFiles: readonly FixedFile[] = [
  { section: 'fx', file: 'fx.csv', required: ['from', 'to', 'date', 'rate'], optional: [] },
  { section: 'quotas', file: 'quotas.csv', required: ['payee', 'quota', 'period', 'amount'], optional: [] },
  {
    section: 'adjustments',
    file: 'adjustments.csv',
    required: ['id', 'payee', 'period', 'amount', 'reason'],
    optional: ['currency', 'earning'],
  },
  {
    section: 'territoryAssignments',
    file: 'territory_assignments.csv',
    required: ['payee', 'territory', 'role'],
    optional: ['from', 'to'],
  },
  /** A payee attribute from a date on: `value` may be empty (no value from `from` on). */
  {
    section: 'attributeChanges',
    file: 'payee_attributes.csv',
    required: ['payee', 'attribute', 'value', 'from'],
    optional: [],
  },
];

/** The file of a plan source: `deals` is read from `deals.csv`. */
export function sourceFile(source: string): string {
  return `${source}.csv`;
}

/** The file each part of the dataset is read from, by the name data errors give it. */
export function fileOfSection(section: string): string {
  if (section === 'payees') return payeesFile;
  return fixedFiles.find((fixed) => fixed.section === section)?.file ?? sourceFile(section);
}
