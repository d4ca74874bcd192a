/**
 * The same fiscal Q1 payouts as SQL in DuckDB (in memory), read from the benchmark's CSV files:
 * a window sum gives each deal's running bookings, a macro prices the marginal tiers, lines are
 * rounded to cents, then the cap, President's Club, the holdback and the draw per payee. DECIMAL
 * arithmetic throughout, so the cents are exact.
 */
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { quarter } from './engine-data.mjs';

const sqlText = (value) => `'${value.replaceAll("'", "''")}'`;

/** Loads the CSV files of `dir` and computes the payouts: `{ payouts, commission, loadMs, queryMs }`. */
export async function sqlPayouts(dir) {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const db = await instance.connect();
  const path = (file) => sqlText(fileURLToPath(new URL(file, dir)));
  const loadStart = performance.now();
  await db.run(`
    CREATE TABLE payees AS SELECT id, CAST(ote AS DECIMAL(18, 2)) AS ote, CAST(base AS DECIMAL(18, 2)) AS base,
      CAST(annual_quota AS DECIMAL(18, 2)) AS annual, plan_from
    FROM read_csv(${path('payees.csv')}, header = true, all_varchar = true)`);
  await db.run(`
    CREATE TABLE deals AS SELECT id, owner, CAST(amount AS DECIMAL(18, 2)) AS amount,
      CAST(close_date AS DATE) AS close_date, stage
    FROM read_csv(${path('deals.csv')}, header = true, all_varchar = true)`);
  const loadMs = performance.now() - loadStart;

  const queryStart = performance.now();
  await db.run(`
    CREATE MACRO tiered(x, q) AS
      0.08 * LEAST(x, 0.5 * q)
      + 0.17 * GREATEST(LEAST(x, q) - 0.5 * q, 0)
      + 0.22 * GREATEST(LEAST(x, 1.5 * q) - q, 0)
      + 0.25 * GREATEST(x - 1.5 * q, 0)`);
  const reader = await db.runAndReadAll(`
    WITH quotas AS (
      SELECT id, ote, base, annual,
        CASE WHEN plan_from IS NULL THEN annual * 0.2
             -- hires: first ramp step (25%), prorated by the days on the plan in the quarter
             ELSE CAST(annual / ${quarter.days} AS DECIMAL(18, 2)) * 0.05
                  * (DATE ${sqlText(quarter.end)} - CAST(plan_from AS DATE) + 1) END AS quota,
        CAST(FLOOR((ote - base) / 4 * 2 * 100) / 100 AS DECIMAL(18, 2)) AS cap
      FROM payees),
    running AS (
      SELECT owner, amount,
        SUM(amount) OVER (PARTITION BY owner ORDER BY close_date, id ROWS UNBOUNDED PRECEDING) AS booked
      FROM deals
      WHERE stage = 'Closed Won' AND close_date BETWEEN DATE ${sqlText(quarter.start)} AND DATE ${sqlText(quarter.end)}),
    lines AS (
      SELECT r.owner, r.amount, ROUND(tiered(r.booked, q.quota) - tiered(r.booked - r.amount, q.quota), 2) AS line
      FROM running r JOIN quotas q ON q.id = r.owner),
    per_payee AS (
      SELECT q.id, q.annual, q.cap, COALESCE(SUM(l.amount), 0) AS bookings, COALESCE(SUM(l.line), 0) AS lines
      FROM quotas q LEFT JOIN lines l ON l.owner = q.id
      GROUP BY q.id, q.annual, q.cap),
    paid AS (
      SELECT id, LEAST(lines, cap) AS commission,
        LEAST(lines, cap) + CASE WHEN bookings >= annual THEN 10000 ELSE 0 END AS earned
      FROM per_payee)
    SELECT id, CAST(commission AS VARCHAR) AS commission,
      CAST(ROUND(earned + GREATEST(3000 - GREATEST(earned, 0), 0) - ROUND(commission * 0.1, 2), 2) AS VARCHAR) AS payout
    FROM paid ORDER BY id`);
  const rows = reader.getRowObjects();
  const queryMs = performance.now() - queryStart;
  db.closeSync?.();
  const payouts = new Map();
  let commission = 0n;
  for (const row of rows) {
    payouts.set(row.id, fixed2(row.payout));
    commission += toCents(row.commission);
  }
  return { payouts, commission: fromCents(commission), loadMs, queryMs };
}

/** A decimal string rounded to cents (trailing zeros of a wider DECIMAL scale) as exactly two decimals. */
function fixed2(text) {
  return fromCents(toCents(text));
}

function toCents(text) {
  const [whole, fraction = ''] = text.split('.');
  const sign = whole.startsWith('-') ? -1n : 1n;
  return sign * (BigInt(whole.replace('-', '')) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2)));
}

function fromCents(cents) {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
