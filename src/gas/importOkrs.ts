/**
 * Import OKRs…: the dialog's server side. Reads the sheets the user picks (never writing to them),
 * previews the plan, then imports all or nothing under the document lock: renames the user's
 * sheets that carry our names (as the preview said), sets the workbook up, appends the objectives,
 * key results and check-ins, and opens the imported cycle in Settings. Everything it did is kept
 * in the document properties, so "Undo last import" can take it back.
 */
import { OkrInputError } from '../core/errors';
import { SETTING_LABELS } from '../core/settings';
import type { ImportPayload, ImportPreview, ImportResult, ImportSources } from '../shared/import';
import { findAdoptionConflicts, originalName } from '../workbook/adoption';
import { CLOSED_CYCLES_LABEL, closedCycleNames } from '../workbook/archive';
import { idKey } from '../workbook/cells';
import { exactCell } from '../workbook/archivedRows';
import { findColumns, headerKey } from '../workbook/headers';
import { IMPORT_FIELDS } from '../workbook/import/importFields';
import { readLayout, type SourceSheet } from '../workbook/import/importLayout';
import { planImport, type ImportPlan } from '../workbook/import/importPlan';
import { FIELD_LABELS, importPreview, readImportPayload } from '../workbook/import/importPreview';
import { readPeriod } from '../workbook/import/importValues';
import {
  CHECK_INS,
  KEY_RESULTS,
  OBJECTIVES,
  SETTINGS,
  TABLES,
  type TableDef,
} from '../workbook/schema';
import { setUpActiveWorkbook, snapshotSheet } from './setup';
import { spreadsheetNow, writeValues } from './sheetValues';
import { appendRows, withDocumentLock, writeRowFields } from './tables';
import { firstRows, isOurTable, type Sheet } from './sheetSample';
import { showDialogPage } from './ui';

/** Where the record of the last import is kept (document properties: shared by the editors). */
const LAST_IMPORT_KEY = 'okrCadence.lastImport';

/** A cell as document properties keep it: dates apart, so undo writes back a date. */
type StoredCell = { date: string } | { value: string | number | boolean };

interface ImportRecordOfChanges {
  summary: string;
  /** Rows appended to existing sheets: deleted on undo when they still hold these IDs. */
  appended: { sheet: string; firstRow: number; idColumn: number; ids: string[] }[];
  createdSheets: string[];
  createdNamedRanges: string[];
  renamed: { from: string; to: string }[];
  /** Settings cells overwritten, with what they held. */
  settings: { row: number; column: number; before: StoredCell }[];
}

const spreadsheet = (): GoogleAppsScript.Spreadsheet.Spreadsheet =>
  SpreadsheetApp.getActiveSpreadsheet();

/** A whole sheet's values (the sheets the user chose to import). */
const sheetValues = (sheet: Sheet): unknown[][] => firstRows(sheet, sheet.getLastRow());

function isOurSheetName(name: string): boolean {
  return TABLES.some((table) => table.sheetName.toLowerCase() === name.toLowerCase());
}

/** The dialog's first screen: the sheets to choose from and the fields a column can map to. */
export function importSources(): ImportSources {
  const sheets = spreadsheet()
    .getSheets()
    .map((sheet) => {
      const name = sheet.getName();
      const values = firstRows(sheet);
      const role = readLayout({ name, values }).role;
      return {
        name,
        rows: sheet.getLastRow(),
        columns: sheet.getLastColumn(),
        looksLikeOkrs: role !== 'ignored' && !isOurTable(name, values),
      };
    });
  const last = PropertiesService.getDocumentProperties()?.getProperty(LAST_IMPORT_KEY);
  return {
    sheets,
    fields: IMPORT_FIELDS.map((field) => ({ field, label: FIELD_LABELS[field] })),
    lastImport: last ? (JSON.parse(last) as ImportRecordOfChanges).summary : null,
  };
}

interface ImportRun {
  payload: ImportPayload;
  plan: ImportPlan;
  renames: { from: string; to: string }[];
}

/** IDs already in our tables (sheets that are sources of this import do not count). */
function existingIds(table: TableDef, sources: readonly string[]): string[] {
  const sheet = spreadsheet().getSheetByName(table.sheetName);
  if (!sheet || sources.includes(sheet.getName())) return [];
  const values = sheetValues(sheet);
  const column = findColumns(table, values[0] ?? []).columns.id;
  return column === undefined ? [] : values.slice(1).map((row) => String(row[column] ?? ''));
}

/** Reads the chosen sheets and plans; nothing is written. */
function planFromWorkbook(rawPayload: unknown): ImportRun {
  const all = spreadsheet().getSheets();
  const payload = readImportPayload(
    rawPayload,
    all.map((sheet) => sheet.getName()),
  );
  const sources: SourceSheet[] = payload.sheets.map((name) => ({
    name,
    values: sheetValues(spreadsheet().getSheetByName(name)!),
  }));
  const plan = planImport(sources, {
    overrides: payload.overrides,
    ownerEmails: payload.ownerEmails,
    cycle: payload.cycle ?? undefined,
    existingObjectiveIds: existingIds(OBJECTIVES, payload.sheets),
    existingKeyResultIds: existingIds(KEY_RESULTS, payload.sheets),
  });
  // Chosen sheets with our names, and other sheets of the user's setup would otherwise take.
  const names = all.map((sheet) => sheet.getName());
  const renames: { from: string; to: string }[] = [];
  for (const name of payload.sheets.filter(isOurSheetName)) {
    const to = originalName(name, [...names, ...renames.map((r) => r.to)]);
    renames.push({ from: name, to });
  }
  const headerRows = all
    .filter((sheet) => isOurSheetName(sheet.getName()) && !payload.sheets.includes(sheet.getName()))
    .map(snapshotSheet);
  for (const conflict of findAdoptionConflicts(TABLES, headerRows, [
    ...names,
    ...renames.map((r) => r.to),
  ])) {
    if (conflict.kind === 'sheet')
      renames.push({ from: conflict.sheetName, to: conflict.renameTo });
    else
      throw new OkrInputError(
        `The "${conflict.sheetName}" sheet has a column "${conflict.header}" of yours where OKR Cadence keeps a formula. Run Set up OKR workbook first (it offers to rename it), then import.`,
      );
  }
  return { payload, plan, renames };
}

/** The dialog's preview: what the import would write, with the owner table and the problems. */
export function previewImport(payload: unknown): ImportPreview {
  const { plan, renames } = planFromWorkbook(payload);
  return importPreview(plan, renames);
}

const storeCell = (cell: unknown): StoredCell =>
  Object.prototype.toString.call(cell) === '[object Date]'
    ? { date: (cell as Date).toISOString() }
    : { value: (cell ?? '') as string | number | boolean };

// Text goes back behind an apostrophe, so Sheets does not re-type a value such as "007".
const restoreCell = (cell: StoredCell): unknown =>
  'date' in cell ? new Date(cell.date) : exactCell(cell.value);

/** Appends a table's rows and records where, so undo can find them again. */
function appendImported(
  table: TableDef,
  records: readonly Record<string, unknown>[],
  changes: ImportRecordOfChanges,
  idKeyName: string,
): void {
  if (records.length === 0) return;
  const firstRow = appendRows(table, records);
  const header = spreadsheet()
    .getSheetByName(table.sheetName)!
    .getRange(1, 1, 1, spreadsheet().getSheetByName(table.sheetName)!.getLastColumn())
    .getValues()[0]!;
  const idColumn = findColumns(table, header).columns[idKeyName]!;
  changes.appended.push({
    sheet: table.sheetName,
    firstRow,
    idColumn,
    ids: records.map((record) => String(record[idKeyName])),
  });
}

/** Opens the imported cycle in Settings and closes the older ones, recording what was there. */
function openImportedCycle(plan: ImportPlan, changes: ImportRecordOfChanges): void {
  const period = plan.cycle ? readPeriod(plan.cycle) : null;
  if (!plan.cycle) return;
  const sheet = spreadsheet().getSheetByName(SETTINGS.sheetName)!;
  const values = sheetValues(sheet);
  const { columns } = findColumns(SETTINGS, values[0] ?? []);
  const labelColumn = columns.setting ?? 0;
  const valueColumn = columns.value ?? 1;
  const older = plan.cycles.slice(plan.cycles.indexOf(plan.cycle) + 1);
  const closed = [
    ...closedCycleNames(values),
    ...older.filter((name) => !closedCycleNames(values).includes(name)),
  ];
  const updates: [string, unknown][] = [[SETTING_LABELS.cycleName, plan.cycle]];
  if (period?.start && period.end)
    updates.push([SETTING_LABELS.cycleStart, period.start], [SETTING_LABELS.cycleEnd, period.end]);
  if (older.length > 0) updates.push([CLOSED_CYCLES_LABEL, closed.join(', ')]);
  const missing: Record<string, unknown>[] = [];
  for (const [label, value] of updates) {
    const index = values.findIndex(
      (row, i) => i > 0 && headerKey(row[labelColumn]) === headerKey(label),
    );
    if (index < 0) {
      missing.push({ setting: label, value });
      continue;
    }
    changes.settings.push({
      row: index + 1,
      column: valueColumn + 1,
      before: storeCell(values[index]![valueColumn]),
    });
    writeRowFields(SETTINGS, index + 1, { value }, columns);
  }
  if (missing.length > 0) {
    const firstRow = appendRows(SETTINGS, missing);
    changes.appended.push({
      sheet: SETTINGS.sheetName,
      firstRow,
      idColumn: labelColumn,
      ids: missing.map((row) => String(row.setting)),
    });
  }
}

function importSummary(plan: ImportPlan): string {
  const archived =
    plan.archived.objectives > 0
      ? ` (${plan.archived.objectives} objectives of earlier cycles kept as closed cycles)`
      : '';
  return `Imported ${plan.objectives.length} objectives, ${plan.keyResults.length} key results and ${plan.checkIns.length} check-ins${plan.cycle ? ` into ${plan.cycle}` : ''}${archived}.`;
}

/** Runs the import the preview showed: all of it, or (on any failure) nothing. */
export function runImport(payload: unknown, today: Date = spreadsheetNow()): ImportResult {
  try {
    return withDocumentLock(() => {
      const { plan, renames } = planFromWorkbook(payload);
      if (plan.objectives.length === 0 && plan.keyResults.length === 0)
        return {
          ok: false,
          message:
            'The chosen sheets hold no objectives or key results the import can read. Check the column mapping.',
        };
      const changes: ImportRecordOfChanges = {
        summary: importSummary(plan),
        appended: [],
        createdSheets: [],
        createdNamedRanges: [],
        renamed: [],
        settings: [],
      };
      const sheetsBefore = spreadsheet()
        .getSheets()
        .map((sheet) => sheet.getName());
      const rangesBefore = spreadsheet()
        .getNamedRanges()
        .map((range) => range.getName());
      try {
        for (const rename of renames) {
          spreadsheet().getSheetByName(rename.from)!.setName(rename.to);
          changes.renamed.push(rename);
        }
        setUpActiveWorkbook(today, () => true);
        const renamedNames = sheetsBefore.map(
          (name) => renames.find((r) => r.from === name)?.to ?? name,
        );
        changes.createdSheets = spreadsheet()
          .getSheets()
          .map((sheet) => sheet.getName())
          .filter((name) => !renamedNames.includes(name));
        changes.createdNamedRanges = spreadsheet()
          .getNamedRanges()
          .map((range) => range.getName())
          .filter((name) => !rangesBefore.includes(name));
        appendImported(OBJECTIVES, plan.objectives, changes, 'id');
        appendImported(KEY_RESULTS, plan.keyResults, changes, 'id');
        appendImported(CHECK_INS, plan.checkIns, changes, 'keyResultId');
        openImportedCycle(plan, changes);
      } catch (error) {
        undoChanges(changes);
        throw error;
      }
      PropertiesService.getDocumentProperties()?.setProperty(
        LAST_IMPORT_KEY,
        JSON.stringify(changes),
      );
      SpreadsheetApp.flush();
      return {
        ok: true,
        message: changes.summary,
        objectives: plan.objectives.length,
        keyResults: plan.keyResults.length,
        checkIns: plan.checkIns.length,
      };
    });
  } catch (error) {
    if (error instanceof OkrInputError) return { ok: false, message: error.message };
    throw error;
  }
}

/** Takes back what an import did, newest first; rows edited since are refused, not guessed at. */
function undoChanges(changes: ImportRecordOfChanges): void {
  const book = spreadsheet();
  for (const block of [...changes.appended].reverse()) {
    if (changes.createdSheets.includes(block.sheet)) continue;
    const sheet = book.getSheetByName(block.sheet);
    if (!sheet) continue;
    const cells = sheet
      .getRange(block.firstRow, block.idColumn + 1, block.ids.length, 1)
      .getValues();
    if (cells.some((row, index) => idKey(String(row[0])) !== idKey(block.ids[index]!)))
      throw new OkrInputError(
        `The imported rows of "${block.sheet}" from row ${block.firstRow} have been moved or edited since, so the import cannot be undone safely. Delete them by hand.`,
      );
    sheet.deleteRows(block.firstRow, block.ids.length);
  }
  const settings = book.getSheetByName(SETTINGS.sheetName);
  if (settings && !changes.createdSheets.includes(SETTINGS.sheetName))
    for (const cell of changes.settings)
      writeValues(settings.getRange(cell.row, cell.column), [[restoreCell(cell.before)]]);
  for (const name of changes.createdNamedRanges) book.removeNamedRange(name);
  for (const name of changes.createdSheets) {
    const sheet = book.getSheetByName(name);
    if (sheet) book.deleteSheet(sheet);
  }
  for (const rename of [...changes.renamed].reverse())
    book.getSheetByName(rename.to)?.setName(rename.from);
}

/** "Undo last import": removes what the last import added and gives the user's sheets their names back. */
export function undoLastImport(): ImportResult {
  try {
    return withDocumentLock(() => {
      const properties = PropertiesService.getDocumentProperties();
      const stored = properties?.getProperty(LAST_IMPORT_KEY);
      if (!stored) return { ok: false, message: 'There is no import to undo.' };
      undoChanges(JSON.parse(stored) as ImportRecordOfChanges);
      properties!.deleteProperty(LAST_IMPORT_KEY);
      SpreadsheetApp.flush();
      return {
        ok: true,
        message:
          'The last import was undone: its rows and sheets are gone and your sheets have their names back.',
        objectives: 0,
        keyResults: 0,
        checkIns: 0,
      };
    });
  } catch (error) {
    if (error instanceof OkrInputError) return { ok: false, message: error.message };
    throw error;
  }
}

/** Opens the Import OKRs dialog. */
export function showImportDialogPage(): void {
  showDialogPage('ImportOkrs', 'Import OKRs', 900, 640);
}
