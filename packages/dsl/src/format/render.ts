/**
 * Lays out a {@link Doc} within a line width: each group is printed flat when it fits in the rest
 * of the line (up to the next possible break after it), otherwise its lines break.
 */
import type { CommentSide, Doc } from './doc.js';

type Mode = 'flat' | 'break';

interface Command {
  ind: number;
  mode: Mode;
  doc: Doc;
}

/** The column limit of the canonical layout. */
export const lineWidth = 100;

/** Prints `doc`; lines carry no trailing whitespace and are joined with `\n`. */
export function render(doc: Doc, width = lineWidth): string {
  const out = new Output();
  const stack: Command[] = [{ ind: 0, mode: 'break', doc }];
  for (let cmd = stack.pop(); cmd !== undefined; cmd = stack.pop()) {
    const { ind, mode, doc: d } = cmd;
    if (typeof d === 'string') {
      out.write(d, ind);
      continue;
    }
    if (isDocArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) stack.push({ ind, mode, doc: d[i] as Doc });
      continue;
    }
    switch (d.kind) {
      case 'group': {
        const flat: Command = { ind, mode: 'flat', doc: d.contents };
        const fitsFlat = mode === 'flat' || fits(flat, stack, width, out.column(ind));
        stack.push(fitsFlat ? flat : { ind, mode: 'break', doc: d.contents });
        break;
      }
      case 'indent':
        stack.push({ ind: ind + d.width, mode, doc: d.contents });
        break;
      case 'node':
        stack.push({ ind, mode, doc: d.contents });
        break;
      case 'line':
        if (mode === 'break') out.newline(ind);
        else if (!d.soft) out.space();
        break;
      case 'hardline':
        out.newline(ind);
        break;
      case 'freshLine':
        out.freshLine(ind);
        break;
      case 'breakAfter':
        out.breakAfter();
        break;
      case 'lineComment':
        out.lineComment(d.text, d.side, ind);
        break;
      case 'comment':
        out.write(reindent(d.text, ind), ind);
        break;
      case 'inlineComment':
        out.inlineComment(reindent(d.text, ind), d.side, ind);
        break;
    }
  }
  return out.finish();
}

/**
 * A `/* ... *\/` comment spanning lines, with its `*` lines aligned under the first line's
 * `/*` at indentation `ind` (the doc text ignores what precedes a line's `*`).
 */
function reindent(text: string, ind: number): string {
  if (!text.includes('\n') && !text.includes('\r')) return text;
  const [first = '', ...rest] = text.split(/\r\n|\r|\n/);
  const aligned = rest.map((l) =>
    l.trimStart().startsWith('*') ? `${' '.repeat(ind + 1)}${l.trimStart()}` : l,
  );
  return [first, ...aligned].join('\n');
}

function isDocArray(doc: Doc): doc is readonly Doc[] {
  return Array.isArray(doc);
}

/**
 * Whether `next` printed flat fits in `width` from column `column`, together with what follows it
 * on the same line. A forced line break inside `next` starts a new line to measure; one after it
 * ends the measurement. Comments count as zero width.
 */
function fits(next: Command, rest: readonly Command[], width: number, column: number): boolean {
  let remaining = width - column;
  let restIndex = rest.length;
  const todo: { cmd: Command; fromRest: boolean }[] = [{ cmd: next, fromRest: false }];
  while (remaining >= 0) {
    let item = todo.pop();
    if (item === undefined) {
      if (restIndex === 0) return true;
      restIndex--;
      item = { cmd: rest[restIndex] as Command, fromRest: true };
    }
    const { cmd, fromRest } = item;
    const d = cmd.doc;
    if (typeof d === 'string') {
      remaining -= d.length;
      continue;
    }
    if (isDocArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) todo.push({ cmd: { ...cmd, doc: d[i] as Doc }, fromRest });
      continue;
    }
    switch (d.kind) {
      case 'group':
      case 'node':
        todo.push({ cmd: { ...cmd, doc: d.contents }, fromRest });
        break;
      case 'indent':
        todo.push({ cmd: { ind: cmd.ind + d.width, mode: cmd.mode, doc: d.contents }, fromRest });
        break;
      case 'line':
        if (cmd.mode === 'break') return true;
        if (!d.soft) remaining -= 1;
        break;
      // A comment may end up alone on its line (after a break), so the measure restarts there in
      // every case: the same text is then measured the same way whether the comment was written
      // inline or on a line of its own.
      case 'hardline':
      case 'freshLine':
      case 'breakAfter':
      case 'lineComment':
      case 'inlineComment':
        if (fromRest) return true;
        remaining = width - cmd.ind;
        break;
      case 'comment':
        break;
    }
  }
  return false;
}

/** The text being built, line by line. */
class Output {
  private readonly lines: string[] = [];
  private current = '';
  /** Set after a line comment: the next text must start a new line. */
  private pendingBreak = false;

  /** The column where text printed at indentation `ind` would start. */
  column(ind: number): number {
    if (this.pendingBreak) return ind;
    const lastBreak = this.current.lastIndexOf('\n');
    return this.current.length - lastBreak - 1;
  }

  /** Writes text; at the start of a line its leading spaces are dropped (the indentation stays). */
  write(text: string, ind: number): void {
    if (text === '') return;
    if (this.pendingBreak) this.newline(ind);
    this.current += this.atLineStart() ? text.trimStart() : text;
  }

  space(): void {
    if (!this.pendingBreak) this.current += ' ';
  }

  lineComment(text: string, side: CommentSide, ind: number): void {
    if (this.pendingBreak || this.atLineStart()) {
      this.ownLine(text, side, ind);
      return;
    }
    this.current += /\s$/.test(this.current) ? text : ` ${text}`;
    // The code a leading comment precedes starts the next line at the comment's indentation.
    if (side === 'leading') this.newline(ind);
    else this.pendingBreak = true;
  }

  inlineComment(text: string, side: CommentSide, ind: number): void {
    if (this.pendingBreak || this.atLineStart()) this.ownLine(text, side, ind);
    else this.current += side === 'leading' ? `${text} ` : ` ${text}`;
  }

  /** A comment that finds itself alone on its line prints as if written there. */
  private ownLine(text: string, side: CommentSide, ind: number): void {
    this.write(text, ind);
    if (side === 'leading') this.newline(ind);
    else this.pendingBreak = true;
  }

  breakAfter(): void {
    this.pendingBreak = true;
  }

  freshLine(ind: number): void {
    if (this.pendingBreak || !this.atLineStart()) this.newline(ind);
    else this.current = ' '.repeat(ind);
  }

  newline(ind: number): void {
    this.lines.push(this.current.trimEnd());
    this.current = ' '.repeat(ind);
    this.pendingBreak = false;
  }

  finish(): string {
    this.lines.push(this.current.trimEnd());
    return this.lines.join('\n');
  }

  private atLineStart(): boolean {
    return this.current.trim() === '';
  }
}
