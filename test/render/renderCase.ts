import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One thing done on the page after it is ready and before the picture is taken. */
export type RenderStep =
  /** Clicks the map canvas at a longitude/latitude (projected by the page's own map). */
  | { action: 'clickMap'; lonLat: [number, number]; note?: string }
  /** Clicks the element with this `data-testid`. */
  | { action: 'click'; testid: string; note?: string }
  /** Types a value into the input with this `data-testid`, replacing what it held. */
  | { action: 'fill'; testid: string; value: string; note?: string }
  /** Waits until an element matching this CSS selector is visible. */
  | { action: 'waitFor'; selector: string; note?: string };

/**
 * A render case, as read from `test/render/<name>/case.json`: what to open, at what size, in what
 * browser conditions, and why the picture matters. Only what the case needs is written; the rest
 * takes the defaults below.
 */
export interface RenderCase {
  /** The folder's name. */
  name: string;
  /** The folder holding case.json and expected.png. */
  dir: string;
  /** Why this picture is worth keeping: what a regression here would look like. */
  why: string;
  /** The issue the case comes from (`issues show N`). */
  issue: string;
  /** Path and query of the production build page, relative to its root (`index.html?from=…`, `embed.html?dark=true`). */
  url: string;
  viewport: { width: number; height: number };
  /** Always 1: a fixed device scale keeps the images the same size on every machine. @defaultValue 1 */
  deviceScaleFactor: 1;
  /** The CSS selector of the iframe the map lives in (examples/article.html), or null for a map page. @defaultValue null */
  frame: string | null;
  /** `map`: wait for `#map[data-ready="true"]` and an idle map; `still`: the no-WebGL2 still image. @defaultValue 'map' */
  ready: 'map' | 'still';
  /** false hides WebGL2 from the page, as a browser without it would. @defaultValue true */
  webgl2: boolean;
  /** Same-origin paths the test serves from test/fixtures (path → fixture file name), for `?data=`. @defaultValue {} */
  fixtures: Record<string, string>;
  steps: RenderStep[];
}

const STEP_ACTIONS = new Set(['clickMap', 'click', 'fill', 'waitFor']);

/** Reads and checks one case.json; a malformed case is an error that names the file and the field. */
export function readRenderCase(dir: string, name: string): RenderCase {
  const file = join(dir, 'case.json');
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof raw !== 'object' || raw === null) throw new Error(`${file}: expected a JSON object`);
  const o = raw as Record<string, unknown>;
  const need = (key: string, ok: boolean) => {
    if (!ok) throw new Error(`${file}: "${key}" is missing or has the wrong type`);
  };
  need('why', typeof o.why === 'string' && o.why.length > 0);
  need('issue', typeof o.issue === 'string');
  need('url', typeof o.url === 'string' && !/^[a-z]+:/i.test(o.url as string));
  const viewport = o.viewport as { width?: unknown; height?: unknown } | undefined;
  need('viewport', typeof viewport?.width === 'number' && typeof viewport?.height === 'number');
  need('deviceScaleFactor', o.deviceScaleFactor === undefined || o.deviceScaleFactor === 1);
  need('frame', o.frame === undefined || typeof o.frame === 'string');
  need('ready', o.ready === undefined || o.ready === 'map' || o.ready === 'still');
  need('webgl2', o.webgl2 === undefined || typeof o.webgl2 === 'boolean');
  need('fixtures', o.fixtures === undefined || (typeof o.fixtures === 'object' && o.fixtures !== null));
  need('steps', o.steps === undefined || (Array.isArray(o.steps) && o.steps.every((s: { action?: unknown }) => STEP_ACTIONS.has(String(s?.action)))));
  return {
    name,
    dir,
    why: o.why as string,
    issue: o.issue as string,
    url: o.url as string,
    viewport: { width: viewport!.width as number, height: viewport!.height as number },
    deviceScaleFactor: 1,
    frame: (o.frame as string | undefined) ?? null,
    ready: (o.ready as RenderCase['ready'] | undefined) ?? 'map',
    webgl2: (o.webgl2 as boolean | undefined) ?? true,
    fixtures: (o.fixtures as Record<string, string> | undefined) ?? {},
    steps: (o.steps as RenderStep[] | undefined) ?? [],
  };
}

/** Every case under `root`: each folder with a case.json, in name order. */
export function readRenderCases(root: string): RenderCase[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'case.json')))
    .map((d) => d.name)
    .sort()
    .map((name) => readRenderCase(join(root, name), name));
}
