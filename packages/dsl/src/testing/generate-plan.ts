/**
 * `generatePlan(lines, seed)`: a deterministic, realistic, valid plan of about the requested number
 * of lines, for benchmarks. The same arguments always give the same text.
 */
import { tidyLayout } from './layout.js';
import { addDeclaration, startPlan } from './plan-gen.js';
import { SeededRandom } from './random.js';

/** Lines a declaration takes in the tidy layout, with the blank line and doc comment before it. */
function lineCount(lines: readonly string[], doc: string | undefined): number {
  return lines.length + 1 + (doc === undefined ? 0 : 1);
}

/**
 * A valid plan of about `lines` lines (at least the fixed start of a plan, about 40 lines), built
 * from `seed` with a seeded pseudo-random generator.
 */
export function generatePlan(lines: number, seed: number): string {
  const random = new SeededRandom(seed);
  const { state, plan } = startPlan(random);
  let total = 3 + plan.headers.length + plan.declarations.reduce((n, d) => n + lineCount(d.lines, d.doc), 0);
  while (total < lines) {
    addDeclaration(state, plan);
    const added = plan.declarations[plan.declarations.length - 1];
    if (added === undefined) break;
    total += lineCount(added.lines, added.doc);
  }
  return tidyLayout(plan);
}
