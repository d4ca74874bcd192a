/**
 * `attain run` over damaged data directories: truncated files, stray quotes, byte-order marks,
 * CRLF or CR line ends, missing or repeated headers, binary junk, empty files, huge cells,
 * semicolons, invisible characters and broken data.json or --previous files. Whatever the damage,
 * the run never throws, exits with a documented code (0, 1 or 2), and a run that stops says why
 * on stderr, naming the damaged file (and the line or row of a mistake inside it) in lines that
 * stay short and hold no control characters.
 *
 * Runs in-process (`main`, as `attain` does). ATTAIN_FUZZ_RUNS raises the number of runs
 * (default 400, about 5 to 10 s).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealsCsv, payeesCsv } from '../test-support/data.js';
import { validPlan } from '../test-support/plans.js';
import { run } from '../test-support/run.js';

const runs = Number(process.env.ATTAIN_FUZZ_RUNS ?? '400');

let root = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'attain-fuzz-'));
  await writeFile(join(root, 'plan.attain'), validPlan);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const encoder = new TextEncoder();

/** A data.json of the same payees and deals as the CSV files. */
function dataJson(): string {
  const rows = (csv: string) => {
    const [head = '', ...lines] = csv.trim().split('\n');
    const columns = head.split(',');
    return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell])));
  };
  const payees = rows(payeesCsv).map(({ id, name, manager, quarterly_quota }) => ({
    id,
    name,
    ...(manager ? { manager } : {}),
    attributes: { quarterly_quota },
  }));
  const deals = rows(dealsCsv).map((values, i) => ({ row: i + 1, values }));
  return JSON.stringify({ payees, records: { deals } }, null, 2);
}

/** The results of an earlier run, as --format json writes them (a small hand-made one). */
const previousJson = JSON.stringify(
  {
    meta: { plan: { name: 'Inside Sales' }, currency: 'USD', periods: ['2025-Q4'] },
    statements: [],
    errors: [],
  },
  null,
  2,
);

/** One way of damaging a file's bytes. */
type Damage =
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'junk'; at: number; bytes: Uint8Array }
  | { kind: 'bom'; times: number }
  | { kind: 'line-ends'; end: '\r\n' | '\r' }
  | { kind: 'drop-first-line' }
  | { kind: 'repeat-first-column' }
  | { kind: 'separator'; by: ';' | '\t' }
  | { kind: 'huge'; at: number; length: number }
  | { kind: 'empty' }
  | { kind: 'utf16' };

/** Characters a spreadsheet or a paste leaves in data: quotes, separators, invisible ones. */
const oddTexts = [
  '"',
  '""',
  ',',
  ';',
  '\n',
  '\r',
  '\t',
  '\u0000',
  '\u001b[31m',
  '\u200b',
  '\u00a0',
  '\ufeff',
  '\u2028',
  '{',
  '}',
  ']',
  '[',
  ':',
  'é',
];

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...oddTexts) }),
  fc.record({
    kind: fc.constant('junk' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 40 }),
  }),
  fc.record({ kind: fc.constant('bom' as const), times: fc.integer({ min: 1, max: 2 }) }),
  fc.record({
    kind: fc.constant('line-ends' as const),
    end: fc.constantFrom('\r\n' as const, '\r' as const),
  }),
  fc.constant({ kind: 'drop-first-line' as const }),
  fc.constant({ kind: 'repeat-first-column' as const }),
  fc.record({ kind: fc.constant('separator' as const), by: fc.constantFrom(';' as const, '\t' as const) }),
  fc.record({
    kind: fc.constant('huge' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1_000, max: 200_000 }),
  }),
  fc.constant({ kind: 'empty' as const }),
  fc.constant({ kind: 'utf16' as const }),
);

function splice(bytes: Uint8Array, at: number, insert: Uint8Array, remove = 0): Uint8Array {
  const i = bytes.length === 0 ? 0 : at % (bytes.length + 1);
  const out = new Uint8Array(bytes.length - Math.min(remove, bytes.length - i) + insert.length);
  out.set(bytes.subarray(0, i));
  out.set(insert, i);
  out.set(bytes.subarray(Math.min(bytes.length, i + remove)), i + insert.length);
  return out;
}

function apply(bytes: Uint8Array, d: Damage): Uint8Array {
  const text = () => new TextDecoder().decode(bytes);
  switch (d.kind) {
    case 'truncate':
      return bytes.subarray(0, bytes.length === 0 ? 0 : d.at % bytes.length);
    case 'insert':
      return splice(bytes, d.at, encoder.encode(d.text));
    case 'junk':
      return splice(bytes, d.at, d.bytes);
    case 'bom':
      return splice(
        bytes,
        0,
        new Uint8Array(Array.from({ length: d.times }, () => [0xef, 0xbb, 0xbf]).flat()),
      );
    case 'line-ends':
      return encoder.encode(text().replace(/\r?\n/g, d.end));
    case 'drop-first-line':
      return encoder.encode(text().replace(/^[^\n]*\n?/, ''));
    case 'repeat-first-column':
      return encoder.encode(text().replace(/^([^,\n]*)/, '$1,$1'));
    case 'separator':
      return encoder.encode(text().replaceAll(',', d.by));
    case 'huge':
      return splice(bytes, d.at, encoder.encode('x'.repeat(d.length)));
    case 'empty':
      return new Uint8Array(0);
    case 'utf16': {
      const t = text();
      const out = new Uint8Array(2 + t.length * 2);
      out.set([0xff, 0xfe]);
      for (let i = 0; i < t.length; i++) {
        out[2 + i * 2] = t.charCodeAt(i) & 0xff;
        out[3 + i * 2] = t.charCodeAt(i) >> 8;
      }
      return out;
    }
  }
}

/** A data directory: CSV files or a data.json, with --previous or not, and the files damaged. */
const scenario = fc.record({
  layout: fc.constantFrom('csv' as const, 'json' as const),
  target: fc.constantFrom('payees' as const, 'records' as const, 'previous' as const),
  damages: fc.array(damage, { minLength: 1, maxLength: 3 }),
  format: fc.constantFrom('table', 'json', 'csv'),
  strict: fc.boolean(),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** deals.csv damaged, printed as CSV (rejected rows on stderr). */
const csvDeals = { layout: 'csv', target: 'records', format: 'csv', strict: false } as const;

let made = 0;

/** Writes the scenario's directory; returns it and the file that was damaged, as the run names it. */
async function writeScenario(s: Scenario): Promise<{ dir: string; damaged: string; argv: string[] }> {
  const dir = join(root, `case-${made++}`);
  await mkdir(join(dir, 'data'), { recursive: true });
  await writeFile(join(dir, 'plan.attain'), validPlan);
  const files: Record<string, string> =
    s.layout === 'csv'
      ? { 'data/payees.csv': payeesCsv, 'data/deals.csv': dealsCsv }
      : { 'data/data.json': dataJson() };
  files['q4.json'] = previousJson;
  const damaged =
    s.target === 'previous'
      ? 'q4.json'
      : s.layout === 'json'
        ? 'data/data.json'
        : s.target === 'payees'
          ? 'data/payees.csv'
          : 'data/deals.csv';
  for (const [path, text] of Object.entries(files)) {
    let bytes: Uint8Array = encoder.encode(text);
    if (path === damaged) for (const d of s.damages) bytes = apply(bytes, d);
    await writeFile(join(dir, path), bytes);
  }
  const argv = ['run', 'plan.attain', '--data', 'data', '--period', '2026-Q1', '--previous', 'q4.json'];
  argv.push('--format', s.format);
  if (s.strict) argv.push('--strict');
  return { dir, damaged, argv };
}

/** Control characters other than the line feed: a terminal would act on them, or hide them. */
function hasControl(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return true;
  }
  return false;
}

/** A line of stderr may quote data, cut: never a whole huge cell or a whole file. */
const longestLine = 2_000;

describe('attain run over damaged data', () => {
  it(`never throws, exits 0, 1 or 2, and names the damaged file and place (${runs} runs)`, {
    timeout: Math.max(30_000, runs * 60),
  }, async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const { dir, damaged, argv } = await writeScenario(s);
        const { code, stderr } = await run(argv, { cwd: dir });
        expect([0, 1, 2]).toContain(code);
        for (const line of stderr.split('\n')) {
          expect(line.length, line.slice(0, 400)).toBeLessThanOrEqual(longestLine);
          expect(hasControl(line), JSON.stringify(line.slice(0, 400))).toBe(false);
        }
        if (code === 2) {
          // The run could not start: the damaged file is named (or, CSV files of deals without
          // usable payees, the payees file it depends on is read fine and the damaged one named).
          expect(stderr).toContain(damaged);
          const problems = stderr
            .split('\n')
            .filter((line) => line.startsWith('attain: ') && !line.startsWith('attain: warning'));
          expect(problems.length).toBeGreaterThan(0);
          for (const problem of problems) {
            // A mistake inside a file is placed: its line and column (as a compiler names them),
            // or, for bytes that are not UTF-8, its line.
            if (/not valid (CSV|JSON)/.test(problem)) expect(problem).toMatch(/^attain: [^ ]+:\d+:\d+: /);
            if (/not UTF-8|UTF-16/.test(problem)) expect(problem).toMatch(/\(line \d+/);
          }
        }
        if (code === 1) expect(stderr).toMatch(/data error/);
        await rm(dir, { recursive: true, force: true });
      }),
      {
        numRuns: runs,
        // Damage each of these runs met before: tried first, whatever the seed.
        examples: [
          // A cell of 5,000 characters in the header ("owxxx…"): "its columns are" quoted it whole.
          [{ ...csvDeals, damages: [{ kind: 'huge', at: 5, length: 5_000 }] }],
          // An escape character in D1's key and an x in its amount: the key went to stderr raw.
          [
            {
              ...csvDeals,
              damages: [
                { kind: 'insert', at: 42, text: 'x' },
                { kind: 'insert', at: 34, text: '\u001b[31m' },
              ],
            },
          ],
          // A quote opening D1's amount, never closed: the message named row 1, not the line.
          [{ ...csvDeals, damages: [{ kind: 'insert', at: 41, text: '"' }] }],
          // A DEL and a NUL before data.json's text: the DEL went to stderr raw in what was found.
          [
            {
              layout: 'json',
              target: 'payees',
              damages: [{ kind: 'junk', at: 0, bytes: Uint8Array.from([127, 0]) }],
              format: 'table',
              strict: false,
            },
          ],
          // A DEL in Ada's quota: the engine's data error quotes it (JSON.stringify keeps a DEL).
          [
            {
              layout: 'csv',
              target: 'payees',
              damages: [{ kind: 'insert', at: 74, text: '\u007f' }],
              format: 'csv',
              strict: false,
            },
          ],
          // A manager of 2,000 characters: the engine's warning quoted it whole.
          [
            {
              layout: 'csv',
              target: 'payees',
              damages: [{ kind: 'insert', at: 102, text: 'x'.repeat(2_000) }],
              format: 'csv',
              strict: false,
            },
          ],
        ],
      },
    );
  });
});
