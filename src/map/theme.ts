/**
 * The basemap's colours by role, as protomaps' `Flavor`: buildStyle (style.ts) reads only these
 * names, so a flavour with a missing key does not compile, and the legend or popups can take the
 * same colours (e.g. `labelText`) instead of repeating hex codes. Lowercase `#rrggbb` only:
 * opacities live in the style, so a colour means the same thing wherever it is used.
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
};
