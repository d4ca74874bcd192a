/**
 * Text from data files as messages show it: invisible characters written out, long texts cut, so
 * that a message stays one line and shows why a name that looks right does not match.
 */
import { spelledOut } from '@attain/engine';

/** How many characters of a long name or text a message quotes. */
export const QUOTED_CHARACTERS = 60;

/**
 * A column name (or another text of a data file) as a message shows it: as it is, or in quotes
 * with its invisible characters written out (`"amount\u200B"`), so that a name that looks right
 * shows why it does not match. A name longer than {@link QUOTED_CHARACTERS} is cut there, with
 * its length (`"xxxx…" (4,000 characters)`), so that the message stays a line. With
 * `controlsOnly`, only control characters are written out (text of the plan file, whose
 * non-breaking spaces are meant: see `spelledOut`).
 */
export function visible(name: string, controlsOnly = false): string {
  const long = name.length > QUOTED_CHARACTERS;
  const shown = spelledOut(long ? name.slice(0, QUOTED_CHARACTERS) : name, controlsOnly);
  if (long) return `"${shown}…" (${name.length.toLocaleString('en-US')} characters)`;
  return shown === name ? name : `"${shown}"`;
}

/** A name in quotes as a message shows it: `"amount"`, `"amount\u200B"`, `"xxxx…" (4,000 characters)`. */
export function quotedName(name: string, controlsOnly = false): string {
  const shown = visible(name, controlsOnly);
  return shown.startsWith('"') ? shown : `"${shown}"`;
}

/**
 * A plan's name and version as a heading shows them: `"Inside Sales" version "2026.1"`, each
 * quoted as {@link quotedName} quotes a name, since both come from the plan file: a long one is cut,
 * with its length, and its control characters are written out (a non-breaking space in a name
 * is meant, as in the plan's labels).
 */
export function planTitle(plan: { name: string; version?: string | undefined }): string {
  const name = quotedName(plan.name, true);
  return plan.version === undefined ? name : `${name} version ${quotedName(plan.version, true)}`;
}
