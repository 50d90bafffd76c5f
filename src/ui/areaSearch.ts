/** A place the reader can pick: an admin-1 region (ISO 3166-2 id) or a focus area. */
export interface AreaChoice {
  /** `NE-5`, `ML-7`, `BF-12` for regions; `niamey`, `tahoua`, `border-mali`, `border-bf`, `border` for focus areas. */
  id: string;
  kind: 'region' | 'focus';
  name: string;
  nameFr: string;
}

/** A heading and its choices, in the order the list shows them. */
export interface AreaGroup {
  /** `focus`, or the region's country (`Niger`, `Mali`, `Burkina Faso`). */
  key: string;
  choices: AreaChoice[];
}

/** The country of a region from its ISO 3166-2 code's prefix. */
const COUNTRY_OF_PREFIX: Readonly<Record<string, string>> = { NE: 'Niger', ML: 'Mali', BF: 'Burkina Faso' };
const GROUP_ORDER = ['focus', 'Niger', 'Mali', 'Burkina Faso'];

/**
 * A name folded for matching: accents dropped (NFD, then combining marks removed), lower case, and
 * every run of punctuation or spaces one space, so "tillaberi" finds Tillabéri and "centre est"
 * finds Centre-Est.
 */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The group a choice is listed under. */
export function groupOf(choice: AreaChoice): string {
  if (choice.kind === 'focus') return 'focus';
  return COUNTRY_OF_PREFIX[choice.id.split('-')[0]] ?? 'other';
}

/**
 * The choices whose English or French name holds the query (folded), grouped: focus areas, then
 * Niger, Mali and Burkina Faso. Within a group, names that start with the query come first, then
 * by name in the page's language. An empty query lists everything.
 */
export function searchAreas(choices: readonly AreaChoice[], query: string, lang: 'en' | 'fr'): AreaGroup[] {
  const q = foldName(query);
  const nameOf = (c: AreaChoice) => (lang === 'fr' ? c.nameFr : c.name);
  const collator = new Intl.Collator(lang, { sensitivity: 'base' });
  const scored: { choice: AreaChoice; starts: boolean }[] = [];
  for (const choice of choices) {
    const names = [foldName(choice.name), foldName(choice.nameFr)];
    if (q && !names.some((n) => n.includes(q))) continue;
    scored.push({ choice, starts: !q || names.some((n) => n.startsWith(q) || n.includes(` ${q}`)) });
  }
  const groups = new Map<string, AreaChoice[]>();
  scored
    .sort((a, b) => Number(b.starts) - Number(a.starts) || collator.compare(nameOf(a.choice), nameOf(b.choice)))
    .forEach(({ choice }) => {
      const key = groupOf(choice);
      groups.set(key, [...(groups.get(key) ?? []), choice]);
    });
  const rank = (key: string) => (GROUP_ORDER.includes(key) ? GROUP_ORDER.indexOf(key) : GROUP_ORDER.length);
  return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0])).map(([key, list]) => ({ key, choices: list }));
}
