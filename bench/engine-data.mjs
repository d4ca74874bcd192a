/**
 * The engine benchmark's dataset: payees and deals for the schema of examples/enterprise-ae, all
 * closing in fiscal 2026-Q1 (2026-02-01 to 2026-04-30), generated from a seed. The same settings
 * give the same records in every process, so the engine, the hand-written loop and DuckDB read
 * identical data.
 *
 * The mix: 1% of payees have no deals (the draw pays them), 2% are hired during the quarter (first
 * ramp step, prorated quota; their annual quotas are multiples of 89,000 so that the prorated quota
 * over the quarter's 89 days is exact), 1% reach their annual quota in Q1 (President's Club); the
 * others are veterans with attainment between about 50% and 180%, some of them capped.
 */
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { money, random } from '../examples/generate/kit.mjs';

/** The quarter's first and last day, and its length in days. */
export const quarter = { start: '2026-02-01', end: '2026-04-30', days: 89 };

/** Settings from the environment: BENCH_PAYEES, BENCH_DEALS, BENCH_SEED. */
export function settings(env = process.env) {
  const number = (name, fallback) => {
    const value = env[name] === undefined ? fallback : Number(env[name].replaceAll('_', ''));
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
    return value;
  };
  return {
    payees: number('BENCH_PAYEES', 1000),
    deals: number('BENCH_DEALS', 1_000_000),
    seed: number('BENCH_SEED', 1),
  };
}

const days = [];
for (
  let d = Date.parse(`${quarter.start}T00:00:00Z`);
  d <= Date.parse(`${quarter.end}T00:00:00Z`);
  d += 86_400_000
) {
  days.push(new Date(d).toISOString().slice(0, 10));
}

/** Days from `from` to the quarter's end, both included. */
export function daysOnPlan(from) {
  return days.length - days.indexOf(from);
}

/**
 * Generates `{ payees, deals }` in the engine's `Dataset` shapes: payees with `attributes`, deals
 * as `{ row, values }` with every value a string, as read from CSV.
 */
export function generate({ payees: payeeCount, deals: dealCount, seed }) {
  const rng = random(seed);
  const perPayee = dealCount / payeeCount;
  // Amounts 10.00 to 500.00 (mean 255.00), 85% closed won: the expected bookings of a payee.
  const expected = perPayee * 0.85 * 255;
  const payees = [];
  const width = String(payeeCount).length;
  for (let n = 0; n < payeeCount; n++) {
    const ote = rng.int(12, 20) * 10_000;
    const kind =
      n % 100 === 0
        ? 'inactive'
        : n % 100 === 1 || n % 100 === 2
          ? 'hire'
          : n % 100 === 3
            ? 'club'
            : 'veteran';
    let annual;
    let hire = `20${rng.int(15, 24)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`;
    let from;
    if (kind === 'hire') {
      hire = days[rng.int(0, days.length - 10)];
      from = hire;
      // Quarterly quota = annual x 20% x 25% x days / 89 = 50 x k x days for annual = 89,000 x k.
      const share = daysOnPlan(hire) / days.length;
      annual = 89_000 * Math.max(1, Math.round((expected * share) / (0.05 * (0.6 + rng.next())) / 89_000));
    } else if (kind === 'club') {
      annual = Math.max(1000, Math.round((expected * 0.7) / 1000) * 1000);
    } else {
      annual = Math.max(1000, Math.round(expected / 0.2 / (0.5 + rng.next() * 1.3) / 1000) * 1000);
    }
    const payee = {
      id: `rep-${String(n + 1).padStart(width, '0')}`,
      name: `Rep ${n + 1}`,
      attributes: { ote: String(ote), base: String(ote / 2), hire_date: hire, annual_quota: String(annual) },
    };
    if (from) payee.plans = [{ plan: 'Enterprise AE', from }];
    payee.kind = kind;
    payees.push(payee);
  }
  const active = payees.filter((p) => p.kind !== 'inactive');
  const deals = new Array(dealCount);
  const idWidth = String(dealCount).length;
  for (let i = 0; i < dealCount; i++) {
    const owner = active[Math.floor(rng.next() * active.length)];
    let day = rng.int(0, days.length - 1);
    const from = owner.plans?.[0]?.from;
    if (from !== undefined && days[day] < from)
      day = days.indexOf(from) + Math.floor(rng.next() * daysOnPlan(from));
    const roll = rng.next();
    deals[i] = {
      row: i + 1,
      values: {
        id: `D${String(i + 1).padStart(idWidth, '0')}`,
        owner: owner.id,
        account: `A${i % 50_000}`,
        amount: money(rng.int(1_000, 50_000)),
        close_date: days[day],
        stage: roll < 0.85 ? 'Closed Won' : roll < 0.95 ? 'Closed Lost' : 'Negotiation',
        term_months: roll < 0.3 ? '36' : roll < 0.6 ? '24' : '12',
        cancel_date: '',
      },
    };
  }
  for (const payee of payees) delete payee.kind;
  return { payees, deals };
}

function csvLine(cells) {
  return `${cells.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',')}\n`;
}

/**
 * Writes the dataset as a data directory for `attain run` (payees.csv, deals.csv and an empty
 * quota_relief.csv) unless `dir` already holds it. Returns true when it wrote the files.
 */
export async function writeCsv(dir, data) {
  const done = new URL('deals.csv', dir);
  if (
    await stat(done).then(
      () => true,
      () => false,
    )
  )
    return false;
  await mkdir(dir, { recursive: true });
  const payees = ['id,name,manager,ote,base,hire_date,annual_quota,plan,plan_from,plan_to\n'];
  for (const p of data.payees) {
    const a = p.attributes;
    const from = p.plans?.[0]?.from ?? '';
    payees.push(csvLine([p.id, p.name, '', a.ote, a.base, a.hire_date, a.annual_quota, '', from, '']));
  }
  await writeFile(new URL('payees.csv', dir), payees.join(''));
  await writeFile(new URL('quota_relief.csv', dir), 'id,rep,amount,granted_on,reason\n');
  const columns = ['id', 'owner', 'account', 'amount', 'close_date', 'stage', 'term_months', 'cancel_date'];
  const chunks = [`${columns.join(',')}\n`];
  for (const { values } of data.deals) chunks.push(csvLine(columns.map((c) => values[c])));
  // Written last, under a temporary name: a half-written directory is never taken for a finished one.
  await writeFile(new URL('deals.csv.tmp', dir), chunks.join(''));
  await rename(new URL('deals.csv.tmp', dir), done);
  return true;
}
