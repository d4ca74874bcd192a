import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parse } from './parse.js';
import { describeTokenType } from './parse-messages.js';
import { declarations, parseBody, requiredHeader } from './test-support.js';
import { allTokens } from './tokens.js';

/** `[code, text covered by the range]` of each diagnostic. */
function covered(source: string, diagnostics: Diagnostic[]): [string, string][] {
  return diagnostics.map((d) => [d.code, source.slice(d.range.start.offset, d.range.end.offset)]);
}

function bodyDiagnostics(body: string): [string, string][] {
  const source = `plan "Test" {\n${requiredHeader}${body}\n}\n`;
  return covered(source, parse(source).diagnostics);
}

describe('one test per syntax code', () => {
  it('AT1001: unexpected text between declarations, covering the skipped words', () => {
    expect(bodyDiagnostics('measure a = 1\ngarbage more words\nmeasure b = 2')).toEqual([
      ['AT1001', 'garbage more words'],
    ]);
    const [d] = parseBody('measure a = 1\ngarbage\nmeasure b = 2').diagnostics;
    expect(d?.message).toBe(
      'Expected a setting, a declaration or the closing `}` of the plan but found `garbage`',
    );
  });

  it('AT1001: text after the plan', () => {
    const source = 'plan "P" { currency USD period month effective 2026-01-01 to 2026-12-31 } measure x = 1';
    expect(covered(source, parse(source).diagnostics)).toEqual([['AT1001', 'measure x = 1']]);
  });

  it('AT1001: text before the plan', () => {
    const source = 'hello\nplan "P" { currency USD period month effective 2026-01-01 to 2026-12-31 }';
    expect(covered(source, parse(source).diagnostics)).toEqual([['AT1001', 'hello']]);
    expect(parse(source).file.plan).toBeDefined();
  });

  it('AT1001: an empty list after `in`', () => {
    expect(bodyDiagnostics('measure a = x in []')).toEqual([['AT1001', ']']]);
  });

  it('AT1002: a missing `=`, shown on the word before it', () => {
    const [d] = parseBody('let c 5').diagnostics;
    expect(d?.code).toBe('AT1002');
    expect(d?.message).toBe('Missing `=` after `c`');
    expect(bodyDiagnostics('let c 5')).toEqual([['AT1002', 'c']]);
  });

  it('AT1002: a missing value before the next declaration', () => {
    expect(bodyDiagnostics('measure a = 1 +\nmeasure b = 2')).toEqual([['AT1002', '+']]);
    const [d] = parseBody('measure a =\nmeasure b = 2').diagnostics;
    expect(d?.message).toBe('Missing a value such as a number, a name or `(` after `=`');
  });

  it('AT1002: a missing closing brace at the end of the file', () => {
    const source = `plan "P" {\n${requiredHeader}measure a = 1\n`;
    const { diagnostics, file } = parse(source);
    expect(covered(source, diagnostics)).toEqual([['AT1002', '1']]);
    expect(diagnostics[0]?.message).toBe('Missing `}` after `1`');
    expect(file.plan?.items).toHaveLength(4);
  });

  it('AT1003: unterminated text, reported once', () => {
    expect(bodyDiagnostics('credit c from deals where stage = "Won {\n to owner\n}')).toEqual([
      ['AT1003', '"Won {'],
    ]);
  });

  it('AT1003: an unterminated comment swallowing the end of the plan, reported once', () => {
    const source = `plan "P" {\n${requiredHeader}measure a = 1 /* open\n}`;
    expect(covered(source, parse(source).diagnostics)).toEqual([['AT1003', '/* open\n}']]);
  });

  it('AT1004: an unknown character, reported once (not again where the parser stumbles)', () => {
    expect(bodyDiagnostics('measure a = 1 € 2\nmeasure b = 1')).toEqual([['AT1004', '€']]);
  });

  it('AT1004: single-quoted text, read as text', () => {
    const result = parseBody("measure a = stage = 'Won'");
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['AT1004', 'Text is written in double quotes: write `"Won"`'],
    ]);
    const [a] = declarations(result);
    expect(a?.kind === 'Measure' && a.value?.kind === 'Binary' && a.value.right).toMatchObject({
      kind: 'Text',
      value: 'Won',
    });
  });

  it('AT1005: an invalid month in a date', () => {
    expect(bodyDiagnostics('measure a = 2026-13-01')).toEqual([['AT1005', '2026-13-01']]);
  });

  it('AT1006: an invalid number', () => {
    expect(bodyDiagnostics('measure a = 1__000')).toEqual([['AT1006', '1__000']]);
  });

  it('AT1101: each missing required setting, on the plan header', () => {
    const source = 'plan "P" version "1" {\n  period month\n}';
    const { diagnostics } = parse(source);
    expect(covered(source, diagnostics)).toEqual([
      ['AT1101', 'plan "P" version "1"'],
      ['AT1101', 'plan "P" version "1"'],
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'The plan needs a `currency` setting, for example `currency USD`',
      'The plan needs an `effective` setting, for example `effective 2026-01-01 to 2026-12-31`',
    ]);
  });

  it('AT1102: a repeated setting, related to the first one', () => {
    const source = `plan "P" {\n${requiredHeader}currency EUR\n}`;
    const { diagnostics } = parse(source);
    expect(covered(source, diagnostics)).toEqual([['AT1102', 'currency EUR']]);
    const related = diagnostics[0]?.related?.[0];
    expect(related && source.slice(related.range.start.offset, related.range.end.offset)).toBe(
      'currency USD',
    );
  });

  it('AT1103: no plan in the file', () => {
    expect(covered('', parse('').diagnostics)).toEqual([['AT1103', '']]);
    expect(covered('# only a comment', parse('# only a comment').diagnostics)).toEqual([['AT1103', '']]);
    expect(covered('measure x = 1', parse('measure x = 1').diagnostics)).toEqual([['AT1103', 'measure']]);
  });

  it('AT1104: an unknown month name, with a suggestion', () => {
    const { diagnostics } = parseBody('fiscal year starts janury');
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['AT1104', '`janury` is not a month name: did you mean `january`?'],
    ]);
    expect(bodyDiagnostics('fiscal year starts janury')).toEqual([['AT1104', 'janury']]);
  });
});

describe('recovery', () => {
  const sixMistakes = `measure a = 1 +
measure b = 2
let c 5
garbage here
rate table t on a marginal {
  0% to 50% 2%
  50% and up: 4%
}
commission k = tiered(a, t) per deal
measure d = (1 + 2
measure last = 1`;

  it('reports each of six independent mistakes once', () => {
    expect(bodyDiagnostics(sixMistakes)).toEqual([
      ['AT1002', '+'],
      ['AT1002', 'c'],
      ['AT1001', 'garbage here'],
      ['AT1002', '50%'],
      ['AT1001', 'deal'],
      ['AT1002', '2'],
    ]);
  });

  it('keeps every declaration around the mistakes', () => {
    const names = declarations(parseBody(sixMistakes)).map((d) => ('name' in d ? d.name?.text : undefined));
    expect(names).toEqual(['a', 'b', 'c', 't', 'k', 'd', 'last']);
  });

  it('keeps the tiers of a table with a broken tier', () => {
    const table = declarations(parseBody(sixMistakes)).find((d) => d.kind === 'RateTable');
    expect(table?.kind === 'RateTable' && table.tiers.map((t) => t.open)).toEqual([false, true]);
  });

  it('resynchronises after a source whose `}` is missing', () => {
    const result = parseBody('source deals {\n id: Text key\nmeasure m = 1');
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['AT1002', 'Missing `}` after `key`'],
    ]);
    expect(declarations(result).map((d) => d.kind)).toEqual(['Source', 'Measure']);
  });

  it('keeps a member access that is still being typed (`deals.`)', () => {
    const result = parseBody('measure n = deals.\nmeasure o = 3');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['AT1002']);
    const [n, o] = declarations(result);
    expect(n?.kind === 'Measure' && n.value).toMatchObject({ kind: 'Member', object: { kind: 'NameRef' } });
    expect(n?.kind === 'Measure' && n.value?.kind === 'Member' && n.value.member).toBeUndefined();
    expect(o?.kind).toBe('Measure');
  });

  it('does not read `payee {` after a missing value as part of the value', () => {
    const result = parseBody('measure a =\npayee { ote: Money }');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['AT1002']);
    expect(declarations(result).map((d) => d.kind)).toEqual(['Measure', 'Payee']);
  });

  it('puts a Missing expression where the value should be', () => {
    const result = parseBody('measure a =\nmeasure b = 2');
    const [a] = declarations(result);
    expect(a?.kind === 'Measure' && a.value?.kind).toBe('Missing');
  });
});

describe('messages a comp admin can read (review finding 10)', () => {
  it('never name an internal token or show a pattern', () => {
    for (const type of allTokens) {
      const described = describeTokenType(type);
      expect(described, type.name).not.toMatch(/NOT_APPLICABLE|\\|\{\d|\[\^|\(\?/);
      expect(described, type.name).not.toContain(type.name);
    }
  });

  it('a keyword that is also a function, where a value is expected', () => {
    // Before: "Missing a name or `NOT_APPLICABLE` after `*`".
    const [d] = parseBody('commission c = bookings * rate').diagnostics;
    expect(d?.message).toBe('Missing a name or a call of `rate`, `lookup` or `curve` after `*`');
  });

  it('a currency code in small letters after a number: write it in capitals', () => {
    // Before: "Expected a setting, a declaration or the closing `}` of the plan but found `usd`".
    expect(bodyDiagnostics('bonus b = 100 usd')).toEqual([['AT1001', 'usd']]);
    const [d] = parseBody('bonus b = 100 usd').diagnostics;
    expect(d?.message).toBe('Currency codes are written in capitals: write `100 USD`, not `100 usd`');
    // Not a currency code: the usual message.
    expect(parseBody('bonus b = 100 abc').diagnostics[0]?.message).toContain('but found `abc`');
  });
});
