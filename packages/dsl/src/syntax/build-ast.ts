/**
 * CST -> AST: the file, the plan and its header settings, and the dispatch to the declaration
 * builders. Comments are collected into `file.comments`; doc comments attach to the declaration
 * (or field, territory, plan) that follows them.
 */
import type { CstNode, IToken } from 'chevrotain';
import type {
  Comment,
  File,
  HeaderSetting,
  PeriodKind,
  PlanDecl,
  PlanItem,
  RoundingMode,
  RoundingPoint,
} from './ast.js';
import { BuildContext, child, childNodes, token } from './build-context.js';
import {
  buildCredit,
  buildDateRange,
  buildLet,
  buildLookupTable,
  buildMeasure,
  buildMetric,
  buildPayCurve,
  buildPayee,
  buildQuota,
  buildRateTable,
  buildSource,
} from './build-declarations.js';
import {
  buildAdjustment,
  buildClawback,
  buildDraw,
  buildEarning,
  buildGuarantee,
  buildHoldback,
  buildSignal,
  buildTerritories,
} from './build-payouts.js';
import { firstTokenFrom } from './lexer.js';
import { monthNumber } from './months.js';
import type { LineIndex } from './positions.js';

type ItemBuilder = (ctx: BuildContext, node: CstNode, at: number) => PlanItem;

const itemBuilders: Record<string, ItemBuilder> = {
  currencySetting: (ctx, node, at) => ({
    kind: 'CurrencySetting',
    range: ctx.nodeRange(node, at),
    currency: ctx.name(token(node, 'currency')),
  }),
  periodSetting: (ctx, node, at) => ({
    kind: 'PeriodSetting',
    range: ctx.nodeRange(node, at),
    period: token(node, 'kind')?.image as PeriodKind | undefined,
  }),
  fiscalYearSetting: (ctx, node, at) => {
    const monthName = ctx.name(token(node, 'month'));
    return {
      kind: 'FiscalYearSetting',
      range: ctx.nodeRange(node, at),
      monthName,
      month: monthName === undefined ? undefined : monthNumber(monthName.text),
    };
  },
  effectiveSetting: (ctx, node, at) => ({
    kind: 'EffectiveSetting',
    range: ctx.nodeRange(node, at),
    effective: buildDateRange(ctx, child(node, 'dateRange'), ctx.end(node, at)),
  }),
  roundingSetting: buildRounding,
  source: buildSource,
  payeeSchema: buildPayee,
  letDecl: buildLet,
  measure: buildMeasure,
  quota: buildQuota,
  credit: buildCredit,
  rateTable: buildRateTable,
  lookupTable: buildLookupTable,
  payCurve: buildPayCurve,
  earning: buildEarning,
  draw: buildDraw,
  guarantee: buildGuarantee,
  holdback: buildHoldback,
  clawback: buildClawback,
  adjustment: buildAdjustment,
  territories: buildTerritories,
  metric: buildMetric,
  signal: buildSignal,
};

function buildRounding(ctx: BuildContext, node: CstNode, at: number): HeaderSetting {
  const modeNode = child(node, 'roundingMode');
  const direction = token(modeNode, 'direction')?.image;
  let mode: RoundingMode | undefined;
  if (token(modeNode, 'half') !== undefined) {
    mode = direction === 'up' ? 'half-up' : direction === 'even' ? 'half-even' : undefined;
  } else if (direction === 'up' || direction === 'down') {
    mode = direction;
  }
  return {
    kind: 'RoundingSetting',
    range: ctx.nodeRange(node, at),
    mode,
    decimals: ctx.number(token(node, 'decimals')),
    point: token(node, 'point')?.image as RoundingPoint | undefined,
  };
}

/**
 * Builds the AST of one file while the parser reads it. Each plan item is built as soon as the
 * parser has finished it ({@link FileBuilder.itemRead}) and its CST is then let go, so a long
 * plan's CST is never held in memory all at once: the CST is several times larger than the AST,
 * and holding all of it made the garbage collector's work grow faster than the text.
 */
export class FileBuilder {
  private readonly ctx: BuildContext;
  /** The AST of each plan item read so far; undefined for an item too broken to build. */
  private readonly items = new Map<CstNode, PlanItem | undefined>();
  /** Where the plan starts: its `plan` keyword is the first token the parser reads. */
  private readonly planStart: number;

  constructor(
    private readonly commentTokens: IToken[],
    parserTokens: IToken[],
    index: LineIndex,
  ) {
    this.ctx = new BuildContext(index, docComments(commentTokens, parserTokens));
    this.planStart = parserTokens[0]?.startOffset ?? 0;
  }

  /** Builds a plan item the parser has just finished, then empties its CST node. */
  readonly itemRead = (item: CstNode): void => {
    this.items.set(item, buildItem(this.ctx, item, this.planStart));
    for (const key of Object.keys(item.children)) delete item.children[key];
  };

  /** The AST of the file, once the parser has returned its CST. */
  file(cst: CstNode): File {
    const { ctx } = this;
    const planNode = child(cst, 'planDecl');
    return {
      kind: 'File',
      range: ctx.index.range(0, ctx.index.length),
      plan: planNode === undefined ? undefined : this.plan(planNode),
      comments: this.commentTokens.map((comment) => buildComment(ctx, comment)),
    };
  }

  private plan(node: CstNode): PlanDecl {
    const { ctx } = this;
    const at = ctx.start(node, 0);
    const items: PlanItem[] = [];
    for (const item of childNodes(node, 'planItem')) {
      // An item the parser gave up on halfway never reached `itemRead`: it is built here.
      const built = this.items.has(item) ? this.items.get(item) : buildItem(ctx, item, at);
      if (built !== undefined) items.push(built);
    }
    return {
      kind: 'Plan',
      range: ctx.nodeRange(node, at),
      doc: ctx.docAt(at),
      name: ctx.text(token(node, 'name')),
      version: ctx.text(token(node, 'version')),
      items,
    };
  }
}

/** The AST of one `planItem` node; `at` is where the plan starts. */
function buildItem(ctx: BuildContext, item: CstNode, at: number): PlanItem | undefined {
  const declaration = Object.keys(item.children)[0];
  const builder = declaration === undefined ? undefined : itemBuilders[declaration];
  const inner = declaration === undefined ? undefined : child(item, declaration);
  return builder !== undefined && inner !== undefined ? builder(ctx, inner, ctx.start(item, at)) : undefined;
}

function buildComment(ctx: BuildContext, comment: IToken): Comment {
  const text = comment.image;
  const style = text.startsWith('#') ? 'line' : /^\/\*\*(?!\/)/.test(text) ? 'doc' : 'block';
  return { kind: 'Comment', style, text, range: ctx.tokenRange(comment) };
}

/**
 * Doc comment texts by the start offset of the first token after them. When several doc comments
 * precede one token, the last one wins.
 */
function docComments(comments: IToken[], parserTokens: IToken[]): Map<number, string> {
  const docs = new Map<number, string>();
  for (const comment of comments) {
    if (!comment.image.startsWith('/**') || comment.image.startsWith('/**/')) continue;
    const next = firstTokenFrom(parserTokens, comment.startOffset + comment.image.length);
    if (next !== undefined) docs.set(next.startOffset, docText(comment.image));
  }
  return docs;
}

/** The text of a doc comment: without `/**`, `*\/` and the leading `*` of each line. */
export function docText(image: string): string {
  const body = image.replace(/^\/\*\*/, '').replace(/\*\/$/, '');
  const lines = body.split(/\r\n|\r|\n/).map((line) => line.replace(/^\s*\*? ?/, '').trimEnd());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n').trim();
}
