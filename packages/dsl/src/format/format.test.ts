import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { compile } from '../compile.js';
import { parse } from '../syntax/parse.js';
import { validPlanArbitrary } from '../testing/arbitrary.js';
import { meaningOf } from '../testing/same-meaning.js';
import { stripRanges } from '../testing/strip-ranges.js';
import { format, formatFile } from './format.js';

const isSyntaxError = (d: { code: string; severity: string }) =>
  d.severity === 'error' && d.code.startsWith('AT1');

/** Comment texts, whatever their indentation, in a stable order. */
function commentTexts(text: string): string[] {
  return parse(text)
    .file.comments.map((c) =>
      c.text
        .split(/\r\n|\r|\n/)
        .map((l) => l.trim())
        .join('\n'),
    )
    .sort();
}

/** Formats `text`, which must have no syntax error, without the safety net of `format`. */
function formatStrict(text: string): string {
  return formatFile(parse(text).file, text);
}

describe('format', () => {
  test('formats a valid plan and reports no diagnostics', () => {
    const result = format('plan "P" { currency USD period month effective 2026-01-01 to 2026-12-31 }');
    expect(result).toEqual({
      text: 'plan "P" {\n  currency USD\n  period month\n  effective 2026-01-01 to 2026-12-31\n}\n',
      diagnostics: [],
    });
  });

  test('returns no text and the syntax diagnostics when the plan does not parse', () => {
    const result = format(
      'plan "P" { currency USD period month effective 2026-01-01 to 2026-12-31 let = 5 }',
    );
    expect(result.text).toBeUndefined();
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics.every(isSyntaxError)).toBe(true);
  });

  test('a missing required setting is a syntax error too', () => {
    const result = format('plan "P" { currency USD }');
    expect(result.text).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toContain('AT1101');
  });

  test('formats plans with type or name errors: only syntax errors stop it', () => {
    const result = format(
      'plan "P" { currency USD period month effective 2026-01-01 to 2026-12-31 let x = unknown_name + 1 USD }',
    );
    expect(result.text).toContain('let x = unknown_name + 1 USD');
    expect(compile(result.text ?? '').diagnostics.some((d) => d.code === 'AT2001')).toBe(true);
  });

  test('accepts CRLF line ends and writes LF', () => {
    const result = format(
      'plan "P" {\r\n  currency USD # c\r\n  period month\r\n\r\n\r\n  effective 2026-01-01 to 2026-12-31\r\n}\r\n',
    );
    expect(result.text).toBe(
      'plan "P" {\n  currency USD # c\n  period month\n  effective 2026-01-01 to 2026-12-31\n}\n',
    );
  });
});

describe('format properties', () => {
  test.prop([validPlanArbitrary({ maxDeclarations: 10 })], { numRuns: 150 })(
    'formatting is idempotent: format(format(x)) = format(x)',
    (text) => {
      const once = formatStrict(text);
      expect(formatStrict(once)).toBe(once);
      expect(format(text).text).toBe(once);
    },
    60_000,
  );

  test.prop([validPlanArbitrary({ maxDeclarations: 10 })], { numRuns: 150 })(
    'formatting keeps every comment',
    (text) => {
      expect(commentTexts(formatStrict(text))).toEqual(commentTexts(text));
    },
    60_000,
  );

  test.prop([validPlanArbitrary({ maxDeclarations: 10 })], { numRuns: 100 })(
    'formatting changes no meaning: the same tree and the same compiled plan',
    (text) => {
      const formatted = formatStrict(text);
      expect(meaningOf(parse(formatted).file)).toEqual(meaningOf(parse(text).file));
      const before = compile(text);
      const after = compile(formatted);
      expect(before.plan).toBeDefined();
      expect(stripRanges(after.plan)).toEqual(stripRanges(before.plan));
    },
    60_000,
  );

  test.prop([validPlanArbitrary({ maxDeclarations: 10, layout: 'tidy' })], { numRuns: 50 })(
    'formatted lines have no trailing spaces, no tabs and at most one blank line in a row',
    (text) => {
      const formatted = formatStrict(text);
      expect(formatted).not.toMatch(/[ \t]\n/);
      expect(formatted).not.toMatch(/\t/);
      expect(formatted).not.toMatch(/\n\n\n/);
      expect(formatted.endsWith('}\n')).toBe(true);
    },
    60_000,
  );

  test.prop([fc.string({ unit: 'grapheme', maxLength: 300 })], { numRuns: 300 })(
    'never throws on arbitrary text',
    (text) => {
      const result = format(text);
      expect(result.text === undefined).toBe(result.diagnostics.some(isSyntaxError));
    },
    60_000,
  );

  /** A valid plan with one line removed, or one span of characters removed or repeated. */
  const damagedPlan = validPlanArbitrary({ maxDeclarations: 6, layout: 'tidy' }).chain((text) =>
    fc
      .tuple(fc.nat(text.length), fc.nat(40), fc.constantFrom('drop-line', 'drop-span', 'repeat-span'))
      .map(([at, size, how]) => {
        if (how === 'drop-line') {
          const lines = text.split('\n');
          lines.splice(at % lines.length, 1);
          return lines.join('\n');
        }
        const span = text.slice(at, at + size);
        return text.slice(0, at) + (how === 'repeat-span' ? span + span : '') + text.slice(at + size);
      }),
  );

  test.prop([damagedPlan], { numRuns: 300 })(
    'text is returned exactly when there is no syntax error, and then it is a fixed point of the same meaning',
    (text) => {
      const result = format(text);
      const syntaxErrors = parse(text).diagnostics.filter(isSyntaxError);
      expect(result.text === undefined).toBe(syntaxErrors.length > 0);
      if (result.text === undefined) {
        expect(result.diagnostics).toEqual(syntaxErrors);
        return;
      }
      const formatted = formatStrict(text);
      expect(result.text).toBe(formatted);
      expect(parse(formatted).diagnostics.filter(isSyntaxError)).toEqual([]);
      expect(meaningOf(parse(formatted).file)).toEqual(meaningOf(parse(text).file));
      expect(formatStrict(formatted)).toBe(formatted);
    },
    60_000,
  );
});
