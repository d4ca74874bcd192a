import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pieceSize } from './output/text-pieces.js';
import { createFileSpool, createMemorySpool, type Spool, SpoolError } from './spool.js';
import { canListOpenFiles, openFiles } from './test-support/open-files.js';
import { tmpdirPerTest } from './test-support/temp-dir.js';

async function readAll(spool: Spool): Promise<string[]> {
  const pieces: string[] = [];
  for await (const piece of spool.read()) pieces.push(piece);
  return pieces;
}

describe('createFileSpool', () => {
  // Each test gets a directory of its own to look into.
  const tmp = tmpdirPerTest();

  it('gives back what was written, in order, from a file no directory lists', async () => {
    const spool = createFileSpool();
    // Unlinked as soon as it was opened: nothing to see, and nothing to leave behind.
    expect(readdirSync(tmp())).toEqual([]);
    // "é" is two bytes in UTF-8: the first piece read of the file ends inside the first one.
    const texts = ['a'.repeat(pieceSize - 1), 'é'];
    for (let i = 0; i < 5000; i++) texts.push(`,\n    "statement é ${i}"`);
    for (const text of texts) spool.write(text);
    const pieces = await readAll(spool);
    expect(pieces.join('')).toBe(texts.join(''));
    expect(pieces.length).toBeGreaterThan(1);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThanOrEqual(pieceSize);
    spool.remove();
    spool.remove();
    expect(readdirSync(tmp())).toEqual([]);
  });

  it.runIf(canListOpenFiles)('keeps its text in a file only its owner may read', () => {
    const spool = createFileSpool();
    const text = 'x'.repeat(pieceSize);
    spool.write(text);
    spool.write(text);
    const mine = openFiles().find((file) => file.path.includes(`${tmp()}/attain-`));
    expect(mine?.path).toMatch(/attain-\d+-[0-9a-f-]{36}\.spool \(deleted\)$/);
    expect(mine?.size).toBe(2 * pieceSize);
    expect(mine?.mode).toBe(0o600);
    spool.remove();
    expect(openFiles().some((file) => file.path.includes(`${tmp()}/attain-`))).toBe(false);
  });

  it('throws a SpoolError naming the directory when no file can be made there', () => {
    process.env.TMPDIR = join(tmp(), 'missing');
    expect(() => createFileSpool()).toThrow(SpoolError);
    expect(() => createFileSpool()).toThrow(
      `cannot create a temporary file in ${join(tmp(), 'missing')}: ENOENT`,
    );
  });
});

describe('createMemorySpool', () => {
  it('gives back what was written, in order, and nothing once removed', async () => {
    const spool = createMemorySpool();
    spool.write('a');
    spool.write('b');
    expect((await readAll(spool)).join('')).toBe('ab');
    spool.remove();
    expect(await readAll(spool)).toEqual([]);
  });
});
