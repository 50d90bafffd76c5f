/** FNV-1a over the UTF-16 code units, 32 bits: quick, and spread well enough for ids (the id table's, and the join's). */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Hashes appended one at a time into a growing array. */
export class HashList {
  private hashes = new Uint32Array(1024);
  private n = 0;

  push(id: string): void {
    if (this.n === this.hashes.length) {
      const grown = new Uint32Array(this.n * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[this.n++] = hashId(id);
  }

  finish(): Uint32Array {
    return this.hashes.slice(0, this.n);
  }
}

/**
 * The positions in `later` of hashes that `earlier` holds too: the only ids of a later part that
 * can be an earlier part's (and a few more, whose hashes collide). Both sorted natively, then
 * walked together: far cheaper than a Set lookup per id for half a million of them.
 */
export function sharedHashes(earlier: Uint32Array, later: Uint32Array): number[] {
  const a = earlier.slice().sort();
  const b = later.slice().sort();
  const common = new Set<number>();
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else {
      common.add(a[i]);
      i++;
      j++;
    }
  }
  const positions: number[] = [];
  if (common.size > 0) for (let k = 0; k < later.length; k++) if (common.has(later[k])) positions.push(k);
  return positions;
}
