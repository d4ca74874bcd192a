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
  buildCurvePoint,
  buildDateRange,
  buildField,
  buildLet,
  buildLookupRow,
  buildLookupTable,
  buildMeasure,
  buildMetric,
  buildPayCurve,
  buildPayee,
  buildQuota,
  buildRateTable,
  buildSource,
  buildTier,
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
  buildTerritory,
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

/** Builders of the repeated parts of a plan, by rule name: each is built as soon as it is read. */
const partBuilders: Record<string, (ctx: BuildContext, node: CstNode, at: number) => unknown> = {
  planItem: buildItem,
  field: buildField,
  tier: buildTier,
  lookupRow: buildLookupRow,
  curvePoint: buildCurvePoint,
  territory: buildTerritory,
};

/**
 * Builds the AST of one file while the parser reads it. Each repeated part (plan item, field, tier,
 * lookup row, curve point, territory) is built as soon as the parser has finished it
 * ({@link FileBuilder.partRead}) and its CST is then let go, so the CST of a long plan or of a
 * long table is never held in memory all at once: the CST is several times larger than the AST,
 * and holding all of it made the garbage collector's work grow faster than the text.
 */
export class FileBuilder {
  private readonly ctx: BuildContext;

  constructor(
    private readonly commentTokens: IToken[],
    parserTokens: IToken[],
    index: LineIndex,
  ) {
    this.ctx = new BuildContext(index, docComments(commentTokens, parserTokens));
  }

  /**
   * Builds a part the parser has just finished, then empties its CST node. A part that has no
   * real token (only tokens assumed by error recovery) is placed by its parent: it is left to be
   * built with the parent.
   */
  readonly partRead = (node: CstNode): void => {
    const build = partBuilders[node.name];
    const start = node.location?.startOffset;
    if (build === undefined || start === undefined || Number.isNaN(start)) return;
    this.ctx.keepEarly(node, build(this.ctx, node, start));
    for (const key of Object.keys(node.children)) delete node.children[key];
  };

  /** The AST of the file, once the parser has returned its CST. */
  file(cst: CstNode): File {
    const { ctx } = this;
    const planNode = child(cst, 'planDecl');
    return {
      kind: 'File',
      range: ctx.index.range(0, ctx.index.length),
      plan: planNode === undefined ? undefined : buildPlan(ctx, planNode),
      comments: this.commentTokens.map((comment) => buildComment(ctx, comment)),
    };
  }
}

function buildPlan(ctx: BuildContext, node: CstNode): PlanDecl {
  const at = ctx.start(node, 0);
  const items: PlanItem[] = [];
  for (const item of childNodes(node, 'planItem')) {
    // Built already, unless the parser gave up on it halfway.
    const built = ctx.part(item, () => buildItem(ctx, item, at));
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
