/**
 * The keys of a source's rows, gathered while validating it, and the keys used more than once,
 * found at the end. Keys are found again by sorting their hashes, not by looking each one up in a
 * hash table as it comes: a table for a million keys is far larger than the processor's caches,
 * and each lookup waited on memory (180 ms of the benchmark's validation). Here each key is
 * hashed once as it comes (a sequential write), and the hashes are then sorted by radix, in
 * passes that read and write in order. Exact: keys with the same hash are compared as strings.
 */
export class KeyList {
  private keys: string[] = [];
  private hashes: Uint32Array;
  private count = 0;

  /** A list with room for `capacity` keys (it grows past that when needed). */
  constructor(capacity: number) {
    this.hashes = new Uint32Array(Math.max(16, capacity));
  }

  /** How many keys were added (repeats included). */
  get size(): number {
    return this.count;
  }

  /** Adds a key. */
  add(key: string): void {
    if (this.count === this.hashes.length) {
      const more = new Uint32Array(this.hashes.length * 2);
      more.set(this.hashes);
      this.hashes = more;
    }
    this.hashes[this.count] = keyHash(key);
    this.keys[this.count++] = key;
  }

  /** The keys added more than once, in the order they were first added. */
  repeated(): string[] {
    const n = this.count;
    const { keys } = this;
    const { sorted, order } = sortedByHash(this.hashes.subarray(0, n));
    const firsts: number[] = [];
    // Runs of equal hashes: within one, each key not met earlier in the run is compared with the
    // rest of it (runs are one or two long but for keys used again, and collisions are rare).
    for (let start = 0; start < n; ) {
      const h = sorted[start];
      let end = start + 1;
      while (end < n && sorted[end] === h) end++;
      for (let a = start; a < end - 1; a++) {
        const first = order[a] as number;
        const key = keys[first];
        let seenBefore = false;
        for (let b = start; b < a && !seenBefore; b++) seenBefore = keys[order[b] as number] === key;
        if (seenBefore) continue;
        for (let b = a + 1; b < end; b++)
          if (keys[order[b] as number] === key) {
            firsts.push(first);
            break;
          }
      }
      start = end;
    }
    return firsts.sort((a, b) => a - b).map((i) => keys[i] as string);
  }
}

/** Bits of the hash sorted per pass (three passes for 32 bits). */
const RADIX_BITS = 11;

/**
 * `hashes` sorted, and the position of each in `hashes` (least significant digit first radix
 * sort: stable, so equal hashes keep their positions in increasing order).
 */
function sortedByHash(hashes: Uint32Array): { sorted: Uint32Array; order: Int32Array } {
  const n = hashes.length;
  const buckets = 1 << RADIX_BITS;
  const mask = buckets - 1;
  let keys = new Uint32Array(hashes);
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let nextKeys = new Uint32Array(n);
  let nextOrder = new Int32Array(n);
  const count = new Int32Array(buckets);
  for (let shift = 0; shift < 32; shift += RADIX_BITS) {
    count.fill(0);
    for (let i = 0; i < n; i++) {
      const b = ((keys[i] as number) >>> shift) & mask;
      count[b] = (count[b] as number) + 1;
    }
    for (let b = 0, sum = 0; b < buckets; b++) {
      const c = count[b] as number;
      count[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const k = keys[i] as number;
      const b = (k >>> shift) & mask;
      const to = count[b] as number;
      count[b] = to + 1;
      nextKeys[to] = k;
      nextOrder[to] = order[i] as number;
    }
    [keys, nextKeys] = [nextKeys, keys];
    [order, nextOrder] = [nextOrder, order];
  }
  return { sorted: keys, order };
}

/** FNV-1a over the UTF-16 code units, with a final mix so that close keys spread over the bits. */
export function keyHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}
