/**
 * English month and weekday names, indexed as ZonedParts counts them: shared by the cell display
 * formats and Utilities.formatDate, which spell dates in the same words.
 */

/** January first: index with `month - 1`. */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Sunday first, as ZonedParts.weekday (0 = Sunday). */
export const WEEKDAY_NAMES: readonly string[] = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];
