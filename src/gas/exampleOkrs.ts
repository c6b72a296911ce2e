/**
 * "Load example OKRs": sets the workbook up if needed, then writes the example cycle with one
 * setValues per table. Refuses (politely) when any table it writes to already holds rows.
 */
import { exampleOkrs } from '../workbook/exampleOkrs';
import { spreadsheetNow } from './sheetValues';
import {
  CHECK_INS,
  INITIATIVES,
  KEY_RESULTS,
  KPIS,
  MILESTONES,
  OBJECTIVES,
} from '../workbook/schema';
import { setUpActiveWorkbook } from './setup';
import { appendRows, readSettings, readTable, withDocumentLock } from './tables';

/** Every table the example writes to: it loads only when all of them are empty. */
const EXAMPLE_TABLES = [OBJECTIVES, KEY_RESULTS, CHECK_INS, MILESTONES, INITIATIVES, KPIS];

function hasData(values: readonly (readonly unknown[])[]): boolean {
  return values.slice(1).some((row) => row.some((cell) => cell !== '' && cell !== null));
}

/** Writes the example; returns null when done, or why it refused. */
export function loadExampleIntoActiveWorkbook(today: Date = spreadsheetNow()): string | null {
  return withDocumentLock(() => {
    setUpActiveWorkbook(today);
    const filled = EXAMPLE_TABLES.filter((table) => hasData(readTable(table).values));
    if (filled.length > 0) {
      const sheets = filled.map((table) => table.sheetName).join(', ');
      return (
        `This workbook already has OKRs or your own rows (in ${sheets}), so the example was not loaded (it never mixes with your data). ` +
        'To try the example, open a new spreadsheet and choose Extensions → OKR Cadence → Load example OKRs there.'
      );
    }
    const example = exampleOkrs(today, readSettings(today).settings);
    appendRows(OBJECTIVES, example.objectives);
    appendRows(KEY_RESULTS, example.keyResults);
    appendRows(CHECK_INS, example.checkIns);
    appendRows(MILESTONES, example.milestones);
    appendRows(INITIATIVES, example.initiatives);
    appendRows(KPIS, example.kpis);
    return null;
  });
}

/** The menu action: loads the example, or explains in an alert why it did not. */
export function loadExampleOkrsFromMenu(): void {
  const refusal = loadExampleIntoActiveWorkbook();
  if (refusal) {
    const ui = SpreadsheetApp.getUi();
    ui.alert('Example OKRs', refusal, ui.ButtonSet.OK);
    return;
  }
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  // Show where the work is: the key results with their live Progress, Planned and Status.
  spreadsheet.getSheetByName(KEY_RESULTS.sheetName)?.activate();
  spreadsheet.toast(
    'Loaded 6 objectives across 3 teams with their key results and check-ins. The Sales objective is behind plan.',
    'OKR Cadence',
  );
}
