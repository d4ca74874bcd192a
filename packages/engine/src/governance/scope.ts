/**
 * `scope(results, viewer, payees, data?)`: the part of the results a viewer may see.
 */
import type { Payee } from '../data/dataset.js';
import type { Results } from '../results/results.js';
import { RowOwners, type ScopeData } from './row-owners.js';
import { type Viewer, visiblePayees } from './viewer.js';

/**
 * The results as `viewer` may see them. Finance and admin see everything (a copy of the lists);
 * a rep sees their own statements, a manager those of their team and their own (see
 * {@link visiblePayees}). For a rep or a manager:
 *
 * - `statements`: those of visible payees (with their credits, earnings, metrics and signals);
 * - `warnings`: those naming a visible payee; a warning that names no payee (about a record,
 *   before crediting decides whose it is) is left out;
 * - `errors` (strict mode) and `rejected` (lenient mode): those about a row whose owners are all
 *   visible and that has at least one owner (see {@link RowOwners}). Rows naming another payee,
 *   FX rates and rows naming no payee are left out, so nothing about other payees leaks through
 *   an error's key or reason. Without `data`, only `payees` rows can be attributed, so only their
 *   errors are kept.
 *
 * `meta` is kept as is. The input is never changed; statement objects are shared, not copied.
 * `payees` are the dataset's payees (the hierarchy); `data` the rest of the dataset, to attribute
 * rows of sources, quotas, adjustments, territory assignments and attribute changes.
 */
export function scope(results: Results, viewer: Viewer, payees: readonly Payee[], data?: ScopeData): Results {
  const visible = visiblePayees(viewer, payees);
  if (visible === 'everyone')
    return {
      meta: results.meta,
      errors: [...results.errors],
      rejected: [...results.rejected],
      warnings: [...results.warnings],
      statements: [...results.statements],
    };
  const sees = new Set(visible);
  const owners = new RowOwners(payees, data);
  const rowVisible = (source: string, row: number | undefined, key: string | undefined): boolean => {
    const named = owners.of(source, row, key);
    if (named.size === 0) return false;
    for (const id of named) if (!sees.has(id)) return false;
    return true;
  };
  return {
    meta: results.meta,
    errors: results.errors.filter((e) => rowVisible(e.source, e.row, e.key)),
    rejected: results.rejected.filter((r) => rowVisible(r.source, r.row, r.key)),
    warnings: results.warnings.filter((w) => w.payee !== undefined && sees.has(w.payee)),
    statements: results.statements.filter((s) => sees.has(s.payee)),
  };
}
