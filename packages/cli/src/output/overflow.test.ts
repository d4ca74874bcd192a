import { describe, expect, it } from 'vitest';
import type { Writer } from '../io.js';
import { createMemorySpool, type Spool } from '../spool.js';
import { OverflowWriter } from './overflow.js';

/** A writer whose reader takes `room` writes, then is backed up until drained. */
function slowWriter(room: number) {
  const got: string[] = [];
  let pending = 0;
  let drains = 0;
  const writer: Writer = {
    write: (text) => {
      got.push(text);
      pending++;
    },
    backedUp: () => pending >= room,
    drain: async () => {
      drains++;
      pending = 0;
    },
  };
  return { writer, got, drains: () => drains };
}

/** A memory spool that counts how often it was made and removed. */
function countedSpools() {
  const made: { written: string[]; removed: number }[] = [];
  const create = (): Spool => {
    const inner = createMemorySpool();
    const seen = { written: [] as string[], removed: 0 };
    made.push(seen);
    return {
      write: (text) => {
        seen.written.push(text);
        inner.write(text);
      },
      read: () => inner.read(),
      remove: () => {
        seen.removed++;
        inner.remove();
      },
    };
  };
  return { create, made };
}

describe('OverflowWriter', () => {
  it('writes straight through, and makes no spool, while the reader keeps up', async () => {
    const { writer, got } = slowWriter(Number.POSITIVE_INFINITY);
    const out = new OverflowWriter(writer, () => {
      throw new Error('no spool is needed');
    });
    for (const text of ['a', 'b', 'c']) out.write(text);
    expect(got).toEqual(['a', 'b', 'c']);
    expect(out.spooled).toBe(false);
    await out.flush();
    out.remove();
    expect(got).toEqual(['a', 'b', 'c']);
  });

  it('puts text aside once the writer backs up, and copies it in order after', async () => {
    const { writer, got, drains } = slowWriter(2);
    const spools = countedSpools();
    const out = new OverflowWriter(writer, spools.create);
    const texts = Array.from({ length: 10 }, (_, i) => `row ${i}\n`);
    for (const text of texts) out.write(text);
    // Two writes reached the reader; the rest waits in one spool, even after the reader caught up.
    expect(got).toEqual(texts.slice(0, 2));
    expect(out.spooled).toBe(true);
    expect(spools.made).toEqual([{ written: texts.slice(2), removed: 0 }]);
    await out.flush();
    expect(got.join('')).toBe(texts.join(''));
    expect(drains()).toBeGreaterThan(0);
    expect(spools.made[0]?.removed).toBe(1);
    expect(out.spooled).toBe(false);
    // After the copy, text goes straight to the writer again; remove is safe to repeat.
    out.write('last\n');
    expect(got.at(-1)).toBe('last\n');
    out.remove();
    out.remove();
    expect(spools.made.length).toBe(1);
  });

  it('without backedUp on the writer, never spools', () => {
    const got: string[] = [];
    const out = new OverflowWriter({ write: (text) => got.push(text) }, () => {
      throw new Error('no spool is needed');
    });
    out.write('x');
    expect(got).toEqual(['x']);
  });
});
