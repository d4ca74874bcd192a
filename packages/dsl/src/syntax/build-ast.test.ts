import { describe, expect, it } from 'vitest';
import { docText } from './build-ast.js';
import { canonicalNumber } from './build-context.js';
import { parse } from './parse.js';
import { requiredHeader } from './test-support.js';

describe('docText', () => {
  it('strips the markers of a one-line doc comment', () => {
    expect(docText('/** Shown on the statement. */')).toBe('Shown on the statement.');
  });

  it('strips the leading star of each line and the blank first and last lines', () => {
    expect(docText('/**\n * First.\n *\n *   Indented.\n */')).toBe('First.\n\n  Indented.');
  });

  it('keeps lines without a star, and handles \\r\\n', () => {
    expect(docText('/** One\r\n    two */')).toBe('One\ntwo');
  });
});

describe('canonicalNumber', () => {
  it('removes separators and redundant leading zeros, keeping the written fraction', () => {
    expect(canonicalNumber('250_000')).toBe('250000');
    expect(canonicalNumber('007.50')).toBe('7.50');
    expect(canonicalNumber('0')).toBe('0');
    expect(canonicalNumber('0_000.5')).toBe('0.5');
  });

  it('keeps only the digits of a malformed number', () => {
    expect(canonicalNumber('500USD')).toBe('500');
    expect(canonicalNumber('1.')).toBe('1');
  });
});

describe('node ranges', () => {
  const source = `/** The plan. */\nplan "P" {\n${requiredHeader}  measure m "M" = a + 1\n}\n`;
  const { file } = parse(source);
  const text = (range: { start: { offset: number }; end: { offset: number } } | undefined) =>
    range === undefined ? undefined : source.slice(range.start.offset, range.end.offset);

  it('cover a declaration from its keyword to its last token', () => {
    const measure = file.plan?.items[3];
    expect(text(measure?.range)).toBe('measure m "M" = a + 1');
    expect(measure?.kind === 'Measure' && text(measure.name?.range)).toBe('m');
    expect(measure?.kind === 'Measure' && text(measure.label?.range)).toBe('"M"');
  });

  it('cover the plan from `plan` to its closing brace, and the file entirely', () => {
    expect(text(file.plan?.range)?.startsWith('plan "P" {')).toBe(true);
    expect(text(file.plan?.range)?.endsWith('}')).toBe(true);
    expect(text(file.range)).toBe(source);
  });
});

describe('plan items', () => {
  // Items are built as the parser finishes them; one it gives up on halfway is built afterwards.
  it('keeps the items read before and after a broken one, in order', () => {
    const { file } = parse(`plan "P" {\n${requiredHeader}  measure a = 1 +\n  measure b = 2\n}\n`);
    const names = file.plan?.items.map((item) => ('name' in item ? item.name?.text : item.kind));
    expect(names).toEqual(['CurrencySetting', 'PeriodSetting', 'EffectiveSetting', 'a', 'b']);
  });

  it('keeps a declaration that the end of the file cuts off', () => {
    const { file } = parse(
      `plan "P" {\n${requiredHeader}  rate table t on x retroactive {\n    0% to 10%: 1%\n`,
    );
    const table = file.plan?.items[3];
    expect(table?.kind).toBe('RateTable');
    expect(table?.kind === 'RateTable' && table.tiers.map((tier) => tier.rate?.kind)).toEqual(['Percent']);
  });
});
