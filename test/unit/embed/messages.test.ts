import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EMBED_APP, isEmbedMessage, parseMessage, PARENT_MESSAGE_TYPES, PROTOCOL_VERSION } from '../../../src/embed/messages';
import { expectValidPatch } from '../state/validPatch';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const msg = (type: string, fields: Record<string, unknown> = {}) => ({ app: EMBED_APP, version: PROTOCOL_VERSION, type, ...fields });

function parse(data: unknown) {
  const warnings: string[] = [];
  const message = parseMessage(data, (m) => warnings.push(m));
  return { message, warnings };
}

describe('parseMessage', () => {
  it('decodes set-window through the URL decoder', () => {
    const { message, warnings } = parse(msg('set-window', { from: '2021-03-15', to: '2021-03-21', mode: 'cumulative' }));
    expect(warnings).toEqual([]);
    expect(message).toEqual({ type: 'set-window', patch: { from: utc(2021, 3, 15), to: utc(2021, 3, 21), mode: 'cumulative' } });
  });

  it('decodes set-filters from arrays or comma lists, and keeps the requestId', () => {
    const { message } = parse(msg('set-filters', { types: ['battles', 'riots'], countries: 'ner', hidden: [], requestId: 'step-2' }));
    expect(message).toEqual({ type: 'set-filters', patch: { types: ['Battles', 'Riots'], countries: ['Niger'], hiddenDatasets: [] }, requestId: 'step-2' });
  });

  it('decodes fly-to with a focus area or a bounding box, not both', () => {
    expect(parse(msg('fly-to', { view: 'tahoua' })).message).toEqual({ type: 'fly-to', view: 'tahoua' });
    expect(parse(msg('fly-to', { bbox: [0, 11, 4.5, 15] })).message).toEqual({ type: 'fly-to', bbox: [0, 11, 4.5, 15] });
    expect(parse(msg('fly-to', { view: 'tahoua', bbox: [0, 11, 4.5, 15] })).message).toBeNull();
    expect(parse(msg('fly-to', {})).message).toBeNull();
  });

  it('rejects a bounding box that is reversed, out of range or not four numbers', () => {
    for (const bbox of [[4.5, 11, 0, 15], [0, 15, 4.5, 11], [-200, 0, 0, 10], [0, 0, 10], [0, 0, 10, '12'], [0, 0, 10, Number.NaN], 'sahel']) {
      const { message, warnings } = parse(msg('fly-to', { bbox }));
      expect(message, JSON.stringify(bbox)).toBeNull();
      expect(warnings.join()).toMatch(/bbox/);
    }
  });

  it('decodes select with a key, or null to clear', () => {
    expect(parse(msg('select', { selection: 'ucdp:371234' })).message).toEqual({ type: 'select', selection: 'ucdp:371234' });
    expect(parse(msg('select', { selection: null })).message).toEqual({ type: 'select', selection: null });
    expect(parse(msg('select', { selection: 'no colon' })).message).toBeNull();
    expect(parse(msg('select')).message).toBeNull();
  });

  it('decodes set-area with an area id in any case, or null to clear; set-state carries area and choropleth', () => {
    expect(parse(msg('set-area', { area: 'ne-5' })).message).toEqual({ type: 'set-area', area: 'NE-5' });
    expect(parse(msg('set-area', { area: null, requestId: 'a' })).message).toEqual({ type: 'set-area', area: null, requestId: 'a' });
    const unknown = parse(msg('set-area', { area: 'atlantis' }));
    expect(unknown.message).toBeNull();
    expect(unknown.warnings.join(' ')).toContain('"atlantis"');
    expect(parse(msg('set-area')).message).toBeNull();
    expect(parse(msg('set-state', { area: 'border', choropleth: 'deaths' })).message).toEqual({ type: 'set-state', patch: { area: 'border', choropleth: 'deaths' } });
  });

  it('decodes play (with an optional speed), pause and get-state', () => {
    expect(parse(msg('play')).message).toEqual({ type: 'play' });
    expect(parse(msg('play', { speed: 2 })).message).toEqual({ type: 'play', speed: 2 });
    expect(parse(msg('play', { speed: 3 })).message).toBeNull();
    expect(parse(msg('pause')).message).toEqual({ type: 'pause' });
    expect(parse(msg('get-state', { requestId: 'q1' })).message).toEqual({ type: 'get-state', requestId: 'q1' });
  });

  it('rejects the whole message when one field is invalid, so half a story step never applies', () => {
    const { message, warnings } = parse(msg('set-window', { from: '2021-03-15', to: '2021-02-30' }));
    expect(message).toBeNull();
    expect(warnings.join('\n')).toMatch(/"to"/);
  });

  it('rejects unknown keys (a typo is not silently a no-op)', () => {
    const { message, warnings } = parse(msg('set-window', { form: '2021-03-15' }));
    expect(message).toBeNull();
    expect(warnings[0]).toMatch(/form/);
  });

  it('rejects other versions, other apps, unknown types and non-objects, each with a warning', () => {
    const bad: unknown[] = [
      { ...msg('pause'), version: 2 },
      { ...msg('pause'), version: '1' },
      { app: 'other-map', version: 1, type: 'pause' },
      msg('explode'),
      msg('__proto__'),
      'pause',
      null,
      42,
      [msg('pause')],
      { ...msg('pause'), requestId: '<img src=x onerror=alert(1)>' },
    ];
    for (const data of bad) {
      const { message, warnings } = parse(data);
      expect(message, JSON.stringify(data)).toBeNull();
      expect(warnings).toHaveLength(1);
    }
  });

  it('never trusts an object with a foreign prototype', () => {
    class Sneaky {
      app = EMBED_APP;
      version = 1;
      type = 'pause';
    }
    expect(parse(new Sneaky()).message).toBeNull();
    expect(isEmbedMessage(new Sneaky())).toBe(false);
    expect(isEmbedMessage(Object.assign(Object.create(null), { app: EMBED_APP }))).toBe(true);
  });

  it('never throws and only returns valid messages, whatever it is sent (property)', () => {
    const field = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.array(fc.string()), fc.boolean(), fc.date());
    const arbitraryMessage = fc.record(
      {
        app: fc.oneof(fc.constant(EMBED_APP), fc.string()),
        version: fc.oneof(fc.constant(1), fc.integer()),
        type: fc.oneof(fc.constantFrom(...PARENT_MESSAGE_TYPES), fc.string()),
        from: field, to: field, mode: field, types: field, countries: field, hidden: field, view: field,
        selection: field, speed: field, bbox: fc.oneof(field, fc.array(fc.double(), { minLength: 4, maxLength: 4 })), requestId: field,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(arbitraryMessage, fc.anything()), (data) => {
        const message = parseMessage(data, () => {});
        if (message === null) return;
        expect(PARENT_MESSAGE_TYPES).toContain(message.type);
        if ('patch' in message) expectValidPatch(message.patch);
        if ('bbox' in message) expect(message.bbox[0]).toBeLessThan(message.bbox[2]);
      }),
      { numRuns: 2000 },
    );
  });
});
