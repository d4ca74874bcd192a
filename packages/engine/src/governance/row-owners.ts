/**
 * Whose input row a data error is about, so that scoped results show a rep or a manager only the
 * errors of their own rows. A row's owners are the payees it names:
 *
 * - a `payees` row: the payee it defines (the error's `key`, else the `id` of the entry at that row);
 * - a `quotas`, `adjustments`, `territoryAssignments` or `attributeChanges` row: its `payee`;
 * - a row of a plan source (`deals`, `deal_splits`...): every value of the row that is the id of a
 *   payee of the dataset, whatever the field (owner, co-seller, split payee);
 * - an `fx` row, or a row that names no payee: no one.
 *
 * A row of `attributeChanges` that changes a payee's `manager` also names the new manager (its
 * `value`, when it is the id of a payee): {@link RowOwners.managersNamed}. The new manager is not
 * an owner (the row is the moved payee's), but must see an error of the row to fix or confirm it.
 *
 * Rows are found by `source` and 1-based `row` (an entry's `row`, else its position from 1), as
 * the engine numbers them in errors.
 */
import type { Dataset, Payee } from '../data/dataset.js';
import { asList, idText, rowOf } from '../data/values.js';

/** The parts of a dataset whose rows can be attributed to payees (besides `payees`). */
export type ScopeData = Partial<
  Pick<Dataset, 'records' | 'quotas' | 'adjustments' | 'territoryAssignments' | 'attributeChanges'>
>;

const NO_ONE: ReadonlySet<string> = new Set();

/** Finds the owners of input rows; indexes each part of the dataset on first use. */
export class RowOwners {
  private readonly payees: readonly Payee[];
  private readonly ids: ReadonlySet<string>;
  private readonly index = new Map<string, Map<number, Set<string>>>();
  private managers: Map<number, Set<string>> | undefined;

  /** `payees` and each part of `data` are read as lists (anything else, an error of the engine's, names no one). */
  constructor(
    payees: readonly Payee[],
    private readonly data: ScopeData = {},
  ) {
    this.payees = asList(payees);
    this.ids = new Set(this.payees.map((p) => idText(p?.id)).filter((id): id is string => id !== undefined));
  }

  /** The payees a row names; empty when it names none or cannot be found. */
  of(source: string, row: number | undefined, key: string | undefined): ReadonlySet<string> {
    if (source === 'payees' && key !== undefined) return new Set([key]);
    if (row === undefined) return NO_ONE;
    return this.rowsOf(source).get(row) ?? NO_ONE;
  }

  /**
   * The managers a row of `attributeChanges` of `manager` names as the payee's new manager (its
   * `value`, read as the engine reads a manager: trimmed, a number as its text), when they are
   * payees; empty for any other row.
   */
  managersNamed(source: string, row: number | undefined): ReadonlySet<string> {
    if (source !== 'attributeChanges' || row === undefined) return NO_ONE;
    if (!this.managers) {
      const managers = new Map<number, Set<string>>();
      asList(this.data.attributeChanges).forEach((e, i) => {
        if (e === null || typeof e !== 'object' || idText(e.attribute) !== 'manager') return;
        const manager = idText(e.value);
        if (manager === undefined || !this.ids.has(manager)) return;
        const at = rowOf(e, i);
        const set = managers.get(at);
        if (set) set.add(manager);
        else managers.set(at, new Set([manager]));
      });
      this.managers = managers;
    }
    return this.managers.get(row) ?? NO_ONE;
  }

  private rowsOf(source: string): Map<number, Set<string>> {
    let rows = this.index.get(source);
    if (rows) return rows;
    rows = new Map();
    const add = (row: number, owner: string | undefined) => {
      if (owner === undefined || owner === '') return;
      const set = rows?.get(row);
      if (set) set.add(owner);
      else rows?.set(row, new Set([owner]));
    };
    switch (source) {
      case 'payees':
        this.payees.forEach((p, i) => {
          add(rowOf(p, i), idText(p?.id));
        });
        break;
      case 'quotas':
      case 'adjustments':
      case 'territoryAssignments':
      case 'attributeChanges':
        asList<{ row?: number; payee?: unknown }>(this.data[source]).forEach((e, i) => {
          add(rowOf(e, i), idText(e?.payee));
        });
        break;
      case 'fx':
        break;
      default:
        asList(this.data.records?.[source]).forEach((record, i) => {
          const values = record?.values;
          if (values === null || typeof values !== 'object') return;
          for (const value of Object.values(values)) {
            const id = idText(value);
            if (id !== undefined && this.ids.has(id)) add(rowOf(record, i), id);
          }
        });
    }
    this.index.set(source, rows);
    return rows;
  }
}
