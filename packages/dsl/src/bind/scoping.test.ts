/**
 * The scoping rules of the language: one plan scope for declarations, the fields of sources and
 * credits, bare field names where a row is being read, payee attributes and built-ins.
 */
import { describe, expect, it } from 'vitest';
import type { File, Name } from '../syntax/ast.js';
import { parse } from '../syntax/parse.js';
import { bind } from './bind.js';
import type { Binding, PlanSymbol } from './binding.js';

const plan = `plan "Scopes" {
  currency USD
  period quarter
  effective 2026-01-01 to 2026-12-31
  earning early = bookings * commission_pct
  let commission_pct = 10%
  let stage = "Won"
  source deals {
    id: Text key
    owner: Payee owner
    amount: Money converted on close_date
    close_date: Date dated
    stage: Text
    term_months: Integer
    account: Text
    cancelled_on: Date optional
  }
  source splits { deal: Text, payee: Payee, share: Percent }
  source accounts { id: Text key, region: Text, size: Number }
  payee { ote: Money, region: Text }
  credit bookings from deals where stage = "Won" and term_months > 0 {
    amount amount
    to owner
    split by splits on deal
  }
  credit overlays from deals {
    to territory of account
    to managers of owner up to 2 levels share 50% as overlay
  }
  measure long_deals = count(bookings where term_months >= 36)
  measure won_amount = sum(deals.amount where stage = "Won")
  measure credited_total = sum(bookings.credited) + sum(bookings.amount)
  measure is_won = stage
  territories on accounts by priority {
    territory west "West" {
      where region = "West"
      score size * 2
    }
  }
  signal big warning on deals when amount > payee.ote message "Big deal"
  lookup table rates by product, region {
    "HW", "EMEA": 5%
    otherwise: 1%
  }
  bonus b = lookup(rates, "HW", payee.region) * payee.manager.ote + 100 USD + long_deals * won_amount * credited_total * overlays
    when period.start < period.end and is_won = "Won" and payee.id != payee.name
  clawback cancellations = deals cancelled on cancelled_on within 90 days at original rate
  holdback hb = 10% of early until 2026-12-31
}
`;

const parsed = parse(plan);
const binding = bind(parsed.file);

/** Every Name node of the tree. */
function names(file: File): Name[] {
  const found: Name[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) for (const v of value) visit(v);
    else if (typeof value === 'object' && value !== null) {
      if ((value as { kind?: string }).kind === 'Name') found.push(value as Name);
      for (const [key, v] of Object.entries(value)) if (key !== 'range') visit(v);
    }
  };
  visit(file);
  return found;
}
const allNames = names(parsed.file);

/** The Name node at the `nth` occurrence of `snippet` (plus `skip` characters into it). */
function nameAt(snippet: string, nth = 0, skip = 0): Name {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = plan.indexOf(snippet, offset + 1);
  expect(offset, snippet).toBeGreaterThanOrEqual(0);
  const name = allNames.find((n) => n.range.start.offset === offset + skip);
  expect(name, `${snippet} #${nth}`).toBeDefined();
  return name as Name;
}

const symbolAt = (snippet: string, nth = 0, skip = 0): PlanSymbol | undefined =>
  binding.symbolAt(nameAt(snippet, nth, skip));
const describeSymbol = (s: PlanSymbol | undefined) =>
  s === undefined ? undefined : `${s.kind} ${s.parent ? `${s.parent.name}.` : ''}${s.name}`;
const top = (b: Binding, name: string) => b.declarations.get(name)?.[0];

describe('the plan scope', () => {
  it('parses and binds without diagnostics', () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(binding.diagnostics).toEqual([]);
  });

  it('resolves names declared later in the file', () => {
    expect(describeSymbol(symbolAt('bookings * commission_pct'))).toBe('credit bookings');
    expect(describeSymbol(symbolAt('commission_pct', 0))).toBe('let commission_pct');
  });

  it('maps declaring names to their own symbol', () => {
    const symbol = symbolAt('commission_pct', 1);
    expect(symbol?.kind).toBe('let');
    expect(symbol?.nameRange?.start.line).toBe(5);
    expect(binding.references.some((r) => r.name === nameAt('commission_pct', 1))).toBe(false);
  });
});

describe('fields', () => {
  it('resolves `source.field` to the field of that source', () => {
    expect(describeSymbol(symbolAt('amount where stage', 0))).toBe('field deals.amount');
  });

  it('gives a credit its source fields and `credited`', () => {
    expect(describeSymbol(symbolAt('credited)'))).toBe('field bookings.credited');
    expect(symbolAt('credited)')?.type).toBe('Money');
    expect(symbolAt('credited)')?.decl).toBeUndefined();
    expect(symbolAt('amount)', 0)).toBe(symbolAt('amount: Money'));
    const fields = [...(binding.fieldsOf(top(binding, 'bookings') as PlanSymbol)?.keys() ?? [])];
    expect(fields).toContain('term_months');
    expect(fields).toContain('quota_credited');
    expect(fields).toContain('credited');
  });

  it('puts the credit source fields in scope in `where` and clauses', () => {
    expect(describeSymbol(symbolAt('stage = "Won" and'))).toBe('field deals.stage');
    expect(describeSymbol(symbolAt('term_months > 0'))).toBe('field deals.term_months');
    expect(describeSymbol(symbolAt('amount amount', 0, 7))).toBe('field deals.amount');
    expect(describeSymbol(symbolAt('to owner', 0, 3))).toBe('field deals.owner');
    expect(describeSymbol(symbolAt('of account', 0, 3))).toBe('field deals.account');
    expect(describeSymbol(symbolAt('managers of owner', 0, 12))).toBe('field deals.owner');
  });

  it('resolves `split by S on f` to the source S and its field f', () => {
    expect(describeSymbol(symbolAt('splits on deal', 0))).toBe('source splits');
    expect(describeSymbol(symbolAt('on deal', 0, 3))).toBe('field splits.deal');
  });

  it('puts the row source fields in scope inside aggregates', () => {
    expect(describeSymbol(symbolAt('term_months >= 36'))).toBe('field deals.term_months');
    expect(describeSymbol(symbolAt('stage = "Won")'))).toBe('field deals.stage');
    const call = parsed.file.plan?.items.find((i) => i.kind === 'Measure' && i.name?.text === 'long_deals');
    expect(
      call?.kind === 'Measure' && call.value?.kind === 'Call'
        ? binding.rowSourceOf(call.value)?.name
        : undefined,
    ).toBe('bookings');
  });

  it('lets a field hide a declaration only where the field is in scope', () => {
    expect(describeSymbol(symbolAt('stage = "Won" and'))).toBe('field deals.stage');
    expect(describeSymbol(symbolAt('is_won = stage', 0, 9))).toBe('let stage');
  });

  it('puts the fields of a signal source in scope', () => {
    expect(describeSymbol(symbolAt('amount > payee'))).toBe('field deals.amount');
    expect(describeSymbol(symbolAt('on deals when', 0, 3))).toBe('source deals');
  });

  it('puts the fields of the territories source in scope in territory clauses', () => {
    expect(describeSymbol(symbolAt('region = "West"'))).toBe('field accounts.region');
    expect(describeSymbol(symbolAt('size * 2'))).toBe('field accounts.size');
    expect(describeSymbol(symbolAt('territory west', 0, 10))).toBe('territory west');
  });

  it('resolves the clawback source and its cancellation field', () => {
    expect(describeSymbol(symbolAt('deals cancelled'))).toBe('source deals');
    expect(describeSymbol(symbolAt('on cancelled_on', 0, 3))).toBe('field deals.cancelled_on');
  });

  it('resolves `converted on` to a field of the same source without counting a use', () => {
    expect(describeSymbol(symbolAt('close_date', 0))).toBe('field deals.close_date');
    expect(binding.dependencies.get(top(binding, 'deals') as PlanSymbol)).toEqual([]);
  });

  it('leaves the key columns of a lookup table unresolved', () => {
    expect(symbolAt('product')).toBeUndefined();
  });
});

describe('payee and period', () => {
  it('resolves payee attributes, declared and built in', () => {
    expect(describeSymbol(symbolAt('ote message'))).toBe('payee-attribute ote');
    expect(symbolAt('ote message')?.decl?.kind).toBe('Field');
    expect(symbolAt('id != payee')?.decl).toBeUndefined();
    expect(symbolAt('id != payee')?.type).toBe('Text');
    expect(describeSymbol(symbolAt('name\n'))).toBe('payee-attribute name');
  });

  it('resolves attributes of payee-typed values', () => {
    expect(describeSymbol(symbolAt('manager.ote'))).toBe('payee-attribute manager');
    expect(describeSymbol(symbolAt('ote + 100'))).toBe('payee-attribute ote');
  });

  it('resolves the fields of the period', () => {
    expect(symbolAt('start <')?.type).toBe('Date');
    expect(symbolAt('end and')?.type).toBe('Date');
    expect(symbolAt('start <')?.doc).toContain('first day');
  });
});

describe('functions and built-ins', () => {
  it('resolves callees to built-in functions with documentation', () => {
    const count = symbolAt('count(');
    expect(count?.kind).toBe('function');
    expect(count?.decl).toBeUndefined();
    expect(count?.doc).toBeTruthy();
    expect(symbolAt('lookup(')?.kind).toBe('function');
    expect(describeSymbol(symbolAt('rates, "HW"'))).toBe('lookup-table rates');
  });

  it('does not treat currency codes as names', () => {
    const text = plan.replace('  bonus b =', '  bonus converted = convert(bookings, EUR)\n  bonus b =');
    const b = bind(parse(text).file);
    expect(b.diagnostics).toEqual([]);
    expect(b.references.some((r) => r.name.text === 'EUR')).toBe(false);
    const usd = nameAt('USD', 1);
    expect(usd.range.start.line).toBe(44);
    expect(binding.symbolAt(usd)).toBeUndefined();
  });
});

describe('kinds of names', () => {
  it('resolves sources after `from` and the holdback earning', () => {
    expect(describeSymbol(symbolAt('deals where'))).toBe('source deals');
    expect(describeSymbol(symbolAt('early until'))).toBe('earning early');
  });
});

describe('dependencies', () => {
  const deps = (name: string) =>
    binding.dependencies.get(top(binding, name) as PlanSymbol)?.map((s) => s.name);

  it('lists the top-level symbols each definition uses, once each', () => {
    expect(deps('early')).toEqual(['bookings', 'commission_pct']);
    expect(deps('bookings')).toEqual(['deals', 'splits']);
    expect(deps('long_deals')).toEqual(['bookings', 'deals']);
    expect(deps('west')).toEqual(['accounts']);
    expect(deps('hb')).toEqual(['early']);
    expect(deps('cancellations')).toEqual(['deals']);
    expect(deps('rates')).toEqual([]);
  });
});

describe('versions', () => {
  it('keeps every version under the name and resolves uses to the first', () => {
    const text = `plan "V" {
  currency USD
  period quarter
  effective 2026-01-01 to 2026-12-31
  let r = 2% effective 2026-01-01 to 2026-06-30
  let r = 3% effective 2026-07-01 to 2026-12-31
  bonus b = 100 USD * r
}`;
    const b = bind(parse(text).file);
    expect(b.diagnostics).toEqual([]);
    const versions = b.declarations.get('r') ?? [];
    expect(versions.map((v) => v.nameRange?.start.line)).toEqual([4, 5]);
    expect(b.references.find((r) => r.name.text === 'r')?.symbol).toBe(versions[0]);
  });
});
