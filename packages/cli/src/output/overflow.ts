/**
 * Output made inside the engine's synchronous calculation (`attain run --format csv` writes each
 * statement's rows as it is made), which cannot wait for a slow reader. It goes straight to the
 * writer while the reader keeps up; once the writer is backed up, the rest goes to a {@link Spool}
 * (a temporary file) and is copied to the writer after the calculation, waiting for the reader
 * between pieces. A slow reader then costs disk, not memory, and a fast one sees rows at once.
 */
import type { Writer } from '../io.js';
import type { Spool } from '../spool.js';

/** Writes to a writer, or to a spool once the writer is backed up (see the module comment). */
export class OverflowWriter {
  private spool: Spool | undefined;

  /** `createSpool` is called at most once, when the writer first backs up. */
  constructor(
    private readonly writer: Writer,
    private readonly createSpool: () => Spool,
  ) {}

  /** Writes `text` after everything written before it. */
  write(text: string): void {
    if (this.spool === undefined && this.writer.backedUp?.() !== true) {
      this.writer.write(text);
      return;
    }
    this.spool ??= this.createSpool();
    this.spool.write(text);
  }

  /** True once text has gone to the spool (it reaches the writer in {@link flush}). */
  get spooled(): boolean {
    return this.spool !== undefined;
  }

  /**
   * Copies what the spool holds to the writer, waiting for the reader between pieces, and deletes
   * it: what is written afterwards goes straight to the writer again (until it backs up).
   */
  async flush(): Promise<void> {
    const spool = this.spool;
    if (spool === undefined) return;
    for await (const piece of spool.read()) {
      this.writer.write(piece);
      await this.writer.drain?.();
    }
    spool.remove();
    this.spool = undefined;
  }

  /** Deletes the spool, if there is one. Safe to call more than once. */
  remove(): void {
    this.spool?.remove();
  }
}
