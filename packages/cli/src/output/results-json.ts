/**
 * The `json` format of `attain run`: the engine's `Results`, exactly as `JSON.stringify(results,
 * null, 2)` prints them, written statement by statement so that the results of a large run never
 * have to fit in one string.
 */
import type { Results } from '@attain/engine';
import type { Writer } from '../io.js';

/** `JSON.stringify(value, null, 2)` with every line after the first indented by `indent`. */
function nested(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`);
}

/** Writes `results` to `writer` as pretty-printed JSON followed by a newline. */
export function writeResultsJson(results: Results, writer: Writer): void {
  const { statements, ...head } = results;
  const fields = Object.entries(head).map(
    ([key, value]) => `  ${JSON.stringify(key)}: ${nested(value, '  ')}`,
  );
  writer.write(`{\n${fields.join(',\n')},\n  "statements": [`);
  statements.forEach((statement, i) => {
    writer.write(`${i === 0 ? '' : ','}\n    ${nested(statement, '    ')}`);
  });
  writer.write(statements.length === 0 ? ']\n}\n' : '\n  ]\n}\n');
}
