/**
 * `npm start -- --import FILE`: a team's own spreadsheet, downloaded from Google Sheets or Excel as
 * .xlsx (every tab) or .csv (one tab), opened in the preview as the spreadsheet the add-on is
 * installed in, so a team can rehearse Import OKRs… on its real data without a Google account.
 * The files are parsed by read-excel-file and csv-parse; nothing here reads their formats by hand.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import type { Emulator } from '../emulator/index.js';
import type { SheetModel } from '../emulator/model.js';
import type { CellValue } from '../emulator/values.js';
import { wallClockInstant } from '../emulator/timezone.js';

/** One tab of the file: its name and its cells, row by row, as the file holds them. */
export interface SpreadsheetFileTab {
  name: string;
  rows: CellValue[][];
  /** True for text from a .csv, which Sheets reads as if typed (numbers, dates, percentages). */
  typedAsText: boolean;
}

const SUPPORTED = '.xlsx (Excel, or Google Sheets: File > Download > Microsoft Excel) or .csv';

/** Reads every tab of an .xlsx file, or the one tab of a .csv file. */
export async function readSpreadsheetFile(path: string): Promise<SpreadsheetFileTab[]> {
  const extension = extname(path).toLowerCase();
  let content: Buffer;
  try {
    content = await readFile(path);
  } catch (error) {
    throw new Error(`--import could not read ${path}: ${(error as Error).message}`);
  }
  if (extension === '.csv')
    return [csvTab(basename(path, extname(path)), content.toString('utf8'))];
  if (extension !== '.xlsx') throw new Error(`--import takes ${SUPPORTED}; ${path} is neither.`);
  try {
    const tabs = await readXlsxFile(content, { trim: false });
    return tabs.map((tab) => ({
      name: tab.sheet,
      rows: tab.data.map((row) => row.map(xlsxCell)),
      typedAsText: false,
    }));
  } catch (error) {
    throw new Error(
      `--import could not read ${path} as an .xlsx workbook (${(error as Error).message}). Save it again as ${SUPPORTED}.`,
    );
  }
}

function csvTab(name: string, text: string): SpreadsheetFileTab {
  const rows = parseCsv(text, { bom: true, relax_column_count: true, skip_empty_lines: false });
  return { name, rows: rows as string[][], typedAsText: true };
}

/**
 * read-excel-file gives a date cell as the Date whose UTC fields are the wall clock the cell shows
 * (an .xlsx date is a serial day with no zone); empty cells come as null.
 */
function xlsxCell(cell: unknown): CellValue {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell;
  if (typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean')
    return cell;
  return String(cell);
}

/**
 * Replaces the open spreadsheet's tabs with the file's. Text from a .csv goes through setValues,
 * which reads it as typed input as Sheets does when it opens a .csv; an .xlsx keeps its cell types,
 * its dates becoming midnight (or the time shown) in the spreadsheet's time zone.
 */
export function openSpreadsheetFile(emulator: Emulator, tabs: SpreadsheetFileTab[]): void {
  if (tabs.length === 0) throw new Error('--import found no tabs in the file.');
  const book = emulator.workbook;
  emulator.uncounted(() => {
    const blank = [...book.sheets];
    for (const tab of tabs) {
      const width = Math.max(1, ...tab.rows.map((row) => row.length));
      const sheet = book.addSheet(
        tab.name,
        undefined,
        Math.max(1000, tab.rows.length + 100),
        Math.max(26, width),
      );
      if (tab.rows.length === 0) continue;
      const grid = tab.rows.map((row) =>
        Array.from({ length: width }, (_, column) => row[column] ?? ''),
      );
      if (tab.typedAsText)
        emulator.spreadsheet
          .getSheetByName(sheet.name)!
          .getRange(1, 1, grid.length, width)
          .setValues(grid as string[][]);
      else writeCells(sheet, grid, book.timeZone);
    }
    book.touch();
    for (const sheet of blank) book.removeSheet(sheet);
    book.activeSheetId = book.sheets[0]!.id;
  });
}

/** Cells of an .xlsx keep their types: text that looks like a number stays text, as in the file. */
function writeCells(sheet: SheetModel, grid: CellValue[][], timeZone: string): void {
  grid.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === '') return;
      const cell = sheet.cellForWrite(r + 1, c + 1);
      if (!(value instanceof Date)) {
        cell.value = value;
        return;
      }
      const wallClock = value.getTime();
      cell.value = new Date(wallClockInstant(wallClock, timeZone));
      cell.numberFormat = wallClock % 86_400_000 === 0 ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm';
    }),
  );
}
