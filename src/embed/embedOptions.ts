import { parseDark } from '../map/colourScheme';
/** Interface languages of the embed: map labels, chrome and the gesture hint. */
export type EmbedLang = 'en' | 'fr';
export const EMBED_LANGS: readonly EmbedLang[] = ['en', 'fr'];

/**
 * The embed's chrome, from URL flags named as newsroom embed tools name them (Datawrapper's
 * `dark=auto`, `plain=1`, `static=1`). The map's state (`from`, `to`, `view` …) travels in the same
 * URL but is decoded by src/state/codec.ts, as for the full map.
 */
export interface EmbedOptions {
  /** Heading above the map; null shows none. */
  title: string | null;
  subtitle: string | null;
  /** The footer's source line; null shows the catalogue's default credit. */
  source: string | null;
  /** `auto` follows the reader's colour scheme when the embed loads. @defaultValue false */
  dark: 'auto' | boolean;
  /** No interaction: the map does not pan, zoom or open popups, and the timeline's controls are hidden. */
  static: boolean;
  /** No header and no footer: only the map (with its attribution) and the timeline. */
  plain: boolean;
  /** The map's height follows the frame's instead of its width (fixed-height iframes, snapshots). */
  fill: boolean;
  lang: EmbedLang;
  /** Parent origins allowed to send messages; null accepts the parent window whatever its origin. */
  origins: string[] | null;
  /** Pym.js's `childId`, which a Pym parent adds to the frame's URL: height messages then also go out in Pym's format. */
  pymId: string | null;
}

export const DEFAULT_EMBED_OPTIONS: EmbedOptions = {
  title: null,
  subtitle: null,
  source: null,
  dark: false,
  static: false,
  plain: false,
  fill: false,
  lang: 'en',
  origins: null,
  pymId: null,
};

/** Lengths past which a heading is a mistake (or an attack), not a heading. */
const MAX_TEXT = { title: 140, subtitle: 280, source: 280 } as const;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;
const PYM_ID = /^[\w-]{1,64}$/;

type Warn = (message: string) => void;

const warnFlag = (warn: Warn, key: string, value: string, accepted: string) =>
  warn(`Sahel Incident Map: ignored embed flag "${key}" = ${JSON.stringify(value.slice(0, 80))}; expected ${accepted}.`);

/** `1`, `true`, `yes` or an empty value (`?plain`) → true; `0`, `false`, `no` → false; anything else undefined. */
function parseBool(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (v === '' || v === '1' || v === 'true' || v === 'yes') return true;
  if (v === '0' || v === 'false' || v === 'no') return false;
  return undefined;
}

function readFlag(params: URLSearchParams, key: string, warn: Warn): boolean | undefined {
  const value = params.get(key);
  if (value === null) return undefined;
  const flag = parseBool(value);
  if (flag === undefined) warnFlag(warn, key, value, '1 or 0 (true or false)');
  return flag;
}

function readText(params: URLSearchParams, key: keyof typeof MAX_TEXT, warn: Warn): string | null {
  const value = params.get(key);
  if (value === null) return null;
  const text = value.replace(CONTROL_CHARS, ' ').replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  if (text.length > MAX_TEXT[key]) {
    warn(`Sahel Incident Map: the embed's "${key}" is ${text.length} characters long; shortened to ${MAX_TEXT[key]}.`);
    return `${text.slice(0, MAX_TEXT[key] - 1)}…`;
  }
  return text;
}

/** An http(s) origin exactly as `location.origin` writes it (`https://example.org`, no path or trailing slash). */
export function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

function readOrigins(params: URLSearchParams, warn: Warn): string[] | null {
  const values = params.getAll('origins');
  if (values.length === 0) return null;
  const origins: string[] = [];
  for (const item of values.join(',').split(',').map((s) => s.trim()).filter(Boolean)) {
    if (isOrigin(item)) origins.push(item);
    else warnFlag(warn, 'origins', item, 'origins such as https://news.example.org (scheme and host, no path)');
  }
  // Every origin was a typo: allow none rather than everyone, so a broken allowlist fails closed.
  return origins;
}

/**
 * The embed flags of embed.html's `location.search`. Bad values are dropped with a warning (the
 * default applies), as the URL's state parameters are; parameters that are not flags are left to
 * src/state/codec.ts.
 */
export function readEmbedOptions(search: string, warn: Warn): EmbedOptions {
  const params = new URLSearchParams(search);
  const options: EmbedOptions = { ...DEFAULT_EMBED_OPTIONS };
  options.title = readText(params, 'title', warn);
  options.subtitle = readText(params, 'subtitle', warn);
  options.source = readText(params, 'source', warn);
  const dark = params.get('dark');
  if (dark !== null) {
    const flag = parseDark(dark);
    if (flag === undefined) warnFlag(warn, 'dark', dark, 'auto, true or false');
    else options.dark = flag;
  }
  options.static = readFlag(params, 'static', warn) ?? false;
  options.plain = readFlag(params, 'plain', warn) ?? false;
  options.fill = readFlag(params, 'fill', warn) ?? false;
  const lang = params.get('lang');
  if (lang !== null) {
    const l = lang.trim().toLowerCase().slice(0, 2);
    if ((EMBED_LANGS as string[]).includes(l) && /^[a-z]{2}([-_][a-z]{2})?$/i.test(lang.trim())) options.lang = l as EmbedLang;
    else warnFlag(warn, 'lang', lang, EMBED_LANGS.join(' or '));
  }
  options.origins = readOrigins(params, warn);
  const pymId = params.get('childId');
  if (pymId !== null) {
    if (PYM_ID.test(pymId)) options.pymId = pymId;
    else warnFlag(warn, 'childId', pymId, 'a Pym.js child id (letters, digits, "_" or "-")');
  }
  return options;
}

/** `dark=auto` resolved against the reader's setting now. */
export function resolveDark(dark: EmbedOptions['dark'], prefersDark: () => boolean): boolean {
  return dark === 'auto' ? prefersDark() : dark;
}
