/**
 * The `json` format of `attain run`: the engine's `Results`, exactly as `JSON.stringify(results,
 * null, 2)` prints them. The statements come last in the JSON but are made first: they go to a
 * {@link Spool} as they are made and are copied to the output after the rest of the results, so
 * that a large run holds neither its statements nor their text in memory.
 */
import type { Results, Statement } from '@attain/engine';
import type { Writer } from '../io.js';
import type { Spool } from '../spool.js';
import { type Emit, writeJson } from './json-text.js';
import { PieceJoiner } from './text-pieces.js';

/**
 * Passes everything before the first statement to `emit`: `meta`, `errors`, `rejected` and
 * `warnings`, then `"statements": [`. The statements are the last field of the results.
 */
function writeHead(results: Results, emit: Emit): void {
  const { statements, ...fields } = results;
  let first = true;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    emit(`${first ? '{' : ','}\n  ${JSON.stringify(key)}: `);
    writeJson(value, '  ', emit);
    first = false;
  }
  emit(`${first ? '{' : ','}\n  "statements": [`);
}

/** What closes the array of `count` statements and the results. */
function closing(count: number): string {
  return count === 0 ? ']\n}\n' : '\n  ]\n}\n';
}

/**
 * The JSON of a run whose statements are streamed (the engine's `onStatement`): {@link add} each
 * statement as it is made, then {@link write} the results the calculation returned.
 */
export class ResultsJson {
  private count = 0;
  private readonly toSpool: Emit = (text) => this.spool.write(text);

  /** `spool` keeps the statements' text until {@link write}; the caller removes it afterwards. */
  constructor(private readonly spool: Spool) {}

  /** Adds the next statement, in the order of the results. */
  add(statement: Statement): void {
    this.spool.write(`${this.count === 0 ? '' : ','}\n    `);
    writeJson(statement, '    ', this.toSpool);
    this.count++;
  }

  /**
   * Writes `results` (whose `statements` are empty: they were added) to `writer` as pretty-printed
   * JSON followed by a newline.
   */
  async write(results: Results, writer: Writer): Promise<void> {
    if (results.statements.length > 0) throw new TypeError('ResultsJson: the statements must be added');
    const joiner = new PieceJoiner();
    const put = (piece: string | undefined) => {
      if (piece) writer.write(piece);
    };
    writeHead(results, (text) => put(joiner.add(text)));
    put(joiner.rest());
    // The statements may be gigabytes: wait for the reader between pieces rather than queue them.
    for await (const piece of this.spool.read()) {
      writer.write(piece);
      await writer.drain?.();
    }
    writer.write(closing(this.count));
  }
}
