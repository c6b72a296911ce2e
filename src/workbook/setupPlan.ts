/**
 * What "Set up OKR workbook" must add, worked out from a snapshot of the workbook as it is. Only
 * missing things are planned (sheets, header cells after the user's last column, formats and
 * validations of the columns it adds, named ranges, Settings rows), so running setup twice plans
 * nothing the second time and never touches what users typed.
 */
import { KEY_RESULT_TYPES } from '../core/keyResultType';
import { SETTING_LABELS } from '../core/settings';
import { findColumns, headerKey, type ColumnMap } from './headers';
import { isOurHeaderFormula } from './adoption';
import {
  columnLetter,
  headerFormula,
  headerOfFormula,
  SETTING_RANGES,
  type FormulaTables,
} from './formulaColumns';
import {
  CHECK_INS,
  holdsPlainText,
  KEY_RESULTS,
  OBJECTIVES,
  PLAIN_TEXT_FORMAT,
  SETTINGS,
  TABLES,
  type ColumnDef,
  type TableDef,
} from './schema';
import { SCORE_FORMAT } from './scoreColours';
import { lastContentRow, recordsToRows, type SheetCell } from './sheetRows';

/** What setup reads of one existing sheet. */
export interface SheetSnapshot {
  name: string;
  /** Row 1 as getValues returns it (width = lastColumn). */
  headerValues: readonly unknown[];
  /** Row 1 as getFormulas returns it: a spilling formula's header is read from its text. */
  headerFormulas: readonly string[];
  /** Sheet.getLastColumn(): the last column with content in any row. */
  lastColumn: number;
  frozenRows: number;
  maxRows: number;
  /** Sheet.getMaxColumns(): a user's sheet may have fewer than the 26 of a new one. */
  maxColumns: number;
}

export interface WorkbookSnapshot {
  sheets: readonly SheetSnapshot[];
  namedRanges: readonly string[];
  /** The Settings sheet's data range (header included); empty when there is no Settings sheet. */
  settingsValues: readonly (readonly unknown[])[];
}

export type ValidationPlan =
  | { kind: 'list'; values: readonly string[]; strict: boolean }
  /** A dropdown of the values in another sheet's column (rows 2 and below). */
  | { kind: 'listFromColumn'; sheetName: string; column: number; strict: boolean }
  | { kind: 'email' }
  | { kind: 'numberBetween'; min: number; max: number }
  | { kind: 'date' }
  | { kind: 'checkbox' };

/** A column setup adds, with what its data cells (rows 2 and below) get. */
export interface NewColumn {
  key: string;
  header: string;
  /** 1-based sheet column. */
  column: number;
  /** The spilling formula the header cell holds instead of plain text. */
  formula: string | null;
  numberFormat: string | null;
  validation: ValidationPlan | null;
  /** Score colours: ≥0.7 green, 0.4–0.69 yellow, <0.4 red. */
  colourBands: boolean;
  /** Status colours: Done and On track green, At risk yellow, Off track red. */
  statusColours: boolean;
}

export interface SheetPlan {
  table: TableDef;
  sheetName: string;
  createSheet: boolean;
  freezeHeader: boolean;
  /** Rows of the sheet (new sheets get the Sheets default), for formats and validations. */
  maxRows: number;
  maxColumns: number;
  /**
   * Rows and columns to add after the last ones, worked out before the first write: Sheets throws
   * for a range outside the sheet, so a sheet too small for what setup writes grows first.
   */
  grow: { rows: number; columns: number };
  /** In sheet order; header cells with formulas come last so they form one block. */
  newColumns: NewColumn[];
  /** Header formulas of ours that differ from what the add-on writes now (the columns moved, or an older version wrote them). */
  refreshedFormulas: RefreshedFormula[];
}

/** A header cell of one of our computed columns whose formula setup writes again. */
export interface RefreshedFormula {
  key: string;
  /** 1-based sheet column. */
  column: number;
  formula: string;
  /** The formula the cell holds now, put back if setup fails. */
  previous: string;
}

export interface NamedRangePlan {
  name: string;
  sheetName: string;
  /** A1 notation on that sheet: whole columns for tables, one cell for settings. */
  a1: string;
}

export interface SetupPlan {
  sheets: SheetPlan[];
  namedRanges: NamedRangePlan[];
  /** Settings rows to append, laid out like the Settings header; null when none is missing. */
  settingsRows: { firstRow: number; rows: SheetCell[][] } | null;
}

/** Rows and columns a sheet made with insertSheet has: https://support.google.com/docs/answer/37603 */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

const DATE_FORMAT = 'yyyy-mm-dd';

/** Validation of a column's data cells; `objectiveIds` lists the IDs of the Objectives sheet. */
function validationFor(
  table: TableDef,
  column: ColumnDef,
  objectiveIds: ValidationPlan,
): ValidationPlan | null {
  switch (`${table.key}.${column.key}`) {
    case 'keyResults.type':
      // Not strict: the engine also accepts aliases such as "at-least" and "max".
      return { kind: 'list', values: KEY_RESULT_TYPES, strict: false };
    case 'keyResults.objectiveId':
    case 'objectives.parentId':
      return objectiveIds;
    case 'keyResults.owner':
      return { kind: 'email' };
    case 'keyResults.confidence':
    case 'checkIns.confidence':
      return { kind: 'numberBetween', min: 0, max: 10 };
    case 'objectives.kind':
      return { kind: 'list', values: ['committed', 'aspirational', 'experimental'], strict: true };
    case 'keyResults.keyResultClass':
      return { kind: 'list', values: ['leading', 'lagging', 'activity', 'paired'], strict: false };
    case 'keyResults.category':
      return { kind: 'list', values: ['input', 'output', 'outcome'], strict: false };
    case 'initiatives.status':
      return {
        kind: 'list',
        values: ['Not started', 'In progress', 'Done', 'Blocked'],
        strict: false,
      };
    case 'milestones.done':
      return { kind: 'checkbox' };
    default:
      return column.kind === 'date' ? { kind: 'date' } : null;
  }
}

function numberFormatFor(table: TableDef, column: ColumnDef): string | null {
  if (table.key === 'objectives' && column.computed && column.kind === 'number')
    return SCORE_FORMAT;
  if (table.key === 'checkIns' && column.key === 'timestamp') return `${DATE_FORMAT} hh:mm`;
  if (column.kind === 'date') return DATE_FORMAT;
  if (column.kind === 'percent') return '0%';
  if (holdsPlainText(table, column)) return PLAIN_TEXT_FORMAT;
  return null;
}

/** Row 1 as text, reading a formula header's label from its formula. */
function headerTexts(sheet: SheetSnapshot): unknown[] {
  const width = Math.max(sheet.headerValues.length, sheet.headerFormulas.length);
  return Array.from({ length: width }, (_, index) => {
    const value = sheet.headerValues[index];
    if (headerKey(value) !== '') return value;
    return headerOfFormula(sheet.headerFormulas[index] ?? '') ?? value ?? '';
  });
}

function findSheet(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return snapshot.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
}

interface PlacedTable {
  plan: SheetPlan;
  /** Where every column of the table sits once setup has run (0-based). */
  columns: ColumnMap;
  /** Header width once setup has run. */
  width: number;
  missing: ColumnDef[];
}

function isHeaderlessSettings(
  table: TableDef,
  sheet: SheetSnapshot | undefined,
  found: ColumnMap,
): boolean {
  const hasHeader = found.setting !== undefined && found.value !== undefined;
  return table === SETTINGS && sheet !== undefined && sheet.lastColumn > 0 && !hasHeader;
}

function placeColumns(table: TableDef, sheet: SheetSnapshot | undefined): PlacedTable {
  const header = sheet ? headerTexts(sheet) : [];
  const found = findColumns(table, header).columns;
  // Like parseSettings: a used Settings sheet without a Setting / Value header is read from A and B.
  const existing = isHeaderlessSettings(table, sheet, found) ? { setting: 0, value: 1 } : found;
  const columns: ColumnMap = { ...existing };
  // Plain columns first, then formula columns, so the formula header cells are one block.
  const missing = table.columns
    .filter((column) => existing[column.key] === undefined)
    .sort((a, b) => Number(Boolean(a.computed)) - Number(Boolean(b.computed)));
  const firstFree = sheet ? Math.max(sheet.lastColumn, header.length) : 0;
  missing.forEach((column, offset) => {
    columns[column.key] = firstFree + offset;
  });
  return {
    plan: {
      table,
      sheetName: sheet?.name ?? table.sheetName,
      createSheet: !sheet,
      freezeHeader: !sheet || sheet.frozenRows === 0,
      maxRows: sheet?.maxRows ?? NEW_SHEET_ROWS,
      maxColumns: sheet?.maxColumns ?? NEW_SHEET_COLUMNS,
      grow: {
        rows: 0,
        columns: Math.max(0, firstFree + missing.length - (sheet?.maxColumns ?? NEW_SHEET_COLUMNS)),
      },
      newColumns: [],
      refreshedFormulas: [],
    },
    columns,
    width: firstFree + missing.length,
    missing,
  };
}

/**
 * A formula without spaces and in capitals outside its text, to compare two spellings of it. A
 * sheet name counts with or without its quotes (Sheets may drop quotes a name does not need) and
 * in any case (sheet names match ignoring case).
 */
function formulaKey(formula: string): string {
  return formula.replace(
    /("(?:[^"]|"")*")|'((?:[^']|'')*)'!|[^"']+/g,
    (part, text?: string, sheetName?: string) =>
      text ??
      (sheetName !== undefined
        ? `${sheetName.replace(/''/g, "'").toUpperCase()}!`
        : part.replace(/\s+/g, '').toUpperCase()),
  );
}

/**
 * Header formulas of ours that setup writes again because they differ from what it would write
 * now: an older version passed whole tables, or the tables they read were rebuilt elsewhere. A
 * header cell holding anything else is the user's and is left alone.
 */
function refreshedFormulas(
  entry: PlacedTable,
  sheet: SheetSnapshot | undefined,
  tables: FormulaTables,
): RefreshedFormula[] {
  if (!sheet) return [];
  const { table } = entry.plan;
  const refreshed: RefreshedFormula[] = [];
  for (const column of table.columns) {
    const index = entry.columns[column.key];
    if (!column.computed || index === undefined || entry.missing.includes(column)) continue;
    const previous = sheet.headerFormulas[index] ?? '';
    const formula = headerFormula(table, column.key, entry.columns, tables);
    if (formula === null || !isOurHeaderFormula(column, previous)) continue;
    if (formulaKey(formula) !== formulaKey(previous))
      refreshed.push({ key: column.key, column: index + 1, formula, previous });
  }
  return refreshed;
}

/** Setting / Value rows to append for labels the Settings sheet lacks. */
function planSettingsRows(
  snapshot: WorkbookSnapshot,
  settings: PlacedTable,
  defaultRows: readonly (readonly [string, unknown])[],
): { firstRow: number; rows: SheetCell[][]; rowOfLabel: Map<string, number> } {
  const values = snapshot.settingsValues;
  const labelColumn = settings.columns.setting!;
  const headerless = headerKey(values[0]?.[labelColumn]) !== headerKey(SETTINGS.columns[0]!.header);
  const rowOfLabel = new Map<string, number>();
  values.forEach((row, index) => {
    const label = headerKey(row[labelColumn]);
    if ((index > 0 || headerless) && label && !rowOfLabel.has(label))
      rowOfLabel.set(label, index + 1);
  });
  const missingRows = defaultRows.filter(([label]) => !rowOfLabel.has(headerKey(label)));
  const firstRow = Math.max(lastContentRow(SETTINGS, values), 1) + 1;
  missingRows.forEach(([label], offset) => rowOfLabel.set(headerKey(label), firstRow + offset));
  const header: unknown[] = Array.from({ length: settings.width }, () => '');
  header[labelColumn] = SETTINGS.columns[0]!.header;
  header[settings.columns.value!] = SETTINGS.columns[1]!.header;
  const rows = recordsToRows(
    SETTINGS,
    header,
    missingRows.map(([setting, value]) => ({ setting, value })),
  );
  return { firstRow, rows, rowOfLabel };
}

/**
 * Plans setup for the workbook in `snapshot`. `defaultSettingRows` are the Setting / Value rows
 * a new workbook starts with (labels as in SETTING_LABELS).
 */
export function planSetup(
  snapshot: WorkbookSnapshot,
  defaultSettingRows: readonly (readonly [string, unknown])[],
): SetupPlan {
  const placed = TABLES.map((table) => placeColumns(table, findSheet(snapshot, table.sheetName)));
  const placedOf = (table: TableDef): PlacedTable =>
    placed.find((entry) => entry.plan.table === table)!;
  const objectives = placedOf(OBJECTIVES);
  const objectiveIds: ValidationPlan = {
    kind: 'listFromColumn',
    sheetName: objectives.plan.sheetName,
    column: objectives.columns.id! + 1,
    strict: false,
  };

  const placementOf = (table: TableDef) => ({
    sheetName: placedOf(table).plan.sheetName,
    columns: placedOf(table).columns,
  });
  const tables: FormulaTables = {
    objectives: placementOf(OBJECTIVES),
    keyResults: placementOf(KEY_RESULTS),
    checkIns: placementOf(CHECK_INS),
  };

  for (const entry of placed) {
    const { table } = entry.plan;
    entry.plan.refreshedFormulas = refreshedFormulas(
      entry,
      findSheet(snapshot, table.sheetName),
      tables,
    );
    entry.plan.newColumns = entry.missing.map((column) => ({
      key: column.key,
      header: column.header,
      column: entry.columns[column.key]! + 1,
      formula: headerFormula(table, column.key, entry.columns, tables),
      numberFormat: numberFormatFor(table, column),
      validation: validationFor(table, column, objectiveIds),
      colourBands:
        Boolean(column.computed) &&
        (column.key === 'progress' || column.key === 'score' || column.key === 'forecast'),
      statusColours: Boolean(column.computed) && column.key === 'status',
    }));
  }

  const settingsTable = placedOf(SETTINGS);
  const settings = planSettingsRows(snapshot, settingsTable, defaultSettingRows);
  const settingsRowsNeeded = settings.firstRow + settings.rows.length - 1;
  settingsTable.plan.grow.rows = Math.max(0, settingsRowsNeeded - settingsTable.plan.maxRows);
  const existingNames = new Set(snapshot.namedRanges.map((name) => name.toUpperCase()));
  const namedRanges: NamedRangePlan[] = [];
  for (const entry of placed) {
    namedRanges.push({
      name: entry.plan.table.namedRange,
      sheetName: entry.plan.sheetName,
      a1: `A:${columnLetter(entry.width - 1)}`,
    });
  }
  const valueColumn = columnLetter(settingsTable.columns.value!);
  const settingCells: [string, string][] = [
    [SETTING_RANGES.reportDate, SETTING_LABELS.reportDate],
    [SETTING_RANGES.cycleStart, SETTING_LABELS.cycleStart],
    [SETTING_RANGES.cycleEnd, SETTING_LABELS.cycleEnd],
    [SETTING_RANGES.atRiskGap, SETTING_LABELS.atRiskGap],
    [SETTING_RANGES.offTrackGap, SETTING_LABELS.offTrackGap],
  ];
  for (const [name, label] of settingCells) {
    const row = settings.rowOfLabel.get(headerKey(label));
    if (row !== undefined)
      namedRanges.push({
        name,
        sheetName: settingsTable.plan.sheetName,
        a1: `${valueColumn}${row}`,
      });
  }

  return {
    sheets: placed.map((entry) => entry.plan),
    namedRanges: namedRanges.filter((range) => !existingNames.has(range.name.toUpperCase())),
    settingsRows:
      settings.rows.length > 0 ? { firstRow: settings.firstRow, rows: settings.rows } : null,
  };
}

/** True when the plan has nothing to do. */
export function isPlanEmpty(plan: SetupPlan): boolean {
  return (
    plan.namedRanges.length === 0 &&
    plan.settingsRows === null &&
    plan.sheets.every(
      (sheet) =>
        !sheet.createSheet &&
        !sheet.freezeHeader &&
        sheet.newColumns.length === 0 &&
        sheet.refreshedFormulas.length === 0,
    )
  );
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The toast after setup: "Added 5 sheets, 3 named ranges" or "Everything was already set up". */
export function describePlan(plan: SetupPlan): string {
  const newSheets = plan.sheets.filter((sheet) => sheet.createSheet);
  const columnsOnExisting = plan.sheets
    .filter((sheet) => !sheet.createSheet)
    .reduce((total, sheet) => total + sheet.newColumns.length, 0);
  const frozen = plan.sheets.filter((sheet) => !sheet.createSheet && sheet.freezeHeader).length;
  const parts = [
    newSheets.length > 0 ? count(newSheets.length, 'sheet', 'sheets') : '',
    columnsOnExisting > 0 ? count(columnsOnExisting, 'column', 'columns') : '',
    plan.namedRanges.length > 0
      ? count(plan.namedRanges.length, 'named range', 'named ranges')
      : '',
    plan.settingsRows ? count(plan.settingsRows.rows.length, 'setting', 'settings') : '',
    frozen > 0 ? count(frozen, 'frozen header row', 'frozen header rows') : '',
  ].filter(Boolean);
  const refreshed = plan.sheets.reduce((total, sheet) => total + sheet.refreshedFormulas.length, 0);
  const updated =
    refreshed > 0 ? `updated ${count(refreshed, 'column formula', 'column formulas')}` : '';
  if (parts.length === 0)
    return updated ? updated[0]!.toUpperCase() + updated.slice(1) : 'Everything was already set up';
  return `Added ${parts.join(', ')}${updated ? `; ${updated}` : ''}`;
}
