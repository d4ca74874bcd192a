/**
 * Decimal strings from the results, laid out for people: grouped digits, a fixed number of
 * decimals, percentages. Exact: the digits are handled as text and BigInt, never as JS floats.
 * Rounding here is for display only (half away from zero); the JSON and CSV outputs keep the
 * engine's strings unchanged.
 */

interface Scaled {
  negative: boolean;
  /** The number without its decimal point: `12.50` is 1250 at scale 2. */
  digits: bigint;
  scale: number;
}

const decimalPattern = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

function scaled(text: string): Scaled | undefined {
  const match = decimalPattern.exec(text.trim());
  if (!match) return undefined;
  const whole = match[2] ?? '';
  const fraction = match[3] ?? '';
  if (whole === '' && fraction === '') return undefined;
  let digits = BigInt(`${whole}${fraction}` || '0');
  let scale = fraction.length - Number(match[4] ?? '0');
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { negative: match[1] === '-' && digits !== 0n, digits, scale };
}

function rounded(value: Scaled, places: number): Scaled {
  if (value.scale <= places) {
    return { ...value, digits: value.digits * 10n ** BigInt(places - value.scale), scale: places };
  }
  const divisor = 10n ** BigInt(value.scale - places);
  let digits = value.digits / divisor;
  if ((value.digits % divisor) * 2n >= divisor) digits += 1n;
  return { negative: value.negative && digits !== 0n, digits, scale: places };
}

/** `1234567` -> `1,234,567`; a sign, decimals and text that is not a number are left as they are. */
export function groupDigits(text: string): string {
  const match = /^(-?)(\d+)(.*)$/.exec(text);
  if (!match) return text;
  const [, sign, whole = '', rest] = match;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${rest}`;
}

function layout(value: Scaled, places: number): string {
  const text = value.digits.toString().padStart(places + 1, '0');
  const whole = text.slice(0, text.length - places);
  const fraction = places > 0 ? `.${text.slice(text.length - places)}` : '';
  return groupDigits(`${value.negative ? '-' : ''}${whole}${fraction}`);
}

/**
 * An amount with grouped digits and at least `minPlaces` decimals: `"-1234.5"` -> `-1,234.50`.
 * Decimals beyond those are kept as they are (an amount the plan has not rounded yet, such as
 * `3.33335`) up to `maxPlaces`, where the amount is rounded. Text that is not a decimal is
 * returned unchanged.
 */
export function formatAmount(text: string, minPlaces = 2, maxPlaces = Math.max(minPlaces, 6)): string {
  const value = scaled(text);
  if (value === undefined) return text;
  const places = Math.min(maxPlaces, Math.max(minPlaces, value.scale));
  return layout(rounded(value, places), places);
}

/**
 * A ratio as a percentage with at most `places` decimals and no trailing zeros:
 * `"1.225"` -> `122.5%`, `"0.8333…"` -> `83.3%`, `"1"` -> `100%`.
 */
export function formatPercent(ratio: string, places = 1): string {
  const value = scaled(ratio);
  if (value === undefined) return ratio;
  const percent = rounded({ ...value, scale: value.scale - 2 }, places);
  const text = layout(percent, places);
  return `${places > 0 ? text.replace(/\.?0+$/, '') : text}%`;
}

/** True when the decimal string is zero (`"0"`, `"0.00"`, `"-0"`). */
export function isZero(text: string): boolean {
  return scaled(text)?.digits === 0n;
}

/** The exact sum of decimal strings, as a decimal string (`["1.5", "2.25"]` -> `"3.75"`). */
export function sumDecimals(texts: Iterable<string>): string {
  let total = 0n;
  let scale = 0;
  for (const text of texts) {
    const value = scaled(text);
    if (value === undefined) throw new RangeError(`not a decimal: ${JSON.stringify(text)}`);
    if (value.scale > scale) {
      total *= 10n ** BigInt(value.scale - scale);
      scale = value.scale;
    }
    const digits = value.digits * 10n ** BigInt(scale - value.scale);
    total += value.negative ? -digits : digits;
  }
  const negative = total < 0n;
  const text = layout({ negative, digits: negative ? -total : total, scale }, scale);
  return text.replaceAll(',', '');
}

/** Compares two decimal strings: negative when `a < b`, zero when equal, positive when `a > b`. */
export function compareDecimals(a: string, b: string): number {
  const difference = sumDecimals([a, b.startsWith('-') ? b.slice(1) : `-${b}`]);
  return isZero(difference) ? 0 : difference.startsWith('-') ? -1 : 1;
}
