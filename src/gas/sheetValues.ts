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
import { PLAIN_TEXT_FORMAT as PLAIN_TEXT } from '../workbook/schema';
import { contiguousRuns } from '../workbook/sheetRows';

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

/** What a write knows about the number formats of its cells. */
export interface TextFormats {
  /**
   * 0-based columns of the range that hold text: formatted as plain text (@) with the write (one
   * setNumberFormat per run of neighbours), so Sheets keeps their text as typed, bare.
   */
  plainTextColumns?: readonly number[];
  /** The cells have the default format (a sheet the add-on just made): nothing to read. */
  defaultFormats?: boolean;
}

/**
 * Writes rows (typed input, as toSheetCell makes it) with one setValues: each wall-clock date as
 * the instant Sheets keeps, and apostrophe-marked text bare into plain-text (@) cells, which keep
 * what is typed, apostrophe included. Columns listed as plain text are formatted so first; the
 * other cells' formats are read only when marked text goes into them and they are not known.
 */
export function writeValues(
  range: GoogleAppsScript.Spreadsheet.Range,
  rows: readonly (readonly unknown[])[],
  formats: TextFormats = {},
): GoogleAppsScript.Spreadsheet.Range {
  let cells = holdsDate(rows) ? cellsToInstants(rows, spreadsheetTimeZone()) : rows;
  const plainText = new Set(formats.plainTextColumns ?? []);
  for (const run of contiguousRuns([...plainText]))
    range.offset(0, run[0]!, rows.length, run.length).setNumberFormat(PLAIN_TEXT);
  const unknownFormat = (column: number) => !plainText.has(column) && !formats.defaultFormats;
  const read = cells.some((row) => row.some((cell, c) => isMarkedText(cell) && unknownFormat(c)))
    ? range.getNumberFormats()
    : [];
  const isPlainText = (r: number, c: number) => plainText.has(c) || read[r]?.[c] === PLAIN_TEXT;
  if (plainText.size > 0 || read.length > 0)
    cells = cells.map((row, r) =>
      row.map((cell, c) => (isMarkedText(cell) && isPlainText(r, c) ? cell.slice(1) : cell)),
    );
  return range.setValues(cells as unknown[][]);
}

/** Writes text cells so Sheets keeps them as written: plain-text format, then the text bare. */
export function writeText(
  range: GoogleAppsScript.Spreadsheet.Range,
  rows: readonly (readonly string[])[],
): GoogleAppsScript.Spreadsheet.Range {
  return range.setNumberFormat(PLAIN_TEXT).setValues(rows as string[][]);
}

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
