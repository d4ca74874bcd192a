/**
 * After a syntax mistake in a declaration's header, the parser reads on so that the rest of the
 * plan is checked as written: a `{ ... }` block is never cut in two, and its `}` is never taken for
 * the end of the plan.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../compile.js';

const plan = (credit: string, source = 'source deals {', payee = 'payee {'): string => `plan "Example" {
  currency USD
  period quarter
  effective 2026-01-01 to 2026-12-31

  ${source}
    id: Text key
    owner: Payee owner
    amount: Money
    close_date: Date dated
    stage: Text
  }
  ${payee}
    quota: Money
  }
  ${credit} {
    to owner
  }
  measure attainment = ratio(sum(bookings.credited), payee.quota)
  earning c "Commission" = sum(bookings.credited) * 5% when attainment >= 50%
}
`;

/** `code: text covered` of every diagnostic. */
function found(source: string): string[] {
  return compile(source, { uri: 'x.attain' }).diagnostics.map(
    (d) => `${d.code}: ${source.slice(d.range.start.offset, d.range.end.offset)}`,
  );
}

describe('recovery after a mistake in a declaration header', () => {
  it('reads the block after a few stray words before its `{`', () => {
    // Before: AT5004 "Credit bookings credits nobody" (its `to owner` was skipped), and the `}` of
    // the credit closed the plan: "Unexpected `measure` after the end of the plan".
    expect(found(plan('credit bookings from deals where stage is "Closed Won"'))).toEqual(['AT1001: is']);
    // Before: `attributes` was read as a field, then "Expected `:`", "Expected a name" and
    // "Unexpected `credit` after the end of the plan".
    expect(found(plan('credit bookings from deals', 'source deals {', 'payee attributes {'))).toEqual([
      'AT1001: attributes',
    ]);
    // Before: "Unexpected `payee` after the end of the plan", the rest of the plan unchecked.
    expect(found(plan('credit bookings from deals', 'source deals (crm) {'))).toEqual(['AT1001: (']);
  });

  it('skips a `{ ... }` block whole when it goes on after it', () => {
    // `period` stops the search for the credit's `{`: the parser goes on at `period`, and the
    // credit's block `{ to owner }` is skipped whole. Before, its `}` closed the plan and the
    // measure and the earning were reported as "after the end of the plan".
    const messages = compile(plan('credit bookings from deals where stage is "Won" and period = 2026-Q1'), {
      uri: 'x.attain',
    }).diagnostics.map((d) => d.message);
    expect(messages.filter((m) => m.includes('after the end of the plan'))).toEqual([]);
    expect(messages).toHaveLength(4); // AT5004, AT1001 at `is`, AT1102 `period` twice, AT1001 at `=`
  });

  it('ends a source whose `}` is missing at the `payee {` block that follows', () => {
    // Before: `payee` was read as a field of deals, then "Expected `:` but found `{`", "Expected a
    // name but found `:`" and "Unexpected `credit` after the end of the plan".
    const source = plan('credit bookings from deals').replace('    stage: Text\n  }\n', '    stage: Text\n');
    expect(found(source)).toEqual(['AT1002: Text']);
    expect(compile(source).diagnostics[0]?.message).toBe('Missing `}` after `Text`');
    // A field may still be called `payee` or `period`.
    const fields = plan('credit bookings from deals').replace(
      'stage: Text',
      'stage: Text\n    payee: Payee\n    period: Period',
    );
    expect(found(fields)).toEqual([]);
  });

  it('reads on after a plan name or version written without quotes', () => {
    // Before: one AT1001 over the whole file and three false AT1101 errors ("The plan needs a
    // `currency` setting", `period`, `effective`) although the plan sets all three.
    const source = plan('credit bookings from deals');
    expect(found(source.replace('plan "Example"', 'plan Example'))).toEqual(['AT1001: Example']);
    expect(found(source.replace('plan "Example"', 'plan Enterprise AE version "1"'))).toEqual([
      'AT1001: Enterprise',
    ]);
    expect(found(source.replace('plan "Example"', 'plan "Example" version 2026.1'))).toEqual([
      'AT1001: 2026.1',
    ]);
    expect(compile(source.replace('plan "Example"', 'plan Example')).diagnostics[0]?.message).toBe(
      'Expected a text in double quotes but found `Example`',
    );
  });
});
