import { describe, expect, it } from 'vitest';
import { colourAllowed, createStyle } from './style.js';

describe('colour', () => {
  it('is allowed only on a terminal without NO_COLOR', () => {
    expect(colourAllowed({ write() {}, isTTY: true }, {})).toBe(true);
    expect(colourAllowed({ write() {}, isTTY: false }, {})).toBe(false);
    expect(colourAllowed({ write() {} }, {})).toBe(false);
    expect(colourAllowed({ write() {}, isTTY: true }, { NO_COLOR: '1' })).toBe(false);
  });

  it('leaves text unchanged when disabled', () => {
    const style = createStyle(false);
    expect(style.red(style.bold('x'))).toBe('x');
    expect(createStyle(true).red('x')).toBe('\u001b[31mx\u001b[39m');
  });
});
