import { describe, expect, it } from 'vitest';
import { planTitle, quotedName, visible } from './shown.js';

describe('text from data files in messages', () => {
  it('cuts a name over 60 characters, with its length, and quotes it', () => {
    expect(visible('n'.repeat(60))).toBe('n'.repeat(60));
    expect(visible('n'.repeat(61))).toBe(`"${'n'.repeat(60)}…" (61 characters)`);
    // The cut part's invisible characters are written out too.
    expect(visible(`\u200b${'n'.repeat(4_000)}`)).toBe(`"\\u200B${'n'.repeat(59)}…" (4,001 characters)`);
    expect(quotedName('amount')).toBe('"amount"');
    expect(quotedName('amount\u00a0')).toBe('"amount\\u00A0"');
  });

  it("quotes a plan's name and version as names: cut over 60 characters, control characters written out", () => {
    expect(planTitle({ name: 'Inside Sales' })).toBe('"Inside Sales"');
    expect(planTitle({ name: 'Inside Sales', version: '2026.1' })).toBe('"Inside Sales" version "2026.1"');
    expect(planTitle({ name: 'p'.repeat(2_000), version: '1\u001b' })).toBe(
      `"${'p'.repeat(60)}…" (2,000 characters) version "1\\u001B"`,
    );
    // A non-breaking space in a name is meant, as in the plan's labels.
    expect(planTitle({ name: 'Plan\u00a0A' })).toBe('"Plan\u00a0A"');
  });
});
