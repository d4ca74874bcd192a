/**
 * `pnpm bench`: how fast the plan language compiles and completes, on the example plans and on
 * generated plans of 500, 2,000 and 5,000 lines. Uses the built dist of @attain/dsl (run
 * `pnpm build` first; `pnpm bench` does). Prints figures and ratios; nothing here is asserted.
 */
import { readdir, readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPackage, time } from './measure.mjs';
import { fixed, table } from './table.mjs';

const root = new URL('../', import.meta.url);
const frameBudgetMs = 16;
const generatedSizes = [500, 2000, 5000];
const seed = 1;

/** Every `*.attain` file under examples/, sorted. */
async function examplePlans() {
  const dir = new URL('examples/', root);
  const entries = await readdir(dir, { recursive: true }).catch(() => []);
  const files = entries.filter((path) => path.endsWith('.attain')).sort();
  return Promise.all(
    files.map(async (path) => ({
      name: relative(fileURLToPath(root), fileURLToPath(new URL(path, dir))),
      source: await readFile(new URL(path, dir), 'utf8'),
    })),
  );
}

const lineCount = (text) => text.split('\n').length;

const dsl = await importPackage('dsl');
const { generatePlan } = await importPackage('dsl', './testing');

const plans = await examplePlans();
for (const lines of generatedSizes) {
  plans.push({
    name: `generated ${fixed(lines, 0)} lines`,
    target: lines,
    source: generatePlan(lines, seed),
  });
}

console.log(`Attain benchmark: compile = parse + check + lower; medians of repeated runs after warm-up`);
console.log(`Node ${process.version}, ${process.platform}/${process.arch}\n`);

const rows = [];
const byTarget = new Map();
for (const plan of plans) {
  const lines = lineCount(plan.source);
  const errors = dsl.compile(plan.source).diagnostics.filter((d) => d.severity === 'error').length;
  const { median, runs } = time(() => dsl.compile(plan.source));
  if (plan.target !== undefined) byTarget.set(plan.target, { lines, median, source: plan.source });
  rows.push([
    plan.name,
    fixed(lines, 0),
    `${fixed(median, 2)} ms`,
    fixed(lines / median, 0),
    fixed(runs, 0),
    errors === 0 ? 'ok' : `${errors} error${errors === 1 ? '' : 's'}`,
  ]);
}
console.log(table(['plan', 'lines', 'compile', 'lines/ms', 'runs', 'diagnostics'], rows));
console.log();

const small = byTarget.get(500);
const large = byTarget.get(5000);
const growth = large.median / large.lines / (small.median / small.lines);
console.log(
  `Growth: time per line at ${fixed(large.lines, 0)} lines / at ${fixed(small.lines, 0)} lines = ` +
    `${fixed(growth, 2)} (1.00 is linear)`,
);
const verdict = small.median < frameBudgetMs ? 'under' : 'OVER';
console.log(
  `Frame budget: the ${fixed(small.lines, 0)}-line plan compiles in ${fixed(small.median, 2)} ms, ` +
    `${verdict} the ${frameBudgetMs} ms budget`,
);

// Typing a new definition just before the plan's closing brace: `let bench_probe = b|`, then `bo|`.
const close = large.source.lastIndexOf('}');
const probe = (typed) => ({
  text: `${large.source.slice(0, close)}\n  let bench_probe = ${typed}\n${large.source.slice(close)}`,
  offset: close + '\n  let bench_probe = '.length + typed.length,
});
const requests = [probe('b'), probe('bo')];
const items = dsl.getCompletions(requests[0].text, requests[0].offset).length;
// The language service caches its work for the last text it saw, so asking twice at one place
// measures the cache; alternating two texts measures a request after each keystroke.
const same = time(() => dsl.getCompletions(requests[0].text, requests[0].offset));
let keystroke = 0;
const edited = time(() => {
  const request = requests[keystroke++ % 2];
  dsl.getCompletions(request.text, request.offset);
});
console.log(`Completion at the end of the ${fixed(large.lines, 0)}-line plan (${items} items), median:`);
console.log(`  after a keystroke (new text):    ${fixed(edited.median, 2)} ms (${edited.runs} requests)`);
console.log(`  again at the same text (cached): ${fixed(same.median, 2)} ms (${same.runs} requests)`);
