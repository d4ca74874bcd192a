/**
 * The enterprise-ae plan's fiscal Q1 payouts written out by hand with decimal.js, as a developer
 * would without Attain: the benchmark's yardstick. It covers what the benchmark data exercises
 * (see engine-data.mjs): closed-won bookings per owner, the quota (annual x 20% seasonality, the
 * first ramp step and calendar-day proration for hires), marginal tiers on attainment priced deal
 * by deal and rounded per line, the cap, President's Club, the 10% holdback and the new-hire draw
 * (every payee is in the first quarter of the plan). The multi-year SPIFF pays nothing in Q1, and
 * the data has no quota relief, cancellations or manual adjustments.
 */
import { createRequire } from 'node:module';
import { daysOnPlan, quarter } from './engine-data.mjs';

// decimal.js is the engine's dependency; the benchmark uses the same copy.
const require = createRequire(new URL('../packages/engine/package.json', import.meta.url));
const Decimal = require('decimal.js').clone({ precision: 50, rounding: 4 /* ROUND_HALF_UP */ });

const tiers = [
  [new Decimal('0'), new Decimal('0.5'), new Decimal('0.08')],
  [new Decimal('0.5'), new Decimal('1'), new Decimal('0.17')],
  [new Decimal('1'), new Decimal('1.5'), new Decimal('0.22')],
  [new Decimal('1.5'), null, new Decimal('0.25')],
];
const zero = new Decimal(0);

/** Marginal commission on `bookings` against `quota`: each band's rate on the bookings inside it. */
function tiered(bookings, quota) {
  let total = zero;
  for (const [from, to, rate] of tiers) {
    const low = quota.times(from);
    if (bookings.lte(low)) break;
    const high = to === null ? bookings : Decimal.min(bookings, quota.times(to));
    total = total.plus(high.minus(low).times(rate));
  }
  return total;
}

const cents = (value) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** Payout per payee id (a string with 2 decimals), and the total commission, for `data`. */
export function handPayouts(data) {
  const byOwner = new Map();
  for (const deal of data.deals) {
    const v = deal.values;
    if (v.stage !== 'Closed Won' || v.close_date < quarter.start || v.close_date > quarter.end) continue;
    const list = byOwner.get(v.owner);
    if (list) list.push(v);
    else byOwner.set(v.owner, [v]);
  }
  const payouts = new Map();
  let commissionTotal = zero;
  const seasonality = new Decimal('0.2');
  const firstRampStep = new Decimal('0.25');
  for (const payee of data.payees) {
    const a = payee.attributes;
    const annual = new Decimal(a.annual_quota);
    const from = payee.plans?.[0]?.from;
    let quota = annual.times(seasonality);
    if (from !== undefined)
      quota = quota.times(firstRampStep).times(daysOnPlan(from)).dividedBy(quarter.days);
    const deals = (byOwner.get(payee.id) ?? []).sort((x, y) =>
      x.close_date < y.close_date
        ? -1
        : x.close_date > y.close_date
          ? 1
          : x.id < y.id
            ? -1
            : x.id > y.id
              ? 1
              : 0,
    );
    let bookings = zero;
    let before = zero;
    let commission = zero;
    for (const deal of deals) {
      bookings = bookings.plus(deal.amount);
      const value = tiered(bookings, quota);
      commission = commission.plus(cents(value.minus(before)));
      before = value;
    }
    const cap = new Decimal(a.ote).minus(a.base).dividedBy(4).times(2).toDecimalPlaces(2, Decimal.ROUND_DOWN);
    if (commission.gt(cap)) commission = cap;
    commissionTotal = commissionTotal.plus(commission);
    const club = bookings.dividedBy(annual).gte(1) ? new Decimal(10_000) : zero;
    const earned = commission.plus(club);
    const held = commission.isPositive() ? cents(commission.times('0.1')) : zero;
    const draw = Decimal.max(zero, new Decimal(3000).minus(Decimal.max(earned, zero)));
    payouts.set(payee.id, cents(earned.plus(draw).minus(held)).toFixed(2));
  }
  return { payouts, commission: commissionTotal.toFixed(2) };
}
