/**
 * Output made of many small pieces (the JSON of a statement) is written in pieces of a middling
 * size: few enough system calls, and strings small enough to die young (see json-text.ts).
 */

/** The size, in characters, of the pieces written: well under V8's 128 KB limit for young objects. */
export const pieceSize = 1 << 15;

/** Joins small pieces of text into pieces of about {@link pieceSize} characters. */
export class PieceJoiner {
  private parts: string[] = [];
  private size = 0;

  /** Adds `text`; returns what was added since the last piece once it makes a piece. */
  add(text: string): string | undefined {
    this.parts.push(text);
    this.size += text.length;
    return this.size >= pieceSize ? this.rest() : undefined;
  }

  /** What was added since the last piece (possibly nothing: `''`), and starts a new piece. */
  rest(): string {
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    return text;
  }
}
