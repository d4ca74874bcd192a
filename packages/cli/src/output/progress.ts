/**
 * Progress of a long run on stderr: rows read per file, then the calculation. Shown when asked
 * for (`--progress`), or on a terminal once a run passes {@link longRun} records; stdout stays
 * clean for the statements.
 */
import type { Writer } from '../io.js';
import { groupDigits } from './numbers.js';

/** A run counts as long from this many rows of data (all files together). */
export const longRun = 100_000;

/** How often, in rows, a file being read reports its progress. */
const every = 100_000;

/** When progress is shown: always (`--progress`), on a terminal for long runs, or never. */
export type ProgressMode = 'always' | 'long-runs' | 'never';

/** `1 row`, `12,000 rows`: a count with its digits grouped and the right form of its noun. */
function counted(count: number, noun: string): string {
  return `${groupDigits(String(count))} ${count === 1 ? noun : `${noun}s`}`;
}

function rows(count: number): string {
  return counted(count, 'row');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Reports the phases of a run. Every method is a no-op when progress is not shown. */
export class Progress {
  private records = 0;
  /** True while a `\r` counter line is open on the terminal. */
  private open = false;

  constructor(
    private readonly writer: Writer,
    private readonly mode: ProgressMode,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** The mode for a command: `--progress` forces it; otherwise only a terminal shows it. */
  static modeFor(writer: Writer, forced: boolean | undefined): ProgressMode {
    if (forced) return 'always';
    return writer.isTTY === true ? 'long-runs' : 'never';
  }

  /** Milliseconds since an arbitrary origin, for timing phases. */
  now(): number {
    return this.clock();
  }

  private shown(records: number): boolean {
    return this.mode === 'always' || (this.mode === 'long-runs' && records >= longRun);
  }

  private line(text: string): void {
    this.writer.write(`${this.open ? '\r' : ''}${text}\n`);
    this.open = false;
  }

  /** Called for every row read; reports every {@link every} rows. */
  reading(file: string, count: number): void {
    if (count % every !== 0 || !this.shown(this.records + count)) return;
    const text = `attain: reading ${file}: ${rows(count)}`;
    if (this.writer.isTTY) {
      this.writer.write(`\r${text}`);
      this.open = true;
    } else this.line(text);
  }

  /** A file has been read. */
  read(file: string, count: number, startedAt: number): void {
    this.records += count;
    if (!this.shown(this.records)) return;
    this.line(`attain: read ${file}: ${rows(count)} in ${seconds(this.now() - startedAt)}`);
  }

  /** The calculation starts. */
  calculating(payees: number, periods: readonly string[]): void {
    if (!this.shown(this.records)) return;
    const what = `${counted(payees, 'payee')} (${rows(this.records)} of data)`;
    this.line(`attain: calculating ${periods.join(', ')} for ${what}`);
  }

  /** The calculation is done. */
  calculated(statements: number, startedAt: number): void {
    if (!this.shown(this.records)) return;
    this.line(`attain: calculated ${counted(statements, 'statement')} in ${seconds(this.now() - startedAt)}`);
  }
}
