/**
 * The TextMate grammar read by Shiki, the highlighter VitePress uses: each kind of token gets its
 * scope, and no word or symbol of the example plans is left without one.
 */
import { readFileSync } from 'node:fs';
import { type BundledLanguage, createHighlighter, type Highlighter } from 'shiki';
import { beforeAll, describe, expect, it } from 'vitest';
import { keywords, softKeywords } from '../syntax/tokens.js';
import { examplePlans } from '../test-support.js';
import { textMateGrammar } from './textmate.js';

let highlighter: Highlighter;

beforeAll(async () => {
  highlighter = await createHighlighter({ langs: [textMateGrammar], themes: ['github-light'] });
});

/** Every piece of `code` with its innermost scope (`source.attain` when nothing more). */
function pieces(code: string): { text: string; scope: string }[] {
  const lines = highlighter.codeToTokensBase(code, {
    // Registered when the highlighter was made; Shiki's types list only the languages it bundles.
    lang: textMateGrammar.name as BundledLanguage,
    theme: 'github-light',
    includeExplanation: true,
  });
  return lines.flat().flatMap((token) =>
    (token.explanation ?? []).map((e) => ({
      text: e.content,
      scope: e.scopes[e.scopes.length - 1]?.scopeName ?? '',
    })),
  );
}

/** The scope of the first piece of `code` whose text, trimmed, is `text`. */
function scopeOf(code: string, text: string): string | undefined {
  return pieces(code).find((p) => p.text.trim() === text)?.scope;
}

describe('textMateGrammar', () => {
  const plan = readFileSync(examplePlans.find((p) => p.includes('enterprise-ae')) as string, 'utf8');

  it('scopes each kind of token of a plan', () => {
    expect(scopeOf(plan, 'plan')).toBe('keyword.other.attain');
    expect(scopeOf(plan, 'Enterprise AE')).toBe('string.quoted.double.attain');
    expect(scopeOf(plan, '2026-02-01')).toBe('constant.numeric.date.attain');
    expect(scopeOf(plan, '20%')).toBe('constant.numeric.percent.attain');
    expect(scopeOf(plan, '10_000')).toBe('constant.numeric.attain');
    expect(scopeOf(plan, 'USD')).toBe('support.constant.currency.attain');
    expect(scopeOf(plan, 'Money')).toBe('support.type.attain');
    expect(scopeOf(plan, 'tiered')).toBe('support.function.attain');
    expect(scopeOf(plan, '# Our fiscal year runs February to January, so Q1 is February to April.')).toBe(
      'comment.line.number-sign.attain',
    );
    expect(scopeOf(plan, 'Closed opportunities exported nightly from the CRM, one row per deal.')).toBe(
      'comment.block.documentation.attain',
    );
  });

  it('names what a declaration declares', () => {
    const code = 'commission new_business "New business" = tiered(bookings, commission_rates)';
    expect(scopeOf(code, 'commission')).toBe('keyword.other.declaration.attain');
    expect(scopeOf(code, 'new_business')).toBe('entity.name.function.attain');
    expect(scopeOf(code, 'bookings')).toBe('variable.other.attain');
    const table = 'rate table commission_rates "Rates" on attainment marginal {';
    expect(scopeOf(table, 'commission_rates')).toBe('entity.name.type.table.attain');
    expect(scopeOf(table, 'marginal')).toBe('keyword.other.attain');
    expect(scopeOf('pay curve bonus_curve "Curve" {', 'bonus_curve')).toBe('entity.name.type.table.attain');
    // `territories` names nothing: `on` is the keyword it continues with.
    expect(scopeOf('  territories on accounts by priority {', 'on')).toBe('keyword.other.attain');
    expect(scopeOf('    territory emea "EMEA" {', 'emea')).toBe('entity.name.function.attain');
  });

  it('reads a soft keyword as a setting word, and as a name after a dot or before a colon', () => {
    expect(scopeOf('  id: Text key', 'key')).toBe('keyword.other.setting.attain');
    expect(scopeOf('  rounding half up to 2 decimals at line', 'line')).toBe('keyword.other.setting.attain');
    expect(scopeOf('  amount: Money', 'amount')).toBe('variable.other.attain');
    expect(scopeOf('  relief sum(quota_relief.amount)', 'amount')).toBe('variable.other.attain');
    expect(scopeOf('  relief sum(quota_relief.amount)', 'sum')).toBe('support.function.attain');
  });

  it('scopes every keyword of the lexer as a keyword or a constant', () => {
    for (const word of keywords.keys()) {
      const scope = scopeOf(`x ${word} y`, word);
      const expected = ['true', 'false', 'today'].includes(word)
        ? 'constant.language.attain'
        : ['and', 'or', 'not', 'in'].includes(word)
          ? 'keyword.operator.word.attain'
          : softKeywords.has(word)
            ? 'keyword.other.setting.attain'
            : 'keyword.other.attain';
      expect({ word, scope }).toEqual({ word, scope: expected });
    }
  });

  it('keeps a dated literal whole: a date, a period, a fiscal year', () => {
    expect(scopeOf('during 2026-11-01 to 2027-01-31', '2026-11-01')).toBe('constant.numeric.date.attain');
    expect(scopeOf('x = 2026-Q1', '2026-Q1')).toBe('constant.numeric.period.attain');
    expect(scopeOf('x = FY2026', 'FY2026')).toBe('constant.numeric.period.attain');
    expect(scopeOf('x = "a \\"quoted\\" word"', '\\"')).toBe('constant.character.escape.attain');
  });

  for (const path of examplePlans) {
    it(`leaves nothing unscoped in ${path.split('/').slice(-2).join('/')}`, () => {
      const bare = pieces(readFileSync(path, 'utf8')).filter(
        (p) => p.scope === 'source.attain' && p.text.trim() !== '',
      );
      expect(bare).toEqual([]);
    });
  }
});
