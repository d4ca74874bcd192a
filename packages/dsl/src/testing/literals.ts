/**
 * Literal spellings for generated plans: numbers with and without `_` separators, percentages,
 * money, dates in the plan year, and texts (some with escapes).
 */
import { chance, pick, type Random } from './random.js';

/** A whole number in `[min, max]`, sometimes written with `_` thousands separators. */
export function integerLiteral(random: Random, min: number, max: number): string {
  const n = random.int(min, max);
  const plain = String(n);
  if (n < 10_000 || !chance(random, 0.5)) return plain;
  return plain.replace(/\B(?=(\d{3})+$)/g, '_');
}

/** A decimal number such as `1.25`. */
export function decimalLiteral(random: Random): string {
  return `${random.int(0, 20)}.${String(random.int(1, 99)).padStart(2, '0')}`;
}

/** A percentage such as `12%` or `24.5%` in `[min, max]` percent. */
export function percentLiteral(random: Random, min = 0, max = 100): string {
  const whole = random.int(min, max);
  return whole < max && chance(random, 0.2) ? `${whole}.5%` : `${whole}%`;
}

/** An amount of money in `currency`. */
export function moneyLiteral(random: Random, currency: string, max = 250_000): string {
  const amount = integerLiteral(random, 1, max);
  return chance(random, 0.15) ? `${amount}.50 ${currency}` : `${amount} ${currency}`;
}

/** A date in `year`, `YYYY-MM-DD`. */
export function dateLiteral(random: Random, year: number, fromMonth = 1, toMonth = 12): string {
  const month = random.int(fromMonth, toMonth);
  const day = random.int(1, 28);
  return `${year}-${pad(month)}-${pad(day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

const words = [
  'Closed Won',
  'Enterprise',
  'EMEA',
  'North America',
  'Renewal',
  'Partner',
  'Widgets',
  'Gadgets',
  'APAC',
];

/** A text literal with quotes; now and then with an escaped quote or backslash. */
export function textLiteral(random: Random, choices: readonly string[] = words): string {
  const word = pick(random, choices);
  if (chance(random, 0.05)) return `"${word} \\"quoted\\""`;
  if (chance(random, 0.03)) return `"${word} \\\\ slash"`;
  return `"${word}"`;
}
