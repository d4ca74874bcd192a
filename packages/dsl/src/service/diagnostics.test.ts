import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getDiagnostics } from './diagnostics.js';

const fixture = readFileSync(new URL('../syntax/fixtures/ae.attain', import.meta.url), 'utf8');

describe('getDiagnostics', () => {
  it('reports the one warning of the Enterprise AE plan', () => {
    expect(getDiagnostics(fixture).map((d) => `${d.code} ${d.severity}`)).toEqual(['AT2006 warning']);
  });

  it('reports every phase, sorted by position', () => {
    const text = fixture
      .replace('bookings / bookings_quota', 'bookngs / bookings_quota')
      .replace('cap 2 * target_incentive', 'cap 2 * target_incentive +')
      .replace('payee.annual_quota', 'payee.annual_quota + 5%');
    const diagnostics = getDiagnostics(text);
    expect(diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['AT1002', 'AT2001']));
    expect(diagnostics.some((d) => d.code.startsWith('AT3'))).toBe(true);
    const offsets = diagnostics.map((d) => d.range.start.offset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });
});
