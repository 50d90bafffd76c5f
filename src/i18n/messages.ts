/**
 * Every interface string, in one catalogue per language. Add a key to `Messages` and to every
 * catalogue; TypeScript rejects a catalogue with a missing key. Text from data never goes here.
 * Placeholders are `{name}`, filled by `t()`.
 */
export interface Messages {
  appTitle: string;
  appSubtitle: string;
  mapLabel: string;
  loading: string;
  loadFailed: string;
  // start-up faults (src/app/startupWatchdog.ts; what each means: docs/deploy.md)
  faultHttp: string;
  faultNetwork: string;
  faultHtml: string;
  faultTimeout: string;
  faultInvalid: string;
  faultWorkerMissing: string;
  faultWorkerMime: string;
  faultWebgl: string;
  faultMapTimeout: string;
  faultOther: string;
  retry: string;
  // focus areas
  viewSahel: string;
  viewNiamey: string;
  viewTahoua: string;
  viewBorder: string;
  flyTo: string;
  // time slider
  play: string;
  pause: string;
  speed: string;
  stepBack: string;
  stepForward: string;
  stepDay: string;
  stepWeek: string;
  stepMonth: string;
  modeWindow: string;
  modeCumulative: string;
  metricEvents: string;
  metricDeaths: string;
  windowStart: string;
  windowEnd: string;
  timeline: string;
  /** e.g. "21–27 Mar 2021 · 12 incidents · 190 deaths" */
  statusLine: string;
  /** Several counted datasets: "21–27 Mar 2021 · UCDP GED: 12 incidents · 190 deaths | ACLED: 19 · 236" */
  statusLineMulti: string;
  /** One dataset's figures in a per-dataset line. */
  datasetFigures: string;
  embedSummaryMulti: string;
  listSummaryPlain: string;
  incidentsCount: string;
  incidentsCountOne: string;
  deathsCount: string;
  deathsCountOne: string;
  binTooltip: string;
  noIncidents: string;
  // incident list
  /** The list's fold line: "Incidents in the window (12)" */
  listSummary: string;
  /** Name of a popup card that has no heading of its own. */
  popupLabel: string;
  /** In an incident's card while its summary and sources are fetched. */
  popupLoadingDetails: string;
  listLabel: string;
  listSort: string;
  listSortDate: string;
  listSortDeaths: string;
  listSortPlace: string;
  /** Visible labels of the step buttons (the full "Back one week" is their accessible name). */
  stepDayShort: string;
  stepWeekShort: string;
  stepMonthShort: string;
  /** Group label of the six step buttons. */
  stepGroup: string;
  /** A speed option, e.g. "2×". */
  speedOption: string;
  /** Short segment labels of the metric toggle; its accessible name is metricDeaths. */
  metricEventsShort: string;
  metricDeathsShort: string;
  /** Accessible name of the focusable window on the track: says which keys move it. */
  brushLabel: string;
  /** The one button that unfolds the side column (search, shading, filters, list, downloads) on a phone. */
  sideTools: string;
  // filters
  filters: string;
  eventTypes: string;
  countries: string;
  datasets: string;
  // legend
  legend: string;
  legendDeaths: string;
  legendNoDeaths: string;
  legendApproximate: string;
  legendStoryEvent: string;
  // density view (issue 13): squares instead of markers when too many overlap
  legendDensityTitle: string;
  /** What the squares are, in the legend while the map draws them. */
  legendDensityNote: string;
  /** A class of the key, 1–9 deaths. */
  legendDensityRange: string;
  /** The last class, 1,000 or more. */
  legendDensityAtLeast: string;
  /** Read by screen readers when the map switches to squares. */
  mapShowsSquares: string;
  /** Read by screen readers when the map switches back to markers. */
  mapShowsMarkers: string;
  /** Heading of a square's card. */
  densityCardTitle: string;
  densityCardHint: string;
  // places (issue 10): the area picker, the area panel and the choropleth
  areaPickerLabel: string;
  areaPickerPlaceholder: string;
  areaPickerNoMatch: string;
  /** Read by screen readers as the list filters. */
  areaPickerCount: string;
  areaGroupFocus: string;
  areaPanelLabel: string;
  areaClose: string;
  areaKindRegion: string;
  areaKindFocus: string;
  areaIncidents: string;
  areaDeaths: string;
  areaDeathsRange: string;
  areaVsPrevious: string;
  areaVsYearEarlier: string;
  areaWindowColumn: string;
  areaFigureColumn: string;
  areaByType: string;
  areaWeeklyDeaths: string;
  areaWeeklyEvents: string;
  /** The weekly chart's text alternative. */
  areaSeriesAlt: string;
  areaDeadliest: string;
  areaDeadliestNone: string;
  areaDeadliestDeaths: string;
  /** How far to trust the split: UCDP where_prec ≥ 3, ACLED geo_precision 3. */
  areaCentroidOnly: string;
  /** The window's incidents outside every region: {incidents}, {deaths} (numbers). */
  areaOutside: string;
  choroplethLabel: string;
  choroplethOff: string;
  choroplethDeaths: string;
  choroplethIncidents: string;
  choroplethLegendDeaths: string;
  choroplethLegendIncidents: string;
  choroplethNone: string;
  // popup
  date: string;
  datePrecision: string;
  place: string;
  region: string;
  country: string;
  type: string;
  actors: string;
  deaths: string;
  deathsRange: string;
  summary: string;
  sources: string;
  dataset: string;
  licence: string;
  approximateLocation: string;
  /** For an incident whose location precision is unknown (there is no named centroid to cite). */
  approximateLocationUnknown: string;
  stackedIncidents: string;
  close: string;
  precisionDay: string;
  precisionWeek: string;
  precisionMonth: string;
  precisionYear: string;
  precisionUnknown: string;
  locExact: string;
  locNear: string;
  locDistrict: string;
  locRegion: string;
  locCountry: string;
  locUnknown: string;
  // attribution
  attributionStories: string;
  // embed (embed.html)
  /** The embed's link to index.html at the same view. */
  embedOpenFullMap: string;
  /** The embed footer's credit when the page gives no `source`. */
  embedSource: string;
  /** Shown instead of a blank box where WebGL2 is missing. */
  embedNoWebgl: string;
  /** Alt text of the still image shown then; {range} is the image's window. */
  embedStillAlt: string;
  /** The text summary under it, and the static embed's caption: "{range}: {incidents} and {deaths} …" */
  embedSummary: string;
  /** maplibre's cooperative-gestures hints, in the embed's language. */
  gestureWindows: string;
  gestureMac: string;
  gestureMobile: string;
  // import (bring your own data: src/import/)
  /** The button that opens the file picker. */
  importButton: string;
  /** The same button's label on a phone, where the full one would run into the focus buttons: a part of importButton, so the name still says it. */
  importButtonShort: string;
  importButtonTitle: string;
  /** Shown over the page while a file is dragged over it. */
  importDropHint: string;
  importPanel: string;
  importReading: string;
  /** "{read} of {total} · {rows}" */
  importProgress: string;
  importProgressUnknown: string;
  importRows: string;
  importCancel: string;
  importCancelled: string;
  importReportTitle: string;
  importFormat: string;
  importFormatUnknown: string;
  importEncoding: string;
  importRowsRead: string;
  importFeaturesRead: string;
  importAccepted: string;
  importRejected: string;
  importWarnings: string;
  importDeaths: string;
  importDates: string;
  importCountries: string;
  importFirstErrors: string;
  importFirstWarnings: string;
  importRow: string;
  importFeature: string;
  importFileLevel: string;
  importDownload: string;
  importAddedCounted: string;
  importAddedAnnotation: string;
  importNothingAdded: string;
  importMapUnchanged: string;
  importFailed: string;
  importDataUrlRefused: string;
  /** The attribution of a user's file that is not ACLED's. */
  importAttributionUcdp: string;
  importAttributionOther: string;
  /** Accessible name of the control that lists added datasets' attributions. */
  importAttributions: string;
  acledTitle: string;
  acledTerms: string;
  acledAccessed: string;
  acledFilters: string;
  acledFiltersPlaceholder: string;
  acledAdd: string;
  /** "Data: ACLED, accessed {date}" and with the filters. */
  acledAttribution: string;
  acledAttributionFilters: string;
  // the page itself
  /** `<title>` of index.html. */
  pageTitle: string;
  /** `<title>` of embed.html. */
  embedPageTitle: string;
  // ACLED's six event types (src/types.ts EVENT_TYPES), as the legend, popups and filters name them
  typeBattles: string;
  typeExplosions: string;
  typeViolenceCivilians: string;
  typeProtests: string;
  typeRiots: string;
  typeStrategic: string;
  // the bundled datasets' names and attributions (src/data/datasets.ts)
  datasetUcdp: string;
  datasetStories: string;
  attributionUcdp: string;
  // maplibre's own control labels, passed as its `locale` option (maplibreLocale.ts)
  mapZoomIn: string;
  mapZoomOut: string;
  mapResetBearing: string;
  mapToggleAttribution: string;
  mapFeedback: string;
  mapClosePopup: string;
  mapTitle: string;
  mapMarker: string;
  /** A label and its value on one line ("Dataset: UCDP GED"): French puts a narrow no-break space before the colon. */
  labelValue: string;
  /** What failed to load when no file is to blame ("Could not load the map: …"). */
  theMap: string;
  /** The download menu's button (src/ui/downloadMenu.ts). */
  downloadMenu: string;
  downloadIncidentsCsv: string;
  downloadIncidentsGeoJson: string;
  // places: the selected area in the status line and the text summaries (issue 10)
  /** Which of the geodata's area names this catalogue shows: `en` (`name`) or `fr` (`name_fr`). */
  areaNameLanguage: string;
  /** An admin-1 region's name in running text: "Tahoua region". */
  areaRegion: string;
  /** "Tahoua region · 1–31 Mar 2021 · 1 incident · 170 deaths" */
  statusLineArea: string;
  /** "Tahoua region · 1–31 Mar 2021 · UCDP GED: 1 incident · 170 deaths | ACLED: 2 · 9" */
  statusLineAreaMulti: string;
  /** "Tahoua region, 1–31 Mar 2021: 1 incident and 170 deaths (UCDP GED)." */
  embedSummaryArea: string;
  embedSummaryAreaMulti: string;
  downloadMatchCsv: string;
  /** Shown (as a tooltip) on the match-table item while no two counted datasets are matched. */
  downloadMatchUnavailable: string;
  // Matching two datasets (issue 14: src/ui/matchPanel.ts, the legend's key, the popup's side-by-side table)
  /** The match card's summary line. */
  matchTitle: string;
  /** "{a} and {b}": which two datasets are matched. */
  matchDatasets: string;
  matchRunning: string;
  matchFailed: string;
  /** Shown when one of the two datasets is hidden. */
  matchNeedsBoth: string;
  matchPairs: string;
  /** "Only in {name}" */
  matchOnly: string;
  /** "Deaths in the pairs, {name}" */
  matchDeaths: string;
  /** How the figures are counted, under them. */
  matchNote: string;
  matchToggle: string;
  legendMatchTitle: string;
  legendMatched: string;
  /** "Only in {name}" with the key's solid ring */
  legendOnlyA: string;
  /** "Only in {name}" with the key's dashed ring */
  legendOnlyB: string;
  /** The popup's comparison table: "Same event in {name}" */
  popupMatchTitle: string;
  /** "Score {score} · {days} d and {km} km apart" */
  popupMatchFigures: string;
  popupNoMatch: string;
  // Publish: pictures, print SVG and video of the view (src/publish/)
  publishMenu: string;
  publishPictureCurrent: string;
  publishPictureSocial: string;
  publishPictureSquare: string;
  publishPictureStory: string;
  publishPrintSvg1: string;
  publishPrintSvg2: string;
  publishPrintSvg3: string;
  publishVideo: string;
  publishVideoFrom: string;
  publishVideoTo: string;
  publishVideoStep: string;
  publishVideoStepDay: string;
  publishVideoStepWeek: string;
  publishVideoFps: string;
  publishVideoFormat: string;
  publishVideoGif: string;
  publishVideoStart: string;
  publishVideoCancel: string;
  publishVideoProgress: string;
  publishVideoUnsupported: string;
  publishVideoTooLong: string;
  publishWorking: string;
  publishFailed: string;
  publishDone: string;
  publishVideoTitle: string;
  publishVideoSize: string;
  publishVideoClose: string;
  publishVideoHint: string;
  publishVideoDays: string;
}

export const en: Messages = {
  appTitle: 'Sahel Incident Map',
  appSubtitle: 'Security incidents in Niger, Mali and Burkina Faso: UCDP GED events and sourced story events',
  mapLabel: 'Map of incidents in the central Sahel',
  loading: 'Loading the map and incidents…',
  loadFailed: 'Could not load {file}: {reason}',
  faultHttp: 'Could not load {file}: the server answered {reason}. Is the file part of the deployment?',
  faultNetwork: 'Could not load {file}: the request failed ({reason}). Check the connection, then retry.',
  faultHtml: 'Could not load {file}: the server sent a web page instead of the data file, so the file is probably missing from the deployment.',
  faultTimeout: '{file} did not arrive within {seconds} s: the server or the connection is slow or down.',
  faultInvalid: 'Could not read {file}: {reason}.',
  faultWorkerMissing: 'The map cannot start: its worker script {file} is missing (the server answered {reason}).',
  faultWorkerMime: 'The map cannot start: the server sends its worker script {file} as “{type}”; browsers run it only if it is sent as JavaScript (text/javascript).',
  faultWebgl: 'The map cannot start: this browser could not create a WebGL drawing context. Turning on hardware acceleration, or another browser, may help.',
  faultMapTimeout: 'The map did not finish loading within {seconds} s: a map file may be missing or slow to arrive.',
  faultOther: 'The map cannot start: {reason}',
  retry: 'Retry',
  viewSahel: 'Whole region',
  viewNiamey: 'Niamey',
  viewTahoua: 'Tahoua',
  viewBorder: 'Mali & Burkina Faso borders',
  flyTo: 'Fly to',
  play: 'Play',
  pause: 'Pause',
  speed: 'Speed',
  stepBack: 'Back one {unit}',
  stepForward: 'Forward one {unit}',
  stepDay: 'day',
  stepWeek: 'week',
  stepMonth: 'month',
  modeWindow: 'Window',
  modeCumulative: 'Cumulative',
  metricEvents: 'Incidents per week',
  metricDeaths: 'Deaths per week',
  windowStart: 'Start of the time window',
  windowEnd: 'End of the time window',
  timeline: 'Time window',
  statusLine: '{range} · {incidents} · {deaths}',
  statusLineMulti: '{range} · {parts}',
  datasetFigures: '{name}: {incidents} · {deaths}',
  embedSummaryMulti: '{range}: {parts}, in Niger, Mali and Burkina Faso; each dataset counted on its own.',
  listSummaryPlain: 'Incident list',
  incidentsCount: '{n} incidents',
  incidentsCountOne: '1 incident',
  deathsCount: '{n} deaths',
  deathsCountOne: '1 death',
  binTooltip: 'Week of {date}: {incidents}, {deaths}',
  noIncidents: 'No incidents in this window with these filters.',
  listSummary: 'Incident list ({n} counted)',
  listLabel: 'Incidents in the window: arrows move, Enter opens the incident on the map',
  popupLabel: 'Incident details',
  popupLoadingDetails: 'Loading the summary and sources…',
  listSort: 'Sort by',
  listSortDate: 'Date',
  listSortDeaths: 'Deaths',
  listSortPlace: 'Place',
  stepDayShort: 'day',
  stepWeekShort: 'wk',
  stepMonthShort: 'mo',
  stepGroup: 'Move the window',
  speedOption: '{n}×',
  metricEventsShort: 'Incidents',
  metricDeathsShort: 'Deaths',
  brushLabel: 'Time window. Left and right arrows move it by a day, with Shift by a week; Home and End jump to the start and end.',
  sideTools: 'Tools',
  filters: 'Filters',
  eventTypes: 'Event types',
  countries: 'Countries',
  datasets: 'Layers',
  legend: 'Legend',
  legendDeaths: 'Deaths (area)',
  legendNoDeaths: 'No deaths reported',
  legendApproximate: 'Approximate location',
  legendStoryEvent: 'Story event (curated)',
  legendDensityTitle: 'Deaths per square',
  legendDensityNote: 'Too many incidents overlap at this zoom: each square gathers the incidents inside it, coloured by their total deaths. Zoom in to see each incident.',
  legendDensityRange: '{low}–{high}',
  legendDensityAtLeast: '{low} or more',
  mapShowsSquares: 'The map shows squares: too many incidents overlap at this zoom. Zoom in to see each incident.',
  mapShowsMarkers: 'The map shows each incident as a marker.',
  densityCardTitle: 'Square of incidents',
  densityCardHint: 'Click to zoom in.',
  // places (issue 10): the area picker, the area panel and the choropleth
  areaPickerLabel: 'Find a region or border area',
  areaPickerPlaceholder: 'Tillabéri, border belt…',
  areaPickerNoMatch: 'No region or area matches.',
  areaPickerCount: '{count} matches',
  areaGroupFocus: 'Focus areas',
  areaPanelLabel: 'Figures for {name}',
  areaClose: "Close the area's figures",
  areaKindRegion: 'Region',
  areaKindFocus: 'Focus area',
  areaIncidents: 'Incidents',
  areaDeaths: 'Deaths',
  areaDeathsRange: 'Deaths: best estimate; low–high {low}–{high}',
  areaVsPrevious: 'vs previous {days} days',
  areaVsYearEarlier: 'vs a year earlier',
  areaWindowColumn: 'In the window',
  areaFigureColumn: 'Figure',
  areaByType: 'By event type',
  areaWeeklyDeaths: 'Deaths per week, whole dataset',
  areaWeeklyEvents: 'Incidents per week, whole dataset',
  areaSeriesAlt: '{metric}: {first} to {last}; the shaded band is the window shown',
  areaDeadliest: 'Deadliest in the window',
  areaDeadliestNone: 'No deaths recorded in the window.',
  areaDeadliestDeaths: '{deaths} deaths',
  areaCentroidOnly: '{count} of these {total} incidents are placed only at a region or district centroid.',
  areaOutside: 'Outside every region in this window (across a border, in a lake or misplaced), so in no area’s figures: incidents {incidents}, deaths {deaths}.',
  choroplethLabel: 'Shade regions by',
  choroplethOff: 'Nothing',
  choroplethDeaths: 'Deaths',
  choroplethIncidents: 'Incidents',
  choroplethLegendDeaths: 'Deaths in the window per region ({dataset})',
  choroplethLegendIncidents: 'Incidents in the window per region ({dataset})',
  choroplethNone: 'none',
  date: 'Date',
  datePrecision: 'precision: {precision}',
  place: 'Place',
  region: 'Region',
  country: 'Country',
  type: 'Type',
  actors: 'Actors',
  deaths: 'Deaths',
  deathsRange: 'range {low}–{high}',
  summary: 'Summary',
  sources: 'Sources',
  dataset: 'Dataset',
  licence: 'Licence',
  approximateLocation: 'Approximate location: placed at the {precision} centroid, not the exact site.',
  approximateLocationUnknown: 'Approximate location: the exact site is not known.',
  stackedIncidents: '{n} incidents at this point',
  close: 'Close',
  precisionDay: 'exact day',
  precisionWeek: 'within a week',
  precisionMonth: 'within a month',
  precisionYear: 'within a year',
  precisionUnknown: 'unknown',
  locExact: 'exact place',
  locNear: 'near the place',
  locDistrict: 'district',
  locRegion: 'region',
  locCountry: 'country',
  locUnknown: 'unknown',
  attributionStories: 'Story events: curated by Sahel Incident Map, sources in each popup',
  embedOpenFullMap: 'Open the full map',
  embedSource: 'Source: UCDP Georeferenced Event Dataset (CC BY 4.0); story events curated by Sahel Incident Map',
  embedNoWebgl: 'This browser cannot draw the interactive map (it needs WebGL 2), so here is a still image and a summary.',
  embedStillAlt: 'Map of security incidents in Niger, Mali and Burkina Faso, {range} (still image)',
  embedSummary: '{range}: {incidents} and {deaths} in Niger, Mali and Burkina Faso (UCDP GED).',
  gestureWindows: 'Use Ctrl + scroll to zoom the map',
  gestureMac: 'Use ⌘ + scroll to zoom the map',
  gestureMobile: 'Use two fingers to move the map',
  importButton: 'Add data…',
  importButtonShort: 'Data…',
  importButtonTitle: 'Add an ACLED, UCDP GED, story-events or GeoJSON file to the map',
  importDropHint: 'Drop an ACLED, UCDP GED, story-events or GeoJSON file to add it to the map',
  importPanel: 'Data import',
  importReading: 'Reading {file}…',
  importProgress: '{read} of {total} · {rows}',
  importProgressUnknown: '{read} · {rows}',
  importRows: '{n} rows',
  importCancel: 'Cancel',
  importCancelled: 'Import of {file} cancelled. The map is unchanged.',
  importReportTitle: 'Report: {file}',
  importFormat: 'Format',
  importFormatUnknown: 'not recognised',
  importEncoding: 'Encoding',
  importRowsRead: 'Rows read',
  importFeaturesRead: 'Features read',
  importAccepted: 'Accepted',
  importRejected: 'Rejected',
  importWarnings: 'Warnings',
  importDeaths: 'Deaths',
  importDates: 'Dates',
  importCountries: 'By country',
  importFirstErrors: 'Errors: the first {shown} of {total}',
  importFirstWarnings: 'Warnings: the first {shown} of {total}',
  importRow: 'Row {row}',
  importFeature: 'Feature {row}',
  importFileLevel: 'File',
  importDownload: 'Download the full report (CSV)',
  importAddedCounted: 'Added {incidents} as the layer “{name}”, counted in the totals and the histogram.',
  importAddedAnnotation: 'Added {incidents} as the layer “{name}”, drawn as story events (not counted).',
  importNothingAdded: 'No row could be read, so nothing was added.',
  importMapUnchanged: 'The map is unchanged.',
  importFailed: 'Could not read {file}: {reason}',
  importDataUrlRefused: 'Not loading {url}: ?data= loads files from this site only, or from the origins listed in the app’s configuration (src/import/config.ts).',
  importAttributionUcdp: 'Data: UCDP GED (CC BY 4.0), from {file}',
  importAttributionOther: 'Data: {file}, added by you',
  importAttributions: 'Attribution of added data',
  acledTitle: 'ACLED attribution',
  acledTerms: 'ACLED’s terms of use require the date you accessed the data and the filters you used to be shown with it: on the map and in every export.',
  acledAccessed: 'Accessed on',
  acledFilters: 'Filters used',
  acledFiltersPlaceholder: 'e.g. 2021-01-01 to 2021-12-31; Niger',
  acledAdd: 'Add to the map',
  acledAttribution: 'Data: ACLED, accessed {date}',
  acledAttributionFilters: 'Data: ACLED, accessed {date}; filters: {filters}',
  pageTitle: 'Sahel Incident Map',
  embedPageTitle: 'Sahel Incident Map (embed)',
  typeBattles: 'Battles',
  typeExplosions: 'Explosions/Remote violence',
  typeViolenceCivilians: 'Violence against civilians',
  typeProtests: 'Protests',
  typeRiots: 'Riots',
  typeStrategic: 'Strategic developments',
  datasetUcdp: 'UCDP GED',
  datasetStories: 'Story events',
  attributionUcdp: 'UCDP GED 24.1 (CC BY 4.0): Davies et al. 2024; Sundberg and Melander 2013',
  mapZoomIn: 'Zoom in',
  mapZoomOut: 'Zoom out',
  mapResetBearing: 'Drag to rotate map, click to reset north',
  mapToggleAttribution: 'Toggle attribution',
  mapFeedback: 'Map feedback',
  mapClosePopup: 'Close popup',
  mapTitle: 'Map',
  mapMarker: 'Map marker',
  labelValue: '{label}: {value}',
  theMap: 'the map',
  downloadMenu: 'Download',
  downloadIncidentsCsv: 'Incidents in view (CSV)',
  downloadIncidentsGeoJson: 'Incidents in view (GeoJSON)',
  // places (issue 10)
  areaNameLanguage: 'en',
  areaRegion: '{name} region',
  statusLineArea: '{area} · {range} · {incidents} · {deaths}',
  statusLineAreaMulti: '{area} · {range} · {parts}',
  embedSummaryArea: '{area}, {range}: {incidents} and {deaths} ({name}).',
  embedSummaryAreaMulti: '{area}, {range}: {parts}; each dataset counted on its own.',
  downloadMatchCsv: 'Match table (CSV)',
  downloadMatchUnavailable: 'Show two counted datasets to match them first.',
  // Matching two datasets (issue 14)
  matchTitle: 'Matching',
  matchDatasets: '{a} and {b}',
  matchRunning: 'Matching the two datasets…',
  matchFailed: 'Matching failed: {reason}',
  matchNeedsBoth: 'Show both datasets to see their matches.',
  matchPairs: 'Matched pairs',
  matchOnly: 'Only in {name}',
  matchDeaths: 'Deaths in the pairs, {name}',
  matchNote: 'In the window and filters; a pair counts when either event is shown. Figures stay per dataset, never added.',
  matchToggle: 'Show matches on the map',
  legendMatchTitle: 'Matching',
  legendMatched: 'In both (faded)',
  legendOnlyA: 'Only in {name}',
  legendOnlyB: 'Only in {name}',
  popupMatchTitle: 'Same event in {name}',
  popupMatchFigures: 'Score {score} · {days} d and {km} km apart',
  popupNoMatch: 'No match in {name}.',
  // Publish (src/publish/)
  publishMenu: 'Download picture',
  publishPictureCurrent: 'Picture, this size at 2× (PNG)',
  publishPictureSocial: 'Social card, 1200 × 630 (PNG)',
  publishPictureSquare: 'Square, 1080 × 1080 (PNG)',
  publishPictureStory: 'Story, 1080 × 1920 (PNG)',
  publishPrintSvg1: 'Print, one column (SVG)',
  publishPrintSvg2: 'Print, two columns (SVG)',
  publishPrintSvg3: 'Print, three columns (SVG)',
  publishVideo: 'Video of a time range…',
  publishVideoFrom: 'From',
  publishVideoTo: 'To',
  publishVideoStep: 'Step',
  publishVideoStepDay: '1 day',
  publishVideoStepWeek: '1 week',
  publishVideoFps: 'Frames per second',
  publishVideoFormat: 'Format',
  publishVideoGif: 'Animated GIF (short clips)',
  publishVideoStart: 'Record video',
  publishVideoCancel: 'Cancel',
  publishVideoProgress: 'Frame {n} of {total}',
  publishVideoUnsupported: 'This browser cannot encode video (no WebCodecs): choose the animated GIF.',
  publishVideoTooLong: 'An animated GIF is limited to {max} frames: shorten the range or take a longer step.',
  publishWorking: 'Preparing the file…',
  publishFailed: 'The file could not be made: {reason}',
  publishDone: 'Downloaded {name}',
  publishVideoTitle: 'Video of a time range',
  publishVideoSize: 'Size',
  publishVideoClose: 'Close',
  publishVideoHint: 'The window keeps its length ({days}) and moves by the step; each step is one frame.',
  publishVideoDays: '{n} days',
};

/** Fills `{name}` placeholders. Unknown placeholders are left as they are, so a gap is visible. */
export function t(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
