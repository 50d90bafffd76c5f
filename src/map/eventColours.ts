import type { EventType } from '../types';

/**
 * Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), one per ACLED type.
 * The layers and the legend both read this table, so the key cannot drift from the map.
 */
export const EVENT_TYPE_COLOURS: Readonly<Record<EventType, string>> = {
  'Violence against civilians': '#d55e00',
  Battles: '#0072b2',
  'Explosions/Remote violence': '#e69f00',
  Protests: '#009e73',
  Riots: '#cc79a7',
  'Strategic developments': '#56b4e9',
};
