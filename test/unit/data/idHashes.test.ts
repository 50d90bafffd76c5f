import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashId, HashList, sharedHashes } from '../../../src/data/idHashes';

describe('sharedHashes', () => {
  it('finds every position of the later list whose id the earlier list holds (and only hashes both hold) (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 60 }), fc.array(fc.string({ maxLength: 4 }), { maxLength: 60 }), (earlier, later) => {
        const a = new HashList();
        for (const id of earlier) a.push(id);
        const b = new HashList();
        for (const id of later) b.push(id);
        const found = sharedHashes(a.finish(), b.finish());
        const seen = new Set(earlier);
        const hashes = new Set(earlier.map(hashId));
        for (const [k, id] of later.entries()) if (seen.has(id)) expect(found).toContain(k);
        for (const k of found) expect(hashes.has(hashId(later[k]))).toBe(true);
      }),
    );
  });
});
