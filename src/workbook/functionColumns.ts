/**
 * The table columns each custom function reads. The functions find them by header, so a range
 * holding only these columns gives the same results as the whole table; the formulas the add-on
 * writes pass exactly these (formulaColumns.ts), so Sheets sends a function no cell it ignores.
 */

/**
 * The Key Results columns a score reads; problems elsewhere (an Owner that is not an email) do not
 * stop it. The Key Result title is read because a row without one is left out of the score.
 */
export const SCORE_COLUMNS = [
  'id',
  'objectiveId',
  'title',
  'type',
  'start',
  'target',
  'current',
  'weight',
] as const;
export type ScoreColumn = (typeof SCORE_COLUMNS)[number];

/** OKRBALANCE and OKRPLANNED also read the dates of the plan (the cycle's dates where a row has none). */
export const BALANCE_COLUMNS: readonly string[] = [...SCORE_COLUMNS, 'startDate', 'dueDate'];

/** OKRFORECAST of key results: the type, the scale and the dates the line is fitted and projected on. */
export const FORECAST_KEY_RESULT_COLUMNS: readonly string[] = [
  'id',
  'type',
  'start',
  'target',
  'startDate',
  'dueDate',
];

/** OKRFORECAST of objectives also groups key results by objective and weights them. */
export const OBJECTIVE_FORECAST_COLUMNS: readonly string[] = [
  ...FORECAST_KEY_RESULT_COLUMNS,
  'objectiveId',
  'weight',
];

/** The Check-ins columns OKRFORECAST reads: which key result, when, and the value measured. */
export const FORECAST_CHECK_IN_COLUMNS = ['timestamp', 'keyResultId', 'value'] as const;
