/**
 * Month names, as written after `fiscal year starts`.
 */

/** Month names in calendar order, lower case. */
export const monthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** 1 for January ... 12 for December; undefined for anything else. Case does not matter. */
export function monthNumber(name: string): number | undefined {
  const index = (monthNames as readonly string[]).indexOf(name.toLowerCase());
  return index < 0 ? undefined : index + 1;
}

/** The month a misspelt name most likely means: the one sharing its first three letters. */
export function likelyMonth(name: string): string | undefined {
  const prefix = name.toLowerCase().slice(0, 3);
  if (prefix.length < 3) return undefined;
  return monthNames.find((month) => month.startsWith(prefix));
}
