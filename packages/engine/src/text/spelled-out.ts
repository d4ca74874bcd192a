/**
 * Invisible characters written out, for messages that quote data: a value that looks right but
 * holds a zero-width space, a non-breaking space or a control character shows why it was not read
 * (`"12\u200B00"`), and what a terminal would act on (an escape character) is only seen.
 */

/**
 * A character shown as nothing or as a space: a control, a zero-width or directional mark, a
 * non-breaking or other space than the plain one, a soft hyphen.
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

/**
 * `text` with its invisible characters (see {@link invisible}) written out as `\u200B`. A line
 * break is kept. With `controlsOnly`, only control characters are (C0, DEL and C1): for text that
 * may hold a plan's labels, whose non-breaking spaces are meant. Idempotent: what it writes is
 * visible.
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
