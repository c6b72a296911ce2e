/**
 * Build cycle calendar: writes the Calendar sheet (planning week, check-in days, Monday reviews,
 * mid-cycle and end-of-cycle reviews, retrospective) for the cycle in Settings, in one setValues.
 */
import { calendarRows } from '../workbook/calendar';
import { spreadsheetNow, writeValues } from './sheetValues';
import { toSheetCell } from '../workbook/sheetRows';
import { rebuildOwnSheet, rectangle } from './ownSheet';
import { readSettings, withDocumentLock } from './tables';
import { allOrNothing } from './writeJournal';

export const CALENDAR_SHEET = 'Calendar';
/** A1 of the Calendar sheet. */
export const CALENDAR_TITLE = 'OKR Cycle Calendar';

/** Builds or rebuilds the Calendar sheet; returns how many events it lists. */
export function buildCalendarSheet(today: Date = spreadsheetNow()): number {
  const { settings } = readSettings(today);
  const events = calendarRows(settings);
  const rows = rectangle([[CALENDAR_TITLE, toSheetCell(settings.cycleName)], [], ...events]);
  withDocumentLock(() =>
    allOrNothing('Building the cycle calendar', (journal) =>
      rebuildOwnSheet(journal, CALENDAR_SHEET, 'calendar', (sheet) => {
        writeValues(sheet.getRange(1, 1, rows.length, rows[0]!.length), rows, {
          defaultFormats: true,
        });
        sheet.getRange(1, 1).setFontWeight('bold');
        sheet.getRange(3, 1, 1, rows[0]!.length).setFontWeight('bold');
        sheet.getRange(4, 1, events.length - 1, 1).setNumberFormat('yyyy-mm-dd');
        sheet.setFrozenRows(3);
      }),
    ),
  );
  return events.length - 1;
}

/** The menu action: builds the calendar and says so in a toast. */
export function buildCalendarFromMenu(): void {
  const count = buildCalendarSheet();
  SpreadsheetApp.getActiveSpreadsheet().toast(
    `Cycle calendar built with ${count} dates. Rebuild it after changing the cycle dates or check-in day.`,
    'OKR Cadence',
  );
}
