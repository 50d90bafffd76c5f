import { DATE_PRECISIONS, LOCATION_PRECISIONS, REPEATED, type IncidentColumnsStore } from '../data/incidentTable';
import { dayNumber } from '../data/timeIndex';
import { permuteText, textValues, TextColumnBuilder, type TextColumn } from '../data/textColumn';
import { EVENT_TYPES, type Incident, type Source } from '../types';
import { narrowFloat, narrowIndex } from '../data/narrowArrays';
import { hashId } from '../data/idHashes';
import { sourcesText, type SourcesText } from '../data/sourcesText';
import type { PackedIncidents } from './packIncidents';

/**
 * Past this many distinct values a column is not repeated after all (UCDP's source lists are one
 * per event): later values are appended without being hashed, so a million of them do not grow a
 * Map of a million entries, which at that size costs more in garbage collection than it saves.
 */
const MAX_HASHED = 50_000;

/** Codes of the small enumerations, looked up without indexOf per field. */
const codes = <T extends string>(list: readonly T[]) => new Map<string, number>(list.map((v, k) => [v, k]));
const DATE_CODES = codes(DATE_PRECISIONS);
const LOCATION_CODES = codes(LOCATION_PRECISIONS);
const TYPE_CODES = codes(EVENT_TYPES);

/** A dictionary being filled: distinct values in a text column, per incident the value's index. */
class DictionaryBuilder<K> {
  readonly values = new TextColumnBuilder();
  private readonly seen = new Map<K, number>();
  private last: K | undefined;
  private lastAt = -1;

  /**
   * `text` gives a key's text, asked only for a key not seen before. Without `hashStrings`, a
   * string key is shared only with the key just before it (an object key is still looked up).
   */
  constructor(
    private readonly text: (key: K) => string,
    private readonly hashStrings = true,
  ) {}

  /** The index of `key`. */
  add(key: K): number {
    // Consecutive rows often repeat a value: skip the hash then.
    if (this.lastAt >= 0 && key === this.last) return this.lastAt;
    const hashed = this.hashStrings || typeof key !== 'string';
    let at = hashed ? this.seen.get(key) : undefined;
    if (at === undefined) {
      at = this.values.length;
      this.values.push(this.text(key));
      if (hashed && this.seen.size < MAX_HASHED) this.seen.set(key, at);
    }
    this.last = key;
    this.lastAt = at;
    return at;
  }
}

const same = (text: string) => text;

/**
 * Incidents appended one at a time into growing typed arrays and text columns, so that the import
 * worker never holds an object per incident of the whole file: the parser hands each incident
 * over (parseStream's `onIncident`) and it becomes garbage at once. An incident whose dateStart is
 * not a valid date is left out, as the time index leaves it out.
 */
export class PackBuilder {
  private size = 1024;
  private n = 0;
  private start = new Int32Array(this.size);
  private end = new Int32Array(this.size);
  private lon = new Float64Array(this.size);
  private lat = new Float64Array(this.size);
  private best = new Float64Array(this.size);
  private low = new Float64Array(this.size);
  private high = new Float64Array(this.size);
  private datePrecision = new Uint8Array(this.size);
  private locationPrecision = new Uint8Array(this.size);
  private eventType = new Uint8Array(this.size);
  private sourceIndex = new Uint32Array(this.size);
  /** hashId of each id, for the id table (kept here: the page gets the table, not the hashes). */
  private idHash = new Uint32Array(this.size);
  /** Per field of REPEATED, in its order: the dictionary and each incident's index in it. */
  private readonly dictionaries = REPEATED.map(() => new DictionaryBuilder<string>(same));
  private readonly indexes = REPEATED.map(() => new Uint32Array(1024));
  private readonly id = new TextColumnBuilder();
  private readonly summary = new TextColumnBuilder();
  /**
   * Keyed by the list itself, or by its text when the parser deferred it: a parser that shares one
   * list between incidents, or one text between consecutive ones, gets it shared back. A text is
   * not hashed: texts are nearly one per event, and in Chromium's V8 hashing a million
   * concatenated texts in a Map doubled the time of a UCDP file's parse (8.7 → 16.7–18.2 s for
   * the halves of 1M rows), where Node's older V8 showed no such cost.
   */
  private readonly sources = new DictionaryBuilder<Source[] | SourcesText>((key) => (typeof key === 'string' ? key : sourcesText(key)), false);

  /** Incidents added so far. */
  get count(): number {
    return this.n;
  }

  add(x: Incident): void {
    const start = dayNumber(x.dateStart);
    if (!Number.isFinite(start)) return;
    if (this.n === this.size) this.grow();
    const i = this.n++;
    this.start[i] = start;
    this.end[i] = dayNumber(x.dateEnd);
    this.lon[i] = x.lon;
    this.lat[i] = x.lat;
    this.best[i] = x.deathsBest;
    this.low[i] = x.deathsLow ?? Number.NaN;
    this.high[i] = x.deathsHigh ?? Number.NaN;
    this.datePrecision[i] = DATE_CODES.get(x.datePrecision) ?? 255;
    this.locationPrecision[i] = LOCATION_CODES.get(x.locationPrecision) ?? 255;
    this.eventType[i] = TYPE_CODES.get(x.eventType) ?? 255;
    // Spelled out in REPEATED's order: a loop over the names would read the fields by a computed key.
    const d = this.dictionaries;
    const ix = this.indexes;
    ix[0][i] = d[0].add(x.dataset);
    ix[1][i] = d[1].add(x.country);
    ix[2][i] = d[2].add(x.admin1);
    ix[3][i] = d[3].add(x.admin2);
    ix[4][i] = d[4].add(x.subEventType);
    ix[5][i] = d[5].add(x.actor1);
    ix[6][i] = d[6].add(x.actor2);
    ix[7][i] = d[7].add(x.place);
    this.id.push(x.id);
    this.idHash[i] = hashId(x.id);
    this.summary.push(x.summary);
    this.sourceIndex[i] = this.sources.add(x.sourcesText ?? x.sources);
  }

  /**
   * Appends the columns of incidents another builder packed (a later part of the same file, read
   * in parallel): as if each had been added here. A repeated value keeps one entry; the source
   * lists are appended as they are (their sharing does not cross parts).
   */
  absorb(p: PackedIncidents, idHashes: Uint32Array): void {
    const m = p.count;
    while (this.n + m > this.size) this.grow();
    const at = this.n;
    this.start.set(p.start, at);
    this.end.set(p.end, at);
    this.lon.set(p.lon, at);
    this.lat.set(p.lat, at);
    this.best.set(p.best, at);
    this.low.set(p.low, at);
    this.high.set(p.high, at);
    this.datePrecision.set(p.datePrecision, at);
    this.locationPrecision.set(p.locationPrecision, at);
    this.eventType.set(p.eventType, at);
    this.idHash.set(idHashes, at);
    REPEATED.forEach((k, j) => {
      const { values, index } = p.repeated[k];
      const dictionary = this.dictionaries[j];
      const moved = Uint32Array.from(textValues(values), (value) => dictionary.add(value));
      const into = this.indexes[j];
      for (let i = 0; i < m; i++) into[at + i] = moved[index[i]];
    });
    this.id.append(p.unique.id);
    this.summary.append(p.unique.summary);
    const offset = this.sources.values.length;
    this.sources.values.append(p.sources.lists);
    for (let i = 0; i < m; i++) this.sourceIndex[at + i] = offset + p.sources.index[i];
    this.n += m;
  }

  private grow(): void {
    const size = this.size * 2;
    const grown = <T extends Int32Array | Float64Array | Uint8Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.start = grown(this.start, (n) => new Int32Array(n));
    this.end = grown(this.end, (n) => new Int32Array(n));
    this.lon = grown(this.lon, (n) => new Float64Array(n));
    this.lat = grown(this.lat, (n) => new Float64Array(n));
    this.best = grown(this.best, (n) => new Float64Array(n));
    this.low = grown(this.low, (n) => new Float64Array(n));
    this.high = grown(this.high, (n) => new Float64Array(n));
    this.datePrecision = grown(this.datePrecision, (n) => new Uint8Array(n));
    this.locationPrecision = grown(this.locationPrecision, (n) => new Uint8Array(n));
    this.eventType = grown(this.eventType, (n) => new Uint8Array(n));
    this.sourceIndex = grown(this.sourceIndex, (n) => new Uint32Array(n));
    this.idHash = grown(this.idHash, (n) => new Uint32Array(n));
    for (let k = 0; k < this.indexes.length; k++) this.indexes[k] = grown(this.indexes[k], (n) => new Uint32Array(n));
    this.size = size;
  }

  /** The ids' hashes (hashId), in the order the incidents were added. */
  idHashes(): Uint32Array {
    return this.idHash.slice(0, this.n);
  }

  /** The columns in the order the incidents were added, each in a buffer of its own exact size. */
  finish(): PackedIncidents {
    const n = this.n;
    const repeated = Object.fromEntries(
      REPEATED.map((k, j) => {
        const values = this.dictionaries[j].values.finish();
        return [k, { values, index: narrowIndex(this.indexes[j].subarray(0, n), values.ends.length) }];
      }),
    ) as PackedIncidents['repeated'];
    return {
      count: n,
      start: this.start.slice(0, n),
      end: this.end.slice(0, n),
      lon: this.lon.slice(0, n),
      lat: this.lat.slice(0, n),
      best: narrowFloat(this.best.subarray(0, n)),
      low: narrowFloat(this.low.subarray(0, n)),
      high: narrowFloat(this.high.subarray(0, n)),
      datePrecision: this.datePrecision.slice(0, n),
      locationPrecision: this.locationPrecision.slice(0, n),
      eventType: this.eventType.slice(0, n),
      repeated,
      unique: { id: this.id.finish(), summary: this.summary.finish() },
      sources: { index: this.sourceIndex.slice(0, n), lists: this.sources.values.finish() },
    };
  }
}

type Permutable = Int32Array | Float32Array | Float64Array | Uint8Array | Uint16Array | Uint32Array;

/**
 * `array` in a new order: entry k of the result is entry `order[k]`. The entries are copied as
 * bits of their width, through one loop per width: one loop over every kind of array is
 * megamorphic and several times slower at a million entries.
 */
export function permute<T extends Permutable>(array: T, order: Uint32Array): T {
  const out = new (array.constructor as new (length: number) => T)(order.length);
  const bits = (a: Permutable) => a.buffer as ArrayBuffer;
  if (array.BYTES_PER_ELEMENT === 1) gather8(new Uint8Array(bits(array), array.byteOffset, array.length), new Uint8Array(bits(out)), order);
  else if (array.BYTES_PER_ELEMENT === 2) gather16(new Uint16Array(bits(array), array.byteOffset, array.length), new Uint16Array(bits(out)), order);
  else if (array.BYTES_PER_ELEMENT === 4) gather32(new Uint32Array(bits(array), array.byteOffset, array.length), new Uint32Array(bits(out)), order);
  else gather64(new Float64Array(bits(array), array.byteOffset, array.length), new Float64Array(bits(out)), order);
  return out;
}

function gather8(from: Uint8Array, to: Uint8Array, order: Uint32Array): void {
  for (let k = 0; k < order.length; k++) to[k] = from[order[k]];
}
function gather16(from: Uint16Array, to: Uint16Array, order: Uint32Array): void {
  for (let k = 0; k < order.length; k++) to[k] = from[order[k]];
}
function gather32(from: Uint32Array, to: Uint32Array, order: Uint32Array): void {
  for (let k = 0; k < order.length; k++) to[k] = from[order[k]];
}
/** Doubles as they are: a NaN's bits may change, and NaN is all a column's NaN means (a missing value). */
function gather64(from: Float64Array, to: Float64Array, order: Uint32Array): void {
  for (let k = 0; k < order.length; k++) to[k] = from[order[k]];
}

/** Whether every event ends on its start day (every ACLED event does): the end column is then the start column itself, one buffer less to send and hold. */
function oneDayEvents(p: Pick<IncidentColumnsStore, 'start' | 'end'>): boolean {
  const { start, end } = p;
  for (let i = 0; i < start.length; i++) if (start[i] !== end[i]) return false;
  return true;
}

/**
 * The incidents in a new order (the time order of timeOrder over `start`): every per-incident
 * column permuted, the summaries and source indexes too when present; the dictionaries' values and
 * the source lists stay as they are.
 */
export function permutePacked(p: PackedIncidents, order: Uint32Array): PackedIncidents;
export function permutePacked(p: IncidentColumnsStore, order: Uint32Array): IncidentColumnsStore;
export function permutePacked(p: IncidentColumnsStore, order: Uint32Array): IncidentColumnsStore {
  const repeated = Object.fromEntries(REPEATED.map((k) => [k, { values: p.repeated[k].values, index: permute(p.repeated[k].index, order) }])) as PackedIncidents['repeated'];
  const text = (column: TextColumn) => permuteText(column, order);
  const { summary } = p.unique;
  const start = permute(p.start, order);
  return {
    count: order.length,
    start,
    end: oneDayEvents(p) ? start : permute(p.end, order),
    lon: permute(p.lon, order),
    lat: permute(p.lat, order),
    best: permute(p.best, order),
    low: permute(p.low, order),
    high: permute(p.high, order),
    datePrecision: permute(p.datePrecision, order),
    locationPrecision: permute(p.locationPrecision, order),
    eventType: permute(p.eventType, order),
    repeated,
    unique: { id: text(p.unique.id), ...(summary ? { summary: text(summary) } : {}) },
    ...(p.sources ? { sources: { index: permute(p.sources.index, order), lists: p.sources.lists } } : {}),
  };
}
