import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseMessage } from '../../../src/embed/messages';
import { incidentMessage, stateMessage, wireKeys, wireState } from '../../../src/embed/outgoing';
import { isSelection } from '../../../src/state';
import { DEFAULT_STATE, AREA_IDS, CHOROPLETH_MODES, FOCUS_AREA_IDS, TIME_MODES, type AppState } from '../../../src/state';
import { COUNTRIES, EVENT_TYPES } from '../../../src/types';
import { makeIncident } from '../data/makeIncident';

const dayArb = fc.integer({ min: Date.UTC(1000, 0, 1) / 86_400_000, max: Date.UTC(9999, 11, 31) / 86_400_000 }).map((d) => new Date(d * 86_400_000));
const datasetIdArb = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,15}$/);
const stateArb: fc.Arbitrary<AppState> = fc
  .record({
    days: fc.tuple(dayArb, dayArb).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
    mode: fc.constantFrom(...TIME_MODES),
    types: fc.subarray([...EVENT_TYPES]),
    countries: fc.subarray([...COUNTRIES]),
    view: fc.constantFrom(...FOCUS_AREA_IDS, null),
    selection: fc.option(fc.tuple(datasetIdArb, fc.string({ minLength: 1, maxLength: 20 })).map(([d, id]) => `${d}:${id}`).filter(isSelection), { nil: null }),
    playing: fc.boolean(),
    speed: fc.constantFrom(1, 2, 4),
    hiddenDatasets: fc.uniqueArray(datasetIdArb, { maxLength: 3 }),
    metric: fc.constantFrom('events' as const, 'deaths' as const),
    area: fc.constantFrom(...AREA_IDS, null),
    choropleth: fc.constantFrom(...CHOROPLETH_MODES),
    matching: fc.boolean(),
  })
  .map(({ days, ...rest }) => ({ ...rest, from: days[0], to: days[1] }));

describe('outgoing messages', () => {
  it('report the state in the URL’s spellings', () => {
    expect(wireState({ ...DEFAULT_STATE, types: ['Battles', 'Violence against civilians'], countries: ['Niger'], view: null })).toEqual({
      from: '2021-03-01', to: '2021-04-05', mode: 'window', types: ['battles', 'violence-against-civilians'], countries: ['ner'], hidden: [],
      view: null, selection: null, metric: 'events', speed: 1, playing: false, area: null, choropleth: 'off', match: 'off',
    });
  });

  it('a reported state sent back in set-state decodes to the same state (property)', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const { playing: _playing, ...fields } = wireState(state);
        const warnings: string[] = [];
        const message = parseMessage({ app: 'sahel-incident-map', version: 1, type: 'set-state', ...fields }, (m) => warnings.push(m));
        expect(warnings).toEqual([]);
        expect(message).toEqual({ type: 'set-state', patch: { ...state, playing: undefined } });
      }),
      { numRuns: 300 },
    );
  });

  it('name changed fields as the URL does, and carry a request id only when asked', () => {
    expect(wireKeys(['hiddenDatasets', 'from', 'playing'])).toEqual(['from', 'hidden', 'playing']);
    expect(stateMessage(DEFAULT_STATE, { incidents: 1, deaths: 2, datasets: [], area: null }, [])).not.toHaveProperty('requestId');
    expect(stateMessage(DEFAULT_STATE, { incidents: 1, deaths: 2, datasets: [], area: null }, [], 'q')).toMatchObject({ requestId: 'q', visible: { incidents: 1, deaths: 2 } });
  });

  it('describe a selected incident with plain values only', () => {
    const m = incidentMessage(makeIncident({ id: 'CS022', dataset: 'stories', place: 'Intazayene', deathsBest: 137, deathsLow: 137, deathsHigh: 141 }));
    expect(m).toMatchObject({ type: 'incident-selected', incident: { key: 'stories:CS022', dateStart: '2021-03-21', place: 'Intazayene', deathsHigh: 141 } });
    expect(Object.keys((m as { incident: object }).incident)).not.toContain('sources');
  });
});
