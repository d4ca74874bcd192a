/**
 * The set of record keys seen while validating a source, for duplicate-key detection: an
 * open-addressing hash table over a typed array, sized once for the number of rows. A million
 * keys cost one probe each into a dense table, without the chained buckets, per-entry objects and
 * rehashing as it grows of a `Set` of that size. Exact: keys with the same hash are compared as
 * strings.
 */
export class KeySet {
  /** Slot → 1 + the index in {@link keys} of the key stored there; 0 for an empty slot. */
  private readonly slots: Int32Array;
  private readonly hashes: Int32Array;
  private readonly keys: string[];
  private count = 0;
  private readonly mask: number;

  /** A set for at most `capacity` keys. */
  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
    this.keys = new Array(capacity);
  }

  /** How many keys the set holds. */
  get size(): number {
    return this.count;
  }

  /** Adds `key`; true when it was not there yet. */
  add(key: string): boolean {
    const h = hash(key);
    let slot = h & this.mask;
    for (;;) {
      const at = this.slots[slot] as number;
      if (at === 0) {
        if (this.count * 2 >= this.slots.length) throw new RangeError('KeySet: more keys than its capacity');
        this.keys[this.count++] = key;
        this.slots[slot] = this.count;
        this.hashes[slot] = h;
        return true;
      }
      if (this.hashes[slot] === h && this.keys[at - 1] === key) return false;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** FNV-1a over the UTF-16 code units, with a final mix so that close keys spread over the table. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}
