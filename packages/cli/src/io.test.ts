import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { OutputClosed, OutputFailed, pipeWriter, writeFailure } from './io.js';

/** The error Node.js gives a write to a pipe whose reader has gone. */
function brokenPipe(): Error {
  return Object.assign(new Error('write EPIPE'), { code: 'EPIPE', errno: -32, syscall: 'write' });
}

/** The error Node.js gives a write to a full disk (`> /dev/full`). */
function diskFull(): Error {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28 });
}

/** A stream like stdout on a pipe that takes `open` writes and then finds the reader gone (or `fails`). */
function pipe(open: number, fails: () => Error = brokenPipe): { stream: Writable; written: string[] } {
  const written: string[] = [];
  const stream = new Writable({
    decodeStrings: false,
    write(chunk: string, _encoding, callback) {
      if (written.length >= open) callback(fails());
      else {
        written.push(chunk);
        callback();
      }
    },
  });
  return { stream, written };
}

/** Lets the `error` event, which Node.js emits on a later tick, come. */
const nextTicks = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('pipeWriter', () => {
  it('stops the command with OutputClosed once the reader has closed the pipe', async () => {
    const { stream, written } = pipe(1);
    const writer = pipeWriter(stream, 'stop');
    writer.write('first line\n');
    // The write that finds the pipe closed throws at once: the next statement is not made.
    expect(() => writer.write('second line\n')).toThrow(OutputClosed);
    await nextTicks();
    expect(() => writer.write('third line\n')).toThrow(OutputClosed);
    await expect(writer.drain?.()).rejects.toThrow(OutputClosed);
    expect(written).toEqual(['first line\n']);
    // The `error` event came and was handled: a stream nobody listened to would have thrown it.
    expect(stream.listenerCount('error')).toBe(1);
  });

  it('drops writes to a closed stderr without stopping the command', async () => {
    const { stream, written } = pipe(0);
    const writer = pipeWriter(stream, 'drop');
    writer.write('attain: 1 row left out of the calculation:\n');
    await nextTicks();
    writer.write('  data/deals.csv row 6 (D6): owner is "ae-9", who is not among the payees\n');
    await writer.drain?.();
    expect(written).toEqual([]);
  });

  it('stops the command with OutputFailed, saying why in words, when a write fails otherwise', async () => {
    const { stream, written } = pipe(1, diskFull);
    const writer = pipeWriter(stream, 'stop');
    writer.write('first line\n');
    expect(() => writer.write('second line\n')).toThrow(new OutputFailed('stdout', diskFull()).message);
    expect(new OutputFailed('stdout', diskFull()).message).toBe(
      'cannot write to stdout: no space left on device',
    );
    // The `error` event comes on a later tick and is handled: it no longer crashes the process.
    await nextTicks();
    expect(() => writer.write('third line\n')).toThrow(OutputFailed);
    await expect(writer.drain?.()).rejects.toThrow(OutputFailed);
    expect(written).toEqual(['first line\n']);
    expect(writeFailure(stream)).toMatchObject({ code: 'ENOSPC' });
  });

  it('drops writes to a stderr that cannot be written without stopping the command', async () => {
    const { stream, written } = pipe(0, diskFull);
    const writer = pipeWriter(stream, 'drop', 'stderr');
    writer.write('attain: 1 row left out of the calculation:\n');
    await nextTicks();
    writer.write('  data/deals.csv row 6 (D6): owner is "ae-9", who is not among the payees\n');
    await writer.drain?.();
    expect(written).toEqual([]);
  });

  it('watches a stream once, however many writers are made on it', () => {
    const { stream } = pipe(10);
    for (let i = 0; i < 20; i++) pipeWriter(stream, 'stop');
    expect(stream.listenerCount('error')).toBe(1);
  });

  it('waits for a full stream to drain', async () => {
    const callbacks: (() => void)[] = [];
    const stream = new Writable({
      highWaterMark: 4,
      write(_chunk, _encoding, callback) {
        callbacks.push(() => callback());
      },
    });
    const writer = pipeWriter(stream, 'stop');
    expect(writer.backedUp?.()).toBe(false);
    writer.write('12345678');
    expect(writer.backedUp?.()).toBe(true);
    let drained = false;
    const waiting = writer.drain?.().then(() => {
      drained = true;
    });
    await nextTicks();
    expect(drained).toBe(false);
    for (const callback of callbacks) callback();
    await waiting;
    expect(drained).toBe(true);
    expect(writer.backedUp?.()).toBe(false);
  });

  it('ends a wait for drain with OutputClosed when the reader closes the pipe meanwhile', async () => {
    let fail: ((error: Error) => void) | undefined;
    const stream = new Writable({
      highWaterMark: 4,
      write(_chunk, _encoding, callback) {
        fail = callback;
      },
    });
    const writer = pipeWriter(stream, 'stop');
    writer.write('12345678');
    const waiting = writer.drain?.();
    fail?.(brokenPipe());
    await expect(waiting).rejects.toThrow(OutputClosed);
  });
});
