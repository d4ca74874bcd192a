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
