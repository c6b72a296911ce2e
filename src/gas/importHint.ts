/**
 * Empty states that lead somewhere: when our tables hold no OKRs but other sheets look like OKRs
 * (a team's own tracker), the sidebar, dashboard and health check say so and offer Import OKRs….
 * Only sheets' first rows are read, and only when our tables are empty.
 */
import { readLayout } from '../workbook/import/importLayout';
import { KEY_RESULTS, OBJECTIVES } from '../workbook/schema';
import { showImportDialogPage } from './importOkrs';
import { isAnyOwnSheet } from './ownSheet';
import { firstRows, isOurTable, type Sheet } from './sheetSample';

/** True when a sheet of ours holds at least one data row (Objectives or Key Results). */
function ourTablesHoldOkrs(sheets: readonly Sheet[]): boolean {
  return sheets.some((sheet) => {
    const name = sheet.getName();
    const ours = [OBJECTIVES, KEY_RESULTS].some(
      (table) => table.sheetName.toLowerCase() === name.toLowerCase(),
    );
    if (!ours) return false;
    const values = firstRows(sheet, 2);
    return isOurTable(name, values) && values.length > 1;
  });
}

/**
 * Sheets outside our tables that look like OKRs, when our tables hold none; else []. The add-on's
 * own sheets (the archives of closed cycles, the dashboard) are never offered.
 */
export function importableSheets(): string[] {
  const sheets = SpreadsheetApp.getActiveSpreadsheet().getSheets();
  if (ourTablesHoldOkrs(sheets)) return [];
  return sheets
    .filter((sheet) => !isAnyOwnSheet(sheet))
    .map((sheet) => ({ name: sheet.getName(), values: firstRows(sheet) }))
    .filter(
      ({ name, values }) =>
        readLayout({ name, values }).role !== 'ignored' && !isOurTable(name, values),
    )
    .map(({ name }) => name);
}

/** The sentence every empty surface uses. */
export function importHintText(sheets: readonly string[]): string {
  const names = sheets
    .slice(0, 5)
    .map((name) => `"${name}"`)
    .join(', ');
  const more = sheets.length > 5 ? ` and ${sheets.length - 5} more` : '';
  return (
    `The OKR tables are empty, but ${names}${more} look${sheets.length === 1 ? 's' : ''} like OKRs of yours. ` +
    'Import OKRs… brings them into the OKR tables (your sheets stay as they are).'
  );
}

/**
 * Before building something from empty tables: says where the OKRs seem to be and offers to
 * open Import OKRs…. Returns true when it did (the caller then stops).
 */
export function offerImportInstead(surface: string): boolean {
  const sheets = importableSheets();
  if (sheets.length === 0) return false;
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(
    surface,
    `${importHintText(sheets)}\n\nOpen Import OKRs… now? (No builds the ${surface.toLowerCase()} from the empty tables.)`,
    ui.ButtonSet.YES_NO,
  );
  if (answer !== ui.Button.YES) return false;
  showImportDialogPage();
  return true;
}
