import type { Dataset } from '../types';
import type { FormatInfo } from '../data/detectFormat';
import { t, type Messages } from '../i18n/messages';

/** A layer name short enough for the filter panel: the file name, cut in the middle if long. */
export function layerName(file: string): string {
  const name = file.trim() || 'data';
  return name.length <= 40 ? name : `${name.slice(0, 24)}…${name.slice(-14)}`;
}

/**
 * The Dataset a user's file becomes: its own layer, named after the file, with the role its format
 * implies (ACLED and UCDP files are counted, our story format is drawn as annotations) and an
 * attribution that is plain text (the map shows it with textContent, never as markup). For ACLED,
 * `attribution` is the line built from the access date and filters the reader gave.
 */
export function importDataset(options: { id: string; file: string; format: FormatInfo; messages: Messages; attribution?: string }): Dataset {
  const { id, file, format, messages } = options;
  const name = layerName(file);
  if (format.id === 'acled') {
    return { id, name, role: format.role, licence: 'ACLED terms of use', attribution: options.attribution ?? t(messages.acledAttribution, { date: '?' }), url: 'https://acleddata.com/' };
  }
  if (format.id === 'ucdp') {
    return { id, name, role: format.role, licence: 'CC BY 4.0', attribution: t(messages.importAttributionUcdp, { file: name }), url: 'https://ucdp.uu.se/' };
  }
  return { id, name, role: format.role, licence: '', attribution: t(messages.importAttributionOther, { file: name }), url: null };
}
