/**
 * Text from data files as messages show it: invisible characters written out, long texts cut, so
 * that a message stays one line and shows why a name that looks right does not match.
 */

/**
 * A character a terminal shows as nothing or as a space: a control, a zero-width or directional
 * mark, a non-breaking or other space than the plain one, a soft hyphen.
 */
export function invisible(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0xa0) ||
    code === 0xad ||
    code === 0x1680 ||
    code === 0x180e ||
    (code >= 0x2000 && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202f) ||
    (code >= 0x205f && code <= 0x206f) ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** How many characters of a long name or text a message quotes. */
export const QUOTED_CHARACTERS = 60;

/**
 * A column name (or another text of a data file) as a message shows it: as it is, or in quotes
 * with its invisible characters written out (`"amount\u200B"`), so that a name that looks right
 * shows why it does not match. A name longer than {@link QUOTED_CHARACTERS} is cut there, with
 * its length (`"xxxx…" (4,000 characters)`), so that the message stays a line.
 */
export function visible(name: string): string {
  const long = name.length > QUOTED_CHARACTERS;
  const shown = spelledOut(long ? name.slice(0, QUOTED_CHARACTERS) : name);
  if (long) return `"${shown}…" (${name.length.toLocaleString('en-US')} characters)`;
  return shown === name ? name : `"${shown}"`;
}

/**
 * `text` with its invisible characters (see {@link invisible}) written out as `\u200B`: for a
 * message that quotes data, so that what a terminal would hide (or act on: an escape character)
 * is seen. A line break is kept. With `controlsOnly`, only control characters are (C0, DEL and
 * C1): for text that may hold a plan's labels, whose non-breaking spaces are meant.
 */
export function spelledOut(text: string, controlsOnly = false): string {
  let shown = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    const hidden = controlsOnly ? code < 0x20 || (code >= 0x7f && code < 0xa0) : invisible(code);
    if (c.length === 1 && c !== '\n' && hidden)
      shown += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else shown += c;
  }
  return shown;
}

/** A name in quotes as a message shows it: `"amount"`, `"amount\u200B"`, `"xxxx…" (4,000 characters)`. */
export function quotedName(name: string): string {
  const shown = visible(name);
  return shown.startsWith('"') ? shown : `"${shown}"`;
}
