/**
 * Reopen cycle…: takes back the last close. The closed cycle's Objectives and Key Results rows
 * go back, whole and with their formulas, to the rows they came from; the rows that close carried
 * forward (and their Milestones copies) are emptied; Settings names the closed cycle again and its
 * archive rows are cleared. All or nothing, like the close, and confirmed first. It refuses when
 * the new cycle has moved on (a carried key result checked in, a key result added under a carried
 * objective), so reopening never drops work done since.
 */
import { readValues, spreadsheetNow } from './sheetValues';
import { OkrInputError } from '../core/errors';
import { SETTING_LABELS } from '../core/settings';
import { ARCHIVE_SHEET, CLOSED_CYCLES_LABEL, closedCycleNames } from '../workbook/archive';
import {
  ARCHIVED_ROW_COLUMNS,
  ARCHIVED_ROW_SHEETS,
  archivedRowsOf,
  columnLabels,
  exactCell,
  storedColumns,
  type ArchivedRow,
  type TableCells,
} from '../workbook/archivedRows';
import { idKey, readDate } from '../workbook/cells';
import { userColumns } from '../workbook/cycleClose';
import { findColumns } from '../workbook/headers';
import { KEY_RESULTS, MILESTONES, OBJECTIVES, SETTINGS, type TableDef } from '../workbook/schema';
import { parseSettings } from '../workbook/settings';
import { lastContentRow, type SheetCell } from '../workbook/sheetRows';
import {
  findArchiveSheet,
  readLiveTable,
  readOptionalTable,
  writeSettings,
  type LiveTable,
} from './cycleTables';
import type { OwnSheetKind } from './ownSheet';
import { clearRows, rewriteRows } from './sheetWrites';
import { withDocumentLock } from './tables';
import { allOrNothing, type WriteJournal } from './writeJournal';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** An archive sheet's values with the rows of the cycle being reopened. */
interface ArchiveRows {
  sheet: Sheet | null;
  values: unknown[][];
  rows: number[];
}

interface RestoredTable {
  table: TableDef;
  live: LiveTable;
  /** Live rows the close carried forward, to empty or overwrite (1-based, ascending). */
  carriedRows: number[];
  /** The archived rows to put back, ascending by where they were. */
  archived: ArchivedRow[];
  archive: ArchiveRows;
}

export interface ReopenPlan {
  cycleName: string;
  openCycleName: string;
  settings: LiveTable;
  settingsUpdates: [string, SheetCell][];
  summary: ArchiveRows;
  objectives: RestoredTable;
  keyResults: RestoredTable;
  milestones: { live: LiveTable; rows: number[] } | null;
}

function readArchive(
  name: string,
  kind: OwnSheetKind,
): { sheet: Sheet | null; values: unknown[][] } {
  const sheet = findArchiveSheet(name, kind)?.sheet ?? null;
  return { sheet, values: sheet ? readValues(sheet.getDataRange()) : [] };
}

const sameName = (a: unknown, b: string): boolean =>
  String(a ?? '')
    .trim()
    .toLowerCase() === b.trim().toLowerCase();

/** Live rows whose ID (column `key`) is one of `ids` (idKey()s), ascending. */
function rowsWithIds(live: LiveTable, table: TableDef, key: string, ids: Set<string>): number[] {
  const column = findColumns(table, live.cells.values[0] ?? []).columns[key];
  const rows: number[] = [];
  if (column === undefined) return rows;
  live.cells.values.forEach((row, index) => {
    if (index > 0 && ids.has(idKey(String(row[column] ?? '')))) rows.push(index + 1);
  });
  return rows;
}

/** Refuses when a carried key result was checked in, or a key result added under a carried objective. */
function checkNothingSince(
  keyResults: LiveTable,
  carriedKeyResults: Set<string>,
  carriedObjectives: Set<string>,
  openCycle: string,
): void {
  const { columns } = findColumns(KEY_RESULTS, keyResults.cells.values[0] ?? []);
  const cell = (row: readonly unknown[], key: string): unknown => row[columns[key] ?? -1];
  const moved: string[] = [];
  keyResults.cells.values.forEach((row, index) => {
    if (index === 0) return;
    const id = String(cell(row, 'id') ?? '');
    if (carriedKeyResults.has(idKey(id))) {
      const touched = ['current', 'confidence', 'lastCheckIn'].some(
        (key) => String(cell(row, key) ?? '') !== '',
      );
      if (touched) moved.push(`${id} was checked in`);
    } else if (carriedObjectives.has(idKey(String(cell(row, 'objectiveId') ?? '')))) {
      moved.push(`${id || `row ${index + 1}`} was added`);
    }
  });
  if (moved.length > 0) {
    throw new OkrInputError(
      `${openCycle} has moved on since the close: ${moved.slice(0, 5).join(', ')}${moved.length > 5 ? ', …' : ''}. ` +
        'Reopening would take that work out of the cycle, so nothing has been changed.',
    );
  }
}

/** The archived rows of `cycle` for one table, checked against the live header. */
function restoredTable(
  table: TableDef,
  live: LiveTable,
  archiveName: string,
  archive: { sheet: Sheet | null; values: unknown[][] },
  cycle: string,
  carriedRows: number[],
): RestoredTable {
  const archived = archivedRowsOf(archive.values, cycle, archiveName).sort(
    (a, b) => a.sheetRow - b.sheetRow,
  );
  const labels = new Set(
    columnLabels(live.cells.values[0] ?? []).map((label) => label.toLowerCase()),
  );
  const header = (archive.values[0] ?? []).map((cell) => String(cell ?? ''));
  for (const label of header.slice(ARCHIVED_ROW_COLUMNS.length)) {
    const lost =
      !labels.has(label.toLowerCase()) &&
      archived.some((row) => String(row.cells.get(label.toLowerCase()) ?? '') !== '');
    if (lost) {
      throw new OkrInputError(
        `The archived ${table.sheetName} rows of ${cycle} have a "${label}" column that the ${table.sheetName} sheet no longer has. ` +
          'Add that header back in row 1, then reopen again; nothing has been changed.',
      );
    }
  }
  return {
    table,
    live,
    carriedRows,
    archived,
    archive: { ...archive, rows: archived.map((row) => row.archiveRow) },
  };
}

/** Works out the whole reopen from the sheets as they are; refuses before any write. */
export function planReopen(): ReopenPlan {
  const settings = readLiveTable(SETTINGS, true);
  const closed = closedCycleNames(settings.cells.values);
  const cycleName = closed[closed.length - 1];
  if (!cycleName)
    throw new OkrInputError('No cycle has been closed yet, so there is nothing to reopen.');
  const summary = readArchive(ARCHIVE_SHEET, 'archive');
  const header = (summary.values[0] ?? []).map((cell) => String(cell ?? '').toLowerCase());
  const column = (label: string): number => header.indexOf(label.toLowerCase());
  const summaryRows: number[] = [];
  summary.values.forEach((row, index) => {
    if (index > 0 && sameName(row[column('Cycle')], cycleName)) summaryRows.push(index + 1);
  });
  const first = summary.values[(summaryRows[0] ?? 0) - 1];
  const cycleStart = first ? readDate(first[column('Cycle Start')]) : null;
  const cycleEnd = first ? readDate(first[column('Cycle End')]) : null;
  if (!first || !cycleStart?.ok || !cycleEnd?.ok || !cycleStart.value || !cycleEnd.value) {
    throw new OkrInputError(
      `The Archive sheet has no record of the dates of ${cycleName} (it was closed before Reopen cycle existed), so it cannot be reopened. ` +
        'Set Cycle Name, Cycle Start and Cycle End on the Settings sheet by hand instead.',
    );
  }
  const carriedObjectives = new Set<string>();
  const carriedKeyResults = new Set<string>();
  for (const row of summaryRows) {
    const cells = summary.values[row - 1]!;
    const carriedAs = idKey(String(cells[column('Carried As')] ?? ''));
    if (!carriedAs) continue;
    if (sameName(cells[column('Level')], 'Objective')) carriedObjectives.add(carriedAs);
    else carriedKeyResults.add(carriedAs);
  }

  const openCycleName = parseSettings(settings.cells.values as unknown[][], spreadsheetNow())
    .settings.cycleName;
  const objectives = readLiveTable(OBJECTIVES, true);
  const keyResults = readLiveTable(KEY_RESULTS, true);
  checkNothingSince(keyResults, carriedKeyResults, carriedObjectives, openCycleName);
  const milestones = readOptionalTable(MILESTONES, true);
  return {
    cycleName,
    openCycleName,
    settings,
    settingsUpdates: [
      [CLOSED_CYCLES_LABEL, exactCell(closed.slice(0, -1).join(', '))],
      [SETTING_LABELS.cycleName, exactCell(cycleName)],
      [SETTING_LABELS.cycleStart, cycleStart.value],
      [SETTING_LABELS.cycleEnd, cycleEnd.value],
      [SETTING_LABELS.cycleClosed, false],
    ],
    summary: { ...summary, rows: summaryRows },
    objectives: restoredTable(
      OBJECTIVES,
      objectives,
      ARCHIVED_ROW_SHEETS.objectives,
      readArchive(ARCHIVED_ROW_SHEETS.objectives, 'archivedObjectives'),
      cycleName,
      rowsWithIds(objectives, OBJECTIVES, 'id', carriedObjectives),
    ),
    keyResults: restoredTable(
      KEY_RESULTS,
      keyResults,
      ARCHIVED_ROW_SHEETS.keyResults,
      readArchive(ARCHIVED_ROW_SHEETS.keyResults, 'archivedKeyResults'),
      cycleName,
      rowsWithIds(keyResults, KEY_RESULTS, 'id', carriedKeyResults),
    ),
    milestones: milestones && {
      live: milestones,
      rows: rowsWithIds(milestones, MILESTONES, 'keyResultId', carriedKeyResults),
    },
  };
}

/** True when a live row has no typed value in `columns` (formula cells do not count). */
function isFreeRow(cells: TableCells, sheetRow: number, columns: readonly number[]): boolean {
  const values = cells.values[sheetRow - 1] ?? [];
  const formulas = cells.formulas[sheetRow - 1] ?? [];
  return columns.every((index) => formulas[index] || String(values[index] ?? '') === '');
}

/**
 * The live rows a reopen rewrites: each archived row back at the row it came from (when that row
 * is free or holds a carried row, else below the table), and carried rows left over emptied.
 * Formula cells the close left in place keep their formulas.
 */
function restoredRows(restored: RestoredTable): Map<number, SheetCell[]> {
  const { live, archived, table } = restored;
  const { cells } = live;
  const labels = columnLabels(cells.values[0] ?? []);
  const columns = storedColumns(table, cells);
  const width = (cells.values[0] ?? []).length;
  const carried = new Set(restored.carriedRows);
  const keepFormulas = userColumns(table, cells);
  const emptied = (sheetRow: number): SheetCell[] => {
    const formulas = cells.formulas[sheetRow - 1] ?? [];
    const row: SheetCell[] = Array.from({ length: width }, () => '');
    for (const index of keepFormulas) row[index] = formulas[index] || '';
    return row;
  };
  const rows = new Map<number, SheetCell[]>();
  let nextFree = lastContentRow(table, cells.values as unknown[][]) + 1;
  for (const archivedRow of archived) {
    const wanted = archivedRow.sheetRow;
    const usable =
      wanted >= 2 &&
      !rows.has(wanted) &&
      (carried.has(wanted) || isFreeRow(cells, wanted, columns));
    const target = usable ? wanted : nextFree++;
    const row = emptied(target);
    for (const index of columns) {
      const label = labels[index]!;
      const formula = archivedRow.formulas[label];
      const key = label.toLowerCase();
      if (formula) row[index] = formula;
      else if (archivedRow.cells.has(key)) row[index] = exactCell(archivedRow.cells.get(key));
    }
    rows.set(target, row);
  }
  for (const sheetRow of carried) if (!rows.has(sheetRow)) rows.set(sheetRow, emptied(sheetRow));
  return rows;
}

/** Clears the reopened cycle's rows on an archive sheet; undo writes them back as they were. */
function clearArchiveRows(journal: WriteJournal, archive: ArchiveRows): void {
  const { sheet, values } = archive;
  if (!sheet) return;
  const columns = (values[0] ?? []).map((_, index) => index);
  clearRows(journal, sheet, { values, formulas: [] }, archive.rows, columns);
}

/** Applies a reopen plan all or nothing. */
export function applyReopen(plan: ReopenPlan): void {
  allOrNothing('Reopening the cycle', (journal) => {
    for (const restored of [plan.objectives, plan.keyResults]) {
      const { live, table } = restored;
      rewriteRows(
        journal,
        live.sheet,
        live.cells,
        storedColumns(table, live.cells),
        restoredRows(restored),
      );
    }
    if (plan.milestones) {
      const { live, rows } = plan.milestones;
      const columns = storedColumns(MILESTONES, live.cells);
      const emptied = new Map(
        rows.map((sheetRow): [number, SheetCell[]] => [
          sheetRow,
          (live.cells.values[0] ?? []).map(
            (_, index) => live.cells.formulas[sheetRow - 1]?.[index] || '',
          ),
        ]),
      );
      rewriteRows(journal, live.sheet, live.cells, columns, emptied);
    }
    writeSettings(journal, plan.settings, plan.settingsUpdates);
    clearArchiveRows(journal, plan.summary);
    clearArchiveRows(journal, plan.objectives.archive);
    clearArchiveRows(journal, plan.keyResults.archive);
  });
}

/** The confirmation text: what reopening will do. */
export function describeReopen(plan: ReopenPlan): string {
  const carried = plan.objectives.carriedRows.length + plan.keyResults.carriedRows.length;
  return (
    `${plan.cycleName} becomes the open cycle again instead of ${plan.openCycleName}. Its ${plan.objectives.archived.length} objective rows and ${plan.keyResults.archived.length} key result rows ` +
    'go back to the Objectives and Key Results sheets, where they were' +
    (carried > 0
      ? `, and the ${carried} rows carried forward into the new cycle are emptied`
      : '') +
    '. Check-ins stay as they are.'
  );
}

/** Reopens the last closed cycle now (no confirmation): for the menu after it asked, and tests. */
export function reopenLastCycle(): string {
  return withDocumentLock(() => {
    const plan = planReopen();
    applyReopen(plan);
    return plan.cycleName;
  });
}

/** The menu action: says what will happen, asks, then reopens and says so in a toast. */
export function reopenCycleFromMenu(): void {
  const plan = planReopen();
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(`Reopen ${plan.cycleName}?`, describeReopen(plan), ui.ButtonSet.YES_NO);
  if (answer !== ui.Button.YES) return;
  const cycleName = reopenLastCycle();
  SpreadsheetApp.getActiveSpreadsheet().toast(
    `${cycleName} is open again, with its objectives and key results back where they were.`,
    'OKR Cadence',
  );
}
