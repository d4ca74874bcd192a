/**
 * Reading data files as UTF-8 text, strictly: bytes that are not UTF-8 (a file saved as Latin-1 or
 * UTF-16) stop the read rather than becoming U+FFFD, which would silently change names and keys.
 * A UTF-8 byte order mark (as Excel and Windows PowerShell write) is dropped. CSV files (csv.ts) and
 * JSON files (data.json, `--previous`) are read through it.
 */
import { describeIoError, type Io } from '../io.js';

/** Bytes that are not UTF-8, `offset` bytes into the file (see {@link badBytePlace}). */
export class NotUtf8 extends Error {
  constructor(readonly offset: number) {
    super(`not UTF-8 at byte ${offset}`);
  }
}

/** How many bytes at the end of `bytes` begin a character that the next chunk completes (0 to 3). */
function pendingBytes(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/** The index of the first byte of `bytes` that cannot be read as UTF-8 (they hold one). */
function firstBadByte(bytes: Uint8Array): number {
  const valid = (end: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  // The shortest prefix that is not valid ends just after the bad byte.
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (valid(middle + 1)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The file's text, decoded as UTF-8 chunk by chunk (a character split between chunks stays whole; a
 * BOM is dropped). Bytes that are not UTF-8 (a file saved as Latin-1 or UTF-16) throw
 * {@link NotUtf8} rather than becoming U+FFFD, which would silently change names and keys.
 */
export async function* utf8Text(
  chunks: Iterable<string> | AsyncIterable<string | Uint8Array>,
): AsyncIterable<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  let offset = 0;
  let previous: Uint8Array = new Uint8Array(0);
  for await (const chunk of chunks) {
    let part: string;
    if (typeof chunk === 'string') part = chunk;
    else {
      try {
        part = decoder.decode(chunk, { stream: true });
      } catch {
        const carried = previous.subarray(previous.length - pendingBytes(previous));
        const joined = new Uint8Array(carried.length + chunk.length);
        joined.set(carried);
        joined.set(chunk, carried.length);
        throw new NotUtf8(offset - carried.length + firstBadByte(joined));
      }
      offset += chunk.length;
      previous = chunk;
    }
    if (first && part.length > 0) {
      if (part.charCodeAt(0) === 0xfeff) part = part.slice(1);
      first = false;
    }
    if (part.length > 0) yield part;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    // The file ends in the middle of a character.
    throw new NotUtf8(offset - pendingBytes(previous));
  }
  if (rest.length > 0) yield rest;
}

/**
 * Where the byte that is not UTF-8 at `offset` is: its line (counting the lines before it, read
 * again: only a failed read pays for it; LF, CRLF and a lone CR end a line), and whether the file is UTF-16 (it starts with a UTF-16
 * byte order mark, as Windows PowerShell 5's `>` and some spreadsheets write).
 */
export async function badBytePlace(
  io: Io,
  absolute: string,
  offset: number,
): Promise<{ line: number; utf16: boolean }> {
  let line = 1;
  let start: Uint8Array | undefined;
  let read = 0;
  // A line ends with LF, CRLF or a lone CR (as csv.ts reads them): a CR counts unless an LF follows.
  let afterCr = false;
  for await (const chunk of io.readChunks?.(absolute) ?? []) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    start ??= bytes;
    const end = Math.min(bytes.length, offset - read);
    for (let at = 0; at < end; at++) {
      const byte = bytes[at];
      if (byte === 0x0a) {
        if (!afterCr) line++;
      } else if (byte === 0x0d) line++;
      afterCr = byte === 0x0d;
    }
    read += bytes.length;
    if (read >= offset) break;
  }
  const utf16 =
    start !== undefined &&
    ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff));
  return { line, utf16 };
}

/**
 * The whole text of the file at `absolute` (shown to the user as `display`), a UTF-8 byte order
 * mark dropped, or why it cannot be read: `data/data.json is UTF-16 text, not UTF-8 (line 1): save
 * it as UTF-8 (...)`, or `cannot read q1.json: no such file or directory`. `hint` says how to save
 * the file as UTF-8. Never throws.
 */
export async function readUtf8File(
  io: Io,
  absolute: string,
  display: string,
  hint: string,
): Promise<{ text: string; problem?: undefined } | { problem: string }> {
  const parts: string[] = [];
  try {
    const chunks = io.readChunks ? io.readChunks(absolute) : [await io.readFile(absolute)];
    for await (const part of utf8Text(chunks)) parts.push(part);
  } catch (error) {
    if (!(error instanceof NotUtf8)) return { problem: `cannot read ${display}: ${describeIoError(error)}` };
    const { line, utf16 } = await badBytePlace(io, absolute, error.offset);
    const kind = utf16 ? 'UTF-16 text, not UTF-8' : 'not UTF-8 text';
    return { problem: `${display} is ${kind} (line ${line}): save it as UTF-8 (${hint})` };
  }
  return { text: parts.join('') };
}
