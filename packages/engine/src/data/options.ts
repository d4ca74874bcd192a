/**
 * Options of a calculation run.
 */

import type { Statement } from '../results/results.js';

/** How bad data is handled. */
export type CalculationMode = 'strict' | 'lenient';

/** What to calculate, and how. */
export interface CalculateOptions {
  /**
   * The periods to calculate, in the plan's period kind: `2026-Q1` (quarter), `2026-03` (month),
   * `2026-H1` (half), `FY2026` (year). A fiscal year is named by the calendar year it starts in:
   * with `fiscal year starts february`, `FY2026` and the quarters `2026-Q1` ... `2026-Q4` run from
   * 2026-02-01 to 2027-01-31. A month is always the calendar month. Earlier periods of the same
   * fiscal year are evaluated too when year-to-date values need them, but only these get
   * statements. Periods outside the plan's effective dates get no statements.
   */
  periods: string[];
  /**
   * `strict`: any data error fails the run: `errors` lists all of them and there are no
   * statements. `lenient`: bad rows are left out and listed in `rejected`; the rest is calculated.
   */
  mode: CalculationMode;
  /** The date of the run (`YYYY-MM-DD`), the value of `today`. Absent: the last day of the last period. */
  asOf?: string;
  /**
   * Receives each statement as soon as it is complete, in the order of `Results.statements`;
   * the statements are then not kept (`statements` is empty), so that a run over millions of
   * records can write its statements out without holding all of them.
   */
  onStatement?: (statement: Statement) => void;
}
