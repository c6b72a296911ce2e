/**
 * Build roll-up: writes the Roll-up sheet of a company spreadsheet (src/workbook/rollUpLayout.ts)
 * in one setValues. Only formulas are written; the numbers come live from the team spreadsheets
 * through IMPORTRANGE (docs/rollup.md).
 */
import { OkrInputError } from '../core/errors';
import { spreadsheetNow } from './sheetValues';
import { objectivesInCycle } from '../workbook/archive';
import { SETTING_RANGES } from '../workbook/formulaColumns';
import { rollUpLayout, ROLLUP_SHEET, type RollUpLayout } from '../workbook/rollUpLayout';
import { REPORT_DATE_RANGE } from '../workbook/schema';
import { readOkrWorkbook } from './okrWorkbook';
import { ensureColumns, ensureRows, rebuildOwnSheet } from './ownSheet';
import { withDocumentLock } from './tables';
import { allOrNothing } from './writeJournal';
import { readTeams } from './teamCheck';

/** Named ranges the roll-up's formulas read; setup creates them. */
const NEEDED_RANGES = [REPORT_DATE_RANGE, SETTING_RANGES.cycleStart, SETTING_RANGES.cycleEnd];

function checkNamedRanges(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const names = new Set(spreadsheet.getNamedRanges().map((range) => range.getName()));
  const missing = NEEDED_RANGES.filter((name) => !names.has(name));
  if (missing.length > 0) {
    throw new OkrInputError(
      `The roll-up's formulas need the named ranges ${missing.join(', ')}. Run Extensions → OKR Cadence → Set up OKR workbook in this company spreadsheet first.`,
    );
  }
}

/** Reads the Teams sheet and the company's objectives, then writes the sheet; returns its layout. */
export function buildRollUpSheet(today: Date = spreadsheetNow()): RollUpLayout {
  const { teams } = readTeams();
  checkNamedRanges();
  const workbook = readOkrWorkbook(today);
  const layout = rollUpLayout({
    teams,
    companyObjectives: objectivesInCycle(workbook.objectives, workbook.history),
    cycleName: workbook.settings.cycleName,
    keyResults: workbook.tables.keyResults,
  });
  withDocumentLock(() =>
    allOrNothing('Building the roll-up', (journal) =>
      rebuildOwnSheet(journal, ROLLUP_SHEET, 'rollUp', (sheet) => {
        const rows = layout.cells.length;
        const columns = layout.cells[0]!.length;
        ensureRows(journal, sheet, rows);
        ensureColumns(journal, sheet, columns);
        sheet.getRange(1, 1, rows, columns).setValues(layout.cells);
        for (const { row, column, note } of layout.notes) sheet.getRange(row, column).setNote(note);
        for (const a1 of layout.scoreRanges) sheet.getRange(a1).setNumberFormat('0.00');
        sheet.getRange(2, 4).setNumberFormat('yyyy-mm-dd');
        sheet.getRange(1, 1).setFontWeight('bold');
        for (const row of layout.headerRows)
          sheet.getRange(row, 1, 1, columns).setFontWeight('bold');
      }),
    ),
  );
  return layout;
}

/** The menu action: builds the Roll-up sheet and says what to do next in a toast. */
export function buildRollUpFromMenu(): void {
  const layout = buildRollUpSheet();
  const teams = layout.teamRows.size;
  SpreadsheetApp.getActiveSpreadsheet().toast(
    teams === 0
      ? 'Roll-up built, but the Teams sheet lists no team yet.'
      : `Roll-up built for ${teams} team${teams === 1 ? '' : 's'}. Where the Import column says so, select the team's Score cell and click Allow access once.`,
    'OKR Cadence',
  );
}
