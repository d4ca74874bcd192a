/**
 * `JSON.stringify(value, null, 2)` in pieces. A statement of a large run is a megabyte of JSON; V8
 * puts strings that large apart and frees them only in a full garbage collection, so dead statement
 * texts pile up between two (a run of 1,000 such statements peaked at 1.2 GB written whole, 0.9 GB
 * in pieces). Pieces of a few kilobytes die young and cost little.
 */

/** Arrays and objects nested this deep or deeper are one piece (a statement's line is at depth 4). */
const splitDepth = 4;

/** Items of an array written with one `JSON.stringify` call (a statement's line is under 1 KB). */
const batchSize = 32;

/** What `JSON.stringify` leaves out of objects and writes as `null` in arrays. */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** True for the arrays and plain data objects that are written piece by piece. */
function splittable(value: unknown): value is unknown[] | Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value);
  return (
    (prototype === Object.prototype || prototype === null) &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}

/** `JSON.stringify(value, null, 2)` with every line after the first indented by `indent`. */
function nestedJson(value: unknown, indent: string): string {
  // A JSON text has no line break inside a string (they are escaped): every `\n` starts a line.
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`);
}

/** Passes on one piece of JSON text. */
export type Emit = (text: string) => void;

function write(value: unknown, indent: string, depth: number, emit: Emit): void {
  if (typeof value !== 'object' || value === null) {
    // A string, number, boolean or null is written alike with or without indentation.
    emit(JSON.stringify(value));
    return;
  }
  if (depth >= splitDepth || !splittable(value)) {
    emit(nestedJson(value, indent));
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      emit('[]');
    } else if (depth + 1 >= splitDepth) {
      // The items are single pieces: one JSON.stringify call for a batch of them is faster.
      // `[\n<inner>a,\n<inner>b\n<indent>]` without its brackets is the text of the batch's items.
      for (let i = 0; i < value.length; i += batchSize) {
        const text = nestedJson(value.slice(i, i + batchSize), indent);
        emit(`${i === 0 ? '[' : ','}${text.slice(1, text.length - indent.length - 2)}`);
      }
      emit(`\n${indent}]`);
    } else {
      for (let i = 0; i < value.length; i++) {
        emit(`${i === 0 ? '[' : ','}\n${inner}`);
        const item: unknown = value[i];
        if (omitted(item)) emit('null');
        else write(item, inner, depth + 1, emit);
      }
      emit(`\n${indent}]`);
    }
    return;
  }
  let first = true;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item = value[key];
    if (omitted(item)) continue;
    emit(`${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `);
    write(item, inner, depth + 1, emit);
    first = false;
  }
  emit(first ? '{}' : `\n${indent}}`);
}

/**
 * Passes the text of `JSON.stringify(value, null, 2)` to `emit` in pieces, with every line after the
 * first indented by `indent` (for a value nested in a larger JSON text). Byte for byte the same
 * for JSON data: plain objects, arrays, strings, numbers, booleans and null (`undefined` is left
 * out of objects and written as `null` in arrays, as JSON.stringify does).
 */
export function writeJson(value: unknown, indent: string, emit: Emit): void {
  if (omitted(value)) throw new TypeError('writeJson: the value has no JSON text');
  write(value, indent, 0, emit);
}
