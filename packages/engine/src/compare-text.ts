/**
 * The one order of texts in results: by UTF-16 code units, the same in every runtime and locale
 * (never `localeCompare`, whose order depends on the machine). Payees, periods, nodes, codes and
 * messages are sorted with it wherever results must be byte-identical, and cycles of ids are
 * written from their smallest id in it.
 */

/** Code-unit order of two texts (-1, 0, 1). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A cycle of ids as written in messages: from its smallest id (in {@link compareText} order),
 * each followed by the one it leads to, and the first again at the end (`a -> b -> a`). `loop`
 * is the cycle in the order it was walked, without the repeat.
 */
export function cycleFrom(loop: readonly string[]): string[] {
  const first = loop.reduce((a, b) => (compareText(a, b) <= 0 ? a : b));
  const from = loop.indexOf(first);
  return [...loop.slice(from), ...loop.slice(0, from), first];
}

/** Code-unit order where a missing text (`undefined`) sorts as the empty text, before any other. */
export function compareOptionalText(a: string | undefined, b: string | undefined): number {
  return compareText(a ?? '', b ?? '');
}
