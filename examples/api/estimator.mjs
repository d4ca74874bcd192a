/**
 * A rep's estimator: "what do I get if this deal closes?". The deal goes into the data as a
 * hypothetical record: it is calculated and shown as an estimate, never counted as earned, so the
 * statement keeps what is really paid (`payout`) next to what it would be (`estimatedPayout`).
 * Tomás Rivera (ae-002, Enterprise AE example) asks about a 60,000 USD deal closing on 28 April.
 *
 *   pnpm build && node examples/api/estimator.mjs
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { readDataset } from '@attain/cli';
import { compile } from '@attain/dsl';
import { calculate, explain } from '@attain/engine';

const example = new URL('../enterprise-ae/', import.meta.url);
const { plan } = compile(await readFile(new URL('plan.attain', example), 'utf8'));
const read = await readDataset(fileURLToPath(new URL('data', example)), plan);
if (!plan || !read.dataset) throw new Error('the example plan and data must load');

const whatIf = {
  hypothetical: true,
  values: {
    id: 'WHATIF-1',
    owner: 'ae-002',
    account: 'Northwind Traders',
    amount: '60000.00',
    close_date: '2026-04-28',
    stage: 'Closed Won',
    term_months: '12',
  },
};
const data = {
  ...read.dataset,
  records: { ...read.dataset.records, deals: [...read.dataset.records.deals, whatIf] },
};
const results = calculate(plan, data, { periods: ['2026-Q1'], mode: 'strict' });
const statement = results.statements.find((s) => s.payee === 'ae-002');
if (!statement) throw new Error('ae-002 has a statement in 2026-Q1');

const commission = statement.earnings.find((e) => e.id === 'new_business');
console.log(`${statement.payeeName}, ${statement.period}`);
console.log(`  payout now:                ${statement.payout} ${statement.currency}`);
console.log(`  if WHATIF-1 closes:        ${statement.estimatedPayout} ${statement.currency}`);
for (const line of commission?.lines ?? []) {
  console.log(
    `  ${line.estimate ? 'estimate' : 'earned  '} ${line.id.padEnd(28)} ${line.amount.padStart(10)}`,
  );
}
const why = explain(results, {
  payee: 'ae-002',
  period: '2026-Q1',
  earning: 'new_business',
  line: 'WHATIF-1',
});
console.log(`\n${why?.sentence}`);
