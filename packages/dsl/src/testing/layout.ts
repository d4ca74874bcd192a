/**
 * Writes a generated plan model as text: either in a tidy conventional layout (for benchmark
 * plans), or with random but valid whitespace, line breaks and comments between any two tokens
 * (for formatter and parser properties). Newlines carry no meaning in the language, so every such
 * layout is the same plan.
 */
import type { GenDecl, GenPlan } from './plan-model.js';
import { chance, pick, type Random } from './random.js';

/** Line comments sprinkled into random layouts; some contain characters that look like code. */
export const lineComments = [
  '# checked with sales finance',
  '#no space after the hash',
  '# tiers agreed { with RevOps }',
  '# "quoted" and (parenthesised) text, 50% * 2',
  '#',
  '# TODO: review next year # twice',
];

const blockComments = ['/* inline note */', '/** inline doc-looking note */', '/* spans\n   two lines */'];

function docComment(text: string, random?: Random): string {
  if (random !== undefined && chance(random, 0.3)) return `/**\n * ${text}\n */`;
  return `/** ${text} */`;
}

/** The plan in a conventional layout: two-space indentation, a blank line between declarations. */
export function tidyLayout(plan: GenPlan): string {
  const out: string[] = [];
  if (plan.doc !== undefined) out.push(docComment(plan.doc));
  out.push(`plan "${plan.name}"${plan.version === undefined ? '' : ` version "${plan.version}"`} {`);
  for (const header of plan.headers) out.push(...header.lines.map((l) => `  ${l}`));
  for (const decl of plan.declarations) {
    out.push('');
    if (decl.doc !== undefined) out.push(`  ${docComment(decl.doc)}`);
    out.push(...decl.lines.map((l) => `  ${l}`));
  }
  out.push('}', '');
  return out.join('\n');
}

/** Splits a line into tokens at spaces outside text literals. */
export function tokens(line: string): string[] {
  const result: string[] = [];
  let current = '';
  let inText = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (inText && c === '\\') {
      current += c + line.charAt(i + 1);
      i++;
      continue;
    }
    if (c === '"') inText = !inText;
    if (c === ' ' && !inText) {
      if (current !== '') result.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  if (current !== '') result.push(current);
  return result;
}

function indentation(random: Random): string {
  return pick(random, ['', '  ', '    ', '      ', '\t', ' ']);
}

/** Whitespace (and maybe a comment) between two tokens of one line. */
function withinLine(random: Random): string {
  const roll = random.int(0, 99);
  if (roll < 84) return ' ';
  if (roll < 89) return '   ';
  if (roll < 93) return `\n${indentation(random)}  `;
  if (roll < 97) return ` ${pick(random, lineComments)}\n${indentation(random)}`;
  return ` ${pick(random, blockComments)} `;
}

/** Whitespace (and maybe comments) where the tidy layout breaks a line. */
function betweenLines(random: Random): string {
  const roll = random.int(0, 99);
  if (roll < 66) return `\n${indentation(random)}`;
  if (roll < 78) return ' ';
  if (roll < 86) return ` ${pick(random, lineComments)}\n${indentation(random)}`;
  if (roll < 93) return `\n\n${indentation(random)}`;
  return `\n${indentation(random)}${pick(random, lineComments)}\n${indentation(random)}`;
}

/** Whitespace and comments between two declarations. */
function betweenItems(random: Random): string {
  const roll = random.int(0, 99);
  if (roll < 45) return '\n  ';
  if (roll < 75) return '\n\n  ';
  if (roll < 80) return '\n\n\n\n  ';
  if (roll < 88) return `\n\n  ${pick(random, lineComments)}\n  `;
  if (roll < 93) return `\n  ${pick(random, lineComments)}\n\n  `;
  if (roll < 96) return ` ${pick(random, lineComments)}\n`;
  return ' ';
}

function itemText(decl: GenDecl, random: Random): string {
  let text = '';
  decl.lines.forEach((line, i) => {
    if (i > 0) text += betweenLines(random);
    tokens(line.trim()).forEach((token, j) => {
      if (j > 0) text += withinLine(random);
      text += token;
    });
  });
  if (decl.doc === undefined) return text;
  return `${docComment(decl.doc, random)}${chance(random, 0.8) ? '\n  ' : ' '}${text}`;
}

/**
 * The plan with random layout and comments. Header settings usually come first, in a random
 * order, but now and then one (other than `effective`) is written between declarations.
 */
export function randomLayout(plan: GenPlan, random: Random): string {
  const items: GenDecl[] = [...plan.declarations];
  const headers = [...plan.headers];
  for (let i = headers.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [headers[i], headers[j]] = [headers[j] as GenDecl, headers[i] as GenDecl];
  }
  for (const header of headers.reverse()) {
    // An `effective` setting after a declaration would read as that declaration's own dates.
    const movable = header.kind !== 'EffectiveSetting';
    const at = movable && chance(random, 0.1) ? random.int(0, items.length) : 0;
    items.splice(at, 0, header);
  }
  let text = chance(random, 0.2) ? `${pick(random, lineComments)}\n` : '';
  if (plan.doc !== undefined) text += `${docComment(plan.doc, random)}\n`;
  const head = `plan "${plan.name}"${plan.version === undefined ? '' : ` version "${plan.version}"`} {`;
  tokens(head).forEach((token, j) => {
    text += (j > 0 ? withinLine(random) : '') + token;
  });
  for (const item of items) text += betweenItems(random) + itemText(item, random);
  text += `${pick(random, ['\n', '\n\n', ' ', `\n  ${pick(random, lineComments)}\n`])}}`;
  if (chance(random, 0.3)) text += `\n${pick(random, lineComments)}`;
  return `${text}\n`;
}
