/**
 * Values crossing the sheet boundary. Dates: the spreadsheet's zone, now as a wall-clock date,
 * and the conversion of every Date read or written (src/core/wallClock.ts); date cells hold
 * midnight in the spreadsheet's zone, which an add-on cannot assume to be the script's.
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getspreadsheettimezone
 * Text: typed input marked with an apostrophe (toSheetCell) is written bare into plain-text cells.
 */
import {
  cellsToInstants,
  cellsToWallClock,
  holdsDate,
  instantOf,
  wallClockOf,
} from '../core/wallClock';

/** The spreadsheet's time zone (custom functions may call get-methods of SpreadsheetApp). */
export function spreadsheetTimeZone(): string {
  return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
}

/** Now, as the spreadsheet's clock reads it. */
export function spreadsheetNow(): Date {
  return wallClockOf(new Date(), spreadsheetTimeZone());
}

/** A range's values with dates as wall-clock readings; the zone is asked only when a date is there. */
export function readValues(range: GoogleAppsScript.Spreadsheet.Range): unknown[][] {
  return inSpreadsheetTime(range.getValues());
}

/** One cell's value, a date as its wall-clock reading. */
export function readValue(range: GoogleAppsScript.Spreadsheet.Range): unknown {
  const value: unknown = range.getValue();
  return value instanceof Date ? wallClockOf(value, spreadsheetTimeZone()) : value;
}

/** Dates among values Sheets handed over (a range's, a custom function's) as wall-clock readings. */
export function inSpreadsheetTime(values: unknown[][]): unknown[][] {
  return holdsDate(values) ? cellsToWallClock(values, spreadsheetTimeZone()) : values;
}

/**
 * Writes rows (typed input, as toSheetCell makes it) with one setValues: each wall-clock date as
 * the instant Sheets keeps, and apostrophe-marked text bare into plain-text (@) cells, which keep
 * what is typed, apostrophe included. The number formats are read only when text is marked.
 */
export function writeValues(
  range: GoogleAppsScript.Spreadsheet.Range,
  rows: readonly (readonly unknown[])[],
): GoogleAppsScript.Spreadsheet.Range {
  let cells = holdsDate(rows) ? cellsToInstants(rows, spreadsheetTimeZone()) : rows;
  if (cells.some((row) => row.some(isMarkedText))) {
    const formats = range.getNumberFormats();
    cells = cells.map((row, r) =>
      row.map((cell, c) =>
        isMarkedText(cell) && formats[r]?.[c] === PLAIN_TEXT ? cell.slice(1) : cell,
      ),
    );
  }
  return range.setValues(cells as unknown[][]);
}

/** The number format that makes Sheets keep what is typed as text. https://support.google.com/docs/answer/56470 */
export const PLAIN_TEXT = '@';

function isMarkedText(cell: unknown): cell is string {
  return typeof cell === 'string' && cell.startsWith("'");
}

/** Writes one date cell: the wall-clock date as the instant Sheets keeps. */
export function writeDate(
  range: GoogleAppsScript.Spreadsheet.Range,
  date: Date,
): GoogleAppsScript.Spreadsheet.Range {
  return range.setValue(instantOf(date, spreadsheetTimeZone()));
}

/**
 * Custom-function arguments with their dates as wall-clock readings: Sheets passes a date cell
 * as the instant of its midnight in the spreadsheet's zone. The zone is asked once, and only
 * when an argument holds a date.
 */
export function argumentsInSpreadsheetTime<T extends unknown[]>(...args: T): T {
  let timeZone: string | undefined;
  const convert = (cell: unknown): unknown =>
    cell instanceof Date ? wallClockOf(cell, (timeZone ??= spreadsheetTimeZone())) : cell;
  return args.map((arg) =>
    Array.isArray(arg)
      ? arg.map((row: unknown) => (Array.isArray(row) ? row.map(convert) : convert(row)))
      : convert(arg),
  ) as T;
}
