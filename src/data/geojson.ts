import type { ImportIssue } from '../types';
import type { CsvRecord } from './csv';

/** A GeoJSON FeatureCollection read as a table: one record per feature, its properties by column. */
export interface GeoJsonTable {
  /** Property names of all features (lower-cased, first seen first), plus `latitude` and `longitude`. */
  header: string[];
  /** `row` is the feature's number, 1 for the first: the report says "feature 3". */
  records: CsvRecord[];
  /** Features that cannot become a record (not a Point), one error each, in feature order. */
  rejected: ImportIssue[];
  /** Kept features with a doubt (no geometry, properties that disagree with it). */
  warnings: ImportIssue[];
}

/** The one reason a text is not a GeoJSON file of points. */
export interface GeoJsonError {
  error: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How deep a property value may nest (objects and lists within each other): GeoJSON properties are flat in practice. */
export const MAX_PROPERTY_DEPTH = 32;

/**
 * Whether `value` nests deeper than `limit`, walked with an explicit stack: a value nested
 * thousands deep would overflow the call stack of a recursive walk (and of JSON.stringify).
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (typeof child === 'object' && child !== null) stack.push({ v: child, depth: depth + 1 });
  }
  return false;
}

/** A property value as the CSV parsers read a field. */
function asField(value: Json | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // Only a value already checked (or shown in a message) gets here; JSON.stringify recurses.
  return nestsDeeperThan(value, MAX_PROPERTY_DEPTH) ? '(nested too deep to show)' : JSON.stringify(value);
}

/** A [lon, lat] pair of finite numbers, or null. */
function pointOf(geometry: Json | undefined): [number, number] | null {
  if (!isObject(geometry) || geometry.type !== 'Point' || !Array.isArray(geometry.coordinates)) return null;
  const [lon, lat] = geometry.coordinates;
  return typeof lon === 'number' && typeof lat === 'number' && Number.isFinite(lon) && Number.isFinite(lat) ? [lon, lat] : null;
}

/**
 * Reads GeoJSON text into a table the format mappers read like a CSV: a FeatureCollection (or a
 * single Feature) whose features are Points and whose properties use ACLED's, UCDP's or our story
 * columns. The geometry gives `latitude` and `longitude`; a feature without geometry keeps those of
 * its properties (with a warning). A feature with another geometry is rejected. Never throws:
 * invalid JSON, another kind of JSON, or a collection with no Point gives `{ error }`.
 */
export function readGeoJson(text: string, file: string): GeoJsonTable | GeoJsonError {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { error: `${file} is not valid JSON (${reason}). Check that the file was saved completely, or export it again as GeoJSON.` };
  }
  const features = isObject(value) && value.type === 'Feature' ? [value] : isObject(value) && value.type === 'FeatureCollection' && Array.isArray(value.features) ? value.features : null;
  if (features === null) {
    const type = isObject(value) && typeof value.type === 'string' ? `its type is "${value.type}"` : Array.isArray(value) ? 'it is a list' : 'it has no GeoJSON type';
    return { error: `${file} is JSON but not a GeoJSON FeatureCollection (${type}). Save the events as a FeatureCollection of Point features, or as CSV.` };
  }
  const geometryTypes = new Map<string, number>();
  let points = 0;
  const columns = new Map<string, number>();
  for (const feature of features) {
    if (!isObject(feature)) continue;
    const type = isObject(feature.geometry) && typeof feature.geometry.type === 'string' ? feature.geometry.type : 'no geometry';
    geometryTypes.set(type, (geometryTypes.get(type) ?? 0) + 1);
    if (type === 'Point') points++;
    if (isObject(feature.properties)) for (const key of Object.keys(feature.properties)) columns.set(key.trim().toLowerCase(), columns.size);
  }
  if (points === 0 && !features.some((f) => isObject(f) && f.geometry === null)) {
    const held = features.length === 0 ? 'no features at all' : [...geometryTypes].map(([t, n]) => `${n} ${t}`).join(', ');
    return { error: `${file} has no Point features (it holds ${held}). The map places each event at a point: save the events as Point features, or as CSV with latitude and longitude.` };
  }
  for (const name of ['latitude', 'longitude']) if (!columns.has(name)) columns.set(name, columns.size);
  const header = [...columns.keys()];
  const indexOf = new Map(header.map((name, i) => [name, i]));
  const latAt = indexOf.get('latitude')!;
  const lonAt = indexOf.get('longitude')!;

  const records: CsvRecord[] = [];
  const rejected: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const issue = (severity: ImportIssue['severity'], row: number, value: string, message: string): ImportIssue => ({ severity, file, row, field: 'geometry', value, message });
  features.forEach((feature, k) => {
    const row = k + 1;
    if (!isObject(feature)) {
      rejected.push(issue('error', row, asField(feature as Json).slice(0, 80), 'This entry of "features" is not a Feature object. Remove it or make it a Point feature.'));
      return;
    }
    const properties = isObject(feature.properties) ? feature.properties : {};
    const deep = Object.keys(properties).find((key) => nestsDeeperThan(properties[key], MAX_PROPERTY_DEPTH - 1));
    if (deep !== undefined) {
      rejected.push({
        severity: 'error',
        file,
        row,
        field: deep.trim().toLowerCase(),
        value: '',
        message: `The property ${JSON.stringify(deep.slice(0, 60))} nests lists or objects more than ${MAX_PROPERTY_DEPTH} deep, which no event property does. The feature is left out; make the property a plain value.`,
      });
      return;
    }
    const fields = new Array<string>(header.length).fill('');
    for (const [key, v] of Object.entries(properties)) {
      const at = indexOf.get(key.trim().toLowerCase())!;
      if (fields[at] === '') fields[at] = asField(v);
    }
    const point = pointOf(feature.geometry);
    if (point) {
      const [lon, lat] = point;
      const given = [Number(fields[latAt]), Number(fields[lonAt])];
      if (fields[latAt] !== '' && fields[lonAt] !== '' && (Math.abs(given[0] - lat) > 1e-4 || Math.abs(given[1] - lon) > 1e-4)) {
        warnings.push(issue('warning', row, `${fields[latAt]},${fields[lonAt]}`, `The properties give latitude ${fields[latAt]}, longitude ${fields[lonAt]} but the geometry is at latitude ${lat}, longitude ${lon}. The geometry is used; check which is right.`));
      }
      fields[latAt] = String(lat);
      fields[lonAt] = String(lon);
    } else if (feature.geometry === null || feature.geometry === undefined) {
      if (fields[latAt] === '' || fields[lonAt] === '') {
        rejected.push(issue('error', row, '', 'The feature has no geometry and no latitude and longitude properties. Give it a Point geometry.'));
        return;
      }
      warnings.push(issue('warning', row, '', 'The feature has no geometry: its latitude and longitude properties are used.'));
    } else {
      const type = isObject(feature.geometry) ? asField(feature.geometry.type) : asField(feature.geometry);
      rejected.push(issue('error', row, type, `The geometry is ${type === '' ? 'not valid GeoJSON' : `a ${type}`}, not a Point with two numbers. The map places each event at a point: give it a Point geometry.`));
      return;
    }
    records.push({ row, fields });
  });
  return { header, records, rejected, warnings };
}
