import { describe, expect, it } from 'vitest';
import { ucdpEventType } from '../../../src/data/ucdpEventType';

describe('ucdpEventType', () => {
  it('maps state-based and non-state conflict to Battles and one-sided violence to Violence against civilians', () => {
    expect([1, 2, 3].map(ucdpEventType)).toEqual([
      { eventType: 'Battles', subEventType: 'State-based armed conflict' },
      { eventType: 'Battles', subEventType: 'Non-state conflict' },
      { eventType: 'Violence against civilians', subEventType: 'One-sided violence' },
    ]);
  });
  it('returns null for any other code', () => {
    expect([0, 4, Number.NaN].map(ucdpEventType)).toEqual([null, null, null]);
  });
});
