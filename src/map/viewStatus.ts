import type { Messages } from '../i18n/messages';
import type { IncidentViewReport } from './incidentViewReport';

/**
 * A visually hidden status line that tells a screen-reader user when the map switches to the
 * density view's squares and back: the canvas itself says nothing. Empty until the first switch,
 * so loading the map in marker view announces nothing.
 */
export function mountViewStatus(host: HTMLElement, report: IncidentViewReport, messages: Messages): () => void {
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  status.dataset.testid = 'map-view-status';
  host.append(status);
  const show = (view: string) => {
    status.textContent = view === 'density' ? messages.mapShowsSquares : messages.mapShowsMarkers;
    status.dataset.view = view;
  };
  if (report.view() === 'density') show('density');
  const off = report.on(show);
  return () => {
    off();
    status.remove();
  };
}
