import type { Dataset, EventType } from '../types';
import type { Messages } from './messages';

/** The catalogue key of each of ACLED's six event types: the data keeps ACLED's English names as codes. */
export const EVENT_TYPE_KEYS: Readonly<Record<EventType, keyof Messages>> = {
  Battles: 'typeBattles',
  'Explosions/Remote violence': 'typeExplosions',
  'Violence against civilians': 'typeViolenceCivilians',
  Protests: 'typeProtests',
  Riots: 'typeRiots',
  'Strategic developments': 'typeStrategic',
};

/** An event type as the reader's language names it (legend, popup titles, filters). */
export function eventTypeName(type: EventType, messages: Messages): string {
  return messages[EVENT_TYPE_KEYS[type]];
}

/** The bundled datasets' names and attributions by id; a user's file keeps the name it came with. */
const DATASET_KEYS: Readonly<Record<string, { name: keyof Messages; attribution: keyof Messages }>> = {
  ucdp: { name: 'datasetUcdp', attribution: 'attributionUcdp' },
  stories: { name: 'datasetStories', attribution: 'attributionStories' },
};

/** A bundled dataset named and credited in the reader's language; any other dataset as it is. */
export function datasetInLanguage(dataset: Dataset, messages: Messages): Dataset {
  const keys = DATASET_KEYS[dataset.id];
  return keys ? { ...dataset, name: messages[keys.name], attribution: messages[keys.attribution] } : dataset;
}
