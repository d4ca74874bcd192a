import type { Diagnostic } from '@attain/dsl';
import { describe, expect, it } from 'vitest';
import { countDiagnostics, describeTally, formatDiagnostic, sortDiagnostics } from './diagnostics.js';
import { createStyle } from './style.js';

function at(line: number, character: number, offset: number) {
  return { line, character, offset };
}

const overlap: Diagnostic = {
  code: 'AT4003',
  severity: 'error',
  message: 'Tiers 1 and 2 of commission_rates overlap between 40% and 50%',
  range: { start: at(11, 4, 300), end: at(11, 20, 316) },
  related: [
    { message: 'tier 1 is here', range: { start: at(10, 4, 270), end: at(10, 20, 286) } },
    { message: 'tier 2 is here', range: { start: at(11, 4, 300), end: at(11, 20, 316) } },
  ],
};

const unused: Diagnostic = {
  code: 'AT2006',
  severity: 'warning',
  message: 'target_incentive is never used',
  range: { start: at(0, 0, 0), end: at(0, 5, 5) },
};

describe('formatDiagnostic', () => {
  const plain = createStyle(false);

  it('prints file:line:col with 1-based line and column, severity, code and message', () => {
    expect(formatDiagnostic('plans/ae.attain', unused, plain)).toBe(
      'plans/ae.attain:1:1: warning AT2006: target_incentive is never used\n',
    );
  });

  it('prints related locations indented below the diagnostic', () => {
    expect(formatDiagnostic('ae.attain', overlap, plain).split('\n')).toEqual([
      'ae.attain:12:5: error AT4003: Tiers 1 and 2 of commission_rates overlap between 40% and 50%',
      '    ae.attain:11:5: tier 1 is here',
      '    ae.attain:12:5: tier 2 is here',
      '',
    ]);
  });

  it('puts the indent before every line', () => {
    const lines = formatDiagnostic('ae.attain', overlap, plain, '  ').split('\n').slice(0, -1);
    expect(lines.every((line) => line.startsWith('  ae.attain') || line.startsWith('      ae.attain'))).toBe(
      true,
    );
  });

  it('colours only when the style is enabled', () => {
    expect(formatDiagnostic('ae.attain', overlap, plain)).not.toContain('\u001b[');
    const coloured = formatDiagnostic('ae.attain', overlap, createStyle(true));
    expect(coloured).toContain('\u001b[31m');
    expect(coloured.replaceAll('\u001b', '').replace(/\[\d+m/g, '')).toBe(
      formatDiagnostic('ae.attain', overlap, plain),
    );
  });
});

describe('sortDiagnostics and tallies', () => {
  it('sorts by start offset and keeps the order of diagnostics at one position', () => {
    const second = { ...unused, message: 'second' };
    expect(sortDiagnostics([overlap, unused, second])).toEqual([unused, second, overlap]);
  });

  it('counts and describes severities, with singular and plural forms', () => {
    const tally = countDiagnostics([overlap, unused, unused]);
    expect(tally).toEqual({ errors: 1, warnings: 2, infos: 0 });
    expect(describeTally(tally)).toBe('1 error, 2 warnings');
    expect(describeTally({ errors: 0, warnings: 1, infos: 2 })).toBe('0 errors, 1 warning, 2 info messages');
  });
});
