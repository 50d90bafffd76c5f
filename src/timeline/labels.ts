import type { Formatters } from '../i18n/format';
import type { AreaView } from '../state';
import { t, type Messages } from '../i18n/messages';
import type { WeekBin } from './bins';
import type { TimeWindow } from './timeScale';

/** What the timeline's text is written with: the catalogue and the locale's formatters. */
export interface TimelineText {
  messages: Messages;
  formatters: Formatters;
}

/** "1 incident", "1,234 incidents": the catalogue's singular key for exactly one. */
export function incidentsText(text: TimelineText, n: number): string {
  const { messages, formatters } = text;
  return n === 1 ? messages.incidentsCountOne : t(messages.incidentsCount, { n: formatters.integer(n) });
}

/** "1 death", "190 deaths". */
export function deathsText(text: TimelineText, n: number): string {
  const { messages, formatters } = text;
  return n === 1 ? messages.deathsCountOne : t(messages.deathsCount, { n: formatters.integer(n) });
}

/** The status line: "21–27 Mar 2021 · 12 incidents · 190 deaths". */
export function statusText(text: TimelineText, window: TimeWindow, totals: { incidents: number; deaths: number }): string {
  return t(text.messages.statusLine, {
    range: text.formatters.range(window.from, window.to),
    incidents: incidentsText(text, totals.incidents),
    deaths: deathsText(text, totals.deaths),
  });
}

/** One figure per counted dataset, never their sum: "UCDP GED: 12 incidents · 190 deaths | ACLED: 19 · 236". */
export function perDatasetText(text: TimelineText, counted: readonly { name: string; totals: { incidents: number; deaths: number } | null }[]): string {
  return counted
    .map((d, i) => {
      const t0 = d.totals ?? { incidents: 0, deaths: 0 };
      // The first dataset's figures are spelled out; the later ones are read against it.
      const incidents = i === 0 ? incidentsText(text, t0.incidents) : text.formatters.integer(t0.incidents);
      const deaths = i === 0 ? deathsText(text, t0.deaths) : text.formatters.integer(t0.deaths);
      return t(text.messages.datasetFigures, { name: d.name, incidents, deaths });
    })
    .join(' | ');
}

/** An area's name in the catalogue's language, a region's as "Tahoua region" ("Tahoua (région)"). */
export function areaLabel(text: TimelineText, area: Pick<AreaView, 'kind' | 'name' | 'nameFr'>): string {
  const name = text.messages.areaNameLanguage === 'fr' ? area.nameFr : area.name;
  return area.kind === 'region' ? t(text.messages.areaRegion, { name }) : name;
}

/** What a view's text reads: the selected area's figures per dataset when one is selected, else the window's. */
export interface StatusView {
  shown: TimeWindow;
  totals: { incidents: number; deaths: number } | null;
  counted: readonly { name: string; totals: { incidents: number; deaths: number } | null }[];
  area?: AreaView | null;
}

/**
 * The area's figures as `perDatasetText` reads them, and the single dataset's when only one counted
 * dataset is shown (then the line needs no dataset name). Null without a selected area.
 */
export function areaFigures(view: StatusView): { single: { incidents: number; deaths: number } | null; parts: { name: string; totals: { incidents: number; deaths: number } }[] } | null {
  if (!view.area) return null;
  const parts = view.area.datasets.map((d) => ({ name: d.name, totals: { incidents: d.current.incidents, deaths: d.current.deaths } }));
  return { single: parts.length === 1 && view.counted.length === 1 ? parts[0].totals : null, parts };
}

/**
 * The status line for a view: one line for one counted dataset, one figure per dataset for several;
 * led by the area's name, with the area's figures, when one is selected.
 */
export function viewStatusText(text: TimelineText, view: StatusView): string {
  const range = text.formatters.range(view.shown.from, view.shown.to);
  const area = areaFigures(view);
  if (view.area && area) {
    const name = areaLabel(text, view.area);
    if (area.single) return t(text.messages.statusLineArea, { area: name, range, incidents: incidentsText(text, area.single.incidents), deaths: deathsText(text, area.single.deaths) });
    return t(text.messages.statusLineAreaMulti, { area: name, range, parts: perDatasetText(text, area.parts) });
  }
  if (view.totals) return statusText(text, view.shown, view.totals);
  return t(text.messages.statusLineMulti, { range, parts: perDatasetText(text, view.counted) });
}

/** A bar's tooltip and accessible name: "Week of 15 Mar 2021: 12 incidents, 190 deaths". */
export function binText(text: TimelineText, bin: WeekBin): string {
  return t(text.messages.binTooltip, {
    date: text.formatters.day(bin.x0),
    incidents: incidentsText(text, bin.incidents),
    deaths: deathsText(text, bin.deaths),
  });
}
