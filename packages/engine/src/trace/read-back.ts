/**
 * Reading results for `explain` as they may come back from a file or over the wire: any JSON.
 * Each part `explain` reads is taken as it is when it has the shape of the results, else as the
 * part of that shape it holds: a list that is not one is empty, an entry of a list that is not
 * an object is left out, a trace that is not one names its rule and nothing else, a record that
 * is not one is no record. Values are not checked here: a sentence says a value where a number
 * belongs is not one (`notANumber` in sentence.ts). Results as `calculate` returns them come out
 * as they are, the same objects.
 */
import { isObject } from '../data/values.js';
import { NO_RANGE } from '../payout/rules.js';
import type { CreditLine, CreditResult, RuleRef, Statement, Trace, TraceInput } from '../results/results.js';

const isText = (value: unknown): value is string => typeof value === 'string';

/** The objects of a list; the list itself when every entry is one, an empty list for a non-list. */
export function objectsOf<T>(value: unknown): T[] {
  if (!Array.isArray(value)) return [];
  return (value.every(isObject) ? value : value.filter(isObject)) as T[];
}

/** A record reference: an object naming its source; `undefined` for anything else. */
function isRecord(value: unknown): boolean {
  return isObject(value) && isText(value.source);
}

/** Trace inputs: named objects, their constants a list of objects (else none). */
function inputsOf(value: unknown): TraceInput[] {
  const inputs = objectsOf<TraceInput>(value);
  const good = inputs.every(
    (i) => isText(i.name) && (i.constants === undefined || Array.isArray(i.constants)),
  );
  if (good && inputs.every((i) => i.constants === undefined || i.constants.every(isObject))) return inputs;
  return inputs
    .filter((i) => isText(i.name))
    .map((i) => {
      if (i.constants === undefined) return i;
      const constants = objectsOf<NonNullable<TraceInput['constants']>[number]>(i.constants);
      const { constants: _, ...rest } = i;
      return constants.length > 0 ? { ...rest, constants } : rest;
    });
}

/** `value` as a trace; `rule` names its rule when it names none (see the module comment). */
export function readTrace(value: unknown, rule: RuleRef): Trace {
  if (!isObject(value)) return { rule, range: NO_RANGE, inputs: [] };
  const t = value as unknown as Trace;
  const goodRule =
    isObject(t.rule) && isText(t.rule.name) && (t.rule.label === undefined || isText(t.rule.label));
  const inputs = inputsOf(t.inputs);
  const goodTier = t.tier === undefined || isObject(t.tier);
  const goodBands = t.bands === undefined || (Array.isArray(t.bands) && t.bands.every(isObject));
  const goodRecords = t.records === undefined || (Array.isArray(t.records) && t.records.every(isRecord));
  const goodText = t.text === undefined || isText(t.text);
  if (goodRule && inputs === t.inputs && goodTier && goodBands && goodRecords && goodText) return t;
  const trace: Trace = { rule: goodRule ? t.rule : rule, range: t.range ?? NO_RANGE, inputs };
  if (isObject(t.tier)) trace.tier = t.tier;
  if (Array.isArray(t.bands)) trace.bands = objectsOf(t.bands);
  if (Array.isArray(t.records)) trace.records = t.records.filter(isRecord);
  if (isText(t.text)) trace.text = t.text;
  return trace;
}

/** A credit line: its record an object naming its source, `via` an object, `inputs` a list. */
function readLine(line: CreditLine): CreditLine | undefined {
  if (!isRecord(line.record)) return undefined;
  const via = line.via;
  const goodVia = via === undefined || (isObject(via) && (via.split === undefined || isRecord(via.split)));
  const inputs = line.inputs === undefined ? undefined : inputsOf(line.inputs);
  if (goodVia && inputs === line.inputs) return line;
  const read: CreditLine = { ...line };
  if (!goodVia) delete read.via;
  if (inputs === undefined || !Array.isArray(line.inputs)) delete read.inputs;
  else read.inputs = inputs;
  return read;
}

/** A credit: its lines a list of lines (see {@link readLine}), its trace a trace. */
export function readCredit(credit: CreditResult): CreditResult {
  const lines = objectsOf<CreditLine>(credit.lines);
  const read = lines.map(readLine).filter((l): l is CreditLine => l !== undefined);
  const trace = readTrace(credit.trace, { kind: 'credit', name: String(credit.name) });
  const same = read.length === lines.length && read.every((l, i) => l === lines[i]);
  if (same && lines === credit.lines && trace === credit.trace) return credit;
  return { ...credit, lines: read, trace };
}

/** The lists of a statement `explain` reads, each a list of objects (see {@link objectsOf}). */
export function readStatement(statement: Statement): Statement {
  const parts = ['earnings', 'credits', 'measures', 'metrics', 'quotas', 'adjustments'] as const;
  if (parts.every((p) => Array.isArray(statement[p]) && (statement[p] as unknown[]).every(isObject)))
    return statement;
  const read = { ...statement };
  for (const p of parts) (read as Record<string, unknown>)[p] = objectsOf(statement[p]);
  return read;
}
