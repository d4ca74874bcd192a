import { describe, expect, it } from 'vitest';
import { quotedName, visible } from './shown.js';

describe('text from data files in messages', () => {
  it('cuts a name over 60 characters, with its length, and quotes it', () => {
    expect(visible('n'.repeat(60))).toBe('n'.repeat(60));
    expect(visible('n'.repeat(61))).toBe(`"${'n'.repeat(60)}…" (61 characters)`);
    // The cut part's invisible characters are written out too.
    expect(visible(`\u200b${'n'.repeat(4_000)}`)).toBe(`"\\u200B${'n'.repeat(59)}…" (4,001 characters)`);
    expect(quotedName('amount')).toBe('"amount"');
    expect(quotedName('amount\u00a0')).toBe('"amount\\u00A0"');
  });
});
