/**
 * The Reminder Log sheet on Apps Script: read (the periods a plan needs) and checked before any
 * email goes out, claims
 * appended in one batch, and each email's row updated in place as it is sent. A sheet named
 * Reminder Log that is not the add-on's log (another header) is never written into.
 */
import { OkrInputError } from '../core/errors';
import type { LogDraft, ReminderLogEntry } from '../core/reminders';
import { findColumns } from '../workbook/headers';
import {
  REMINDER_LOG,
  REMINDER_LOG_HEADER,
  hasReminderLogHeader,
  parseReminderLog,
  periodKeyOf,
  reminderLogRecords,
} from '../workbook/reminderLog';
import { readHeaderRow, writeRecordsAt } from './tables';
import { readValues, writeText } from './sheetValues';

export interface ReminderLogSheet {
  /** Null until the first run that logs something creates the sheet. */
  sheet: GoogleAppsScript.Spreadsheet.Sheet | null;
  /** The header row; empty when the sheet is blank (the first run writes it). */
  header: unknown[];
  /** The last row holding anything (0 when the sheet is blank): new rows go below it. */
  lastRow: number;
  /** The rows of the periods asked for, with their sheet rows. */
  entries: ReminderLogEntry[];
}

/** Where a run's rows go: the period's first instant and the run's time. */
export interface LogStamp {
  time: Date;
  periodStart: Date;
}

/**
 * The log's rows of `periods` (logPeriodsRead): the header, the whole Period column, then the
 * rows from the first to the last row of those periods, so the read grows with the log by one
 * column only. Row order is not trusted: a log a person sorted is read right, only wider. Throws,
 * before anything is written or sent, when a sheet of that name exists but is not the log.
 */
export function readReminderLogSheet(
  timeZone: string,
  periods: ReadonlySet<string>,
): ReminderLogSheet {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(REMINDER_LOG.sheetName);
  if (!sheet) return { sheet: null, header: [], lastRow: 0, entries: [] };
  const lastRow = sheet.getLastRow();
  const header = lastRow < 1 ? [] : readHeaderRow(sheet);
  if (!hasReminderLogHeader([header])) {
    if (isBlankSheet(sheet, lastRow)) return { sheet, header: [], lastRow: 0, entries: [] };
    const missing = findColumns(REMINDER_LOG, header).missing.join(', ');
    throw new OkrInputError(
      `No reminders were sent: the "${REMINDER_LOG.sheetName}" sheet is not OKR Cadence's log (row 1 lacks ${missing}). ` +
        `Rename that sheet so OKR Cadence can create its own, or put back the header ${REMINDER_LOG_HEADER.join(', ')}.`,
    );
  }
  if (lastRow < 2) return { sheet, header, lastRow, entries: [] };
  const periodColumn = findColumns(REMINDER_LOG, header).columns.period!;
  const periodCells = readValues(sheet.getRange(2, periodColumn + 1, lastRow - 1, 1));
  const wanted = periodCells.flatMap((cells, index) =>
    periods.has(periodKeyOf(cells[0], timeZone)) ? [index + 2] : [],
  );
  if (wanted.length === 0) return { sheet, header, lastRow, entries: [] };
  const first = wanted[0]!;
  const span = readValues(
    sheet.getRange(first, 1, wanted[wanted.length - 1]! - first + 1, header.length),
  );
  // Parsed as a log whose first data row is `first`, so each entry keeps its sheet row.
  const entries = parseReminderLog([header, ...span], timeZone)
    .map((entry) => ({ ...entry, row: entry.row + first - 2 }))
    .filter((entry) => periods.has(entry.period));
  return { sheet, header, lastRow, entries };
}

/** A sheet with nothing in it but blanks: the first run makes it the log. */
function isBlankSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, lastRow: number): boolean {
  if (lastRow < 1) return true;
  return readValues(sheet.getDataRange()).every((row) =>
    row.every((cell) => String(cell ?? '').trim() === ''),
  );
}

export interface AppendedRows {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** The sheet row of the first appended row. */
  firstRow: number;
  /** The 0-based Outcome column. */
  outcomeColumn: number;
}

/**
 * Appends rows below the log (creating the sheet, or its header on a blank one, the first time)
 * in one setValues. Call under the document lock with the log just read, so no other run
 * appends in between.
 */
export function appendLogRows(
  log: ReminderLogSheet,
  drafts: readonly LogDraft[],
  stamp: LogStamp,
): AppendedRows {
  const sheet =
    log.sheet ?? SpreadsheetApp.getActiveSpreadsheet().insertSheet(REMINDER_LOG.sheetName);
  let { header, lastRow } = log;
  if (header.length === 0) {
    header = [...REMINDER_LOG_HEADER];
    lastRow = 1;
    sheet.getRange(1, 1, 1, header.length).setValues([header]);
    sheet.getRange(1, 1, 1, header.length).setFontWeight('bold');
    sheet.setFrozenRows(1);
  }
  const records = reminderLogRecords(drafts, stamp.time, stamp.periodStart);
  writeRecordsAt(REMINDER_LOG, sheet, header, lastRow + 1, records);
  return {
    sheet,
    firstRow: lastRow + 1,
    outcomeColumn: findColumns(REMINDER_LOG, header).columns.outcome!,
  };
}

/** Rewrites the Outcome cell of single rows (expired claims), one call each; they are rare. */
export function rewriteOutcomes(
  log: ReminderLogSheet,
  rows: readonly { row: number; outcome: string }[],
): void {
  if (!log.sheet || rows.length === 0) return;
  const column = findColumns(REMINDER_LOG, log.header).columns.outcome! + 1;
  for (const { row, outcome } of rows) writeText(log.sheet.getRange(row, column), [[outcome]]);
}

/**
 * Writes `outcomes` into the Outcome cells from `firstRow` down, after checking they still read
 * `previous` (a person may have sorted or deleted rows meanwhile); throws when they do not. The
 * write is flushed at once: an email is sent only once its "sending" mark is saved.
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush
 */
export function overwriteOutcomes(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  column: number,
  firstRow: number,
  previous: readonly string[],
  outcomes: readonly string[],
): void {
  const range = sheet.getRange(firstRow, column + 1, outcomes.length, 1);
  const current = range.getValues();
  if (current.some((row, index) => String(row[0]) !== previous[index])) {
    throw new Error(`Reminder Log rows ${firstRow}+ changed during the run.`);
  }
  writeText(
    range,
    outcomes.map((outcome) => [outcome]),
  );
  SpreadsheetApp.flush();
}
