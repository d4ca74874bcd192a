/**
 * The least work: what any program must do to give the benchmark's answer with what the issue
 * asks of `calculate`, written for this one plan and this one dataset and nothing else. It is the
 * floor under the engine's time, not a competitor: a general engine cannot be faster than a
 * program that only does this.
 *
 * Per deal it
 * - hashes the row's values (the data hash: 128 bits in four multiply-xorshift lanes, summed per
 *   row so the order of rows does not matter, as the engine's is);
 * - checks every field against the source's schema (text, a known payee, a plain decimal amount, a
 *   calendar date, an integer, an optional date) and that the key is not used twice, counting
 *   errors (the engine also writes each one up; here there are none);
 * - groups the deals by owner and orders each owner's deals by close date, then id;
 * - prices closed-won deals one by one through the marginal rate table on attainment, exactly, in
 *   BigInt counts of cents (rates in ten-thousandths), rounding each line half up to the cent;
 * - makes one result line per priced deal: its id, its record, amount and credited amount as
 *   decimal text, its tier and rate, and a trace shared by the lines of a tier.
 * Per payee it works out the quota (20% seasonality; for hires the first ramp step prorated over
 * the quarter's calendar days: their annual quotas are multiples of 89,000, see engine-data.mjs),
 * the cap, President's Club, the holdback and the draw, like engine-hand.mjs, whose payouts it must
 * match to the cent.
 *
 * It leaves out what the engine does besides: error messages with their rows, hypothetical
 * records, explanations as sentences, other rule kinds, other sources, periods and plans.
 */
import { quarter } from './engine-data.mjs';

const SCHEMA_KEYS = ['account', 'amount', 'cancel_date', 'close_date', 'id', 'owner', 'stage', 'term_months'];
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Feeds `text` (after a type tag, then its length) into four 32-bit lanes. */
function feed(lanes, text) {
  const n = text.length;
  const words = (n + 1) >> 1;
  let h1 = lanes[0];
  let h2 = lanes[1];
  let h3 = lanes[2];
  let h4 = lanes[3];
  for (let w = -1; w <= words; w++) {
    let c;
    if (w < 0) c = 1;
    else if (w === words) c = n;
    else {
      const at = w << 1;
      c = text.charCodeAt(at) | (at + 1 < n ? text.charCodeAt(at + 1) << 16 : 0);
    }
    h1 = Math.imul(h1 ^ c, 0x85ebca77);
    h2 = Math.imul(h2 ^ c, 0xc2b2ae3d);
    h3 = Math.imul(h3 ^ c, 0x27d4eb2f);
    h4 = Math.imul(h4 ^ c, 0x165667b1);
    h1 ^= h1 >>> 15;
    h2 ^= h2 >>> 13;
    h3 ^= h3 >>> 16;
    h4 ^= h4 >>> 12;
  }
  lanes[0] = h1;
  lanes[1] = h2;
  lanes[2] = h3;
  lanes[3] = h4;
}

/** The order-independent hash of the deals: the lane-wise sum of each row's hash. */
function hashRows(deals) {
  const sum = new Uint32Array(4);
  const lanes = new Int32Array(4);
  for (const deal of deals) {
    lanes[0] = 0x9e3779b9;
    lanes[1] = 0x85ebca6b;
    lanes[2] = 0xc2b2ae35;
    lanes[3] = 0x27d4eb2f;
    const values = deal.values;
    for (const key of SCHEMA_KEYS) feed(lanes, values[key]);
    for (let l = 0; l < 4; l++) sum[l] += lanes[l];
  }
  return [...sum].map((x) => x.toString(16).padStart(8, '0')).join('');
}

/** True for a plain decimal: digits, at most one point with digits on both sides, an optional sign. */
function isPlain(text) {
  const n = text.length;
  let i = text.charCodeAt(0) === 43 || text.charCodeAt(0) === 45 ? 1 : 0;
  let digits = 0;
  let point = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !point && digits > 0) {
      point = true;
      digits = 0;
    } else return false;
  }
  return digits > 0;
}

/** True for a whole number of at most 15 digits. */
function isInteger(text) {
  const n = text.length;
  if (n === 0 || n > 15) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** A set of texts with room for `count` of them made up front (open addressing, FNV-1a). */
function keyTable(count) {
  const size = 2 ** Math.ceil(Math.log2(Math.max(2, count * 2)));
  const slots = new Array(size).fill(undefined);
  const mask = size - 1;
  /** Adds `key`; false when it was there already. */
  return (key) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const there = slots[at];
      if (there === undefined) {
        slots[at] = key;
        return true;
      }
      if (there === key) return false;
    }
  };
}

/** Day number of a valid `YYYY-MM-DD`, or undefined. */
function dayOf(text) {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms).toISOString().slice(0, 10);
  return back === text ? ms / 86_400_000 : undefined;
}

/** A plain decimal as a BigInt count of cents (the benchmark's amounts have at most 2 decimals). */
function cents(text) {
  const dot = text.indexOf('.');
  if (dot < 0) return BigInt(text) * 100n;
  return BigInt(text.slice(0, dot) + text.slice(dot + 1).padEnd(2, '0'));
}

/** Cents as decimal text with 2 decimals. */
function centsText(value) {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** `value / divisor` rounded half up (away from zero at the half), for a positive divisor. */
function roundHalfUp(value, divisor) {
  const half = divisor / 2n;
  return value < 0n ? -((-value + half) / divisor) : (value + half) / divisor;
}

/** Checks the deals, then groups the valid ones of the quarter by owner: `{ byOwner, errors }`. */
function checkAndGroup(deals, payees) {
  const addKey = keyTable(deals.length);
  const dates = new Map();
  const byOwner = new Map();
  const start = dayOf(quarter.start);
  const end = dayOf(quarter.end);
  const date = (text) => {
    let day = dates.get(text);
    if (day === undefined) {
      day = dayOf(text) ?? null;
      dates.set(text, day);
    }
    return day;
  };
  let errors = 0;
  for (const deal of deals) {
    const v = deal.values;
    let bad = 0;
    if (typeof v.id !== 'string' || v.id.trim() === '' || !addKey(v.id)) bad++;
    if (!payees.has(v.owner)) bad++;
    if (typeof v.account !== 'string' || typeof v.stage !== 'string') bad++;
    if (!isPlain(v.amount) || !isInteger(v.term_months)) bad++;
    const day = date(v.close_date);
    if (day === null) bad++;
    if (v.cancel_date !== '' && date(v.cancel_date) === null) bad++;
    errors += bad;
    if (bad > 0 || day < start || day > end) continue;
    const record = { key: v.id, row: deal.row, day, amount: v.amount, won: v.stage === 'Closed Won' };
    const list = byOwner.get(v.owner);
    if (list) list.push(record);
    else byOwner.set(v.owner, [record]);
  }
  return { byOwner, errors };
}

const RATES = [800n, 1700n, 2200n, 2500n]; // ten-thousandths: 8%, 17%, 22%, 25%
const RATE_TEXT = ['0.08', '0.17', '0.22', '0.25'];
const BANDS = [5n, 10n, 15n]; // tenths of the quota where bands 2, 3 and 4 start

/** The quarter's quota in cents: annual x 20%, for a hire x 25% x days on plan / 89. */
function quotaCents(payee) {
  const annual = cents(payee.attributes.annual_quota);
  const from = payee.plans?.[0]?.from;
  if (from === undefined) return (annual * 20n) / 100n;
  const days = BigInt(dayOf(quarter.end) - dayOf(from) + 1);
  return (annual * 20n * 25n * days) / (100n * 100n * BigInt(quarter.days));
}

/** One line per closed-won deal, priced at the margin; returns `{ lines, commission, bookings }`. */
function priceDeals(records, quota, traces) {
  const bounds = BANDS.map((tenths) => (quota * tenths) / 10n);
  const lines = [];
  let bookings = 0n;
  let commission = 0n;
  let band = 0;
  for (const r of records) {
    if (!r.won) continue;
    let before = bookings;
    bookings += cents(r.amount);
    let value = 0n;
    for (;;) {
      const top = band < bounds.length && bookings > bounds[band] ? bounds[band] : bookings;
      value += (top - before) * RATES[band];
      if (top === bookings) break;
      before = top;
      band++;
    }
    const amount = roundHalfUp(value, 10_000n);
    commission += amount;
    lines.push({
      id: `new_business:${r.key}`,
      record: { source: 'deals', key: r.key, row: r.row },
      amount: centsText(amount),
      credited: r.amount,
      tier: band + 1,
      rate: RATE_TEXT[band],
      trace: traces[band],
    });
  }
  return { lines, commission, bookings };
}

/**
 * Payouts per payee id (text with 2 decimals), the total commission, the lines made and the time
 * of each step in milliseconds, for `data` (`{ payees, deals }` from engine-data.mjs).
 */
export function floorPayouts(data) {
  const t0 = performance.now();
  const hash = hashRows(data.deals);
  const t1 = performance.now();
  const payees = new Map(data.payees.map((p) => [p.id, p]));
  const { byOwner, errors } = checkAndGroup(data.deals, payees);
  if (errors > 0) throw new Error(`${errors} bad values in the generated deals`);
  const t2 = performance.now();
  const traces = RATE_TEXT.map((rate, k) => ({ rule: 'new_business', tier: { index: k + 1, rate } }));
  const payouts = new Map();
  let commissionTotal = 0n;
  let lineCount = 0;
  const statements = [];
  for (const payee of data.payees) {
    const records = byOwner.get(payee.id) ?? [];
    records.sort((a, b) => a.day - b.day || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const { lines, commission: priced, bookings } = priceDeals(records, quotaCents(payee), traces);
    const a = payee.attributes;
    const cap = ((cents(a.ote) - cents(a.base)) * 2n) / 4n;
    const commission = priced > cap ? cap : priced;
    const club = bookings >= cents(a.annual_quota) ? 1_000_000n : 0n;
    const earned = commission + club;
    const held = commission > 0n ? roundHalfUp(commission, 10n) : 0n;
    const short = 300_000n - (earned > 0n ? earned : 0n);
    const draw = short > 0n ? short : 0n;
    payouts.set(payee.id, centsText(earned + draw - held));
    commissionTotal += commission;
    lineCount += lines.length;
    statements.push(lines);
  }
  const t3 = performance.now();
  return {
    payouts,
    commission: centsText(commissionTotal),
    hash,
    lines: lineCount,
    steps: { hash: t1 - t0, check: t2 - t1, price: t3 - t2 },
  };
}
