/**
 * A plain amount read once. The pass that checks every row finds that an amount is a plain
 * decimal (`1200.50`, `-3`: what `readMoney` reads with no currency) and, while its characters
 * are at hand, counts its units: a typical amount is kept as one small integer until the
 * payee's records are made, and its decimal is made then from that integer, without going back
 * to the text (by then long out of the processor's caches: going back to it was the largest part
 * of making a million records).
 */
import { type Dec, decOf, decOfPlain } from '../decimal.js';

/** Bits of a packed amount that hold its scale (0 to 20 decimals). */
const SCALE_BITS = 5;
const SCALE_MASK = (1 << SCALE_BITS) - 1;
/**
 * Units beyond this are kept as text: `units × 32 + scale` stays a small integer (within ±2^30),
 * which V8 holds in the slot itself, not as an object of its own.
 */
const MAX_PACKED_UNITS = 2 ** (30 - SCALE_BITS) - 1;
/** The longest run of digits on either side of the point (as `readDecimal` reads them). */
const MAX_DIGITS = 20;

/**
 * Reads `raw` as a plain amount: its units and scale packed into one integer
 * (`units × 32 + scale`); its trimmed text when it is plain but too large to pack, or zero (whose
 * sign decimal.js keeps); `undefined` when it is not a plain decimal (then it is read in full).
 * Plain means an optional sign, 1 to 20 digits, and optionally a point followed by 1 to 20
 * digits, with blanks around it allowed.
 */
export function plainAmount(raw: string): number | string | undefined {
  // Nearly every amount starts and ends with a printable ASCII character: nothing to trim.
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  if (!(first > 32 && first < 127 && last > 32 && last < 127)) {
    const text = raw.trim();
    if (text !== raw) return plainAmount(text);
  }
  const end = raw.length;
  let i = 0;
  const c0 = raw.charCodeAt(i);
  const negative = c0 === 45;
  if (negative || c0 === 43) i++;
  let units = 0;
  let digits = 0;
  let scale = -1;
  for (; i < end; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++digits > MAX_DIGITS) return undefined;
      units = units * 10 + (c - 48);
    } else if (c === 46 && scale < 0 && digits > 0) {
      scale = 0;
      digits = 0;
    } else return undefined;
    if (scale >= 0 && c !== 46) scale++;
  }
  if (digits === 0) return undefined;
  if (scale < 0) scale = 0;
  if (units === 0 || units > MAX_PACKED_UNITS) return raw;
  return (negative ? -units : units) * (1 << SCALE_BITS) + scale;
}

/** The decimal of a plain amount as {@link plainAmount} gives it. */
export function amountOf(plain: number | string): Dec {
  if (typeof plain === 'string') return decOfPlain(plain);
  const scale = plain & SCALE_MASK;
  return decOf((plain - scale) / (1 << SCALE_BITS), scale);
}
