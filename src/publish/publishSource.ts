import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Formatters } from '../i18n/format';
import type { Messages } from '../i18n/messages';
import type { MarkerStyle } from '../map/markerStyle';
import type { Theme } from '../map/theme';
import type { DerivedViewHandle, Store } from '../state';
import { attributionText } from './overlayText';

/** What every publish format reads from the running app, at the moment of export. */
export interface PublishSource {
  map: MaplibreMap;
  store: Store;
  derived: DerivedViewHandle;
  messages: Messages;
  formatters: Formatters;
  lang: 'en' | 'fr';
  /** The theme the map is drawn in now (the reader's system may switch it). */
  theme(): Theme;
  /** The layers' marker style in that theme. */
  markerStyle(): MarkerStyle;
  /** The picture's title: the embed's `title`, else the map's name. */
  title(): string;
  /** The attribution strings given to the map (the datasets' and the basemap's), for when the credits control is not in the page. */
  attribution(): readonly string[];
  /** The three countries' frame: a picture shows the part of the live view inside it, so a tall picture is not mostly margin. */
  focusBounds(): [[number, number], [number, number]];
  /** The app's folder, ending in '/'. */
  assetBase: string;
}

/** The map's credits as the reader sees them (maplibre's attribution control), as plain text. */
export function creditsText(source: PublishSource): string {
  const inner = source.map.getContainer().querySelector('.maplibregl-ctrl-attrib-inner');
  const shown = inner?.textContent?.replace(/\s+/g, ' ').trim();
  return shown || attributionText(source.attribution());
}

/**
 * What a picture frames: the live view's bounds cut to the focus countries' frame (a reader zoomed
 * on Niamey keeps Niamey; a wide view of the whole region gives the three countries), so a square
 * or tall picture fills with the map instead of margins.
 */
export function pictureBounds(source: PublishSource): [[number, number], [number, number]] {
  const live = source.map.getBounds();
  const [[w, s], [e, n]] = source.focusBounds();
  const west = Math.max(live.getWest(), w);
  const east = Math.min(live.getEast(), e);
  const south = Math.max(live.getSouth(), s);
  const north = Math.min(live.getNorth(), n);
  if (west >= east || south >= north) return [[live.getWest(), live.getSouth()], [live.getEast(), live.getNorth()]];
  return [[west, south], [east, north]];
}
