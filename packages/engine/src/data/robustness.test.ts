/**
 * Fuzzing `calculate` with the example plans and their data (examples/<name>/data, the first rows of
 * each file), mutated as JavaScript callers can: holes in lists, entries that are not objects,
 * values of the wrong kind, NaN and Infinity, huge texts, nested objects (5,000 levels deep too),
 * objects without a prototype, missing fields. Whatever the data, `calculate` never throws; strict mode gives either
 * statements or errors, never both; lenient mode leaves out and lists every row made bad, and
 * names only rows that exist.
 *
 * ATTAIN_FUZZ_RUNS raises the runs per example and mode (default 120, about 15 s of CPU in all).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { compile, type Plan } from '@attain/dsl';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculate } from '../calculate.js';
import type { DataError, Results } from '../results/results.js';
import type { Dataset } from './dataset.js';

const RUNS = Number(process.env.ATTAIN_FUZZ_RUNS ?? 120);
/** Rows read of each file besides payees (all of those are read: records name them). */
const ROWS = 12;
const examples = new URL('../../../../examples/', import.meta.url);

/** The cells of a CSV text, row by row (RFC 4180: quoted cells may hold commas, quotes, newlines). */
function csv(text: string): string[][] {
  const table: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      table.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) table.push([...row, cell]);
  return table.filter((r) => r.some((x) => x !== ''));
}

/** A file's rows as objects by column, without empty cells; the first `limit` rows. */
function objects(file: URL, limit: number): Record<string, string>[] {
  const [header = [], ...rows] = csv(readFileSync(file, 'utf8'));
  return rows.slice(0, limit).map((cells) => {
    const o: Record<string, string> = {};
    header.forEach((name, i) => {
      const v = cells[i] ?? '';
      if (v !== '') o[name] = v;
    });
    return o;
  });
}

const FIXED: Record<string, string> = {
  'fx.csv': 'fx',
  'quotas.csv': 'quotas',
  'adjustments.csv': 'adjustments',
  'territory_assignments.csv': 'territoryAssignments',
  'payee_attributes.csv': 'attributeChanges',
};

interface Example {
  name: string;
  plan: Plan;
  period: string;
  data: Dataset;
}

/** An example's plan, first period and dataset, read the way the CLI lays a data directory out. */
function load(name: string): Example {
  const dir = new URL(`${name}/`, examples);
  const { plan } = compile(readFileSync(new URL('plan.attain', dir), 'utf8'));
  if (!plan) throw new Error(`${name} does not compile`);
  const period = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')).period as string;
  const data: Record<string, unknown> = { records: {} };
  const files = readdirSync(new URL('data/', dir));
  data.payees = objects(new URL('data/payees.csv', dir), Number.POSITIVE_INFINITY).map((p) => {
    const { id, name: payeeName, manager, plan: on, plan_from, plan_to, ...attributes } = p;
    return {
      id,
      name: payeeName,
      ...(manager ? { manager } : {}),
      attributes,
      ...(on ? { plans: [{ plan: on, from: plan_from ?? null, to: plan_to ?? null }] } : {}),
    };
  });
  for (const file of files) {
    const part = FIXED[file];
    if (part) data[part] = objects(new URL(`data/${file}`, dir), ROWS);
  }
  const records = data.records as Record<string, unknown>;
  for (const source of plan.sources)
    if (files.includes(`${source.name}.csv`))
      records[source.name] = objects(new URL(`data/${source.name}.csv`, dir), ROWS).map((values) => ({
        values,
      }));
  return { name, plan, period, data: data as unknown as Dataset };
}

const names = readdirSync(examples).filter((n) => {
  try {
    return readdirSync(new URL(`${n}/data/`, examples)).includes('payees.csv');
  } catch {
    return false;
  }
});

const bare = (): Record<string, unknown> => Object.create(null);
/** A list nested `depth` levels deep: `[[[…]]]`. */
function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Values that are never a valid value of a declared field (whatever its type, optional or not). */
const never = fc.constantFrom<() => unknown>(
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => Number.NEGATIVE_INFINITY,
  () => ({ nested: { deeper: [1, { x: 'y' }] } }),
  () => [],
  () => ['a', 'b'],
  () => bare(),
  () => Object.assign(bare(), { value: '1' }),
  () => nested(5000),
);
/** Values that may or may not be read, but must never break anything. */
const any = fc.oneof(
  never,
  fc.constantFrom<() => unknown>(
    () => 'x'.repeat(100_000),
    () => '9'.repeat(400),
    () => '1e999',
    () => '',
    () => '   ',
    () => true,
    () => null,
    () => undefined,
    () => -0,
    () => '__proto__',
    () => 'constructor',
  ),
  fc.string({ maxLength: 12 }).map((s) => () => s),
);
/** Entries of a list that are not rows at all. */
const notRows = fc.constantFrom<() => unknown>(
  () => null,
  () => 5,
  () => 'row',
  () => [],
  () => Number.NaN,
);

type Mutation =
  | { kind: 'hole'; part: number; at: number }
  | { kind: 'entry'; part: number; at: number; value: () => unknown }
  | { kind: 'field'; part: number; at: number; field: number; value: () => unknown; bad: boolean }
  | { kind: 'drop'; part: number; at: number; field: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('hole' as const), part: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('entry' as const), part: fc.nat(), at: fc.nat(), value: notRows }),
  fc.record({
    kind: fc.constant('field' as const),
    part: fc.nat(),
    at: fc.nat(),
    field: fc.nat(),
    value: never,
    bad: fc.constant(true),
  }),
  fc.record({
    kind: fc.constant('field' as const),
    part: fc.nat(),
    at: fc.nat(),
    field: fc.nat(),
    value: any,
    bad: fc.constant(false),
  }),
  fc.record({ kind: fc.constant('drop' as const), part: fc.nat(), at: fc.nat(), field: fc.nat() }),
);

/** A list of the dataset: its name in errors, the list, and where an entry keeps its fields. */
interface Part {
  source: string;
  list: unknown[];
  /** The object holding the fields of entry `i`, and the names of its fields declared by the plan. */
  fields: (entry: Record<string, unknown>) => Record<string, unknown> | undefined;
  declared: readonly string[];
}

function partsOf(example: Example, data: Dataset): Part[] {
  const parts: Part[] = [];
  const top = (e: Record<string, unknown>) => e;
  parts.push({ source: 'payees', list: data.payees as unknown[], fields: top, declared: ['id', 'name'] });
  for (const source of example.plan.sources) {
    const list = data.records[source.name];
    if (!list) continue;
    parts.push({
      source: source.name,
      list,
      fields: (e) => e.values as Record<string, unknown> | undefined,
      declared: source.fields.map((f) => f.name),
    });
  }
  for (const part of Object.values(FIXED)) {
    const list = (data as unknown as Record<string, unknown[] | undefined>)[part];
    if (list && list.length > 0) parts.push({ source: part, list, fields: top, declared: [] });
  }
  return parts;
}

/** A deep copy of the example's data (mutations must not leak from one run to the next). */
function fresh(example: Example): Dataset {
  return structuredClone(example.data);
}

/**
 * Applies the mutations; returns the rows (by source) that must be reported: a hole, an entry that
 * is not an object, a value that no declared field reads.
 */
function mutate(example: Example, data: Dataset, mutations: Mutation[]): Map<string, Set<number>> {
  const parts = partsOf(example, data);
  /** Rows made bad for good (a hole, an entry that is not a row), by `source row`. */
  const rows = new Map<string, [string, number]>();
  /** Rows made bad by the value of a field, by `source row field`: a later mutation of the field undoes it. */
  const values = new Map<string, [string, number]>();
  for (const m of mutations) {
    const part = parts[m.part % parts.length] as Part;
    if (part.list.length === 0) continue;
    const i = m.at % part.list.length;
    if (m.kind === 'hole' || m.kind === 'entry') {
      if (m.kind === 'hole') delete part.list[i];
      else part.list[i] = m.value();
      rows.set(`${part.source}\u0000${i + 1}`, [part.source, i + 1]);
      continue;
    }
    const entry = part.list[i];
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) continue;
    const fields = part.fields(entry as Record<string, unknown>);
    if (!fields || typeof fields !== 'object') continue;
    const names = Object.keys(fields).filter((n) => n !== 'row');
    if (names.length === 0) continue;
    const name = names[m.field % names.length] as string;
    const at = `${part.source}\u0000${i + 1}\u0000${name}`;
    values.delete(at);
    if (m.kind === 'drop') delete fields[name];
    else {
      fields[name] = m.value();
      if (m.bad && part.declared.includes(name)) values.set(at, [part.source, i + 1]);
    }
  }
  const bad = new Map<string, Set<number>>();
  for (const [source, row] of [...rows.values(), ...values.values()])
    bad.set(source, (bad.get(source) ?? new Set<number>()).add(row));
  return bad;
}

function rowsOf(errors: readonly DataError[]): Map<string, Set<number>> {
  const rows = new Map<string, Set<number>>();
  for (const e of errors) {
    if (e.row === undefined) continue;
    const set = rows.get(e.source) ?? new Set<number>();
    set.add(e.row);
    rows.set(e.source, set);
  }
  return rows;
}

describe('calculate on mutated example data', () => {
  const loaded = names.map(load);

  it('reads the example data without errors before it is mutated', () => {
    expect(loaded.map((e) => e.name).sort()).toEqual(names.slice().sort());
    for (const example of loaded) {
      const results = calculate(example.plan, fresh(example), { periods: [example.period], mode: 'lenient' });
      expect(results.statements.length, example.name).toBeGreaterThan(0);
    }
  });

  for (const mode of ['strict', 'lenient'] as const)
    it.each(names)(`never throws, and reports every bad row (%s, ${mode})`, (name) => {
      const example = loaded.find((e) => e.name === name) as Example;
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
          const data = fresh(example);
          const bad = mutate(example, data, mutations);
          const inputs = new Map(partsOf(example, data).map((p) => [p.source, p.list.length]));
          let results: Results;
          try {
            results = calculate(example.plan, data, { periods: [example.period], mode });
          } catch (e) {
            throw new Error(`calculate threw: ${(e as Error).stack}`);
          }
          const reported = mode === 'strict' ? results.errors : results.rejected.flatMap((r) => r.errors);
          if (mode === 'strict' && results.errors.length > 0) expect(results.statements).toEqual([]);
          if (mode === 'lenient') {
            // Every rejected row is one of the input, listed once.
            const seen = new Set<string>();
            for (const r of results.rejected) {
              const id = `${r.source}#${r.row}`;
              expect(seen.has(id), id).toBe(false);
              seen.add(id);
              const count = inputs.get(r.source);
              if (count !== undefined && r.row !== undefined) expect(r.row).toBeLessThanOrEqual(count);
            }
          }
          // Every row made bad is reported, with its source and row.
          const found = rowsOf(reported);
          for (const [source, rows] of bad)
            for (const row of rows) expect(found.get(source)?.has(row), `${source} row ${row}`).toBe(true);
        }),
        { numRuns: RUNS },
      );
    });
});
