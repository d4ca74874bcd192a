/**
 * The formatter's guard: a tree with a missing part (possible only after a syntax error) or a
 * comment the printers failed to place cannot be printed faithfully. Printing then stops, and
 * `format` keeps the source as written.
 */

/** Thrown when a tree cannot be printed without changing its meaning (a part is missing). */
export class Unformattable extends Error {
  override readonly name = 'Unformattable';
}

/** `value` unless it is absent. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Unformattable(`missing ${what}`);
  return value;
}
