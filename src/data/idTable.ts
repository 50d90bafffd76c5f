import { hashId } from './idHashes';

/**
 * Incidents by id without a Map of a million strings: an open-addressing hash table in one
 * Int32Array (about 8 bytes per incident) holding positions + 1, 0 for an empty slot. The import
 * worker builds it and transfers it; a lookup hashes the id and compares the few ids it probes.
 */
export interface IdTable {
  /** Power-of-two length, at least twice the number of ids. */
  readonly slots: Int32Array;
}

/** The table of `n` ids, `idAt(i)` being the id at position `i`; with duplicate ids, the first position is found. */
export function buildIdTable(n: number, idAt: (i: number) => string): IdTable {
  return idTableOfHashes(Uint32Array.from({ length: n }, (_, i) => hashId(idAt(i))));
}

/** The same from each position's hashId of its id (the import worker hashes the ids as it reads them, not again from the text). */
export function idTableOfHashes(hashes: Uint32Array): IdTable {
  const n = hashes.length;
  let size = 16;
  while (size < 2 * n) size *= 2;
  const slots = new Int32Array(size);
  const mask = size - 1;
  for (let i = 0; i < n; i++) {
    let s = hashes[i] & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = i + 1;
  }
  return { slots };
}

/** The position of `id`, or -1. */
export function findId(table: IdTable, id: string, idAt: (i: number) => string): number {
  const { slots } = table;
  const mask = slots.length - 1;
  let s = hashId(id) & mask;
  let found = -1;
  // Probing walks positions in insertion order along the chain: the smallest match is the first inserted.
  while (slots[s] !== 0) {
    const i = slots[s] - 1;
    if (idAt(i) === id && (found < 0 || i < found)) found = i;
    s = (s + 1) & mask;
  }
  return found;
}
