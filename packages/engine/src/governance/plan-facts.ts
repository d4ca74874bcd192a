/**
 * A checked plan as readable facts for diffing: each element (a rate table, an earning, a draw...)
 * becomes a list of fields with their text (`mode: marginal`, `cap: 2 * target_incentive`) and a
 * list of keyed parts with fields of their own (a tier keyed by its lower bound, a recipient by
 * whom it credits). Source ranges, doc comments and the dependency order are left out, so a
 * reformatted plan has the same facts.
 */
import type {
  Credit,
  DateSpan,
  Definition,
  Earning,
  Element,
  LookupKey,
  Plan,
  Quota,
  RateTable,
  Territory,
  Type,
} from '@attain/dsl';
import { formatType, monthNames } from '@attain/dsl';
import { percentText, renderExpr } from './render-expr.js';

/** The kinds of plan element a diff names. */
export type PlanElementKind =
  | 'plan'
  | 'source'
  | 'payee'
  | 'let'
  | 'measure'
  | 'quota'
  | 'credit'
  | 'rate-table'
  | 'lookup-table'
  | 'pay-curve'
  | 'earning'
  | 'draw'
  | 'guarantee'
  | 'holdback'
  | 'clawback'
  | 'adjustment'
  | 'territories'
  | 'territory'
  | 'metric'
  | 'signal';

/** Named texts, in a fixed order. */
export type Fields = [name: string, text: string][];

/** A keyed part of an element: a tier, a lookup row, a curve point, a recipient, a source field. */
export interface PartFacts {
  key: string;
  /** The whole part in one line (`50% to 100%: 8%`), shown when it is added or removed. */
  summary: string;
  fields: Fields;
}

/** One element of a plan as facts. */
export interface ElementFacts {
  kind: PlanElementKind;
  name: string;
  /** For versioned definitions: when this version applies. */
  effective?: DateSpan;
  fields: Fields;
  parts: PartFacts[];
}

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');
const span = (s: DateSpan): string => `${s.from} to ${s.to}`;

/** Adds `[name, text]` when `value` is present. */
function put<T>(fields: Fields, name: string, value: T | undefined, text: (v: T) => string): void {
  if (value !== undefined) fields.push([name, text(value)]);
}

/** A bound or point of a table read on `type`: a percentage, money with its currency, or a number. */
function boundText(value: string, type: Type): string {
  if (type.kind === 'Percent') return percentText(value);
  if (type.kind === 'Money' && type.currency !== undefined) return `${value} ${type.currency}`;
  return value;
}

function element(kind: PlanElementKind, e: Element, fields: Fields, parts: PartFacts[] = []): ElementFacts {
  const head: Fields = [];
  put(head, 'label', e.label, (l) => `"${l}"`);
  const facts: ElementFacts = { kind, name: e.name, fields: [...head, ...fields], parts };
  if (e.effective) {
    facts.effective = e.effective;
    facts.fields.push(['effective', span(e.effective)]);
  }
  return facts;
}

function header(plan: Plan): ElementFacts {
  const h = plan.header;
  const fields: Fields = [['name', `"${h.name}"`]];
  put(fields, 'version', h.version, (v) => `"${v}"`);
  const r = h.rounding;
  fields.push(
    ['currency', h.currency],
    ['period', h.period],
    ['fiscal year starts', monthNames[h.fiscalYearStart - 1] ?? String(h.fiscalYearStart)],
    ['effective', span(h.effective)],
    ['rounding', `${r.mode.replace('-', ' ')} to ${r.decimals} decimals at ${r.point}`],
  );
  return { kind: 'plan', name: 'plan', fields, parts: [] };
}

function fieldPart(f: Plan['payee'][number], prefix: string): PartFacts {
  const fields: Fields = [
    ['type', formatType(f.type)],
    ['optional', yesNo(f.optional)],
  ];
  put(fields, 'converted on', f.convertedOn, (c) => c);
  const summary = `${formatType(f.type)}${f.optional ? ' optional' : ''}${f.convertedOn ? ` converted on ${f.convertedOn}` : ''}`;
  return { key: `${prefix}[${f.name}]`, summary, fields };
}

function definition(kind: 'let' | 'measure' | 'metric', d: Definition): ElementFacts {
  return element(kind, d, [
    ['type', formatType(d.type)],
    ['value', renderExpr(d.value)],
  ]);
}

function quota(q: Quota): ElementFacts {
  const fields: Fields = [['from data', yesNo(q.fromData)]];
  put(fields, 'base', q.base, renderExpr);
  put(fields, 'seasonality', q.seasonality, (s) => s.map(percentText).join(', '));
  put(fields, 'ramp', q.ramp, (r) => {
    const after = r.cutoffDay === undefined ? '' : ` starting next month after day ${r.cutoffDay}`;
    return `${r.steps.map(percentText).join(', ')} from ${renderExpr(r.from)}${after}`;
  });
  fields.push(['prorate by calendar days', yesNo(q.prorate)]);
  put(fields, 'relief', q.relief, renderExpr);
  return element('quota', q, fields);
}

function recipientText(to: Credit['recipients'][number]): string {
  const r = to.recipient;
  switch (r.kind) {
    case 'field':
      return r.field;
    case 'territory':
      return `territory of ${r.accountField}`;
    case 'managers':
      return `managers of ${r.of}${r.levels === undefined ? '' : ` up to ${r.levels} levels`}`;
  }
}

function credit(c: Credit): ElementFacts {
  const fields: Fields = [['source', c.source]];
  put(fields, 'where', c.where, renderExpr);
  fields.push(['amount', renderExpr(c.amount)]);
  put(fields, 'split', c.split, (s) => `by ${s.source} on ${s.on}`);
  const parts = uniqueKeys(
    c.recipients.map((to) => {
      const share = percentText(to.share);
      return {
        key: `to[${recipientText(to)}]`,
        summary: `share ${share}${to.overlay ? ' as overlay' : ''}`,
        fields: [
          ['share', share],
          ['overlay', yesNo(to.overlay)],
        ],
      };
    }),
  );
  return element('credit', c, fields, parts);
}

function rateTable(t: RateTable): ElementFacts {
  const unit = t.on.type;
  const mode = t.mode === 'hybrid' ? `hybrid at ${percentText(t.hybridAt ?? '0')}` : t.mode;
  const parts = uniqueKeys(
    t.tiers.map((tier) => {
      const from = boundText(tier.from, unit);
      const to = tier.to === undefined ? 'and up' : boundText(tier.to, unit);
      const rate = renderExpr(tier.rate);
      return {
        key: `tiers[${from}]`,
        summary: `${from} ${tier.to === undefined ? to : `to ${to}`}: ${rate}`,
        fields: [
          ['to', to],
          ['rate', rate],
        ],
      };
    }),
  );
  return element(
    'rate-table',
    t,
    [
      ['on', renderExpr(t.on)],
      ['mode', mode],
    ],
    parts,
  );
}

function lookupKey(key: LookupKey): string {
  return key.kind === 'any' ? '*' : key.kind === 'text' ? `"${key.value}"` : key.value;
}

function lookupTable(t: Plan['lookupTables'][number]): ElementFacts {
  const fields: Fields = [
    ['by', t.by.join(', ')],
    ['type', formatType(t.valueType)],
  ];
  put(fields, 'otherwise', t.otherwise, renderExpr);
  const parts = uniqueKeys(
    t.rows.map((row) => {
      const value = renderExpr(row.value);
      return {
        key: `rows[${row.keys.map(lookupKey).join(', ')}]`,
        summary: value,
        fields: [['value', value]],
      };
    }),
  );
  return element('lookup-table', t, fields, parts);
}

function payCurve(c: Plan['payCurves'][number]): ElementFacts {
  const parts = uniqueKeys(
    c.points.map((p) => {
      const value = percentText(p.value);
      return { key: `points[${boundText(p.at, c.on.type)}]`, summary: value, fields: [['value', value]] };
    }),
  );
  return element('pay-curve', c, [['on', renderExpr(c.on)]], parts);
}

function earning(e: Earning): ElementFacts {
  const fields: Fields = [
    ['kind', e.kind],
    ['value', renderExpr(e.value)],
    ['per', e.perLine ? `line of ${e.perLine.credit}` : 'period'],
  ];
  put(fields, 'when', e.gate, renderExpr);
  put(fields, 'cap', e.cap, renderExpr);
  put(fields, 'floor', e.floor, renderExpr);
  put(fields, 'during', e.window, span);
  fields.push(['once', yesNo(e.once)], ['paid year to date', yesNo(e.paidYearToDate)]);
  return element('earning', e, fields);
}

function territory(t: Territory): ElementFacts {
  const fields: Fields = [];
  if (t.where.length > 0) fields.push(['where', t.where.map(renderExpr).join(' and ')]);
  if (t.named.length > 0) fields.push(['named', t.named.map((n) => `"${n}"`).join(', ')]);
  put(fields, 'priority', t.priority, String);
  put(fields, 'score', t.score, renderExpr);
  const parts = uniqueKeys(
    t.assignments.map((a) => {
      const dates = `${a.from === undefined ? '' : ` from ${a.from}`}${a.to === undefined ? '' : ` to ${a.to}`}`;
      const fields: Fields = [['role', a.role]];
      put(fields, 'from', a.from, (d) => d);
      put(fields, 'to', a.to, (d) => d);
      return { key: `assign["${a.payee}"]`, summary: `as ${a.role}${dates}`, fields };
    }),
  );
  return element('territory', t, fields, parts);
}

/** Parts with a repeated key get `#2`, `#3`... in order, so every key is unique. */
function uniqueKeys(parts: PartFacts[]): PartFacts[] {
  const seen = new Map<string, number>();
  return parts.map((p) => {
    const n = (seen.get(p.key) ?? 0) + 1;
    seen.set(p.key, n);
    return n === 1 ? p : { ...p, key: `${p.key}#${n}` };
  });
}

/** Every element of a plan as facts, in a fixed order of kinds. */
export function planFacts(plan: Plan): ElementFacts[] {
  const facts: ElementFacts[] = [header(plan)];
  for (const s of plan.sources) {
    const fields: Fields = [];
    put(fields, 'key', s.key, (k) => k);
    put(fields, 'owner', s.owner, (o) => o);
    put(fields, 'dated', s.dated, (d) => d);
    facts.push(element('source', s, fields, uniqueKeys(s.fields.map((f) => fieldPart(f, 'fields')))));
  }
  if (plan.payee.length > 0)
    facts.push({
      kind: 'payee',
      name: 'payee',
      fields: [],
      parts: uniqueKeys(plan.payee.map((f) => fieldPart(f, 'attributes'))),
    });
  for (const d of plan.lets) facts.push(definition('let', d));
  for (const d of plan.measures) facts.push(definition('measure', d));
  for (const q of plan.quotas) facts.push(quota(q));
  for (const c of plan.credits) facts.push(credit(c));
  for (const t of plan.rateTables) facts.push(rateTable(t));
  for (const t of plan.lookupTables) facts.push(lookupTable(t));
  for (const c of plan.payCurves) facts.push(payCurve(c));
  for (const e of plan.earnings) facts.push(earning(e));
  for (const d of plan.draws) {
    const fields: Fields = [
      ['amount', renderExpr(d.amount)],
      ['recoverable', yesNo(d.recoverable)],
    ];
    put(fields, 'periods', d.periods, String);
    fields.push(['true up at year end', yesNo(d.trueUpAtYearEnd)]);
    facts.push(element('draw', d, fields));
  }
  for (const g of plan.guarantees) {
    const fields: Fields = [
      ['amount', renderExpr(g.amount)],
      ['periods', String(g.periods)],
    ];
    put(fields, 'from', g.from, renderExpr);
    facts.push(element('guarantee', g, fields));
  }
  for (const h of plan.holdbacks) {
    const fields: Fields = [
      ['share', percentText(h.share)],
      ['of', h.earning],
    ];
    put(fields, 'until', h.until, (u) => renderExpr(u.kind === 'date' ? u.date : u.condition));
    facts.push(element('holdback', h, fields));
  }
  for (const c of plan.clawbacks)
    facts.push(
      element('clawback', c, [
        ['source', c.source],
        ['cancelled on', c.cancelledOn],
        ['within days', String(c.withinDays)],
      ]),
    );
  for (const a of plan.adjustments) facts.push(element('adjustment', a, [['from', 'data']]));
  if (plan.territories) {
    const t = plan.territories;
    facts.push({
      kind: 'territories',
      name: 'territories',
      fields: [
        ['on', t.source],
        ['by', t.by],
      ],
      parts: [],
    });
    for (const each of t.territories) facts.push(territory(each));
  }
  for (const m of plan.metrics) facts.push(definition('metric', m));
  for (const s of plan.signals) {
    const fields: Fields = [['severity', s.severity]];
    put(fields, 'on', s.on, (o) => o);
    fields.push(['when', renderExpr(s.condition)], ['message', `"${s.message}"`]);
    facts.push(element('signal', s, fields));
  }
  return facts;
}
