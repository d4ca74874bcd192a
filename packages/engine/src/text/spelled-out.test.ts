import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invisible, spelledOut } from './spelled-out.js';

describe('spelledOut', () => {
  it('writes out control characters, zero-width and directional marks and odd spaces', () => {
    expect(spelledOut('a\u001b[2Jb\u007f\u0085\nc\u200b\u00a0')).toBe(
      'a\\u001B[2Jb\\u007F\\u0085\nc\\u200B\\u00A0',
    );
    // A right-to-left override would reorder what follows it on screen.
    expect(spelledOut('D1\u202e0021')).toBe('D1\\u202E0021');
    expect(spelledOut('\ufeffid')).toBe('\\uFEFFid');
  });

  it('with controlsOnly keeps the spaces of a label', () => {
    expect(spelledOut('Commission\u00a0: \u001b\u200b', true)).toBe('Commission\u00a0: \\u001B\u200b');
  });

  it('keeps visible text, line breaks and characters outside the basic plane as they are', () => {
    expect(spelledOut('Prämie 1 200 € 😀\nnext')).toBe('Prämie 1 200 € 😀\nnext');
  });

  it('leaves no invisible character but a line break, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.boolean(), (text, controlsOnly) => {
        const shown = spelledOut(text, controlsOnly);
        expect(spelledOut(shown, controlsOnly)).toBe(shown);
        if (!controlsOnly)
          for (const c of shown)
            if (c !== '\n' && c.length === 1) expect(invisible(c.charCodeAt(0))).toBe(false);
      }),
    );
  });
});
