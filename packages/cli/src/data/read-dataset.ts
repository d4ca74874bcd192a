/**
 * `readDataset`: the data directory `attain run --data` reads, as a library call, for hosts that
 * call the engine themselves (a payroll job, an estimator, a CI check over real data).
 */
import type { Plan } from '@attain/dsl';
import type { Dataset } from '@attain/engine';
import { createNodeIo, type Io } from '../io.js';
import { Progress } from '../output/progress.js';
import { loadData } from './load-data.js';

/** What {@link readDataset} takes besides the path and the plan. */
export interface ReadDatasetOptions {
  /** Where files are read from: the process's file system by default (`createNodeIo()`). */
  io?: Io;
  /** Files of earlier results (`attain run --format json` output), merged into `previous`. */
  previous?: readonly string[];
}

/**
 * The dataset, or the problems that stopped it; `warnings` name data that nothing reads either
 * way. `fileOf` names the file a part of the dataset came from (`deals` ->
 * `examples/sdr/data/deals.csv`), to point the engine's errors (source and row) at files.
 */
export type ReadDatasetResult =
  | { dataset: Dataset; fileOf: (section: string) => string; warnings: string[]; problems?: undefined }
  | { dataset?: undefined; problems: string[]; warnings: string[] };

/**
 * Reads the data at `path` for `plan` as `attain run --data` does: a directory of CSV files
 * (`payees.csv`, one `<source>.csv` per source, and the optional `fx.csv`, `quotas.csv`,
 * `adjustments.csv`, `territory_assignments.csv`, `payee_attributes.csv`), a directory holding
 * `data.json`, or a JSON file of the `Dataset` shape. Relative paths are read from `io.cwd`. Never rejects for a problem
 * with the data: missing files or columns and unreadable files come back as `problems`; the
 * values themselves are checked by `calculate`.
 */
export async function readDataset(
  path: string,
  plan: Plan,
  options: ReadDatasetOptions = {},
): Promise<ReadDatasetResult> {
  const io = options.io ?? createNodeIo();
  const loaded = await loadData(io, path, plan, new Progress(io.stderr, 'never'), options.previous);
  if (loaded.problems) return { problems: loaded.problems, warnings: loaded.warnings ?? [] };
  return { dataset: loaded.dataset, fileOf: loaded.origin.fileOf, warnings: loaded.warnings };
}
