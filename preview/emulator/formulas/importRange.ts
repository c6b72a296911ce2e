/**
 * IMPORTRANGE(spreadsheet_url, range_string) over the emulator's Drive
 * (https://support.google.com/docs/answer/3093340): the URL or key names a spreadsheet; the
 * importing spreadsheet must first be connected to it ("Allow access", DriveModel.allowImport),
 * and until then the cell is #REF! with the message Sheets shows, "You need to connect these
 * sheets." Without a sheet name the first sheet is read; whole columns (A:Z) stop at the source's
 * last row with content, so a team's sheet of 1,000 mostly empty rows ships only its rows.
 * A date crosses as the day it is: Sheets keeps a date as a serial number of days since
 * 1899-12-30 (https://developers.google.com/sheets/api/guides/formats#about_date_time_values),
 * which IMPORTRANGE copies as a value, so a team's spreadsheet in Kiritimati due on 20 February is
 * due on 20 February in a company spreadsheet in New York too. The emulator keeps a date cell as
 * the instant its day starts in its spreadsheet's zone, so it moves that midnight to the
 * importing spreadsheet's zone.
 */
import FormulaParser from 'fast-formula-parser';
import { parseA1, resolveA1 } from '../a1.js';
import { spreadsheetIdFromUrl, type DriveModel } from '../drive.js';
import { sameWallClock } from '../timezone.js';
import type { CellValue } from '../values.js';

const { FormulaError } = FormulaParser;

/** The imported cells, or a thrown #REF! FormulaError whose message says why not. */
export type ImportRange = (
  spreadsheetUrl: unknown,
  rangeString: unknown,
  destinationId: string | undefined,
) => CellValue[][];

export const NOT_CONNECTED = 'You need to connect these sheets.';
export const NO_PERMISSION = "You don't have permissions to access that sheet.";

function refError(message: string): never {
  throw new FormulaError('#REF!', message);
}

/** Keys are the id part of a Sheets URL: letters, digits, - and _. */
function spreadsheetKey(text: string): string | null {
  return spreadsheetIdFromUrl(text) ?? (/^[A-Za-z0-9_-]+$/.test(text) ? text : null);
}

/** `viewer`: who looks at the importing spreadsheet (their access decides the message before connecting). */
export function importRangeOn(drive: DriveModel, viewer: () => string): ImportRange {
  return (spreadsheetUrl, rangeString, destinationId) => {
    const urlText = typeof spreadsheetUrl === 'string' ? spreadsheetUrl.trim() : '';
    const key = spreadsheetKey(urlText);
    if (key === null) return refError(`Invalid spreadsheet URL or key: "${urlText}".`);
    const source = drive.file(key);
    if (!source?.workbook || source.trashed) return refError(NO_PERMISSION);
    const openable = drive.openableBy(key, viewer()) !== undefined;
    if (destinationId === undefined || !drive.isConnected(destinationId, key))
      return refError(openable ? NOT_CONNECTED : NO_PERMISSION);
    const workbook = source.workbook;
    const text = typeof rangeString === 'string' ? rangeString.trim() : '';
    let reference;
    try {
      reference = parseA1(text);
    } catch {
      return refError(`Unable to parse range: ${text}`);
    }
    const sheet =
      reference.sheetName === null ? workbook.sheets[0] : workbook.sheetByName(reference.sheetName);
    if (!sheet) return refError(`Unable to parse range: ${text}`);
    const grid = resolveA1(reference, sheet.maxRows, sheet.maxColumns);
    const lastColumn = Math.min(grid.column + grid.numColumns - 1, sheet.maxColumns);
    const openEnded = reference.endRow === null;
    const lastRow = openEnded
      ? Math.min(workbook.lastRow(sheet), sheet.maxRows)
      : Math.min(grid.row + grid.numRows - 1, sheet.maxRows);
    const destinationZone = drive.file(destinationId)?.workbook?.timeZone ?? workbook.timeZone;
    const sameDay = (value: CellValue): CellValue =>
      value instanceof Date
        ? new Date(sameWallClock(value.getTime(), workbook.timeZone, destinationZone))
        : value;
    const values: CellValue[][] = [];
    for (let row = grid.row; row <= Math.max(lastRow, grid.row); row++) {
      const cells: CellValue[] = [];
      for (let column = grid.column; column <= lastColumn; column++)
        cells.push(sameDay(workbook.readValue(sheet, row, column)));
      values.push(cells);
    }
    if (destinationId !== undefined)
      drive.recordImport(destinationId, workbook, values.length * (values[0]?.length ?? 0));
    return values;
  };
}
