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
  return hash | 0;
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
  return hash | 0;
}

export class IdIndex<T> {
  /** Each entry's ID as first added, the hash of its folded form, and its value. */
  private readonly ids: string[] = [];
  private hashes: Int32Array;
  private readonly entries: T[] = [];
  /** Open addressing (linear probing), at most half full: each slot's entry position, or EMPTY. */
  private slots: Int32Array;

  constructor(expected = 8) {
    this.slots = new Int32Array(capacityFor(expected)).fill(EMPTY);
    this.hashes = new Int32Array(this.slots.length);
  }

  /** The values in the order their IDs were first added. */
  values(): readonly T[] {
    return this.entries;
  }

  get(id: string): T | undefined {
    if (this.entries.length === 0) return undefined;
    const position = this.slots[this.slotOf(id, idHash(id))]!;
    return position === EMPTY ? undefined : this.entries[position];
  }

  /** Adds the value under `id` unless an equal ID is there: then returns the earlier value. */
  addIfAbsent(id: string, value: T): T | undefined {
    const hash = idHash(id);
    const slot = this.slotOf(id, hash);
    const position = this.slots[slot]!;
    if (position !== EMPTY) return this.entries[position];
    this.slots[slot] = this.entries.length;
    this.hashes[this.ids.length] = hash;
    this.ids.push(id);
    this.entries.push(value);
    if (this.entries.length * 2 > this.slots.length) this.grow(this.entries.length * 2);
    return undefined;
  }

  /** The slot holding an ID equal to `id`, or the empty slot where it belongs. */
  private slotOf(id: string, hash: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const position = slots[slot]!;
      // Equal hashes are almost always equal IDs; the same text needs no folding to tell.
      if (position === EMPTY || (this.hashes[position] === hash && this.sameId(position, id)))
        return slot;
      slot = (slot + 1) & mask;
    }
  }

  private sameId(position: number, id: string): boolean {
    const other = this.ids[position]!;
    return other === id || idKey(other) === idKey(id);
  }

  private grow(entries: number): void {
    const slots = new Int32Array(capacityFor(entries)).fill(EMPTY);
    const mask = slots.length - 1;
    const hashes = new Int32Array(slots.length);
    hashes.set(this.hashes);
    for (let position = 0; position < this.entries.length; position++) {
      let slot = this.hashes[position]! & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = position;
    }
    this.slots = slots;
    this.hashes = hashes;
  }
}

/** A power of two at least twice the entries: the table is at most half full. */
function capacityFor(entries: number): number {
  let capacity = 16;
  while (capacity < entries * 2) capacity *= 2;
  return capacity;
}
