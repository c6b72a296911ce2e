/**
 * Values by ID, where IDs match trimmed and case-insensitively (SPEC §2), without making a folded
 * copy of every ID. A Map keyed by `idKey(id)` allocates and hashes a new string per row, and
 * growing the Map costs more again: on a 10,000-row table that was most of an OKRSCORE call
 * (docs/performance.md). Here the hash of the folded ID is computed from the cell's own text, and
 * entries live in typed arrays: an ID found in the table is never copied.
 */
import { idKey } from './cells';

/** FNV-1a, 32 bits: https://datatracker.ietf.org/doc/html/draft-eastlake-fnv */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const EMPTY = -1;

/** The hash of a folded text's code units (the slow path for IDs beyond plain ASCII). */
function hashOfFolded(folded: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < folded.length; i++) hash = Math.imul(hash ^ folded.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

/**
 * The hash of `idKey(id)`, read straight from `id` when it is printable ASCII without spaces (the
 * usual ID, where folding is only A–Z to a–z); anything else is folded by idKey itself, so both
 * paths hash the same code units for the same folded ID.
 */
export function idHash(id: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < id.length; i++) {
    const code = id.charCodeAt(i);
    // Unsigned compares: one test each for "not ! to ~" and "A to Z".
    if ((code - 33) >>> 0 > 93) return hashOfFolded(idKey(id));
    hash = Math.imul(hash ^ ((code - 65) >>> 0 < 26 ? code + 32 : code), FNV_PRIME);
  }
  return hash >>> 0;
}

export class IdIndex<T> {
  private readonly ids: string[] = [];
  private readonly entries: T[] = [];
  private hashes = new Uint32Array(0);
  /** Open addressing (linear probing): the position in `ids` of each slot's entry, or EMPTY. */
  private slots = new Int32Array(0);

  constructor(expected = 16) {
    this.resize(expected);
  }

  get size(): number {
    return this.entries.length;
  }

  /** The values in the order their IDs were first added. */
  values(): readonly T[] {
    return this.entries;
  }

  get(id: string): T | undefined {
    const found = this.slots[this.find(id, idHash(id))]!;
    return found === EMPTY ? undefined : this.entries[found];
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Adds the value under `id` unless an equal ID is there: then returns the earlier value. */
  addIfAbsent(id: string, value: T): T | undefined {
    const hash = idHash(id);
    const slot = this.find(id, hash);
    const found = this.slots[slot]!;
    if (found !== EMPTY) return this.entries[found];
    this.slots[slot] = this.entries.length;
    this.hashes[slot] = hash;
    this.ids.push(id);
    this.entries.push(value);
    // Kept at most half full, so probes stay short.
    if (this.entries.length * 2 > this.slots.length) this.resize(this.entries.length * 2);
    return undefined;
  }

  /** The slot holding an ID equal to `id`, or the empty slot where it belongs. */
  private find(id: string, hash: number): number {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const position = this.slots[slot]!;
      if (position === EMPTY) return slot;
      // Equal hashes are almost always equal IDs; the same text needs no folding to tell.
      if (this.hashes[slot] === hash) {
        const other = this.ids[position]!;
        if (other === id || idKey(other) === idKey(id)) return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  private resize(entries: number): void {
    let capacity = 16;
    while (capacity < entries * 2) capacity *= 2;
    if (capacity <= this.slots.length) return;
    const oldSlots = this.slots;
    const oldHashes = this.hashes;
    this.slots = new Int32Array(capacity).fill(EMPTY);
    this.hashes = new Uint32Array(capacity);
    const mask = capacity - 1;
    for (let old = 0; old < oldSlots.length; old++) {
      const position = oldSlots[old]!;
      if (position === EMPTY) continue;
      let slot = oldHashes[old]! & mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.slots[slot] = position;
      this.hashes[slot] = oldHashes[old]!;
    }
  }
}
