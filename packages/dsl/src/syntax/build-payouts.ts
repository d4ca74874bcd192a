/**
 * CST -> AST for earnings, payout adjustments, territories and signals.
 */
import type { CstNode } from 'chevrotain';
import type {
  AdjustmentDecl,
  ClawbackDecl,
  DrawDecl,
  EarningClause,
  EarningDecl,
  EarningKind,
  GuaranteeDecl,
  HoldbackDecl,
  Severity,
  SignalDecl,
  TerritoriesDecl,
  TerritoryClause,
  TerritoryDecl,
} from './ast.js';
import { type BuildContext, child, childNodes, has, token, tokens } from './build-context.js';
import { buildDateRange, namedParts } from './build-declarations.js';
import { buildExpr, buildExprAfter } from './build-expressions.js';

// ---- earnings ----

export function buildEarning(ctx: BuildContext, node: CstNode, at: number): EarningDecl {
  return {
    kind: 'Earning',
    ...namedParts(ctx, node, at),
    earningKind: (token(node, 'earningKind')?.image ?? 'earning') as EarningKind,
    value: buildExpr(ctx, child(node, 'value'), ctx.after(node, 'Equals', ctx.end(node, at))),
    clauses: childNodes(node, 'earningClause').flatMap((clause) => buildEarningClause(ctx, clause)),
  };
}

function buildEarningClause(ctx: BuildContext, node: CstNode): EarningClause[] {
  const keyword = token(node, 'kind');
  if (keyword === undefined) return [];
  const range = ctx.nodeRange(node, keyword.startOffset);
  const value = () => buildExpr(ctx, child(node, 'value'), ctx.after(node, 'kind', range.end.offset));
  switch (keyword.image) {
    case 'per': {
      const per = token(node, 'per');
      if (per === undefined) return [];
      return [{ kind: per.image === 'line' ? 'PerLine' : 'PerPeriod', range }];
    }
    case 'when':
      return [{ kind: 'Gate', range, condition: value() }];
    case 'cap':
      return [{ kind: 'Cap', range, value: value() }];
    case 'floor':
      return [{ kind: 'Floor', range, value: value() }];
    case 'during':
      return [
        { kind: 'During', range, window: buildDateRange(ctx, child(node, 'dateRange'), range.end.offset) },
      ];
    case 'once':
      return [{ kind: 'Once', range }];
    default:
      return [{ kind: 'PaidYearToDate', range }];
  }
}

// ---- payout adjustments ----

export function buildDraw(ctx: BuildContext, node: CstNode, at: number): DrawDecl {
  return {
    kind: 'Draw',
    ...namedParts(ctx, node, at),
    amount: buildExpr(ctx, child(node, 'value'), ctx.after(node, 'Equals', ctx.end(node, at))),
    recoverable: !has(child(node, 'drawKind'), 'non'),
    periods: ctx.number(token(node, 'periods')),
    trueUp: has(node, 'trueUp'),
  };
}

export function buildGuarantee(ctx: BuildContext, node: CstNode, at: number): GuaranteeDecl {
  return {
    kind: 'Guarantee',
    ...namedParts(ctx, node, at),
    amount: buildExpr(ctx, child(node, 'value'), ctx.after(node, 'Equals', ctx.end(node, at))),
    periods: ctx.number(token(node, 'periods')),
    from: buildExprAfter(ctx, node, 'KwFrom', 'from'),
  };
}

export function buildHoldback(ctx: BuildContext, node: CstNode, at: number): HoldbackDecl {
  return {
    kind: 'Holdback',
    ...namedParts(ctx, node, at),
    share: ctx.percent(token(node, 'share')),
    earning: ctx.name(token(node, 'earning')),
    until: buildExprAfter(ctx, node, 'KwUntil', 'until'),
  };
}

export function buildClawback(ctx: BuildContext, node: CstNode, at: number): ClawbackDecl {
  return {
    kind: 'Clawback',
    ...namedParts(ctx, node, at),
    source: ctx.name(token(node, 'source')),
    cancelledOn: ctx.name(token(node, 'cancelledOn')),
    withinDays: ctx.number(token(node, 'withinDays')),
  };
}

export function buildAdjustment(ctx: BuildContext, node: CstNode, at: number): AdjustmentDecl {
  return { kind: 'Adjustment', ...namedParts(ctx, node, at) };
}

// ---- territories ----

export function buildTerritories(ctx: BuildContext, node: CstNode, at: number): TerritoriesDecl {
  const by = token(node, 'by')?.image;
  return {
    kind: 'Territories',
    range: ctx.nodeRange(node, at),
    doc: ctx.docAt(ctx.start(node, at)),
    source: ctx.name(token(node, 'source')),
    by: by === 'priority' || by === 'score' ? by : undefined,
    territories: childNodes(node, 'territory').map((territory) =>
      ctx.part(territory, () => buildTerritory(ctx, territory, at)),
    ),
  };
}

export function buildTerritory(ctx: BuildContext, node: CstNode, at: number): TerritoryDecl {
  return {
    kind: 'Territory',
    ...namedParts(ctx, node, at),
    clauses: childNodes(node, 'territoryClause').flatMap((clause) => buildTerritoryClause(ctx, clause)),
  };
}

function buildTerritoryClause(ctx: BuildContext, node: CstNode): TerritoryClause[] {
  const keyword = token(node, 'kind');
  if (keyword === undefined) return [];
  const range = ctx.nodeRange(node, keyword.startOffset);
  const value = () => buildExpr(ctx, child(node, 'value'), ctx.after(node, 'kind', range.end.offset));
  switch (keyword.image) {
    case 'where':
      return [{ kind: 'TerritoryWhere', range, condition: value() }];
    case 'named':
      return [
        {
          kind: 'TerritoryNamed',
          range,
          accounts: tokens(node, 'account').flatMap((a) => ctx.text(a) ?? []),
        },
      ];
    case 'priority':
      return [{ kind: 'TerritoryPriority', range, priority: ctx.number(token(node, 'priority')) }];
    case 'score':
      return [{ kind: 'TerritoryScore', range, score: value() }];
    default: {
      const role = token(node, 'role')?.image;
      return [
        {
          kind: 'TerritoryAssign',
          range,
          payee: ctx.text(token(node, 'payee')),
          role: role === 'primary' || role === 'overlay' ? role : undefined,
          from: ctx.date(token(node, 'from')),
          to: ctx.date(token(node, 'to')),
        },
      ];
    }
  }
}

// ---- signals ----

export function buildSignal(ctx: BuildContext, node: CstNode, at: number): SignalDecl {
  return {
    kind: 'Signal',
    ...namedParts(ctx, node, at),
    severity: token(child(node, 'severity'), 'severity')?.image as Severity | undefined,
    on: ctx.name(token(node, 'on')),
    condition: buildExprAfter(ctx, node, 'KwWhen', 'value'),
    message: ctx.text(token(node, 'message')),
  };
}
