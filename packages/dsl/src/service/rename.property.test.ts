/**
 * Rename on every example plan: renaming any declared name to a fresh name is either refused or
 * leaves the plan's diagnostic codes exactly as they were (a rename never breaks a plan).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { examplePlans } from '../test-support.js';
import { analysisOf } from './analysis.js';
import { getDiagnostics } from './diagnostics.js';
import { applyEdits, rename } from './rename.js';

const plans = examplePlans;

const codes = (text: string): string[] =>
  getDiagnostics(text)
    .map((d) => d.code)
    .sort();

/** The offset of every declaration of a name the plan declares (built-in names have none). */
const declarations = (text: string): number[] =>
  analysisOf(text)
    .occurrences.filter((o) => o.declaration && o.symbol.decl !== undefined)
    .map((o) => o.name.range.start.offset);

/** Renames the name declared at `offset`; true when refused or the diagnostic codes are unchanged. */
const keepsCodes = (text: string, offset: number, newName: string): boolean => {
  const result = rename(text, offset, newName);
  if ('error' in result) return true;
  expect(codes(applyEdits(text, result.changes))).toEqual(codes(text));
  return true;
};

describe.each(plans)('rename in %s', (path) => {
  const text = readFileSync(path, 'utf8');
  const offsets = declarations(text);

  it('has declarations to rename', () => {
    expect(offsets.length).toBeGreaterThan(0);
  });

  it('refuses or keeps the diagnostics for every declared name', () => {
    for (const offset of offsets) keepsCodes(text, offset, 'zz_fresh_name');
    // Not everything is refused: most names have no meaning beyond their references.
    const renamed = offsets.filter((offset) => 'changes' in rename(text, offset, 'zz_fresh_name'));
    expect(renamed.length).toBeGreaterThan(offsets.length / 2);
  });

  it('refuses or keeps the diagnostics for random fresh names', () => {
    const fresh = fc
      .stringMatching(/^[a-z][a-z0-9_]{0,8}$/)
      .map((s) => `q_${s}`)
      .filter((s) => !new RegExp(`\\b${s}\\b`).test(text));
    fc.assert(
      fc.property(fc.constantFrom(...offsets), fresh, (offset, name) => keepsCodes(text, offset, name)),
      { numRuns: 30 },
    );
  });
});
