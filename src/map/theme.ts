/**
 * The basemap's colours by role, as protomaps' `Flavor`: buildStyle (style.ts) reads only these
 * names, so a flavour with a missing key does not compile, and the legend or popups can take the
 * same colours (e.g. `labelText`) instead of repeating hex codes. The markers' neutral colours
 * (markerStyle.ts) and the page chrome (CSS custom properties, themeProperties.ts) come from here
 * too. Lowercase `#rrggbb` only: opacities live in the style, so a colour means the same thing
 * wherever it is used.
 */
export interface Theme {
  /** Canvas behind everything: outside the data's clip box and the sea in the south-west corner. */
  background: string;
  /** Niger, Mali and Burkina Faso (`focus: true`): the lightest land, where the markers sit. */
  focusLand: string;
  /** The clipped neighbours: darker than the focus countries, so those stand out. */
  neighbourLand: string;
  /** Lakes and reservoirs. */
  water: string;
  /** River centre lines. */
  river: string;
  /** Borders between two neighbours. */
  countryBorder: string;
  /** Borders that touch Niger, Mali or Burkina Faso. */
  focusCountryBorder: string;
  /** Dashed lines between regions (admin-1) of one country. */
  admin1Border: string;
  /** Names of the focus countries, capitals and towns. */
  labelText: string;
  /** Names of neighbours and regions: present but quieter. */
  labelTextMuted: string;
  /** River and lake names (italic). */
  waterLabel: string;
  /** Halo around every label, so names stay legible over markers and borders. */
  labelHalo: string;
  /** Town dots (the fill; the outline is `placeDotStroke`). Hollow-looking, unlike the filled incident markers. */
  placeDot: string;
  placeDotStroke: string;
  /** Outline of the selected focus area. */
  focusAreaLine: string;
  /** Tint of the selected focus area (drawn translucent). */
  focusAreaFill: string;
  /** Rim of an incident marker at an exact place (the fill is the type colour). */
  markerRim: string;
  /** Fill of the zero-death marker (its rim is the type colour). */
  markerNoDeathsFill: string;
  /** Ring around the selected incident: it must stand out from the land. */
  selectionRing: string;
  /** Body text of the page chrome, the legend and the panels (CSS `--ink`). */
  ink: string;
  /** Secondary text: subtitles, the legend's headings, notes (CSS `--muted`). */
  inkMuted: string;
  /** Hairlines between panels (CSS `--line`). */
  line: string;
  /** Page, header, timeline and the panels over the map (legend, controls): CSS `--panel`. */
  panel: string;
  /** Raised surfaces over the map: popups and the focus-area buttons (CSS `--raised`). */
  raised: string;
  /** Links, pressed buttons and focus rings (CSS `--accent`). */
  accent: string;
  /** Text on an `accent` background (CSS `--on-accent`). */
  onAccent: string;
  /** Behind the loading message, over the map (CSS `--backdrop`). */
  backdrop: string;
  /** Timeline (src/timeline/timeline.css): tick labels and secondary text. */
  timelineMuted: string;
  /** Timeline: the faintest marks (minor ticks). */
  timelineFaint: string;
  /** Timeline: axis and control borders. */
  timelineLine: string;
  /** Timeline: histogram bars outside the window. */
  timelineBar: string;
  /** Timeline: histogram bars inside the window. */
  timelineBarIn: string;
  /** Timeline: button faces. */
  timelineControl: string;
  /** Timeline: the brush and focus ring. */
  timelineFocus: string;
  /** Error text (a file that failed, a rejected row), at AA contrast on `panel` and `errorBackground`. */
  error: string;
  /** Behind a start-up error message. */
  errorBackground: string;
}

/** The default: warm light land for the three countries, grey neighbours, blue water. */
export const LIGHT: Theme = {
  background: '#dcdad5',
  focusLand: '#fbf8f1',
  neighbourLand: '#e4e1db',
  water: '#a9cbe0',
  river: '#86b4d3',
  countryBorder: '#a29c93',
  focusCountryBorder: '#5f5850',
  admin1Border: '#a8a096',
  labelText: '#2e2a26',
  labelTextMuted: '#7a736b',
  waterLabel: '#3f7aa3',
  labelHalo: '#ffffff',
  placeDot: '#ffffff',
  placeDotStroke: '#4a443e',
  focusAreaLine: '#7a3fa0',
  focusAreaFill: '#b58ad0',
  markerRim: '#ffffff',
  markerNoDeathsFill: '#ffffff',
  selectionRing: '#1a1a1a',
  ink: '#1d1d1f',
  inkMuted: '#5b5b60',
  line: '#d6d6d9',
  panel: '#ffffff',
  raised: '#ffffff',
  accent: '#1f4e79',
  onAccent: '#ffffff',
  backdrop: '#f0f2f4',
  timelineMuted: '#6b6b6b',
  timelineFaint: '#767676',
  timelineLine: '#d4d4d4',
  timelineBar: '#cfcfcf',
  timelineBarIn: '#3a3a3a',
  timelineControl: '#f3f3f3',
  timelineFocus: '#1f6fd1',
  error: '#a1260d',
  errorBackground: '#fff5f5',
};

/** For embeds with `dark=true`: same roles, dark land and light text. */
export const DARK: Theme = {
  background: '#121416',
  focusLand: '#2e3033',
  neighbourLand: '#1d1f21',
  water: '#1f3a4d',
  river: '#2f5a78',
  countryBorder: '#4b4f54',
  focusCountryBorder: '#a7a29b',
  admin1Border: '#5f6368',
  labelText: '#ece8e2',
  labelTextMuted: '#9a958f',
  waterLabel: '#7fb0d6',
  labelHalo: '#111314',
  placeDot: '#2e3033',
  placeDotStroke: '#d9d4cd',
  focusAreaLine: '#d2a6ee',
  focusAreaFill: '#9a6cc0',
  markerRim: '#ffffff',
  markerNoDeathsFill: '#ffffff',
  selectionRing: '#f4f1ec',
  ink: '#ece8e2',
  inkMuted: '#aaa49c',
  line: '#3a3d41',
  panel: '#17191b',
  raised: '#1f2124',
  accent: '#9cc3f0',
  onAccent: '#111111',
  backdrop: '#17191b',
  timelineMuted: '#aaa49c',
  timelineFaint: '#8f8981',
  timelineLine: '#3a3d41',
  timelineBar: '#45484c',
  timelineBarIn: '#d9d4cd',
  timelineControl: '#26292c',
  timelineFocus: '#9cc3f0',
  error: '#ff9b85',
  errorBackground: '#2a1714',
};
