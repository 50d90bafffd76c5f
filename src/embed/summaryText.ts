import { t } from '../i18n/messages';
import type { DerivedView } from '../state';
import { areaFigures, areaLabel, deathsText, incidentsText, perDatasetText, type TimelineText } from '../timeline/labels';

/**
 * One sentence for what the map shows, for readers who cannot see or use it: the static embed's
 * caption and the text beside the still image where WebGL2 is missing. "21 Mar 2021: 1 incident
 * and 170 deaths in Niger, Mali and Burkina Faso (UCDP GED)." Same figures as the status line: both
 * read the derived view.
 */
export function summaryText(view: DerivedView, text: TimelineText): string {
  const range = text.formatters.range(view.shown.from, view.shown.to);
  const area = areaFigures(view);
  if (view.area && area) {
    const name = areaLabel(text, view.area);
    if (area.single) {
      return t(text.messages.embedSummaryArea, { area: name, range, incidents: incidentsText(text, area.single.incidents), deaths: deathsText(text, area.single.deaths), name: area.parts[0].name });
    }
    return t(text.messages.embedSummaryAreaMulti, { area: name, range, parts: perDatasetText(text, area.parts) });
  }
  if (!view.totals) return t(text.messages.embedSummaryMulti, { range, parts: perDatasetText(text, view.counted) });
  return t(text.messages.embedSummary, {
    range,
    incidents: incidentsText(text, view.totals.incidents),
    deaths: deathsText(text, view.totals.deaths),
  });
}
