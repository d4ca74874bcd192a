/**
 * A payroll job from Node, one quarter at a time: the Enterprise AE plan over its example data
 * (examples/enterprise-ae), each quarter calculated with the results of the quarters before it,
 * so that draws, holdbacks and corrections carry over. Prints each quarter's payroll totals, the
 * first statements, and the sentence that explains one commission line.
 *
 *   pnpm build && node examples/api/payroll.mjs
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { readDataset } from '@attain/cli';
import { compile } from '@attain/dsl';
import { calculate, explain } from '@attain/engine';

const example = new URL('../enterprise-ae/', import.meta.url);

// 1. The plan: compile checks it before anything runs; errors are data, with ranges.
const { plan, diagnostics } = compile(await readFile(new URL('plan.attain', example), 'utf8'));
if (!plan) {
  for (const d of diagnostics) console.error(`plan.attain:${d.range.start.line + 1}: ${d.code} ${d.message}`);
  process.exit(1);
}

// 2. The data, read as `attain run --data` reads it (payees.csv, deals.csv, fx.csv, ...).
const read = await readDataset(fileURLToPath(new URL('data', example)), plan);
if (!read.dataset) {
  for (const problem of read.problems) console.error(problem);
  process.exit(1);
}

/** `"1234.50"` as cents (payouts are strings with 2 decimals): money never goes through a float. */
const cents = (amount) => {
  const [whole, fraction = ''] = amount.replace('-', '').split('.');
  const value = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return amount.startsWith('-') ? -value : value;
};
const money = (value) => {
  const abs = value < 0n ? -value : value;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0n ? '-' : ''}${whole}.${String(abs % 100n).padStart(2, '0')}`;
};

// 3. Quarter by quarter: each run gets every statement paid before it as `previous`.
let paid = [];
let q1;
for (const period of ['2026-Q1', '2026-Q2']) {
  const previous =
    paid.length === 0
      ? undefined
      : { meta: q1.meta, errors: [], rejected: [], warnings: [], statements: paid };
  const results = calculate(plan, { ...read.dataset, previous }, { periods: [period], mode: 'strict' });
  if (results.errors.length > 0) {
    // Strict mode: any bad row stops the payroll. Each error names its source, row and field.
    for (const e of results.errors) console.error(`${read.fileOf(e.source)} row ${e.row}: ${e.reason}`);
    process.exit(1);
  }
  q1 ??= results;
  const own = results.statements.filter((s) => s.period === period && !s.reported);
  const total = own.reduce((sum, s) => sum + cents(s.payout), 0n);
  console.log(`${period}: ${own.length} statements, payout ${money(total)} ${plan.header.currency}`);
  // Warnings are data too: money left unsettled, balances started without earlier results...
  for (const w of results.warnings) console.log(`  warning ${w.code}: ${w.message}`);
  for (const s of own.slice(0, 3)) {
    const carried = Object.entries(s.balances)
      .map(([name, amount]) => `${name} ${money(cents(amount))}`)
      .join(', ');
    console.log(
      `  ${s.payeeName.padEnd(16)} payout ${money(cents(s.payout)).padStart(10)}${carried ? `  carried: ${carried}` : ''}`,
    );
  }
  paid = [...paid, ...own];
}

// 4. Every number explains itself: why did Maya's deal D-1003 pay what it did?
const why = explain(q1, { payee: 'ae-001', period: '2026-Q1', earning: 'new_business', line: 'D-1003' });
console.log(`\n${why?.sentence}`);
