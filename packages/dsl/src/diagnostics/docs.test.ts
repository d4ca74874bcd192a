/**
 * docs/reference/diagnostics.md documents every diagnostic code with a failing example and the
 * message it produces. These tests keep the page true: every code has a section with its title and
 * severity, and every example really produces its code with exactly the documented message. The
 * plan snippets of the other pages must at least be valid syntax.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../compile.js';
import { parse } from '../syntax/parse.js';
import { type Code, codes } from './codes.js';

const page = readFileSync(
  join(import.meta.dirname, '..', '..', '..', '..', 'docs', 'reference', 'diagnostics.md'),
  'utf8',
);

/** One `### ATxxxx Title` section of the page. */
interface Section {
  code: string;
  title: string;
  body: string;
}

function sections(markdown: string): Section[] {
  const parts = markdown.split(/^### /m).slice(1);
  return parts.map((part) => {
    const newline = part.indexOf('\n');
    const heading = part.slice(0, newline);
    const [code = '', ...title] = heading.split(' ');
    // A section ends at the next level-2 heading (the start of the next family).
    const body = part.slice(newline + 1).split(/^## /m)[0] ?? '';
    return { code, title: title.join(' '), body };
  });
}

/** The fenced blocks of a section: info string and content. */
function fences(body: string): { info: string; content: string }[] {
  const blocks: { info: string; content: string }[] = [];
  const fence = /^```([^\n]*)\n([\s\S]*?)^```$/gm;
  for (let m = fence.exec(body); m !== null; m = fence.exec(body)) {
    blocks.push({ info: m[1] ?? '', content: m[2] ?? '' });
  }
  return blocks;
}

const documented = sections(page);
const allCodes = Object.keys(codes) as Code[];

describe('docs/reference/diagnostics.md', () => {
  it('has one section per code, in the order of codes.ts', () => {
    expect(documented.map((s) => s.code)).toEqual(allCodes);
  });

  for (const section of documented) {
    describe(section.code, () => {
      const info = codes[section.code as Code];
      const blocks = fences(section.body);
      // Every failing example, each followed by the message it produces.
      const examples = blocks.flatMap((b, i) =>
        b.info.trim() === `attain fails=${section.code}` ? [{ example: b, message: blocks[i + 1] }] : [],
      );

      it('has the title and severity of codes.ts', () => {
        expect(info).toBeDefined();
        expect(section.title).toBe(info.title);
        const severity =
          info.severity === 'error' ? 'Error.' : info.severity === 'warning' ? 'Warning.' : 'Info.';
        expect(section.body.trimStart().startsWith(severity)).toBe(true);
      });

      it('has a failing example followed by its message and a fix', () => {
        expect(examples.length).toBeGreaterThan(0);
        for (const { message } of examples) expect(message?.info).toBe('text');
        expect(section.body).toContain('**Fix:**');
      });

      examples.forEach(({ example, message }, i) => {
        const which = i === 0 ? '' : ` (example ${i + 1})`;

        it(`shows an example that produces the code with the documented message${which}`, () => {
          const result = compile(example.content, { uri: 'example.attain' });
          const produced = result.diagnostics.filter((d) => d.code === section.code);
          expect(produced.map((d) => d.message)).toContain(message?.content.trimEnd());
          expect(produced[0]?.severity).toBe(info.severity);
        });

        it(`shows an example whose first problem is its own, not one it causes${which}`, () => {
          // The first error for an error code (a warning about what the mistake leaves unused may
          // come before it), the first diagnostic otherwise.
          const result = compile(example.content, { uri: 'example.attain' });
          const first = result.diagnostics.find((d) => info.severity !== 'error' || d.severity === 'error');
          expect(first && `${first.code}: ${first.message}`).toBe(
            `${section.code}: ${message?.content.trimEnd()}`,
          );
        });
      });
    });
  }
});

/** Every page of the documentation with plan snippets (the diagnostics page's examples fail on purpose). */
const snippetPages = ['index.md', 'guide/language-tour.md', 'reference/language.md'];

/** `{` minus `}` outside texts and comments. */
function braceBalance(text: string): number {
  const code = text
    .replace(/"(?:[^"\\\n]|\\.)*"/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/#[^\n]*/g, '');
  return (code.match(/\{/g)?.length ?? 0) - (code.match(/\}/g)?.length ?? 0);
}

/**
 * A snippet as a whole file: a plan opening is closed; declarations are put inside a plan. A
 * snippet may end with the plan's closing brace (the end of a walk-through).
 */
function asPlanFile(snippet: string): string {
  const balance = braceBalance(snippet);
  if (/^\s*(\/\*\*[\s\S]*?\*\/\s*)?(#[^\n]*\n\s*)*plan "/.test(snippet))
    return snippet + '}\n'.repeat(Math.max(0, balance));
  const header = 'plan "Snippet" {\n  currency USD\n  period quarter\n  effective 2026-01-01 to 2026-12-31\n';
  return header + snippet + '}\n'.repeat(Math.max(0, balance + 1));
}

describe('plan snippets in the documentation', () => {
  for (const page of snippetPages) {
    const markdown = readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'docs', page), 'utf8');
    const snippets = fences(markdown).filter((b) => b.info.trim() === 'attain');
    it(`${page} has plan snippets`, () => {
      expect(snippets.length).toBeGreaterThan(0);
    });
    snippets.forEach((snippet, i) => {
      it(`${page} snippet ${i + 1} has no syntax error`, () => {
        // `MODE` stands for any of the rate table modes in the worked example.
        const text = asPlanFile(snippet.content.replace('MODE', 'marginal'));
        const syntax = parse(text).diagnostics.filter((d) => d.code.startsWith('AT1'));
        expect(syntax.map((d) => `${d.code} line ${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
      });
    });
  }
});

describe('the language tour', () => {
  const root = join(import.meta.dirname, '..', '..', '..', '..');
  const tour = readFileSync(join(root, 'docs', 'guide', 'language-tour.md'), 'utf8');
  const plan = readFileSync(join(root, 'examples', 'enterprise-ae', 'plan.attain'), 'utf8');
  const trimmed = (text: string): string[] => text.split('\n').map((line) => line.trim());
  const planLines = trimmed(plan).join('\n');

  fences(tour)
    .filter((b) => b.info.trim() === 'attain')
    .forEach((snippet, i) => {
      it(`quotes examples/enterprise-ae/plan.attain exactly (snippet ${i + 1})`, () => {
        // Indentation aside, every snippet is a run of consecutive lines of the plan.
        const lines = trimmed(snippet.content.trimEnd()).join('\n');
        expect(planLines).toContain(lines);
      });
    });
});
