/**
 * Helpers for the engine's tests: compile a small plan, build datasets tersely. Not exported by
 * the package.
 */
import { compile, type Plan } from '@attain/dsl';
import { calculate } from './calculate.js';
import type { DataRecord, Dataset, Payee, RawValue } from './data/dataset.js';
import type { CalculateOptions } from './data/options.js';
import type { Results, Statement } from './results/results.js';

/** Compiles plan text, failing loudly on any error diagnostic. */
export function planOf(text: string): Plan {
  const { plan, diagnostics } = compile(text);
  if (!plan) {
    const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
    throw new Error(`plan does not compile:\n${errors.join('\n')}`);
  }
  return plan;
}

/** Wraps declarations in a quarterly USD plan for 2026 (calendar fiscal year). */
export function quarterly(body: string, header = ''): string {
  return `plan "Test" version "1" {
  currency USD
  period quarter
  effective 2026-01-01 to 2026-12-31
  ${header}
  ${body}
}`;
}

/** Records from plain objects, rows numbered from 1. */
export function rows(...values: Record<string, RawValue>[]): DataRecord[] {
  return values.map((v, i) => ({ row: i + 1, values: v }));
}

/** A payee with attributes. */
export function payee(
  id: string,
  attributes: Record<string, RawValue> = {},
  extra: Partial<Payee> = {},
): Payee {
  return { id, name: id.toUpperCase(), attributes, ...extra };
}

/** Runs a calculation in strict mode unless told otherwise. */
export function run(
  plan: Plan,
  data: Partial<Dataset>,
  periods: string[],
  options: Partial<CalculateOptions> = {},
): Results {
  return calculate(plan, { payees: [], records: {}, ...data }, { periods, mode: 'strict', ...options });
}

/** The statement of a payee in a period, failing when there is none. */
export function statement(results: Results, payeeId: string, period: string): Statement {
  const s = results.statements.find((x) => x.payee === payeeId && x.period === period);
  if (!s) {
    const problems = JSON.stringify(
      { errors: results.errors, rejected: results.rejected, warnings: results.warnings },
      null,
      1,
    );
    throw new Error(`no statement for ${payeeId} in ${period}: ${problems}`);
  }
  return s;
}

/** An earning's amount on a statement. */
export function earned(s: Statement, name: string): string {
  const e = s.earnings.find((x) => x.name === name);
  if (!e) throw new Error(`no earning ${name} on the statement of ${s.payee} ${s.period}`);
  return e.amount;
}
