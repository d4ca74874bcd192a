/** Test helper: the paths of the repository's example plans (`examples/<name>/plan.attain`). */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const examplesDir = join(import.meta.dirname, '..', '..', '..', 'examples');

/** Every `examples/<name>/plan.attain` that exists, in directory order. */
export const examplePlans: string[] = readdirSync(examplesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => join(examplesDir, entry.name, 'plan.attain'))
  .filter((path) => existsSync(path));
