/** The interface languages: every catalogue in src/i18n/ is one of these. */
export type Lang = 'en' | 'fr';
export const LANGS: readonly Lang[] = ['en', 'fr'];

/** A BCP 47 tag ("fr", "fr-FR", "fr_CA", "EN") → its language if we have a catalogue for it, else null. */
export function parseLang(tag: string): Lang | null {
  const match = /^([a-z]{2})(?:[-_][a-z0-9]{2,8})*$/i.exec(tag.trim());
  if (!match) return null;
  const lang = match[1]!.toLowerCase();
  return (LANGS as readonly string[]).includes(lang) ? (lang as Lang) : null;
}

/**
 * The page's language: the URL's `lang` first (a shared link or an embed code chooses for its
 * reader), then the first of the browser's languages (`navigator.languages`, in the reader's order
 * of preference) that we have, then English. A `lang` we do not have falls through to the
 * browser's, so `?lang=de` in a French browser still reads French. Kept out of the URL state:
 * the state writer (src/state/url.ts) keeps parameters it does not own, `lang` among them.
 */
export function pageLanguage(search: string, languages: readonly string[]): Lang {
  const param = new URLSearchParams(search).get('lang');
  const fromParam = param === null ? null : parseLang(param);
  if (fromParam) return fromParam;
  for (const tag of languages) {
    const lang = parseLang(tag);
    if (lang) return lang;
  }
  return 'en';
}

/** The browser's languages in order of preference; `navigator.language` where `languages` is missing. */
export function browserLanguages(nav: Pick<Navigator, 'language' | 'languages'>): readonly string[] {
  return nav.languages?.length ? nav.languages : nav.language ? [nav.language] : [];
}
