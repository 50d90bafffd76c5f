import { createFormatters, type Formatters } from './format';
import { FR_NUMBER, FR_TIME, fr } from './fr';
import { en, type Messages } from './messages';
import type { Lang } from './pageLanguage';

/** Everything a page writes in its reader's language: the strings, and how dates and numbers read. */
export interface PageText {
  lang: Lang;
  messages: Messages;
  formatters: Formatters;
}

/** French writes the first of the month as an ordinal, "1er mars 2021", and every other day as a number. */
export function frenchDayOfMonth(day: number): string {
  return day === 1 ? '1er' : String(day);
}

/** The catalogue and the d3 locales of a language, chosen once at start-up by each page's entry. */
export function pageText(lang: Lang): PageText {
  if (lang === 'fr') return { lang, messages: fr, formatters: createFormatters(FR_NUMBER, FR_TIME, frenchDayOfMonth) };
  return { lang, messages: en, formatters: createFormatters() };
}
