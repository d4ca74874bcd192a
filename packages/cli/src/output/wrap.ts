/** Lays out `items` joined by ", " in lines of at most `width` columns; later lines start with `indent`. */
export function wrapList(
  items: readonly string[],
  firstLineUsed: number,
  indent: string,
  width = 100,
): string {
  const lines: string[] = [];
  let line = '';
  let used = firstLineUsed;
  for (const [index, item] of items.entries()) {
    const piece = index < items.length - 1 ? `${item},` : item;
    if (line !== '' && used + 1 + piece.length > width) {
      lines.push(line);
      line = '';
      used = indent.length;
    }
    if (line !== '') {
      line += ' ';
      used += 1;
    }
    line += piece;
    used += piece.length;
  }
  lines.push(line);
  return lines.join(`\n${indent}`);
}

/**
 * Lays out `text` in lines of at most `width` columns, breaking at spaces; every line starts with
 * `indent`. A word longer than a line is left whole on its own line.
 */
export function wrapWords(text: string, indent: string, width = 100): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (word === '') continue;
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(line);
      line = '';
    }
    line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.map((l) => `${indent}${l}`).join('\n');
}
