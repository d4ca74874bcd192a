import { Command, InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  asOfOption,
  dataOption,
  formatOption,
  integer,
  periodOption,
  progressOption,
  strictOption,
} from './options.js';

/** Parses `argv` with a command that has the shared options; returns its options. */
function parse(argv: string[]): Record<string, unknown> {
  const command = new Command('x')
    .exitOverride()
    .configureOutput({ writeErr: () => {}, writeOut: () => {} })
    .addOption(dataOption())
    .addOption(periodOption())
    .addOption(formatOption(['table', 'json'], 'table'))
    .addOption(strictOption())
    .addOption(asOfOption())
    .addOption(progressOption());
  command.parse(argv, { from: 'user' });
  return command.opts();
}

describe('shared options', () => {
  it('read --data, repeated and comma-separated --period, and default the format', () => {
    expect(parse(['--data', 'd', '--period', '2026-Q1,2026-Q2', '--period', '2026-Q3'])).toEqual({
      data: 'd',
      period: ['2026-Q1', '2026-Q2', '2026-Q3'],
      format: 'table',
    });
    expect(
      parse([
        '--data',
        'd',
        '--period',
        'P',
        '--format',
        'json',
        '--strict',
        '--as-of',
        '2026-05-15',
        '--progress',
      ]),
    ).toEqual({ data: 'd', period: ['P'], format: 'json', strict: true, asOf: '2026-05-15', progress: true });
  });

  it('require --data and --period, and allow only the formats given', () => {
    expect(() => parse(['--period', 'P'])).toThrow("required option '--data <dir>' not specified");
    expect(() => parse(['--data', 'd'])).toThrow("required option '--period <period>' not specified");
    expect(() => parse(['--data', 'd', '--period', 'P', '--format', 'csv'])).toThrow(
      'Allowed choices are table, json',
    );
  });

  it.each([
    dataOption,
    periodOption,
    strictOption,
    asOfOption,
    progressOption,
    () => formatOption(['a'], 'a'),
  ])('make a new option on every call, so that commands never share one (%#)', (make) => {
    expect(make()).not.toBe(make());
  });

  it('take a description of their own where the command needs one', () => {
    expect(asOfOption('the day').description).toBe('the day');
    expect(periodOption().description).toBe('period to calculate, e.g. 2026-Q1 or 2026-03 (repeatable)');
  });
});

describe('integer', () => {
  const top = integer(0, 100_000, '--top');

  it('reads whole numbers from min to max', () => {
    expect([top('0'), top(' 10 '), top('100000')]).toEqual([0, 10, 100_000]);
  });

  it.each(['-1', '100001', '1.5', '1e3', 'ten', ''])('rejects %j', (value) => {
    expect(() => top(value)).toThrow(
      new InvalidArgumentError('--top must be a whole number from 0 to 100000'),
    );
  });
});
