import type { Messages } from './messages';

/**
 * maplibre-gl's own UI strings (its `locale` map option; keys from maplibre-gl's
 * src/ui/default_locale.ts) from our catalogue, so the zoom buttons, the attribution toggle, the
 * popup's close button and the gesture hints speak the page's language.
 */
export function maplibreLocale(messages: Messages): Record<string, string> {
  return {
    'NavigationControl.ZoomIn': messages.mapZoomIn,
    'NavigationControl.ZoomOut': messages.mapZoomOut,
    'NavigationControl.ResetBearing': messages.mapResetBearing,
    'AttributionControl.ToggleAttribution': messages.mapToggleAttribution,
    'AttributionControl.MapFeedback': messages.mapFeedback,
    'Popup.Close': messages.mapClosePopup,
    'Map.Title': messages.mapTitle,
    'Marker.Title': messages.mapMarker,
    'CooperativeGesturesHandler.WindowsHelpText': messages.gestureWindows,
    'CooperativeGesturesHandler.MacHelpText': messages.gestureMac,
    'CooperativeGesturesHandler.MobileHelpText': messages.gestureMobile,
  };
}
