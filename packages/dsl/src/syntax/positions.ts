/**
 * Conversion between offsets and line/character positions in a source text.
 *
 * Characters are UTF-16 code units, as JavaScript strings and the Language Server Protocol count
 * them. Lines end at `\n`, `\r\n` or a lone `\r`.
 */
import type { Position, Range } from '../diagnostics/diagnostic.js';

/** Line starts of one text, for fast offset <-> position conversion. */
export class LineIndex {
  /** Offset of the first character of each line; always starts with 0. */
  private readonly lineStarts: number[];
  /** Offset of the end of each line's content, before its line break. */
  private readonly lineEnds: number[];
  readonly length: number;

  constructor(text: string) {
    this.length = text.length;
    const starts = [0];
    const ends: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        ends.push(i);
        starts.push(i + 1);
      } else if (c === 13) {
        ends.push(i);
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    ends.push(text.length);
    this.lineStarts = starts;
    this.lineEnds = ends;
  }

  /** Number of lines (an empty text has one). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The position of an offset; offsets outside the text are clamped to it. */
  position(offset: number): Position {
    const clamped = clampOffset(offset, this.length);
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - (starts[low] as number), offset: clamped };
  }

  /**
   * The offset of a line and character; a line past the end gives the text length, a character
   * past the end of its line gives the line's end (the end of its content, before the line break).
   */
  offsetAt(line: number, character: number): number {
    if (line < 0) return 0;
    const start = this.lineStarts[line];
    const end = this.lineEnds[line];
    if (start === undefined || end === undefined) return this.length;
    return Math.min(start + Math.max(0, character), end);
  }

  /**
   * The range `[start, end)`; offsets are clamped into the text and ordered: `range(10, 5)` is the
   * same range as `range(5, 10)`.
   */
  range(start: number, end: number): Range {
    const a = clampOffset(start, this.length);
    const b = clampOffset(end, this.length);
    return { start: this.position(Math.min(a, b)), end: this.position(Math.max(a, b)) };
  }
}

/** Clamps an offset into `[0, length]`; NaN becomes `length`. */
export function clampOffset(offset: number, length: number): number {
  if (Number.isNaN(offset)) return length;
  return Math.min(Math.max(0, Math.trunc(offset)), length);
}

/** A range `[start, end)` from two offsets of the text that `index` was built from. */
export function rangeFromOffsets(index: LineIndex, start: number, end: number): Range {
  return index.range(start, end);
}

/** True when `offset` lies within `range`, its end included (a cursor right after a word is on it). */
export function rangeContains(range: Range, offset: number): boolean {
  return range.start.offset <= offset && offset <= range.end.offset;
}

/** True when `inner` lies within `outer`. */
export function rangeWithin(inner: Range, outer: Range): boolean {
  return outer.start.offset <= inner.start.offset && inner.end.offset <= outer.end.offset;
}
