/**
 * Keeps OKR_REPORT_DATE at today's date in the spreadsheet's time zone. Custom functions may not
 * call TODAY(), so every plan, status and forecast reads this cell; the add-on refreshes it when
 * the workbook is opened (once authorised there), on each add-on action and from the daily trigger,
 * so planned progress never freezes at the day setup ran.
 */
import { OkrInputError } from '../core/errors';
import { formatDay } from '../core/reminderEmail';
import { findColumns } from '../workbook/headers';
import { KEY_RESULTS, REPORT_DATE_RANGE } from '../workbook/schema';
import { startOfDay, WALL_CLOCK_ZONE } from '../core/wallClock';
import { readValue, spreadsheetNow, writeDate } from './sheetValues';
import { withDocumentLock } from './tables';

/**
 * Writes today's date into OKR_REPORT_DATE when it holds another day, and notes on the Planned
 * header which day the plan is for (also when the date is current, with `renote`, as after
 * setup added the column). Returns false (writing nothing) when the named range is missing.
 */
export function keepReportDateCurrent(
  options: { renote?: boolean; lockWaitMs?: number } = {},
  now: Date = spreadsheetNow(),
): boolean {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const range = spreadsheet.getRangeByName(REPORT_DATE_RANGE);
  if (!range) return false;
  const today = startOfDay(now);
  const written = readValue(range);
  // An unchanged cell is left alone: every formula reading it would recalculate on a write.
  const current = written instanceof Date && written.getTime() === today.getTime();
  if (current && !options.renote) return true;
  withDocumentLock(() => {
    if (!current) writeDate(range, today);
    notePlannedDay(spreadsheet, plannedDayNote(today, WALL_CLOCK_ZONE));
  }, options.lockWaitMs);
  return true;
}

/** The note on the Planned header: which day the plan is for and where that date comes from. */
export function plannedDayNote(reportDate: Date, timeZone: string): string {
  return (
    `Planned progress as of ${formatDay(reportDate, timeZone)}: the Report Date on the Settings ` +
    'sheet (OKR_REPORT_DATE), which OKR Cadence moves to today when the workbook is opened or used.'
  );
}

function notePlannedDay(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, note: string): void {
  const sheet = spreadsheet.getSheetByName(KEY_RESULTS.sheetName);
  const width = sheet ? sheet.getLastColumn() : 0;
  if (!sheet || width === 0) return;
  const header = sheet.getRange(1, 1, 1, width).getValues()[0]!;
  const planned = findColumns(KEY_RESULTS, header).columns.planned;
  if (planned !== undefined) sheet.getRange(1, planned + 1).setNote(note);
}

/**
 * onOpen's part: once the add-on is authorised in the document (AuthMode.LIMITED or FULL) it may
 * write the bound spreadsheet; in AuthMode.NONE any call but the menu's would hide the menu.
 * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes
 */
export function keepReportDateCurrentOnOpen(event?: {
  authMode?: GoogleAppsScript.Script.AuthMode;
}): void {
  if (!event || event.authMode === undefined || event.authMode === ScriptApp.AuthMode.NONE) return;
  try {
    keepReportDateCurrent();
  } catch (error) {
    // Opening must never fail over the date: the next action or trigger run refreshes it.
    console.warn(
      `OKR Cadence could not update the report date on open: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Runs an add-on action (menu item, sidebar or dialog call) on today's report date. */
export function onReportDay<T>(action: () => T): T {
  try {
    keepReportDateCurrent();
  } catch (error) {
    // Someone else holds the lock and refreshes the date with their own action.
    if (!(error instanceof OkrInputError)) throw error;
  }
  return action();
}
