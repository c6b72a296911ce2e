/**
 * Score colours (SPEC §1), shared by the set-up columns and the Dashboard so the two never drift:
 * ≥0.7 green, 0.4–0.69 yellow, <0.4 red; blank cells stay plain.
 */

export interface ScoreBand {
  /** A custom conditional-format formula for the cell at `cell` (the range's top-left, A1). */
  condition: (cell: string) => string;
  background: string;
}

export const SCORE_BANDS: readonly ScoreBand[] = [
  { condition: (cell) => `=AND(ISNUMBER(${cell}), ${cell}>=0.7)`, background: '#b7e1cd' },
  {
    condition: (cell) => `=AND(ISNUMBER(${cell}), ${cell}>=0.4, ${cell}<0.7)`,
    background: '#fce8b2',
  },
  { condition: (cell) => `=AND(ISNUMBER(${cell}), ${cell}<0.4)`, background: '#f4c7c3' },
];

/** The same colours for the Status words (SPEC §3 OKRSTATUS). */
export const STATUS_COLOURS: readonly { status: string; background: string }[] = [
  { status: 'Done', background: '#b7e1cd' },
  { status: 'On track', background: '#b7e1cd' },
  { status: 'At risk', background: '#fce8b2' },
  { status: 'Off track', background: '#f4c7c3' },
];
