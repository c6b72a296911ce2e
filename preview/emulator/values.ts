/**
 * Cell values as the emulator stores them, and how values coming from a script are read.
 */

/** What a cell holds: Sheets has numbers, text, booleans and dates; '' is an empty cell. */
export type CellValue = string | number | boolean | Date;

/** True for Date objects of any realm (the bundle's vm context has its own Date). */
export function isDateLike(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A copy of a cell value owned by the emulator (host-realm Date, never shared with a script). */
export function ownValue(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (isDateLike(value)) return new Date(value.getTime());
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string')
    return value;
  return String(value);
}

/** Plain-text number format: values written to such cells are kept as typed, never parsed. */
export const PLAIN_TEXT_FORMAT = '@';

/** What a string written with setValue/setValues becomes, as if a user had typed it. */
export type ParsedEntry = { value: CellValue } | { formula: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^[+-]?(\d+\.?\d*|\.\d+)%$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Strings written by a script are read like typed input (USER_ENTERED): a leading = makes a
 * formula, numbers, percents, TRUE/FALSE and ISO dates are converted, a leading apostrophe forces
 * text, and + or - before non-numeric text starts a formula. Plain-text cells (format '@') keep
 * the string as it is.
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluevalue
 * https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption (USER_ENTERED: parsed as if typed in the UI)
 * https://support.google.com/docs/answer/56470 (number format "Plain text" keeps entries as text)
 */
export function parseEntry(
  input: unknown,
  numberFormat: string,
  localDate: (year: number, month: number, day: number) => Date,
): ParsedEntry {
  const value = ownValue(input);
  if (typeof value !== 'string' || numberFormat === PLAIN_TEXT_FORMAT) return { value };
  if (value.startsWith("'")) return { value: value.slice(1) };
  if (value.startsWith('=') && value.length > 1) return { formula: value };
  const trimmed = value.trim();
  if (NUMBER.test(trimmed)) return { value: Number(trimmed) };
  if (PERCENT.test(trimmed)) return { value: Number(trimmed.slice(0, -1)) / 100 };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  const iso = ISO_DATE.exec(trimmed);
  if (iso) return { value: localDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) };
  if ((value.startsWith('+') || value.startsWith('-')) && value.length > 1)
    return { formula: `=${value}` };
  return { value };
}
