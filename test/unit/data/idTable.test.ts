import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIdTable, findId } from '../../../src/data/idTable';

describe('buildIdTable / findId', () => {
  it('finds the first position of every id and -1 for any other string, as a scan does', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 200 }), fc.array(fc.string({ maxLength: 6 }), { maxLength: 20 }), (ids, others) => {
        const table = buildIdTable(ids.length, (i) => ids[i]);
        for (const id of [...ids, ...others]) expect(findId(table, id, (i) => ids[i])).toBe(ids.indexOf(id));
      }),
    );
  });

  it('keeps the table at most half full', () => {
    expect(buildIdTable(1000, String).slots.length).toBeGreaterThanOrEqual(2000);
  });
});
