/**
 * One string for each distinct text of a column: a CSV parser makes a new string for every cell,
 * so a million rows of a column with a few values (stages, dates, owners) would hold a million
 * copies. The first {@link LIMIT} distinct texts are remembered; a column that mostly finds new
 * texts (ids, notes) is left alone after a while, so it pays only for its first lookups.
 */
const LIMIT = 4096;

/** Interns the texts of one column. */
export class ColumnTexts {
  private readonly seen = new Map<string, string>();
  private lookups = 0;
  private hits = 0;
  private useful = true;

  /** How many distinct texts it remembers (0 once it stopped remembering). */
  get size(): number {
    return this.seen.size;
  }

  /** The column's string for `text`. */
  get(text: string): string {
    if (!this.useful) return text;
    const known = this.seen.get(text);
    if (known !== undefined) this.hits++;
    else if (this.seen.size < LIMIT) this.seen.set(text, text);
    if (++this.lookups === LIMIT * 4) {
      this.useful = this.hits * 2 >= this.lookups;
      if (!this.useful) this.seen.clear();
    }
    return known ?? text;
  }
}
