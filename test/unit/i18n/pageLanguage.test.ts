import { describe, expect, it } from 'vitest';
import { browserLanguages, pageLanguage, parseLang } from '../../../src/i18n/pageLanguage';

describe('parseLang', () => {
  it('parseLang() reads a language tag in any case, with or without a region', () => {
    expect(parseLang('fr')).toBe('fr');
    expect(parseLang('fr-FR')).toBe('fr');
    expect(parseLang(' FR_ca ')).toBe('fr');
    expect(parseLang('en-GB')).toBe('en');
  });
  it('parseLang() returns null for a language we have no catalogue for, or junk', () => {
    expect(parseLang('de')).toBeNull();
    expect(parseLang('french')).toBeNull();
    expect(parseLang('')).toBeNull();
    expect(parseLang('fr-<script>')).toBeNull();
  });
});

describe('pageLanguage', () => {
  it('pageLanguage() takes ?lang= before the browser’s language', () => {
    expect(pageLanguage('?lang=fr', ['en-US'])).toBe('fr');
    expect(pageLanguage('?from=2021-03-01&lang=en', ['fr-FR', 'fr'])).toBe('en');
  });
  it('pageLanguage() follows the first browser language we have when no lang is given', () => {
    expect(pageLanguage('', ['fr-FR', 'en'])).toBe('fr');
    expect(pageLanguage('?view=tahoua', ['de-DE', 'fr-BE', 'en'])).toBe('fr');
    expect(pageLanguage('', ['de-DE', 'en-GB', 'fr'])).toBe('en');
  });
  it('pageLanguage() falls back to the browser, then English, for a lang it does not have', () => {
    expect(pageLanguage('?lang=de', ['fr-FR'])).toBe('fr');
    expect(pageLanguage('?lang=de', ['de'])).toBe('en');
    expect(pageLanguage('', [])).toBe('en');
  });
});

describe('browserLanguages', () => {
  it('browserLanguages() uses navigator.language where navigator.languages is empty', () => {
    expect(browserLanguages({ languages: ['fr-FR', 'fr'], language: 'fr-FR' })).toEqual(['fr-FR', 'fr']);
    expect(browserLanguages({ languages: [], language: 'fr' })).toEqual(['fr']);
  });
});
