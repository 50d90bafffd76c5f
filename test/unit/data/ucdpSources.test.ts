import { describe, expect, it } from 'vitest';
import { ucdpSources } from '../../../src/data/ucdpSources';

describe('ucdpSources', () => {
  it('makes one source per entry of the ;-lists, office as publisher, headline as title, no url', () => {
    expect(ucdpSources('AFP;Reuters News', '2021-03-22;2021-03-23', 'Scores killed;Toll rises')).toEqual([
      { title: 'Scores killed', url: null, publisher: 'AFP', date: '2021-03-22' },
      { title: 'Toll rises', url: null, publisher: 'Reuters News', date: '2021-03-23' },
    ]);
  });

  it('joins back a headline that itself contained "; " so titles stay with their publisher', () => {
    const sources = ucdpSources('Reuters News;The Long War Journal', '2015-02-16;2015-06-29', 'Gunmen stage deadly raid on Mali army post; U.N. peacekeepers hurt in blast;Jihadists again attack in southern Mali');
    expect(sources.map((s) => s.title)).toEqual(['Gunmen stage deadly raid on Mali army post; U.N. peacekeepers hurt in blast', 'Jihadists again attack in southern Mali']);
  });

  it('gives no sources when UCDP lists none (number_of_sources -1 rows)', () => {
    expect(ucdpSources('', '', '')).toEqual([]);
  });

  it('keeps a headline without an office as a source with an empty publisher', () => {
    expect(ucdpSources('', '', 'Only a headline')).toEqual([{ title: 'Only a headline', url: null, publisher: '', date: '' }]);
  });
});
