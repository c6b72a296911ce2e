/**
 * The Reminder Log sheet on Apps Script: read and checked before any email goes out, claims
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
  reminderLogRecords,
} from '../workbook/reminderLog';
import { appendBelow } from './tables';
import { readValues, writeText } from './sheetValues';

export interface ReminderLogSheet {
  /** Null until the first run that logs something creates the sheet. */
  sheet: GoogleAppsScript.Spreadsheet.Sheet | null;
  /** The sheet's values (row 0 the header). */
  values: unknown[][];
  entries: ReminderLogEntry[];
}

/** Where a run's rows go: the period's first instant and the run's time. */
export interface LogStamp {
  time: Date;
  periodStart: Date;
}

/**
 * The log as it stands, read with one getValues. Throws, before anything is written or sent,
 * when a sheet of that name exists but is not the log.
 */
export function readReminderLogSheet(timeZone: string): ReminderLogSheet {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(REMINDER_LOG.sheetName);
  if (!sheet) return { sheet: null, values: [], entries: [] };
  const values = readValues(sheet.getDataRange());
  const isBlank = values.every((row) => row.every((cell) => String(cell ?? '').trim() === ''));
  if (isBlank) return { sheet, values: [], entries: [] };
  if (!hasReminderLogHeader(values)) {
    const missing = findColumns(REMINDER_LOG, values[0] ?? []).missing.join(', ');
    throw new OkrInputError(
      `No reminders were sent: the "${REMINDER_LOG.sheetName}" sheet is not OKR Cadence's log (row 1 lacks ${missing}). ` +
        `Rename that sheet so OKR Cadence can create its own, or put back the header ${REMINDER_LOG_HEADER.join(', ')}.`,
    );
  }
  return { sheet, values, entries: parseReminderLog(values, timeZone) };
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
 * in one setValues. Call under the document lock with the values just read, so no other run
 * appends in between.
 */
export function appendLogRows(
  log: ReminderLogSheet,
  drafts: readonly LogDraft[],
  stamp: LogStamp,
): AppendedRows {
  const sheet =
    log.sheet ?? SpreadsheetApp.getActiveSpreadsheet().insertSheet(REMINDER_LOG.sheetName);
  let values = log.values;
  if (values.length === 0) {
    values = [[...REMINDER_LOG_HEADER]];
    sheet.getRange(1, 1, 1, REMINDER_LOG_HEADER.length).setValues(values as string[][]);
    sheet.getRange(1, 1, 1, REMINDER_LOG_HEADER.length).setFontWeight('bold');
    sheet.setFrozenRows(1);
  }
  const records = reminderLogRecords(drafts, stamp.time, stamp.periodStart);
  return {
    sheet,
    firstRow: appendBelow(REMINDER_LOG, { sheet, values }, records),
    outcomeColumn: findColumns(REMINDER_LOG, values[0]!).columns.outcome!,
  };
}

/** Rewrites the Outcome cell of single rows (expired claims), one call each; they are rare. */
export function rewriteOutcomes(
  log: ReminderLogSheet,
  rows: readonly { row: number; outcome: string }[],
): void {
  if (!log.sheet || rows.length === 0) return;
  const column = findColumns(REMINDER_LOG, log.values[0]!).columns.outcome! + 1;
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
