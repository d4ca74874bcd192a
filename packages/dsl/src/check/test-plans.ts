/**
 * Helpers for the checker's tests: a base plan with one field of every type, a way to type one
 * expression inside it, and assertions on a diagnostic's code, severity and exact range.
 */
import { expect } from 'vitest';
import { analyze } from '../compile.js';
import { type Code, codes } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LetDecl } from '../syntax/ast.js';
import { formatType } from './types.js';

/** The required header settings. */
export const HEADER = 'currency USD\n  period quarter\n  effective 2026-01-01 to 2026-12-31';

/** Declarations with one field of every type, a credit, a quota, tables and a curve. */
export const BASE = `
  source deals {
    id: Text key
    owner: Payee owner
    amount: Money
    eur_amount: Money(EUR)
    close_date: Date dated
    stage: Text
    region: Text
    term_months: Integer
    probability: Percent
    score: Number
    is_renewal: Boolean
    quarter: Period
    partner: Payee
  }
  payee { ote: Money, base: Money, hire_date: Date, annual_quota: Money, region: Text }
  quota q = payee.annual_quota
  credit bookings from deals { to owner }
  measure attainment = bookings / q
  rate table rates on attainment marginal {
    0% to 100% : 5%
    100% and up : 10%
  }
  lookup table product_rates by product {
    "A" : 5%
    otherwise : 1%
  }
  pay curve payout on attainment {
    0% : 0%
    100% : 100%
  }
  earning comm = tiered(bookings, rates) + q * rate(rates)
`;

/** A whole plan: the header, then `body`. */
export function planText(body: string, header = HEADER): string {
  return `plan "Test" {\n  ${header}\n${body}\n}\n`;
}

/** Diagnostics that are not about the test itself (unused definitions of the base plan). */
function relevant(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.code !== 'AT2006');
}

/** The checked diagnostics of the base plan plus `decls` (unused-definition warnings left out). */
export function checkDecls(decls: string, base = BASE): Checked {
  const text = planText(`${base}\n${decls}`);
  return { text, diagnostics: relevant(analyze(text).diagnostics), at: text.length - decls.length - 3 };
}

/** Checked text: the whole plan, its diagnostics, and where the text under test starts. */
export interface Checked {
  text: string;
  diagnostics: Diagnostic[];
  at: number;
}

/** The type of `expr` written in the base plan (as `let probe = expr`), with the diagnostics. */
export function probe(expr: string, extra = ''): Probe {
  const text = planText(`${BASE}\n${extra}\n  let probe = ${expr}\n`);
  const analysis = analyze(text);
  const decl = analysis.file.plan?.items.find(
    (i): i is LetDecl => i.kind === 'Let' && i.name?.text === 'probe',
  );
  const type = decl?.value ? formatType(analysis.types.typeOf(decl.value)) : 'none';
  return {
    type,
    text,
    diagnostics: relevant(analysis.diagnostics),
    at: text.lastIndexOf('let probe = ') + 'let probe = '.length,
  };
}

/** A typed expression: its type, the plan text, the diagnostics and where the expression starts. */
export interface Probe extends Checked {
  type: string;
}

/**
 * The offsets of `snippet` in `text`: its `occurrence`-th (0-based) occurrence, or with
 * `{ after }` the first one at or after that offset.
 */
export function offsetsOf(
  text: string,
  snippet: string,
  occurrence: number | { after: number } = 0,
): { start: number; end: number } {
  let start: number;
  if (typeof occurrence === 'number') {
    start = -1;
    for (let i = 0; i <= occurrence; i++) {
      start = text.indexOf(snippet, start + 1);
      if (start < 0) break;
    }
  } else {
    start = text.indexOf(snippet, occurrence.after);
  }
  if (start < 0) throw new Error(`${JSON.stringify(snippet)} not found`);
  return { start, end: start + snippet.length };
}

/**
 * Asserts that exactly one diagnostic has `code`, with the code's default severity and a range
 * covering exactly `snippet` (by default its first occurrence in the text under test); returns it.
 */
export function expectOne(
  result: Checked,
  code: Code,
  snippet: string,
  occurrence: number | { after: number } = { after: result.at },
): Diagnostic {
  const found = result.diagnostics.filter((d) => d.code === code);
  expect(
    found,
    `diagnostics: ${JSON.stringify(result.diagnostics.map((d) => [d.code, d.message]))}`,
  ).toHaveLength(1);
  const d = found[0] as Diagnostic;
  expect(d.severity).toBe(codes[code].severity);
  const { start, end } = offsetsOf(result.text, snippet, occurrence);
  expect({ start: d.range.start.offset, end: d.range.end.offset }).toEqual({ start, end });
  return d;
}

/** The text a range covers. */
export function textAt(text: string, range: Diagnostic['range']): string {
  return text.slice(range.start.offset, range.end.offset);
}
