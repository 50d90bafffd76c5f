import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textAt, textColumnOf, textValues, TextColumnBuilder } from '../../../src/data/textColumn';

/** Text with ASCII, Latin-1 (French), wider characters and lone surrogates, short and long. */
const arbText = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('Tillabéri', 'تمبكتو', '\uD800', ''), fc.string({ minLength: 30, maxLength: 200 }));
const arbOps = fc.array(fc.oneof(fc.record({ push: arbText }), fc.record({ append: fc.array(arbText, { maxLength: 5 }) })), { maxLength: 40 });

describe('TextColumnBuilder', () => {
  it('gives back every value pushed or appended, in order, in pieces of any size; one byte a unit unless a unit passes 255 (fast-check)', () => {
    fc.assert(
      fc.property(arbOps, fc.integer({ min: 1, max: 64 }), (ops, pieceUnits) => {
        const builder = new TextColumnBuilder(pieceUnits);
        const values: string[] = [];
        for (const op of ops) {
          if ('push' in op) {
            builder.push(op.push);
            values.push(op.push);
          } else {
            builder.append(textColumnOf(op.append));
            values.push(...op.append);
          }
        }
        expect(builder.length).toBe(values.length);
        const column = builder.finish();
        expect(textValues(column)).toEqual(values);
        expect(values.map((_, k) => textAt(column, k))).toEqual(values);
        const wide = values.some((v) => [...v].some((c) => c.charCodeAt(0) > 255 || c.length > 1));
        expect(column.units instanceof Uint16Array).toBe(wide);
        expect(column.units.length).toBe(values.reduce((n, v) => n + v.length, 0));
      }),
    );
  });
});
