/**
 * Rows of cells laid out in columns, for the table formats of the commands: text columns padded
 * on the right, numbers on the left so that their digits line up, each line trimmed at the end.
 */

/** How to lay out a table. */
export interface ColumnLayout {
  /** The left-aligned (text) columns: the first `n`, or these indexes. The others are right-aligned. */
  left: number | readonly number[];
  /** Put before every line (default none). */
  indent?: string;
  /** Between columns (default two spaces). */
  gap?: string;
  /** Column widths shared with other tables (default: the widest cell of each column). */
  widths?: readonly number[];
}

/** The width of each column: its widest cell over all rows. */
export function columnWidths(rows: readonly (readonly string[])[]): number[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return widths;
}

/** One line per row. */
export function alignColumns(rows: readonly (readonly string[])[], layout: ColumnLayout): string[] {
  const widths = layout.widths ?? columnWidths(rows);
  const { left, indent = '', gap = '  ' } = layout;
  const isLeft = (c: number) => (typeof left === 'number' ? c < left : left.includes(c));
  return rows.map((row) =>
    `${indent}${row
      .map((cell, c) => (isLeft(c) ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join(gap)}`.trimEnd(),
  );
}

/** The lines of {@link alignColumns} as text, each ending in a line break. */
export function columnText(rows: readonly (readonly string[])[], layout: ColumnLayout): string {
  return `${alignColumns(rows, layout).join('\n')}\n`;
}
