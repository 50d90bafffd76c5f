import { describe, expect, it } from 'vitest';
import { createFormatters } from '../../../src/i18n/format';
import { en } from '../../../src/i18n/messages';
import { binText, statusText } from '../../../src/timeline/labels';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const text = { messages: en, formatters: createFormatters() };

describe('statusText', () => {
  it('reads "21–27 Mar 2021 · 12 incidents · 190 deaths"', () => {
    expect(statusText(text, { from: d('2021-03-21'), to: d('2021-03-27') }, { incidents: 12, deaths: 190 })).toBe('21–27 Mar 2021 · 12 incidents · 190 deaths');
  });
  it('uses the singular keys for one, and groups thousands', () => {
    expect(statusText(text, { from: d('2021-03-21'), to: d('2021-03-21') }, { incidents: 1, deaths: 1 })).toBe('21 Mar 2021 · 1 incident · 1 death');
    expect(statusText(text, { from: d('2020-12-28'), to: d('2021-01-03') }, { incidents: 1234, deaths: 0 })).toBe('28 Dec 2020 – 3 Jan 2021 · 1,234 incidents · 0 deaths');
  });
});

describe('binText', () => {
  it('reads "Week of 15 Mar 2021: 12 incidents, 190 deaths"', () => {
    expect(binText(text, { x0: d('2021-03-15'), x1: d('2021-03-22'), incidents: 12, deaths: 190 })).toBe('Week of 15 Mar 2021: 12 incidents, 190 deaths');
  });
});
