/**
 * Print widths for a broadsheet page of six 50 mm columns with 4 mm gutters: one column is
 * 50 mm, two are 104 mm (2 × 50 + 4), three 158 mm (3 × 50 + 2 × 4). docs/publish.md states them.
 */
export const PRINT_COLUMNS = { 1: 50, 2: 104, 3: 158 } as const;
export type PrintColumns = keyof typeof PRINT_COLUMNS;

/** Millimetres per PostScript point: the SVG's user unit is the point, as type is set in points. */
export const MM_PER_PT = 25.4 / 72;
