/**
 * CST -> AST for sources, payee schemas, definitions, quotas, credits and tables.
 */
import type { CstNode } from 'chevrotain';
import type {
  Bound,
  CreditClause,
  CreditDecl,
  CurvePoint,
  DateRange,
  FieldDecl,
  FieldModifier,
  LetDecl,
  LookupKey,
  LookupRow,
  LookupTableDecl,
  MeasureDecl,
  MetricDecl,
  NamedDecl,
  PayCurveDecl,
  PayeeDecl,
  QuotaClause,
  QuotaDecl,
  RateTableDecl,
  Recipient,
  SourceDecl,
  TableMode,
  Tier,
  TypeName,
  TypeRef,
} from './ast.js';
import { type BuildContext, child, childNodes, has, token, tokens } from './build-context.js';
import { buildExpr, buildExprAfter } from './build-expressions.js';

/** The parts every named declaration shares: doc, name, label, effective dates. */
export function namedParts(ctx: BuildContext, node: CstNode, at: number): NamedDecl {
  return {
    range: ctx.nodeRange(node, at),
    doc: ctx.docAt(ctx.start(node, at)),
    name: ctx.name(token(node, 'name')),
    label: ctx.text(token(node, 'label')),
    effective: buildDateRange(ctx, child(child(node, 'effectiveClause'), 'dateRange'), ctx.end(node, at)),
  };
}

export function buildDateRange(
  ctx: BuildContext,
  node: CstNode | undefined,
  at: number,
): DateRange | undefined {
  if (node === undefined) return undefined;
  return {
    kind: 'DateRange',
    from: ctx.date(token(node, 'from')),
    to: ctx.date(token(node, 'to')),
    range: ctx.nodeRange(node, at),
  };
}

function buildTypeRef(ctx: BuildContext, node: CstNode | undefined, at: number): TypeRef | undefined {
  if (node === undefined) return undefined;
  return {
    kind: 'TypeRef',
    name: token(node, 'type')?.image as TypeName | undefined,
    currency: ctx.name(token(node, 'currency')),
    range: ctx.nodeRange(node, at),
  };
}

// ---- sources and payee attributes ----

export function buildSource(ctx: BuildContext, node: CstNode, at: number): SourceDecl {
  return { kind: 'Source', ...namedParts(ctx, node, at), fields: buildFields(ctx, node, at) };
}

export function buildPayee(ctx: BuildContext, node: CstNode, at: number): PayeeDecl {
  return {
    kind: 'Payee',
    range: ctx.nodeRange(node, at),
    doc: ctx.docAt(ctx.start(node, at)),
    fields: buildFields(ctx, node, at),
  };
}

function buildFields(ctx: BuildContext, node: CstNode, at: number): FieldDecl[] {
  return childNodes(node, 'field').map((field) => ctx.part(field, () => buildField(ctx, field, at)));
}

export function buildField(ctx: BuildContext, node: CstNode, at: number): FieldDecl {
  const start = ctx.start(node, at);
  return {
    kind: 'Field',
    range: ctx.nodeRange(node, at),
    doc: ctx.docAt(start),
    name: ctx.name(token(node, 'name')),
    type: buildTypeRef(ctx, child(node, 'typeRef'), ctx.end(node, start)),
    modifiers: childNodes(node, 'fieldModifier').flatMap((m) => buildModifier(ctx, m)),
  };
}

function buildModifier(ctx: BuildContext, node: CstNode): FieldModifier[] {
  const keyword = token(node, 'modifier');
  if (keyword === undefined) return [];
  const range = ctx.nodeRange(node, keyword.startOffset);
  switch (keyword.image) {
    case 'key':
    case 'owner':
    case 'dated':
    case 'optional':
      return [{ kind: keyword.image, range }];
    default:
      return [{ kind: 'converted', range, on: ctx.name(token(node, 'on')) }];
  }
}

// ---- definitions ----

export function buildLet(ctx: BuildContext, node: CstNode, at: number): LetDecl {
  return { kind: 'Let', ...typedValueParts(ctx, node, at) };
}

export function buildMeasure(ctx: BuildContext, node: CstNode, at: number): MeasureDecl {
  return { kind: 'Measure', ...typedValueParts(ctx, node, at) };
}

export function buildMetric(ctx: BuildContext, node: CstNode, at: number): MetricDecl {
  return { kind: 'Metric', ...typedValueParts(ctx, node, at) };
}

function typedValueParts(ctx: BuildContext, node: CstNode, at: number) {
  const end = ctx.end(node, at);
  return {
    ...namedParts(ctx, node, at),
    type: buildTypeRef(ctx, child(node, 'typeRef'), end),
    value: buildExpr(ctx, child(node, 'value'), ctx.after(node, 'Equals', end)),
  };
}

// ---- quotas ----

export function buildQuota(ctx: BuildContext, node: CstNode, at: number): QuotaDecl {
  const end = ctx.end(node, at);
  const fromData = has(node, 'fromData');
  return {
    kind: 'Quota',
    ...namedParts(ctx, node, at),
    fromData,
    base: fromData ? undefined : buildExpr(ctx, child(node, 'value'), ctx.after(node, 'Equals', end)),
    clauses: childNodes(node, 'quotaClause').flatMap((clause) => buildQuotaClause(ctx, clause)),
  };
}

function buildQuotaClause(ctx: BuildContext, node: CstNode): QuotaClause[] {
  const keyword = token(node, 'kind');
  if (keyword === undefined) return [];
  const range = ctx.nodeRange(node, keyword.startOffset);
  const percents = (list: CstNode | undefined) => tokens(list, 'item').flatMap((p) => ctx.percent(p) ?? []);
  switch (keyword.image) {
    case 'seasonality':
      return [{ kind: 'Seasonality', range, shares: percents(child(node, 'percentList')) }];
    case 'ramp':
      return [
        {
          kind: 'Ramp',
          range,
          steps: percents(child(node, 'percentList')),
          from: buildExprAfter(ctx, node, 'KwFrom', 'value'),
          cutoffDay: ctx.number(token(node, 'cutoffDay')),
        },
      ];
    case 'prorate':
      return [{ kind: 'Prorate', range }];
    default:
      return [{ kind: 'Relief', range, value: buildExpr(ctx, child(node, 'value'), range.end.offset) }];
  }
}

// ---- crediting ----

export function buildCredit(ctx: BuildContext, node: CstNode, at: number): CreditDecl {
  return {
    kind: 'Credit',
    ...namedParts(ctx, node, at),
    source: ctx.name(token(node, 'source')),
    where: buildExprAfter(ctx, node, 'KwWhere', 'where'),
    clauses: childNodes(node, 'creditClause').flatMap((clause) => buildCreditClause(ctx, clause)),
  };
}

function buildCreditClause(ctx: BuildContext, node: CstNode): CreditClause[] {
  const keyword = token(node, 'kind');
  if (keyword === undefined) return [];
  const range = ctx.nodeRange(node, keyword.startOffset);
  switch (keyword.image) {
    case 'amount':
      return [{ kind: 'CreditAmount', range, value: buildExpr(ctx, child(node, 'value'), range.end.offset) }];
    case 'to': {
      const share = ctx.percent(token(node, 'share'));
      return [
        {
          kind: 'CreditTo',
          range,
          recipient: buildRecipient(ctx, child(node, 'recipient'), range.end.offset),
          share,
          ...(share === undefined && has(node, 'KwShare') ? { unreadShare: true as const } : {}),
          overlay: has(node, 'overlay'),
        },
      ];
    }
    default:
      return [
        {
          kind: 'CreditSplit',
          range,
          source: ctx.name(token(node, 'source')),
          on: ctx.name(token(node, 'on')),
        },
      ];
  }
}

function buildRecipient(ctx: BuildContext, node: CstNode | undefined, at: number): Recipient | undefined {
  if (node === undefined || node.location === undefined || Number.isNaN(node.location.startOffset))
    return undefined;
  const range = ctx.nodeRange(node, at);
  switch (token(node, 'kind')?.image) {
    case 'territory':
      return { kind: 'TerritoryRecipient', range, account: ctx.name(token(node, 'of')) };
    case 'managers':
      return {
        kind: 'ManagersRecipient',
        range,
        of: ctx.name(token(node, 'of')),
        levels: ctx.number(token(node, 'levels')),
      };
    default:
      return { kind: 'FieldRecipient', range, field: ctx.name(token(node, 'field')) };
  }
}

// ---- tables ----

export function buildRateTable(ctx: BuildContext, node: CstNode, at: number): RateTableDecl {
  const end = ctx.end(node, at);
  return {
    kind: 'RateTable',
    ...namedParts(ctx, node, at),
    on: buildExprAfter(ctx, node, 'KwOn', 'on'),
    mode: buildTableMode(ctx, child(node, 'tableMode'), end),
    tiers: childNodes(node, 'tier').map((tier) => ctx.part(tier, () => buildTier(ctx, tier, end))),
  };
}

function buildTableMode(ctx: BuildContext, node: CstNode | undefined, at: number): TableMode | undefined {
  const keyword = token(node, 'mode');
  if (node === undefined || keyword === undefined) return undefined;
  const range = ctx.nodeRange(node, at);
  if (keyword.image === 'hybrid') return { kind: 'hybrid', range, at: ctx.percent(token(node, 'at')) };
  return { kind: keyword.image === 'marginal' ? 'marginal' : 'retroactive', range };
}

export function buildTier(ctx: BuildContext, node: CstNode, at: number): Tier {
  const range = ctx.nodeRange(node, at);
  return {
    kind: 'Tier',
    range,
    from: buildBound(ctx, child(node, 'from'), range.start.offset),
    to: buildBound(ctx, child(node, 'to'), range.end.offset),
    open: has(node, 'open'),
    rate: buildExpr(ctx, child(node, 'rate'), ctx.after(node, 'Colon', range.end.offset)),
  };
}

export function buildBound(ctx: BuildContext, node: CstNode | undefined, at: number): Bound | undefined {
  const percent = ctx.percent(token(node, 'PercentLiteral'));
  if (percent !== undefined) return percent;
  const number = ctx.number(token(node, 'NumberLiteral'));
  if (number === undefined) return undefined;
  const currency = ctx.name(token(node, 'currency'));
  if (currency === undefined) return number;
  return { kind: 'Money', value: number.value, currency, range: ctx.nodeRange(node, at) };
}

export function buildLookupTable(ctx: BuildContext, node: CstNode, at: number): LookupTableDecl {
  const end = ctx.end(node, at);
  return {
    kind: 'LookupTable',
    ...namedParts(ctx, node, at),
    by: tokens(node, 'by').flatMap((name) => ctx.name(name) ?? []),
    rows: childNodes(node, 'lookupRow').map((row) => ctx.part(row, () => buildLookupRow(ctx, row, end))),
  };
}

export function buildLookupRow(ctx: BuildContext, node: CstNode, at: number): LookupRow {
  const range = ctx.nodeRange(node, at);
  return {
    kind: 'LookupRow',
    range,
    keys: childNodes(node, 'key').flatMap((key) => buildLookupKey(ctx, key)),
    otherwise: has(node, 'otherwise'),
    value: buildExpr(ctx, child(node, 'value'), ctx.after(node, 'Colon', range.end.offset)),
  };
}

function buildLookupKey(ctx: BuildContext, node: CstNode): LookupKey[] {
  const star = token(node, 'Star');
  if (star !== undefined) return [{ kind: 'Wildcard', range: ctx.tokenRange(star) }];
  const key = ctx.text(token(node, 'TextLiteral')) ?? ctx.number(token(node, 'NumberLiteral'));
  return key === undefined ? [] : [key];
}

export function buildPayCurve(ctx: BuildContext, node: CstNode, at: number): PayCurveDecl {
  const end = ctx.end(node, at);
  return {
    kind: 'PayCurve',
    ...namedParts(ctx, node, at),
    on: buildExprAfter(ctx, node, 'KwOn', 'on'),
    points: childNodes(node, 'curvePoint').map((point) =>
      ctx.part(point, () => buildCurvePoint(ctx, point, end)),
    ),
  };
}

export function buildCurvePoint(ctx: BuildContext, node: CstNode, at: number): CurvePoint {
  const range = ctx.nodeRange(node, at);
  return {
    kind: 'CurvePoint',
    range,
    at: buildBound(ctx, child(node, 'at'), range.start.offset),
    value: ctx.percent(token(node, 'value')),
  };
}
