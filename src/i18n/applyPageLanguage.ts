import type { Lang } from './pageLanguage';

/**
 * `<html lang>` (screen readers pick their voice from it, browsers their hyphenation and
 * quotation marks) and the `<title>`, set by each page's entry once it knows its language.
 */
export function applyPageLanguage(doc: Document, lang: Lang, title: string): void {
  doc.documentElement.lang = lang;
  doc.title = title;
}
