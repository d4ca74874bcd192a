import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from './parse.js';
import { declarations, name, parseBody, ref, shape } from './test-support.js';

/** The shapes of the declarations of a body that must parse without diagnostics. */
function declShapes(body: string): unknown[] {
  const result = parseBody(body);
  expect(result.diagnostics).toEqual([]);
  return declarations(result).map(shape);
}

const num = (value: string) => ({ kind: 'Number', value, integer: !value.includes('.') });
const pct = (value: string) => ({ kind: 'Percent', value });
const date = (value: string) => ({ kind: 'Date', value });
const text = (value: string) => ({ kind: 'Text', value });

describe('the fixture plan', () => {
  const source = readFileSync(new URL('./fixtures/ae.attain', import.meta.url), 'utf8');

  it('parses without diagnostics', () => {
    expect(parse(source).diagnostics).toEqual([]);
  });

  it('keeps the plan header, the items in order and every comment', () => {
    const { file } = parse(source);
    expect(file.plan?.name?.value).toBe('Enterprise AE');
    expect(file.plan?.version?.value).toBe('2026.1');
    expect(file.plan?.doc).toBe('Plan for enterprise account executives.');
    expect(file.plan?.items.map((item) => item.kind)).toEqual([
      'CurrencySetting',
      'PeriodSetting',
      'FiscalYearSetting',
      'EffectiveSetting',
      'RoundingSetting',
      'Source',
      'Payee',
      'Quota',
      'Credit',
      'Measure',
      'Measure',
      'Let',
      'RateTable',
      'Earning',
      'Earning',
      'Draw',
      'Clawback',
      'Holdback',
    ]);
    expect(file.comments.map((c) => [c.style, c.text])).toEqual([
      ['line', '# Enterprise AE plan, FY2026'],
      ['doc', '/** Plan for enterprise account executives. */'],
      ['doc', '/** Paid on every closed-won deal; shown on the statement. */'],
    ]);
  });

  it('attaches the doc comment to the commission that follows it', () => {
    const earning = parse(source).file.plan?.items.find((item) => item.kind === 'Earning');
    expect(earning?.kind === 'Earning' && earning.doc).toBe(
      'Paid on every closed-won deal; shown on the statement.',
    );
  });
});

describe('header settings', () => {
  it('reads every setting', () => {
    const { file, diagnostics } = parse(`plan "P" {
      currency EUR
      period month
      fiscal year starts April
      effective 2026-04-01 to 2027-03-31
      rounding half even to 4 decimals at payout
    }`);
    expect(diagnostics).toEqual([]);
    expect(file.plan?.items.map(shape)).toEqual([
      { kind: 'CurrencySetting', currency: name('EUR') },
      { kind: 'PeriodSetting', period: 'month' },
      { kind: 'FiscalYearSetting', month: 4, monthName: name('April') },
      {
        kind: 'EffectiveSetting',
        effective: { kind: 'DateRange', from: date('2026-04-01'), to: date('2027-03-31') },
      },
      { kind: 'RoundingSetting', mode: 'half-even', decimals: num('4'), point: 'payout' },
    ]);
  });

  it('reads the rounding modes down and up and the point earning', () => {
    const modes = ['down', 'up'].map((mode) => {
      const { file } = parse(`plan "P" { rounding ${mode} to 0 decimals at earning }`);
      const setting = file.plan?.items[0];
      return setting?.kind === 'RoundingSetting' ? [setting.mode, setting.point] : undefined;
    });
    expect(modes).toEqual([
      ['down', 'earning'],
      ['up', 'earning'],
    ]);
  });
});

describe('sources and payee attributes', () => {
  it('reads fields with types, modifiers, Money(EUR), commas and keyword names', () => {
    expect(
      declShapes(`source splits "Deal splits" {
        /** The deal this split belongs to. */
        deal_id: Text key, payee: Payee owner, share: Percent
        amount: Money(EUR) converted on booked
        period: Period optional dated
      }`),
    ).toEqual([
      {
        kind: 'Source',
        name: name('splits'),
        label: text('Deal splits'),
        fields: [
          {
            kind: 'Field',
            doc: 'The deal this split belongs to.',
            name: name('deal_id'),
            type: { kind: 'TypeRef', name: 'Text' },
            modifiers: [{ kind: 'key' }],
          },
          {
            kind: 'Field',
            name: name('payee'),
            type: { kind: 'TypeRef', name: 'Payee' },
            modifiers: [{ kind: 'owner' }],
          },
          { kind: 'Field', name: name('share'), type: { kind: 'TypeRef', name: 'Percent' }, modifiers: [] },
          {
            kind: 'Field',
            name: name('amount'),
            type: { kind: 'TypeRef', name: 'Money', currency: name('EUR') },
            modifiers: [{ kind: 'converted', on: name('booked') }],
          },
          {
            kind: 'Field',
            name: name('period'),
            type: { kind: 'TypeRef', name: 'Period' },
            modifiers: [{ kind: 'optional' }, { kind: 'dated' }],
          },
        ],
      },
    ]);
  });

  it('tells a `key` modifier from a next field named `key`', () => {
    const [source] = declShapes('source s { id: Text key\n key: Text }');
    expect(source).toMatchObject({
      fields: [
        { name: name('id'), modifiers: [{ kind: 'key' }] },
        { name: name('key'), modifiers: [] },
      ],
    });
  });

  it('reads the payee schema', () => {
    expect(declShapes('payee { ote: Money, hire_date: Date }')).toEqual([
      {
        kind: 'Payee',
        fields: [
          { kind: 'Field', name: name('ote'), type: { kind: 'TypeRef', name: 'Money' }, modifiers: [] },
          { kind: 'Field', name: name('hire_date'), type: { kind: 'TypeRef', name: 'Date' }, modifiers: [] },
        ],
      },
    ]);
  });
});

describe('definitions', () => {
  it('reads let, measure and metric with labels, types and effective dates', () => {
    expect(
      declShapes(`let rate_a: Percent = 5%
        measure m "Label" : Money = x effective 2026-01-01 to 2026-06-30
        metric win_rate "Win rate": Percent = ratio(won, all)`),
    ).toEqual([
      { kind: 'Let', name: name('rate_a'), type: { kind: 'TypeRef', name: 'Percent' }, value: pct('5') },
      {
        kind: 'Measure',
        name: name('m'),
        label: text('Label'),
        type: { kind: 'TypeRef', name: 'Money' },
        value: ref('x'),
        effective: { kind: 'DateRange', from: date('2026-01-01'), to: date('2026-06-30') },
      },
      {
        kind: 'Metric',
        name: name('win_rate'),
        label: text('Win rate'),
        type: { kind: 'TypeRef', name: 'Percent' },
        value: {
          kind: 'Call',
          callee: name('ratio'),
          args: [
            { kind: 'Arg', value: ref('won') },
            { kind: 'Arg', value: ref('all') },
          ],
        },
      },
    ]);
  });

  it('reads quotas from data and computed with every clause', () => {
    expect(
      declShapes(`quota q1 from data
        quota q2 = 100 USD seasonality 50%, 50% ramp 50% from payee.hire_date prorate by calendar days relief adj`),
    ).toEqual([
      { kind: 'Quota', name: name('q1'), fromData: true, clauses: [] },
      {
        kind: 'Quota',
        name: name('q2'),
        fromData: false,
        base: { kind: 'Money', value: '100', currency: name('USD') },
        clauses: [
          { kind: 'Seasonality', shares: [pct('50'), pct('50')] },
          {
            kind: 'Ramp',
            steps: [pct('50')],
            from: { kind: 'Member', object: { kind: 'PayeeRef' }, member: name('hire_date') },
          },
          { kind: 'Prorate' },
          { kind: 'Relief', value: ref('adj') },
        ],
      },
    ]);
  });
});

describe('crediting', () => {
  it('reads every credit clause and recipient', () => {
    expect(
      declShapes(`credit c from deals {
        amount amount * 2
        to owner share 60%
        to co_owner share 40% as overlay
        to territory of account
        to managers of owner up to 2 levels
        split by splits on deal_id
      }`),
    ).toEqual([
      {
        kind: 'Credit',
        name: name('c'),
        source: name('deals'),
        clauses: [
          { kind: 'CreditAmount', value: { kind: 'Binary', op: '*', left: ref('amount'), right: num('2') } },
          {
            kind: 'CreditTo',
            recipient: { kind: 'FieldRecipient', field: name('owner') },
            share: pct('60'),
            overlay: false,
          },
          {
            kind: 'CreditTo',
            recipient: { kind: 'FieldRecipient', field: name('co_owner') },
            share: pct('40'),
            overlay: true,
          },
          {
            kind: 'CreditTo',
            recipient: { kind: 'TerritoryRecipient', account: name('account') },
            overlay: false,
          },
          {
            kind: 'CreditTo',
            recipient: { kind: 'ManagersRecipient', of: name('owner'), levels: num('2') },
            overlay: false,
          },
          { kind: 'CreditSplit', source: name('splits'), on: name('deal_id') },
        ],
      },
    ]);
  });
});

describe('tables', () => {
  it('reads tiers with `and up`, money bounds and the hybrid mode', () => {
    expect(
      declShapes(`rate table r "Rates" on bookings hybrid at 100% {
        0 USD to 10_000 USD: 2%,
        10_000 USD and up: 4%
      } effective 2026-01-01 to 2026-12-31`),
    ).toEqual([
      {
        kind: 'RateTable',
        name: name('r'),
        label: text('Rates'),
        on: ref('bookings'),
        mode: { kind: 'hybrid', at: pct('100') },
        tiers: [
          {
            kind: 'Tier',
            from: { kind: 'Money', value: '0', currency: name('USD') },
            to: { kind: 'Money', value: '10000', currency: name('USD') },
            open: false,
            rate: pct('2'),
          },
          {
            kind: 'Tier',
            from: { kind: 'Money', value: '10000', currency: name('USD') },
            open: true,
            rate: pct('4'),
          },
        ],
        effective: { kind: 'DateRange', from: date('2026-01-01'), to: date('2026-12-31') },
      },
    ]);
  });

  it('accepts a rate table without a mode and leaves the mode out (AT4001 is the checker’s)', () => {
    const [table] = declShapes('rate table r on a { 0 and up: 1% }');
    expect(table).toMatchObject({ kind: 'RateTable', tiers: [{ open: true }] });
    expect((table as { mode?: unknown }).mode).toBeUndefined();
  });

  it('reads lookup rows with `*` keys and `otherwise`', () => {
    expect(
      declShapes(`lookup table l by product, region {
        "Cloud", "EMEA": 5%
        *, "APAC": 3% * 2
        "On-prem", *: 2%,
        otherwise: 0%
      }`),
    ).toEqual([
      {
        kind: 'LookupTable',
        name: name('l'),
        by: [name('product'), name('region')],
        rows: [
          { kind: 'LookupRow', keys: [text('Cloud'), text('EMEA')], otherwise: false, value: pct('5') },
          {
            kind: 'LookupRow',
            keys: [{ kind: 'Wildcard' }, text('APAC')],
            otherwise: false,
            value: { kind: 'Binary', op: '*', left: pct('3'), right: num('2') },
          },
          {
            kind: 'LookupRow',
            keys: [text('On-prem'), { kind: 'Wildcard' }],
            otherwise: false,
            value: pct('2'),
          },
          { kind: 'LookupRow', keys: [], otherwise: true, value: pct('0') },
        ],
      },
    ]);
  });

  it('reads pay curve points', () => {
    expect(declShapes('pay curve pc on attainment { 0%: 0%, 100%: 100%\n 150%: 200% }')).toEqual([
      {
        kind: 'PayCurve',
        name: name('pc'),
        on: ref('attainment'),
        points: [
          { kind: 'CurvePoint', at: pct('0'), value: pct('0') },
          { kind: 'CurvePoint', at: pct('100'), value: pct('100') },
          { kind: 'CurvePoint', at: pct('150'), value: pct('200') },
        ],
      },
    ]);
  });
});

describe('earnings and payout adjustments', () => {
  it('reads every earning kind and clause', () => {
    const shapes = declShapes(`earning e1 = 1 USD per period floor 0 USD once paid year to date
      bonus e2 = 2 USD
      milestone e3 = 3 USD once
      mbo e4 = 4 USD`);
    expect(shapes.map((s) => (s as { earningKind: string }).earningKind)).toEqual([
      'earning',
      'bonus',
      'milestone',
      'mbo',
    ]);
    expect(shapes[0]).toMatchObject({
      clauses: [
        { kind: 'PerPeriod' },
        { kind: 'Floor', value: { kind: 'Money' } },
        { kind: 'Once' },
        { kind: 'PaidYearToDate' },
      ],
    });
  });

  it('reads draws, guarantees, holdbacks, clawbacks and adjustments', () => {
    expect(
      declShapes(`draw d = 1000 USD non-recoverable for 3 periods true up at year end
        guarantee g "Guarantee" = 2000 USD for 2 periods from payee.hire_date
        holdback h = 10% of e until attainment >= 100%
        clawback c = deals cancelled on cancelled_on within 90 days at original rate
        adjustment manual "Manual" from data`),
    ).toEqual([
      {
        kind: 'Draw',
        name: name('d'),
        amount: { kind: 'Money', value: '1000', currency: name('USD') },
        recoverable: false,
        periods: num('3'),
        trueUp: true,
      },
      {
        kind: 'Guarantee',
        name: name('g'),
        label: text('Guarantee'),
        amount: { kind: 'Money', value: '2000', currency: name('USD') },
        periods: num('2'),
        from: { kind: 'Member', object: { kind: 'PayeeRef' }, member: name('hire_date') },
      },
      {
        kind: 'Holdback',
        name: name('h'),
        share: pct('10'),
        earning: name('e'),
        until: { kind: 'Binary', op: '>=', left: ref('attainment'), right: pct('100') },
      },
      {
        kind: 'Clawback',
        name: name('c'),
        source: name('deals'),
        cancelledOn: name('cancelled_on'),
        withinDays: num('90'),
      },
      { kind: 'Adjustment', name: name('manual'), label: text('Manual') },
    ]);
  });
});

describe('territories, metrics and signals', () => {
  it('reads territories with every clause and doc comments', () => {
    expect(
      declShapes(`territories on accounts by priority {
        /** Western Europe. */
        territory west "West" {
          where region = "EU" and country in ["FR", "ES"]
          named "Acme", "Globex"
          priority 1
          score potential * 2
          assign "rep-1" as primary from 2026-01-01 to 2026-06-30
          assign "rep-2" as overlay
        }
      }`),
    ).toEqual([
      {
        kind: 'Territories',
        source: name('accounts'),
        by: 'priority',
        territories: [
          {
            kind: 'Territory',
            doc: 'Western Europe.',
            name: name('west'),
            label: text('West'),
            clauses: [
              { kind: 'TerritoryWhere', condition: expect.objectContaining({ kind: 'Binary', op: 'and' }) },
              { kind: 'TerritoryNamed', accounts: [text('Acme'), text('Globex')] },
              { kind: 'TerritoryPriority', priority: num('1') },
              {
                kind: 'TerritoryScore',
                score: { kind: 'Binary', op: '*', left: ref('potential'), right: num('2') },
              },
              {
                kind: 'TerritoryAssign',
                payee: text('rep-1'),
                role: 'primary',
                from: date('2026-01-01'),
                to: date('2026-06-30'),
              },
              { kind: 'TerritoryAssign', payee: text('rep-2'), role: 'overlay' },
            ],
          },
        ],
      },
    ]);
  });

  it('reads signals with and without a source', () => {
    expect(
      declShapes(`signal stuck "Stuck deal" warning on opportunities when days_in_stage > 30 message "Deal is stuck"
        signal behind critical when attainment < 50% message "Behind pace"`),
    ).toEqual([
      {
        kind: 'Signal',
        name: name('stuck'),
        label: text('Stuck deal'),
        severity: 'warning',
        on: name('opportunities'),
        condition: { kind: 'Binary', op: '>', left: ref('days_in_stage'), right: num('30') },
        message: text('Deal is stuck'),
      },
      {
        kind: 'Signal',
        name: name('behind'),
        severity: 'critical',
        condition: { kind: 'Binary', op: '<', left: ref('attainment'), right: pct('50') },
        message: text('Behind pace'),
      },
    ]);
  });
});

describe('doc comments', () => {
  it('strip markers and leading stars of multi-line comments; the last of two wins', () => {
    const result = parseBody(`/** ignored */
      /**
       * First line.
       *   indented
       */
      # a line comment between does not detach it
      measure m = 1
      /* a block comment is not documentation */
      measure n = 2`);
    const [m, n] = declarations(result);
    expect(m?.kind === 'Measure' && m.doc).toBe('First line.\n  indented');
    expect(n?.kind === 'Measure' && n.doc).toBeUndefined();
    expect(result.file.comments.map((c) => c.style)).toEqual(['doc', 'doc', 'line', 'block']);
  });
});
