/**
 * The one order of texts in results: by UTF-16 code units, the same in every runtime and locale
 * (never `localeCompare`, whose order depends on the machine). Payees, periods, nodes, codes and
 * messages are sorted with it wherever results must be byte-identical.
 */

/** Code-unit order of two texts (-1, 0, 1). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Code-unit order where a missing text (`undefined`) sorts as the empty text, before any other. */
export function compareOptionalText(a: string | undefined, b: string | undefined): number {
  return compareText(a ?? '', b ?? '');
}
