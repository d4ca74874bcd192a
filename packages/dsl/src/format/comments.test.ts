import { describe, expect, test } from 'vitest';
import { parse } from '../syntax/parse.js';
import { format } from './format.js';

function formatted(lines: readonly string[]): string {
  const result = format(`${lines.join('\n')}\n`);
  expect(result.diagnostics).toEqual([]);
  return result.text ?? '';
}

const header = [
  'plan "P" {',
  '  currency USD',
  '  period quarter',
  '  effective 2026-01-01 to 2026-12-31',
  '',
];

/** Formats the plan `header` + `body` and checks the result is `expected` (after the same header). */
function expectBody(body: readonly string[], expected: readonly string[]): void {
  expect(formatted([...header, ...body, '}'])).toBe([...header, ...expected, '}', ''].join('\n'));
}

describe('leading comments', () => {
  test('own-line comments stay above the declaration they precede, with a blank line kept', () => {
    expectBody(
      ['# ---- Definitions ----', '', '    # the target incentive', 'let   t = 1   USD'],
      ['  # ---- Definitions ----', '', '  # the target incentive', '  let t = 1 USD'],
    );
  });

  test('own-line comments stay above the field, tier and clause they precede', () => {
    expectBody(
      [
        'source deals {',
        'id: Text key',
        '      # the rep who closed the deal',
        'owner: Payee owner }',
        'rate table r on a marginal {',
        '0% to 50%: 2%',
        '# above quota',
        '50% and up: 4%',
        '}',
        'commission c = 1 USD',
        '# only for new logos',
        'when is_new',
      ],
      [
        '  source deals {',
        '    id: Text key',
        '    # the rep who closed the deal',
        '    owner: Payee owner',
        '  }',
        '',
        '  rate table r on a marginal {',
        '    0% to 50%: 2%',
        '    # above quota',
        '    50% and up: 4%',
        '  }',
        '',
        '  commission c = 1 USD',
        '    # only for new logos',
        '    when is_new',
      ],
    );
  });
});

describe('trailing comments', () => {
  test('same-line comments stay at the end of their line', () => {
    expectBody(
      [
        'source deals { id: Text key # unique',
        'amount: Money }   # in plan currency',
        'rate table r on a marginal {',
        '0% to 50%: 2% # below threshold',
        '50% and up: 4%',
        '} # agreed with finance',
        'let x = 1 #one',
      ],
      [
        '  source deals {',
        '    id: Text key # unique',
        '    amount: Money',
        '  } # in plan currency',
        '',
        '  rate table r on a marginal {',
        '    0% to 50%: 2% # below threshold',
        '    50% and up: 4%',
        '  } # agreed with finance',
        '',
        '  let x = 1 #one',
      ],
    );
  });

  test('a comment in the middle of an expression ends its line; the expression continues below', () => {
    expectBody(['let x = a + # first part', '  b * c'], ['  let x = a + # first part', '      b * c']);
  });

  test('a comment between the words of a clause stays between them', () => {
    expectBody(
      ['quota q = 1 USD prorate by # from the hire date', 'calendar days'],
      ['  quota q = 1 USD', '    prorate by # from the hire date', '        calendar days'],
    );
  });

  test('inline block comments stay between the same tokens', () => {
    expectBody(['let x = a /* before b */ + b'], ['  let x = a /* before b */ + b']);
  });
});

describe('comments inside blocks', () => {
  test('on the line of the `{`, after the last item, and in an empty block', () => {
    expectBody(
      [
        'source deals { # the deals',
        'id: Text key',
        '',
        '# more fields later',
        '}',
        'payee {',
        '  # nothing yet',
        '}',
      ],
      [
        '  source deals { # the deals',
        '    id: Text key',
        '',
        '    # more fields later',
        '  }',
        '',
        '  payee {',
        '    # nothing yet',
        '  }',
      ],
    );
  });

  test('a comment written before the `{` stays before it', () => {
    // It used to move after the `{`: every comment stays between the same tokens (review finding 9).
    expectBody(
      ['source deals # the deals', '{ id: Text key }'],
      ['  source deals # the deals', '  {', '    id: Text key', '  }'],
    );
  });

  test('two comments on the last line before a `}` stay there, in their order', () => {
    // The second used to go up to the end of the last item's line (`id: Text key # two`), before
    // the first: a comment written after an end-of-block comment stays after it.
    expectBody(
      [
        'source deals {',
        '  id: Text key',
        '  /* one */ # two',
        '}',
        'credit c from deals {',
        '  to owner',
        '  /* one */ /* two */ }',
        'payee {',
        '  /* one */ /* two */',
        '}',
        'let x = 1',
        '/* one */ /* two */',
      ],
      [
        '  source deals {',
        '    id: Text key',
        '    /* one */ # two',
        '  }',
        '',
        '  credit c from deals {',
        '    to owner',
        '    /* one */ /* two */',
        '  }',
        '',
        '  payee {',
        '    /* one */ /* two */',
        '  }',
        '',
        '  let x = 1',
        '  /* one */ /* two */',
      ],
    );
    const once = formatted([...header, 'source deals {', '  id: Text key', '  /* one */ # two', '}', '}']);
    expect(format(once).text).toBe(once);
  });

  test('comments inside territories', () => {
    expectBody(
      [
        'territories on accounts by priority {',
        '# west first',
        'territory west { where region = "West" # rule',
        'priority 1 } }',
      ],
      [
        '  territories on accounts by priority {',
        '    # west first',
        '    territory west {',
        '      where region = "West" # rule',
        '      priority 1',
        '    }',
        '  }',
      ],
    );
  });
});

describe('doc comments', () => {
  test('are reprinted before their declaration, continuation lines aligned', () => {
    expectBody(
      [
        '/** Paid on every deal. */ commission c = 1 USD',
        '/**',
        '        * Counts only new business.',
        '        */',
        'measure m = 2',
      ],
      [
        '  /** Paid on every deal. */',
        '  commission c = 1 USD',
        '',
        '  /**',
        '   * Counts only new business.',
        '   */',
        '  measure m = 2',
      ],
    );
  });

  test('keep documenting the same declaration and field', () => {
    const source = [
      ...header,
      'let a = 1 /** Doc of b. */ let b = 2',
      'source s { /** The key. */ id: Text key }',
      '}',
    ];
    const text = format(source.join('\n')).text ?? '';
    expect(text).toContain('  let a = 1\n  /** Doc of b. */\n  let b = 2\n');
    expect(text).toContain('  source s {\n    /** The key. */\n    id: Text key\n  }\n');
    const docs = (t: string) => {
      const items = parse(t).file.plan?.items ?? [];
      const fields = items.flatMap((item) => (item.kind === 'Source' ? item.fields : []));
      return [...items, ...fields].map((node) => ('doc' in node ? node.doc : undefined));
    };
    expect(docs(text)).toEqual(docs(source.join('\n')));
    expect(docs(text)).toContain('Doc of b.');
  });

  test('the plan doc comment stays before the plan', () => {
    expect(
      formatted([
        '/** The AE plan. */ plan "P" { currency USD period quarter effective 2026-01-01 to 2026-12-31 }',
      ]),
    ).toBe(['/** The AE plan. */', ...header.slice(0, -1), '}', ''].join('\n'));
  });
});

describe('comments around the plan', () => {
  test('before the plan, at the end of the file, and on header settings that move', () => {
    expect(
      formatted([
        '# Enterprise AE plan',
        'plan "P" {',
        '  effective 2026-01-01 to 2026-12-31 # the fiscal year',
        '  # paid quarterly',
        '  period quarter',
        '  currency USD',
        '}',
        '# end of file',
      ]),
    ).toBe(
      [
        '# Enterprise AE plan',
        'plan "P" {',
        '  currency USD',
        '  # paid quarterly',
        '  period quarter',
        '  effective 2026-01-01 to 2026-12-31 # the fiscal year',
        '}',
        '# end of file',
        '',
      ].join('\n'),
    );
  });
});

describe('comments stay between the same tokens (review finding 9)', () => {
  /** Formats `body` after the header, checks the result is `expected` and formats to itself. */
  function expectStable(body: readonly string[], expected: readonly string[]): void {
    expectBody(body, expected);
    const once = formatted([...header, ...body, '}']);
    expect(format(once).text).toBe(once);
  }

  test('a comment after a doc comment on its line stays after it, after a line comment too', () => {
    // Before: `# note` moved to the end of `let a = 1`, and a second format added a blank line.
    expectStable(
      ['let a = 1 # one', '/** Doc. */ # note', 'adjustment manual from data'],
      ['  let a = 1 # one', '', '  /** Doc. */ # note', '  adjustment manual from data'],
    );
    expectStable(
      ['let a = 1', '/** Doc. */ # note', 'adjustment manual from data'],
      ['  let a = 1', '', '  /** Doc. */ # note', '  adjustment manual from data'],
    );
  });

  test('comments between the keywords of a header setting stay between them', () => {
    // Before: `rounding down to # r # d 2`.
    const head = header.slice(0, -1);
    const once = formatted([...head, 'rounding # r', 'down # d', 'to 2 decimals at line', '}']);
    expect(once).toBe(
      [...head, '  rounding # r', '      down # d', '      to 2 decimals at line', '}', ''].join('\n'),
    );
    expect(format(once).text).toBe(once);
    const inline = formatted([...head, 'rounding /* r */ half /* h */ up to 2 decimals at line', '}']);
    expect(inline).toContain('\n  rounding /* r */ half /* h */ up to 2 decimals at line\n');
  });

  test('comments between keywords around a child node, before `{` and inside parentheses', () => {
    expectStable(
      [
        'let t = (1 + 2 # c1',
        ') / 4',
        'territories on deals # c2',
        'by priority {',
        'territory t "T" # c3',
        '{',
        'named "A"',
        'assign "x" as # c4',
        'primary to 2026-06-30',
        '}',
        '}',
      ],
      [
        '  let t = (1 + 2 # c1',
        '      ) / 4',
        '',
        '  territories on deals # c2',
        '      by priority {',
        '    territory t "T" # c3',
        '    {',
        '      named "A"',
        '      assign "x" as # c4',
        '          primary to 2026-06-30',
        '    }',
        '  }',
      ],
    );
  });
});
