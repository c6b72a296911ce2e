/**
 * Score colours (SPEC §1), shared by the set-up columns and the Dashboard so the two never drift:
 * ≥0.7 green, 0.4–0.69 yellow, <0.4 red; blank cells stay plain. Scores show two decimals
 * (SCORE_FORMAT) and the bands go by the score as shown: 0.695 shows as 0.70 and is green, so a
 * number and its colour always agree (a percentage such as 70% rounds at the same place).
 */

/** How every score cell shows: two decimals, the precision the band edges (0.69 / 0.7) are written in. */
export const SCORE_FORMAT = '0.00';
/** The lowest scores shown as 0.70 and 0.40 with two decimals. */
export const GREEN_FROM = 0.695;
export const YELLOW_FROM = 0.395;

export interface ScoreBand {
  /** A custom conditional-format formula for the cell at `cell` (the range's top-left, A1). */
  condition: (cell: string) => string;
  background: string;
}

export const SCORE_BANDS: readonly ScoreBand[] = [
  {
    condition: (cell) => `=AND(ISNUMBER(${cell}), ${cell}>=${GREEN_FROM})`,
    background: '#b7e1cd',
  },
  {
    condition: (cell) => `=AND(ISNUMBER(${cell}), ${cell}>=${YELLOW_FROM}, ${cell}<${GREEN_FROM})`,
    background: '#fce8b2',
  },
  { condition: (cell) => `=AND(ISNUMBER(${cell}), ${cell}<${YELLOW_FROM})`, background: '#f4c7c3' },
];

/** The same colours for the Status words (SPEC §3 OKRSTATUS). */
export const STATUS_COLOURS: readonly { status: string; background: string }[] = [
  { status: 'Done', background: '#b7e1cd' },
  { status: 'On track', background: '#b7e1cd' },
  { status: 'At risk', background: '#fce8b2' },
  { status: 'Off track', background: '#f4c7c3' },
];
