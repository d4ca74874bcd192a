/** A plain-text table with a header row; numeric-looking cells are right-aligned. */
export function table(header, rows) {
  const all = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column].length)));
  const numeric = (cell) => /^[-+\d.,×x%/ ]+(ms|µs)?$/.test(cell) && /\d/.test(cell);
  const line = (row) =>
    row
      .map((cell, column) => (numeric(cell) ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...all.slice(1).map(line)].join(
    '\n',
  );
}

/** `1234.5` -> `1,234.5`-style text with a fixed number of decimals. */
export function fixed(value, decimals) {
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
