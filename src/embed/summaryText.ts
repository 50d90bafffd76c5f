import { t } from '../i18n/messages';
import type { AppState } from '../state';
import { deathsText, incidentsText, type TimelineText } from '../timeline/labels';
import { cumulativeWindow } from '../timeline/windowMath';
import { visibleTotals, type CountedIndex } from './visibleTotals';

/**
 * One sentence for what the map shows, for readers who cannot see or use it: the static embed's
 * caption and the text beside the still image where WebGL2 is missing. "21 Mar 2021: 1 incident
 * and 170 deaths in Niger, Mali and Burkina Faso (UCDP GED)." Same totals as the status line.
 */
export function summaryText(state: AppState, counted: readonly CountedIndex[], text: TimelineText): string {
  const extent = counted[0]?.index.extent;
  const shown = state.mode === 'cumulative' && extent ? cumulativeWindow(state, extent) : state;
  const totals = visibleTotals(state, counted);
  return t(text.messages.embedSummary, {
    range: text.formatters.range(shown.from, shown.to),
    incidents: incidentsText(text, totals.incidents),
    deaths: deathsText(text, totals.deaths),
  });
}
