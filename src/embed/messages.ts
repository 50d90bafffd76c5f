import { decodeStatePatch, PARAM_KEYS, STATE_PARAMS, type AppState, type FocusAreaId, type StateParam } from '../state';

/** Every message of the embed API carries `app: EMBED_APP`, so the map and the page ignore everyone else's. */
export const EMBED_APP = 'sahel-incident-map';

/**
 * The protocol version this map speaks. A new message type or an optional field keeps the version;
 * a change that an existing article would misread (a renamed field, a new meaning) bumps it, and
 * the map then ignores older or newer messages with a warning instead of guessing.
 */
export const PROTOCOL_VERSION = 1;

/** [west, south, east, north] in degrees, as GeoJSON and `fitBounds` write boxes. */
export type BBox = readonly [number, number, number, number];

/**
 * What an article page may ask of the map (parent → map). `requestId` is echoed in the reply
 * (`state` or `error`), so a page that sends several messages can match the answers.
 */
export type ParentMessage =
  | { type: 'set-window'; patch: Partial<AppState>; requestId?: string }
  | { type: 'set-filters'; patch: Partial<AppState>; requestId?: string }
  | { type: 'set-state'; patch: Partial<AppState>; requestId?: string }
  | { type: 'fly-to'; view: FocusAreaId; requestId?: string }
  | { type: 'fly-to'; bbox: BBox; requestId?: string }
  | { type: 'select'; selection: string | null; requestId?: string }
  | { type: 'set-area'; area: string | null; requestId?: string }
  | { type: 'play'; speed?: number; requestId?: string }
  | { type: 'pause'; requestId?: string }
  | { type: 'get-state'; requestId?: string };

export type ParentMessageType = ParentMessage['type'];

/** Keys every message may carry besides its own fields. */
const ENVELOPE = ['app', 'version', 'type', 'requestId'] as const;

/**
 * The fields of each message type. The state fields are the URL's parameter names and go through
 * the URL's decoder ({@link decodeStatePatch}), so `?from=…` and `{from: …}` mean the same thing.
 */
const FIELDS: Readonly<Record<ParentMessageType, readonly string[]>> = {
  'set-window': ['from', 'to', 'mode'],
  'set-filters': ['types', 'countries', 'hidden'],
  'set-state': STATE_PARAMS,
  'fly-to': ['view', 'bbox'],
  select: ['selection'],
  'set-area': ['area'],
  play: ['speed'],
  pause: [],
  'get-state': [],
};

export const PARENT_MESSAGE_TYPES = Object.keys(FIELDS) as ParentMessageType[];


const REQUEST_ID = /^[\w.:-]{1,64}$/;

type Warn = (message: string) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Is this addressed to the map (whatever else is wrong with it)? Other scripts' messages are not. */
export function isEmbedMessage(data: unknown): data is Record<string, unknown> {
  return isRecord(data) && data.app === EMBED_APP;
}

function describe(data: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(data) ?? String(data);
  } catch {
    text = Object.prototype.toString.call(data);
  }
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** Decodes state fields all or nothing: one bad value rejects the message, so a half-applied story step never shows. */
function decodeAll(fields: Record<string, unknown>, warn: Warn): Partial<AppState> | null {
  const patch = decodeStatePatch(fields, warn);
  for (const key of Object.keys(fields) as StateParam[]) {
    if (!(PARAM_KEYS[key] in patch)) return null;
  }
  return patch;
}

function decodeBBox(value: unknown): BBox | null {
  if (!Array.isArray(value) || value.length !== 4 || !value.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  const [w, s, e, n] = value as number[];
  if (w < -180 || e > 180 || s < -90 || n > 90 || w >= e || s >= n) return null;
  return [w, s, e, n];
}

/**
 * Validates one incoming `message` event's data against the protocol: a plain object with
 * `app: "sahel-incident-map"`, `version: 1`, a known `type` and only that type's fields, each
 * valid. Returns the decoded message, or null with a warning saying what was wrong and what is
 * accepted. Never throws, and never trusts a prototype, getter or extra key.
 */
export function parseMessage(data: unknown, warn: Warn): ParentMessage | null {
  const ignore = (why: string): null => {
    warn(`Sahel Incident Map: ignored message ${describe(data)}: ${why}. See docs/embed.md.`);
    return null;
  };
  if (!isRecord(data)) return ignore('expected an object like {app: "sahel-incident-map", version: 1, type: "set-window", …}');
  if (data.app !== EMBED_APP) return ignore(`"app" must be "${EMBED_APP}"`);
  if (data.version !== PROTOCOL_VERSION) return ignore(`this map speaks protocol version ${PROTOCOL_VERSION}, not ${describe(data.version)}`);
  const type = data.type;
  if (typeof type !== 'string' || !(PARENT_MESSAGE_TYPES as string[]).includes(type)) {
    return ignore(`"type" must be one of ${PARENT_MESSAGE_TYPES.join(', ')}`);
  }
  const t = type as ParentMessageType;
  const allowed = [...ENVELOPE, ...FIELDS[t]];
  const extra = Object.keys(data).filter((k) => !allowed.includes(k));
  if (extra.length) return ignore(`"${t}" takes ${FIELDS[t].join(', ') || 'no fields'}, not ${extra.join(', ')}`);
  let requestId: string | undefined;
  if (data.requestId !== undefined) {
    if (typeof data.requestId !== 'string' || !REQUEST_ID.test(data.requestId)) return ignore('"requestId" must be 1–64 letters, digits, "_", "-", "." or ":"');
    requestId = data.requestId;
  }
  const given: Record<string, unknown> = {};
  for (const key of FIELDS[t]) if (data[key] !== undefined) given[key] = data[key];
  const withId = <M extends ParentMessage>(message: M): M => (requestId === undefined ? message : { ...message, requestId });

  switch (t) {
    case 'set-window':
    case 'set-filters':
    case 'set-state': {
      if (Object.keys(given).length === 0) return ignore(`"${t}" needs at least one of ${FIELDS[t].join(', ')}`);
      const patch = decodeAll(given, warn);
      return patch ? withId({ type: t, patch }) : ignore('a field above is invalid, so nothing was changed');
    }
    case 'fly-to': {
      if (('view' in given) === ('bbox' in given)) return ignore('"fly-to" needs exactly one of "view" (a focus area id) or "bbox" ([west, south, east, north])');
      if ('bbox' in given) {
        const bbox = decodeBBox(given.bbox);
        return bbox ? withId({ type: t, bbox }) : ignore('"bbox" must be [west, south, east, north] in degrees, west < east, south < north');
      }
      const patch = decodeAll(given, warn);
      return patch?.view ? withId({ type: t, view: patch.view }) : ignore('"view" must be a focus area id');
    }
    case 'select': {
      if (!('selection' in given)) return ignore('"select" needs "selection": "<dataset>:<id>" or null');
      const patch = decodeAll(given, warn);
      return patch && patch.selection !== undefined ? withId({ type: t, selection: patch.selection }) : ignore('"selection" is invalid');
    }
    case 'set-area': {
      if (!('area' in given)) return ignore('"set-area" needs "area": an area id (NE-5, border …) or null');
      const patch = decodeAll(given, warn);
      return patch && patch.area !== undefined ? withId({ type: t, area: patch.area }) : ignore('"area" is invalid');
    }
    case 'play': {
      if (!('speed' in given)) return withId({ type: t });
      const patch = decodeAll(given, warn);
      return patch?.speed !== undefined ? withId({ type: t, speed: patch.speed }) : ignore('"speed" is invalid');
    }
    case 'pause':
    case 'get-state':
      return withId({ type: t });
  }
}
