/**
 * "Set up OKR workbook": reads what the workbook has, asks the setup plan what is missing and
 * adds only that. Service calls depend on the number of sheets and columns, never on rows.
 */
import { defaultSettingRows } from '../workbook/settings';
import { readValues, spreadsheetNow, writeValues } from './sheetValues';
import {
  describePlan,
  planSetup,
  type NewColumn,
  type SetupPlan,
  type SheetPlan,
  type SheetSnapshot,
  type ValidationPlan,
  type WorkbookSnapshot,
} from '../workbook/setupPlan';
import { columnLetter } from '../workbook/formulaColumns';
import {
  describeConflicts,
  findAdoptionConflicts,
  type AdoptionConflict,
} from '../workbook/adoption';
import { SETTINGS, TABLES } from '../workbook/schema';
import { SCORE_BANDS, STATUS_COLOURS } from '../workbook/scoreColours';
import { withDocumentLock } from './tables';
import { allOrNothing, type WriteJournal } from './writeJournal';
import { exactCell } from '../workbook/archivedRows';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const DATE_FORMAT = 'yyyy-mm-dd';

/** Row 1 (values and formulas), width, frozen rows and size of a sheet: what setup plans from. */
export function snapshotSheet(sheet: Sheet): SheetSnapshot {
  const lastColumn = sheet.getLastColumn();
  const header = lastColumn > 0 ? sheet.getRange(1, 1, 1, lastColumn) : null;
  return {
    name: sheet.getName(),
    headerValues: header ? header.getValues()[0]! : [],
    headerFormulas: header ? header.getFormulas()[0]! : [],
    lastColumn,
    frozenRows: sheet.getFrozenRows(),
    maxRows: sheet.getMaxRows(),
    maxColumns: sheet.getMaxColumns(),
  };
}

/** Reads only table sheets, and only their header rows (the Settings sheet whole: it is small). */
function readSnapshot(spreadsheet: Spreadsheet, allSheets: Sheet[]): WorkbookSnapshot {
  const tableNames = new Set(TABLES.map((table) => table.sheetName.toLowerCase()));
  const sheets = allSheets.filter((sheet) => tableNames.has(sheet.getName().toLowerCase()));
  const settingsSheet = sheets.find(
    (sheet) => sheet.getName().toLowerCase() === SETTINGS.sheetName.toLowerCase(),
  );
  return {
    sheets: sheets.map(snapshotSheet),
    namedRanges: spreadsheet.getNamedRanges().map((range) => range.getName()),
    settingsValues: settingsSheet ? readValues(settingsSheet.getDataRange()) : [],
  };
}

function buildValidation(
  spreadsheet: Spreadsheet,
  validation: ValidationPlan,
): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation();
  switch (validation.kind) {
    case 'list':
      return builder
        .requireValueInList([...validation.values], true)
        .setAllowInvalid(!validation.strict)
        .build();
    case 'listFromColumn': {
      const letter = columnLetter(validation.column - 1);
      const source = spreadsheet
        .getSheetByName(validation.sheetName)!
        .getRange(`${letter}2:${letter}`);
      return builder.requireValueInRange(source, true).setAllowInvalid(!validation.strict).build();
    }
    case 'email':
      return builder
        .requireTextIsEmail()
        .setAllowInvalid(true)
        .setHelpText('Type an email address.')
        .build();
    case 'numberBetween':
      return builder
        .requireNumberBetween(validation.min, validation.max)
        .setAllowInvalid(false)
        .setHelpText(`Type a number from ${validation.min} to ${validation.max}.`)
        .build();
    case 'date':
      return builder
        .requireDate()
        .setAllowInvalid(false)
        .setHelpText('Type a date such as 2026-03-31.')
        .build();
    case 'checkbox':
      return builder.requireCheckbox().build();
  }
}

/**
 * Runs one write of set-up. On a sheet set-up created nothing needs taking back (the sheet goes);
 * on an existing sheet `undo` puts back what the write changed. The cells set-up writes there
 * (header cells after the last column, their columns, new Settings rows) were blank and
 * unformatted, so clearing them is the exact undo.
 */
type SetupWrite = (what: string, action: () => void, undo: () => void) => void;

function setupWrite(journal: WriteJournal, isNewSheet: boolean): SetupWrite {
  return (what, action, undo) => (isNewSheet ? action() : journal.write(() => what, action, undo));
}

/** Writes the new header cells: plain headers in one call, spilling formulas in another. */
function writeHeaders(write: SetupWrite, sheet: Sheet, columns: readonly NewColumn[]): void {
  const plain = columns.filter((column) => !column.formula);
  const formulas = columns.filter((column) => column.formula);
  if (plain.length > 0) {
    const range = sheet.getRange(1, plain[0]!.column, 1, plain.length);
    write(
      'header cells',
      () => range.setValues([plain.map((c) => c.header)]),
      () => range.clearContent(),
    );
  }
  if (formulas.length > 0) {
    const range = sheet.getRange(1, formulas[0]!.column, 1, formulas.length);
    write(
      'formula header cells',
      () => range.setFormulas([formulas.map((c) => c.formula!)]),
      () => range.clearContent(),
    );
  }
  const header = sheet.getRange(1, columns[0]!.column, 1, columns.length);
  write(
    'bold header',
    () => header.setFontWeight('bold'),
    () => header.setFontWeight(null),
  );
}

function formatColumns(
  spreadsheet: Spreadsheet,
  write: SetupWrite,
  sheet: Sheet,
  plan: SheetPlan,
  maxRows: number,
): void {
  const dataRows = maxRows - 1;
  if (dataRows < 1) return;
  const bandRules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
  for (const column of plan.newColumns) {
    const cells = sheet.getRange(2, column.column, dataRows, 1);
    if (column.numberFormat)
      write(
        'number format',
        () => cells.setNumberFormat(column.numberFormat!),
        () => cells.clearFormat(),
      );
    if (column.validation) {
      const rule = buildValidation(spreadsheet, column.validation);
      write(
        'data validation',
        () => cells.setDataValidation(rule),
        () => cells.clearDataValidations(),
      );
    }
    if (column.colourBands) {
      const topCell = `${columnLetter(column.column - 1)}2`;
      for (const band of SCORE_BANDS) {
        bandRules.push(
          SpreadsheetApp.newConditionalFormatRule()
            .whenFormulaSatisfied(band.condition(topCell))
            .setBackground(band.background)
            .setRanges([cells])
            .build(),
        );
      }
    }
    if (column.statusColours) {
      for (const { status, background } of STATUS_COLOURS) {
        bandRules.push(
          SpreadsheetApp.newConditionalFormatRule()
            .whenTextEqualTo(status)
            .setBackground(background)
            .setRanges([cells])
            .build(),
        );
      }
    }
  }
  if (bandRules.length > 0) {
    const previous = sheet.getConditionalFormatRules();
    write(
      'colour rules',
      () => sheet.setConditionalFormatRules([...previous, ...bandRules]),
      () => sheet.setConditionalFormatRules(previous),
    );
  }
}

/** Adds the rows and columns the plan needs before anything is written (a range outside throws). */
function growGrid(journal: WriteJournal, sheet: Sheet, plan: SheetPlan): void {
  const { maxRows, maxColumns, grow } = plan;
  if (grow.rows > 0)
    journal.write(
      () => `grow ${plan.sheetName}`,
      () => sheet.insertRowsAfter(maxRows, grow.rows),
      () => sheet.deleteRows(maxRows + 1, grow.rows),
    );
  if (grow.columns > 0)
    journal.write(
      () => `widen ${plan.sheetName}`,
      () => sheet.insertColumnsAfter(maxColumns, grow.columns),
      () => sheet.deleteColumns(maxColumns + 1, grow.columns),
    );
}

function applyPlan(spreadsheet: Spreadsheet, plan: SetupPlan, journal: WriteJournal): void {
  const sheets = new Map<string, { sheet: Sheet; isNew: boolean }>();
  // All sheets first: validations refer to other sheets (Objective ID lists the Objectives IDs).
  for (const sheetPlan of plan.sheets) {
    const sheet = sheetPlan.createSheet
      ? journal.write(
          () => `add the ${sheetPlan.sheetName} sheet`,
          () => spreadsheet.insertSheet(sheetPlan.sheetName),
          () => spreadsheet.deleteSheet(sheet),
        )
      : spreadsheet.getSheetByName(sheetPlan.sheetName)!;
    sheets.set(sheetPlan.sheetName, { sheet, isNew: sheetPlan.createSheet });
    growGrid(journal, sheet, sheetPlan);
  }
  for (const sheetPlan of plan.sheets) {
    const { sheet, isNew } = sheets.get(sheetPlan.sheetName)!;
    const write = setupWrite(journal, isNew);
    if (sheetPlan.newColumns.length > 0) {
      writeHeaders(write, sheet, sheetPlan.newColumns);
      formatColumns(
        spreadsheet,
        write,
        sheet,
        sheetPlan,
        isNew ? sheet.getMaxRows() : sheetPlan.maxRows,
      );
    }
    for (const refreshed of sheetPlan.refreshedFormulas) {
      const cell = sheet.getRange(1, refreshed.column);
      journal.write(
        () => `update the ${refreshed.key} formula of ${sheetPlan.sheetName}`,
        () => cell.setFormula(refreshed.formula),
        () => cell.setFormula(refreshed.previous),
      );
    }
    if (sheetPlan.freezeHeader) {
      const frozen = isNew ? 0 : sheet.getFrozenRows();
      write(
        'frozen header',
        () => sheet.setFrozenRows(1),
        () => sheet.setFrozenRows(frozen),
      );
    }
  }
  if (plan.settingsRows) {
    const settings = sheets.get(plan.sheets.find((s) => s.table === SETTINGS)!.sheetName)!;
    const write = setupWrite(journal, settings.isNew);
    const { firstRow, rows } = plan.settingsRows;
    const block = settings.sheet.getRange(firstRow, 1, rows.length, rows[0]!.length);
    write(
      'settings',
      () => writeValues(block, rows),
      () => block.clearContent(),
    );
    // Only the few date settings (cycle start and end, report date) get a date format.
    rows.forEach((row, offset) =>
      row.forEach((cell, column) => {
        if (!(cell instanceof Date)) return;
        const dateCell = settings.sheet.getRange(firstRow + offset, column + 1);
        write(
          'date format',
          () => dateCell.setNumberFormat(DATE_FORMAT),
          () => dateCell.clearFormat(),
        );
      }),
    );
  }
  for (const range of plan.namedRanges) {
    const target = sheets.get(range.sheetName)!.sheet.getRange(range.a1);
    journal.write(
      () => `name ${range.name}`,
      () => spreadsheet.setNamedRange(range.name, target),
      () => spreadsheet.removeNamedRange(range.name),
    );
  }
}

/** Asks the user whether their same-named sheets and columns may be renamed to make room. */
function askToRename(conflicts: readonly AdoptionConflict[]): boolean {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert('Set up OKR workbook', describeConflicts(conflicts), ui.ButtonSet.YES_NO);
  return answer === ui.Button.YES;
}

/** Renames the user's sheets and header cells the user agreed to; nothing else of theirs. */
function renameConflicts(
  spreadsheet: Spreadsheet,
  conflicts: readonly AdoptionConflict[],
  journal: WriteJournal,
): void {
  for (const conflict of conflicts) {
    const sheet = spreadsheet.getSheetByName(conflict.sheetName)!;
    if (conflict.kind === 'sheet') {
      journal.write(
        () => `rename ${conflict.sheetName}`,
        () => sheet.setName(conflict.renameTo),
        () => sheet.setName(conflict.sheetName),
      );
    } else {
      const cell = sheet.getRange(1, conflict.column);
      const previous = cell.getValue();
      journal.write(
        () => `rename the ${String(previous)} column of ${conflict.sheetName}`,
        () => cell.setValue(conflict.renameTo),
        () => writeValues(cell, [[exactCell(previous)]]),
      );
    }
  }
}

/**
 * Runs setup on the active spreadsheet and returns what it did, in words. A sheet or column of
 * the user's with one of our names is never taken as ours: `confirmRename` is asked first, and
 * when it declines nothing is written.
 */
export function setUpActiveWorkbook(
  today: Date = spreadsheetNow(),
  confirmRename: (conflicts: readonly AdoptionConflict[]) => boolean = askToRename,
): string {
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const allSheets = spreadsheet.getSheets();
    let snapshot = readSnapshot(spreadsheet, allSheets);
    const names = allSheets.map((sheet) => sheet.getName());
    const conflicts = findAdoptionConflicts(TABLES, snapshot.sheets, names);
    if (conflicts.length > 0 && !confirmRename(conflicts))
      return 'Setup stopped: nothing was changed';
    const plan = allOrNothing('Setting up the workbook', (journal) => {
      if (conflicts.length > 0) {
        renameConflicts(spreadsheet, conflicts, journal);
        snapshot = readSnapshot(spreadsheet, spreadsheet.getSheets());
      }
      const planned = planSetup(snapshot, defaultSettingRows(today));
      applyPlan(spreadsheet, planned, journal);
      return planned;
    });
    const renamed = conflicts.length > 0 ? ` (renamed ${conflicts.length} of yours)` : '';
    return `${describePlan(plan)}${renamed}`;
  });
}

/** The menu action: sets up the workbook and says what it did in a toast. */
export function setUpWorkbookFromMenu(): void {
  const summary = setUpActiveWorkbook();
  SpreadsheetApp.getActiveSpreadsheet().toast(summary, 'OKR Cadence');
}
