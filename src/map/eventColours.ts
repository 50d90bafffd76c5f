import type { EventType } from '../types';

/**
 * One colour per ACLED type, chosen so that every pair stays apart for readers with typical vision
 * and with protanopia, deuteranopia or tritanopia: the closest pair is at least 14.8 CIEDE2000 (18.7 typical, 17.1 protan, 14.9 deutan, 17.4 tritan)
 * under each (Machado 2009 simulation, src/map/colourVision.ts; the Okabe–Ito set this replaced
 * fell to 10.9 under tritanopia, where Battles and Protests both read as teal). Battles and
 * violence against civilians keep their Okabe–Ito blue and vermilion, the two types the UCDP data
 * holds; the other four were searched for within a lightness and chroma band that reads on light
 * and dark land. The layers and the legend both read this table, so the key cannot drift from the
 * map; the legend and the popup also name the type, so colour is never the only cue.
 */
export const EVENT_TYPE_COLOURS: Readonly<Record<EventType, string>> = {
  'Violence against civilians': '#d55e00',
  Battles: '#0072b2',
  'Explosions/Remote violence': '#f597b3',
  Protests: '#8d3f66',
  Riots: '#b6bc68',
  'Strategic developments': '#54a3fd',
};
