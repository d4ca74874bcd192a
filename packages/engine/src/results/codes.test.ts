/**
 * docs/reference/engine.md has a table of every data error code and one of every warning code.
 * These tests keep them and the engine's lists of codes the same, in the same order, so that no
 * code a host may meet is undocumented and no documented code is stale.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataErrorCodes, warningCodes } from './results.js';

const page = readFileSync(
  join(import.meta.dirname, '..', '..', '..', '..', 'docs', 'reference', 'engine.md'),
  'utf8',
);

/** The codes in the first column of the table whose header row starts with `header`. */
function tableCodes(header: string): string[] {
  const lines = page.split('\n');
  const start = lines.findIndex((line) => line.startsWith(header));
  if (start < 0) throw new Error(`engine.md has no table headed "${header}"`);
  const codes: string[] = [];
  // The header, the divider, then the rows up to the first line that is not one.
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const code = /^\| `([a-z-]+)` +\|/.exec(line)?.[1];
    if (code === undefined) throw new Error(`a row of the table under "${header}" names no code: ${line}`);
    codes.push(code);
  }
  return codes;
}

describe('engine.md documents every code', () => {
  it('of data errors, in the table of "Data errors"', () => {
    expect(tableCodes('| code                | raised for')).toEqual([...dataErrorCodes]);
  });

  it('of warnings, in the table of "Warnings"', () => {
    expect(tableCodes('| code                     | raised when')).toEqual([...warningCodes]);
  });

  it('each once', () => {
    expect(new Set(dataErrorCodes).size).toBe(dataErrorCodes.length);
    expect(new Set(warningCodes).size).toBe(warningCodes.length);
  });
});
