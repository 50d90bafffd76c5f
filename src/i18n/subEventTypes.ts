import type { Lang } from './pageLanguage';

/**
 * French names of the sub-event types the data carries as English codes: ACLED's 25 (its
 * codebook's typology, which our story events use too) and the three UCDP types of violence that
 * src/data/ucdpEventType.ts files them under. A sub-type not listed here (a user's own file) is
 * shown as the file gives it.
 */
const FRENCH: Readonly<Record<string, string>> = {
  'Armed clash': 'Affrontement armé',
  'Government regains territory': 'Reprise de territoire par le gouvernement',
  'Non-state actor overtakes territory': 'Prise de territoire par un acteur non étatique',
  'Chemical weapon': 'Arme chimique',
  'Air/drone strike': 'Frappe aérienne ou de drone',
  'Suicide bomb': 'Attentat-suicide',
  'Shelling/artillery/missile attack': 'Bombardement, tir d’artillerie ou de missile',
  'Remote explosive/landmine/IED': 'Explosif à distance, mine ou engin explosif improvisé',
  Grenade: 'Grenade',
  'Sexual violence': 'Violence sexuelle',
  Attack: 'Attaque',
  'Abduction/forced disappearance': 'Enlèvement ou disparition forcée',
  'Peaceful protest': 'Manifestation pacifique',
  'Protest with intervention': 'Manifestation avec intervention',
  'Excessive force against protesters': 'Usage excessif de la force contre des manifestants',
  'Violent demonstration': 'Manifestation violente',
  'Mob violence': 'Violence de foule',
  Agreement: 'Accord',
  Arrests: 'Arrestations',
  'Change to group/activity': 'Changement de groupe ou d’activité',
  'Disrupted weapons use': 'Usage d’armes déjoué',
  'Headquarters or base established': 'Établissement d’un quartier général ou d’une base',
  'Looting/property destruction': 'Pillage ou destruction de biens',
  'Non-violent transfer of territory': 'Transfert non violent de territoire',
  Other: 'Autre',
  'State-based armed conflict': 'Conflit armé impliquant un État',
  'Non-state conflict': 'Conflit non étatique',
  'One-sided violence': 'Violence unilatérale',
};

/** A sub-event type in the reader's language where we know its name, else as the data gives it. */
export function subEventTypeName(subEventType: string, lang: Lang): string {
  if (lang === 'en') return subEventType;
  return FRENCH[subEventType.trim()] ?? subEventType;
}
