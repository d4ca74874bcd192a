/**
 * The numbers of a statement as `attain explain` names them on its command line, and the
 * {@link ResultRef} each name points at:
 *
 * - `payout`
 * - `earning:NAME`, or one of its lines: `earning:NAME:KEY` (the record's key, `row N` without one)
 * - `credit:NAME`, or what it credits the payee for one record: `credit:NAME:KEY`
 * - `measure:NAME` (a measure or a metric), `quota:NAME`
 * - `adjustment:ID` (`adjustment:draw:new_hire_draw`) or `adjustment:NAME` when one line has it
 * - a bare name (`new_business`, `new_business:D-1005`, `draw:new_hire_draw`) when it names one
 *   number of the statement.
 */
import type { ResultRef, Statement } from '@attain/engine';
import { listed } from '../output/plural.js';

/** What {@link ResultRef} points at, without the payee and period. */
export type Target =
  | { earning: string; line?: string }
  | { credit: string; record?: string }
  | { measure: string }
  | { quota: string }
  | { adjustment: string }
  | { payout: true };

/** A number of a statement: its name on the command line and what it points at. */
export interface StatementNumber {
  name: string;
  target: Target;
  /** The name as given on the command line, for a number asked for. */
  asked?: string;
}

/** The ref of `target` on `statement`. */
export function refOf(statement: Statement, target: Target): ResultRef {
  return { payee: statement.payee, period: statement.period, ...target };
}

/**
 * Every number of the statement, in the order the statement reads: credits, quotas, measures,
 * each earning and its lines of one record, adjustments and the payout. An earning line without a
 * record (an earning paid on the period's total) is the earning itself and is not listed again;
 * metrics and credit lines are explained when named.
 */
export function statementNumbers(statement: Statement): StatementNumber[] {
  const numbers: StatementNumber[] = [];
  for (const credit of statement.credits)
    numbers.push({ name: `credit:${credit.name}`, target: { credit: credit.name } });
  for (const quota of statement.quotas)
    numbers.push({ name: `quota:${quota.name}`, target: { quota: quota.name } });
  for (const measure of statement.measures)
    numbers.push({ name: `measure:${measure.name}`, target: { measure: measure.name } });
  for (const earning of statement.earnings) {
    numbers.push({ name: `earning:${earning.name}`, target: { earning: earning.name } });
    for (const line of earning.lines) {
      if (line.record === undefined) continue;
      const key = lineKey(earning.name, line.id);
      numbers.push({ name: `earning:${earning.name}:${key}`, target: { earning: earning.name, line: key } });
    }
  }
  for (const adjustment of [...statement.adjustments, ...(statement.estimatedAdjustments ?? [])])
    numbers.push({ name: `adjustment:${adjustment.id}`, target: { adjustment: adjustment.id } });
  numbers.push({ name: 'payout', target: { payout: true } });
  return numbers;
}

/** A line's id without its earning's name (`new_business:D-1005` is `D-1005`). */
function lineKey(earning: string, id: string): string {
  return id.startsWith(`${earning}:`) ? id.slice(earning.length + 1) : id;
}

/** The kinds a name may start with, and the word for each in messages. */
const KINDS = {
  earning: 'earning',
  credit: 'credit',
  measure: 'measure',
  metric: 'metric',
  quota: 'quota',
  adjustment: 'adjustment',
} as const;

/** The first few of `names`, for a message: `a, b and c` or `a, b, c and 12 more`. */
export function some(names: readonly string[], most = 8): string {
  if (names.length === 0) return 'none';
  if (names.length <= most + 1) return listed([...names]);
  return `${names.slice(0, most).join(', ')} and ${names.length - most} more`;
}

/**
 * A number found, or why `name` names none: `missing` when the statement has no number of that
 * name (another statement may have it), else a name that is ambiguous.
 */
export type Resolved = { number: StatementNumber } | { problem: string; missing?: true };

/** `rest` split at its first colon: `new_business:D-1005` is `new_business` and `D-1005`. */
function splitFirst(rest: string): [string, string | undefined] {
  const colon = rest.indexOf(':');
  return colon < 0 ? [rest, undefined] : [rest.slice(0, colon), rest.slice(colon + 1)];
}

/**
 * Finds the number `name` points at on `statement`. The name of a line or a record is checked by
 * the explanation itself (a record may credit the payee through several lines).
 */
export function resolveNumber(name: string, statement: Statement): Resolved {
  const text = name.trim();
  if (text === 'payout') return { number: { name: 'payout', target: { payout: true } } };
  const [head, rest] = splitFirst(text);
  if (rest !== undefined && head in KINDS) return resolveKind(head as keyof typeof KINDS, rest, statement);
  return resolveBare(text, statement);
}

function resolveKind(kind: keyof typeof KINDS, rest: string, statement: Statement): Resolved {
  const [named, part] = splitFirst(rest);
  const missing = (what: string, names: readonly string[]): Resolved => ({
    missing: true,
    problem: `${kind}:${rest}: the statement has no ${what} named ${JSON.stringify(kind === 'adjustment' ? rest : named)}; its ${what}s: ${some(names)}`,
  });
  switch (kind) {
    case 'earning': {
      const names = statement.earnings.map((e) => e.name);
      if (!names.includes(named)) return missing('earning', names);
      return {
        number: {
          name: `earning:${rest}`,
          target: part === undefined ? { earning: named } : { earning: named, line: part },
        },
      };
    }
    case 'credit': {
      const names = statement.credits.map((c) => c.name);
      if (!names.includes(named)) return missing('credit', names);
      return {
        number: {
          name: `credit:${rest}`,
          target: part === undefined ? { credit: named } : { credit: named, record: part },
        },
      };
    }
    case 'measure':
    case 'metric': {
      const names = [...statement.measures, ...statement.metrics].map((m) => m.name);
      if (part !== undefined || !names.includes(named)) return missing(kind, names);
      return { number: { name: `${kind}:${named}`, target: { measure: named } } };
    }
    case 'quota': {
      const names = statement.quotas.map((q) => q.name);
      if (part !== undefined || !names.includes(named)) return missing('quota', names);
      return { number: { name: `quota:${named}`, target: { quota: named } } };
    }
    case 'adjustment': {
      const ids = [...statement.adjustments, ...(statement.estimatedAdjustments ?? [])].map((a) => a.id);
      const byName = statement.adjustments.filter((a) => a.name === rest);
      if (ids.includes(rest)) return { number: { name: `adjustment:${rest}`, target: { adjustment: rest } } };
      if (byName.length === 1) {
        const id = (byName[0] as { id: string }).id;
        return { number: { name: `adjustment:${id}`, target: { adjustment: id } } };
      }
      if (byName.length > 1)
        return {
          problem: `adjustment:${rest}: ${byName.length} adjustment lines are named ${rest}; name one by its id: ${some(byName.map((a) => `adjustment:${a.id}`))}`,
        };
      return missing('adjustment', ids);
    }
  }
}

/**
 * A name without a kind: an adjustment's id as a whole, else a name (with a line or record after
 * a colon for an earning or a credit) that only one kind of number of the statement has.
 */
function resolveBare(text: string, statement: Statement): Resolved {
  if ([...statement.adjustments, ...(statement.estimatedAdjustments ?? [])].some((a) => a.id === text))
    return resolveKind('adjustment', text, statement);
  const [named, part] = splitFirst(text);
  const kinds: (keyof typeof KINDS)[] = [];
  if (statement.earnings.some((e) => e.name === named)) kinds.push('earning');
  if (statement.credits.some((c) => c.name === named)) kinds.push('credit');
  if (part === undefined) {
    if (statement.measures.some((m) => m.name === named)) kinds.push('measure');
    else if (statement.metrics.some((m) => m.name === named)) kinds.push('metric');
    if (statement.quotas.some((q) => q.name === named)) kinds.push('quota');
    if (statement.adjustments.some((a) => a.name === named)) kinds.push('adjustment');
  }
  const [kind] = kinds;
  if (kind !== undefined && kinds.length === 1) return resolveKind(kind, text, statement);
  if (kinds.length > 1)
    return {
      problem: `${text} names ${listed(kinds.map((k) => `${/^[aeiou]/.test(k) ? 'an' : 'a'} ${KINDS[k]}`))} on the statement: write ${kinds.map((k) => `${k}:${text}`).join(' or ')}`,
    };
  const names = statementNumbers(statement).map((n) => n.name);
  return {
    missing: true,
    problem: `the statement has no number named ${JSON.stringify(text)}; it has ${some(names, 12)}`,
  };
}
