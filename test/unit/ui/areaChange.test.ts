import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { changeParts } from '../../../src/ui/areaChange';

const integer = (n: number) => n.toLocaleString('en-US');

describe('changeParts', () => {
  it('changeParts(4, 3) is +1 and +33%', () => {
    expect(changeParts(4, 3, integer)).toEqual({ delta: '+1', percent: '+33%', sign: 1 });
  });

  it('a fall is written with a true minus sign', () => {
    expect(changeParts(1500, 3000, integer)).toEqual({ delta: '\u22121,500', percent: '\u221250%', sign: -1 });
  });

  it('no percentage when the base is 0', () => {
    expect(changeParts(7, 0, integer)).toEqual({ delta: '+7', percent: null, sign: 1 });
    expect(changeParts(0, 0, integer)).toEqual({ delta: '0', percent: null, sign: 0 });
  });

  it('no change is 0 and 0%, unsigned', () => {
    expect(changeParts(5, 5, integer)).toEqual({ delta: '0', percent: '0%', sign: 0 });
  });

  it('a tiny change that rounds to 0% keeps its sign off the percentage', () => {
    expect(changeParts(1001, 1000, integer).percent).toBe('0%');
  });

  it('the delta, read back, is current − base', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100_000), (c, b) => {
        const { delta } = changeParts(c, b, String);
        expect(Number(delta.replace('\u2212', '-'))).toBe(c - b);
      }),
    );
  });
});
