/**
 * The workbook the fakes read and write: plain data, no Apps Script API. The fakes in
 * spreadsheet.ts are thin views over it, so the preview server can render and save it directly.
 */
import type { GridRange } from './a1.js';
import { cellKey as key, FormulaPass, sameValues } from './formulaPass.js';
import { sameWallClock } from './timezone.js';
import type { CellValue } from './values.js';

/** A data validation rule as recorded by DataValidationBuilder.build(). */
export interface ValidationRule {
  /** A SpreadsheetApp.DataValidationCriteria name, e.g. VALUE_IN_LIST. */
  criteria: string;
  /** The builder arguments: list items, a range's `Sheet!A1` notation, bounds, dates. */
  args: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

/** A conditional format rule as recorded by ConditionalFormatRuleBuilder.build(). */
export interface ConditionalRule {
  /** A SpreadsheetApp.BooleanCriteria name, e.g. NUMBER_GREATER_THAN_OR_EQUAL_TO. */
  condition: string;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  ranges: SheetRange[];
}

/** A rectangle on one sheet, by sheet id so it survives renames. */
export interface SheetRange extends GridRange {
  sheetId: number;
}

export interface ProtectionData {
  id: number;
  /** null for a protected sheet. */
  range: GridRange | null;
  description: string;
  warningOnly: boolean;
}

export interface ChartData {
  id: number;
  chartType: string;
  ranges: SheetRange[];
  position: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

/** Developer metadata on a sheet (key/value pairs scripts attach; invisible to people). */
export interface MetadataData {
  id: number;
  key: string;
  value: string | null;
}

export interface CellData {
  value?: CellValue;
  formula?: string;
  numberFormat?: string;
  background?: string;
  fontColor?: string;
  fontWeight?: 'bold' | 'normal';
  note?: string;
  validation?: ValidationRule;
}

/** The cell a formula evaluator is asked to compute. */
export interface FormulaCell {
  formula: string;
  sheetName: string;
  row: number;
  column: number;
}

/** Read access to the workbook's computed values for a formula evaluator. */
export interface WorkbookReader {
  readonly timeZone: string;
  /** The spreadsheet's id, for IMPORTRANGE to know which connections it has. */
  readonly spreadsheetId?: string;
  getValue(sheetName: string, row: number, column: number): CellValue;
  getValues(
    sheetName: string,
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
  ): CellValue[][];
  getSheetNames(): string[];
  /**
   * Size of the grid and the last row/column holding content: formulas count, and so do the
   * non-blank values array formulas spilled (this pass's and the previous pass's).
   */
  getSheetSize(sheetName: string): {
    maxRows: number;
    maxColumns: number;
    lastRow: number;
    lastColumn: number;
  };
  getNamedRange(name: string): ({ sheetName: string } & GridRange) | null;
}

/**
 * Computes one formula cell. Return a value, or a 2-D array that spills right and down from the
 * cell as Sheets array results do. Throwing makes the cell read '#ERROR!'.
 */
export type FormulaEvaluator = (
  cell: FormulaCell,
  workbook: WorkbookReader,
) => CellValue | CellValue[][];

/** The default grid of a new sheet. */
export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

export class SheetModel {
  hidden = false;
  frozenRows = 0;
  frozenColumns = 0;
  /** rows[r - 1][c - 1]; missing entries are empty cells. */
  rows: (CellData | undefined)[][] = [];
  conditionalRules: ConditionalRule[] = [];
  charts: ChartData[] = [];
  protections: ProtectionData[] = [];
  metadata: MetadataData[] = [];

  constructor(
    readonly id: number,
    public name: string,
    public maxRows = DEFAULT_ROWS,
    public maxColumns = DEFAULT_COLUMNS,
  ) {}

  cell(row: number, column: number): CellData | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  /** The cell's data, created when missing (for writes). */
  cellForWrite(row: number, column: number): CellData {
    const cells = (this.rows[row - 1] ??= []);
    return (cells[column - 1] ??= {});
  }

  /** True when the cell holds a value or a formula (formatting alone does not count). */
  hasContent(row: number, column: number): boolean {
    const cell = this.cell(row, column);
    return (
      cell !== undefined &&
      (cell.formula !== undefined || (cell.value !== undefined && cell.value !== ''))
    );
  }

  /** The last row with content, 0 when the sheet is empty. */
  lastContentRow(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      const cells = this.rows[r - 1];
      if (cells && cells.some((_, c) => this.hasContent(r, c + 1))) return r;
    }
    return 0;
  }

  lastContentColumn(): number {
    let last = 0;
    this.rows.forEach((cells, r) => {
      if (!cells) return;
      for (let c = cells.length; c > last; c--) {
        if (this.hasContent(r + 1, c)) {
          last = c;
          break;
        }
      }
    });
    return last;
  }

  /** Inserts empty rows before `row`, shifting cells down (use WorkbookModel.insertRows). */
  insertEmptyRows(row: number, count: number): void {
    if (this.rows.length >= row)
      this.rows.splice(row - 1, 0, ...Array.from({ length: count }, () => []));
    this.maxRows += count;
  }

  /** Inserts empty columns before `column`, or removes `-count` columns from it (count < 0). */
  spliceColumns(column: number, count: number): void {
    for (const cells of this.rows) {
      if (!cells || cells.length < column) continue;
      if (count > 0) cells.splice(column - 1, 0, ...new Array<CellData | undefined>(count));
      else cells.splice(column - 1, -count);
    }
    this.maxColumns += count;
  }

  /** Removes rows `row`..`row + count - 1`, shifting cells up (use WorkbookModel.deleteRows). */
  removeRows(row: number, count: number): void {
    this.rows.splice(row - 1, count);
    this.maxRows -= count;
  }
}

let nextSpreadsheetNumber = 1;

export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number | null;
  at: number;
}

/** A workbook as JSON-safe data (dates inside as { $date: ISO text }), see json.ts. */
export interface WorkbookData {
  id: string;
  name: string;
  timeZone: string;
  activeSheetId: number;
  nextSheetId: number;
  nextObjectId: number;
  sheets: {
    id: number;
    name: string;
    hidden: boolean;
    frozenRows: number;
    frozenColumns: number;
    maxRows: number;
    maxColumns: number;
    /** [row, column, cell] for every cell holding anything. */
    cells: [number, number, CellData][];
    conditionalRules: ConditionalRule[];
    charts: ChartData[];
    protections: ProtectionData[];
    metadata?: MetadataData[];
  }[];
  namedRanges: Record<string, SheetRange>;
  toasts: Toast[];
}

/** One spreadsheet: its sheets, named ranges and the formula engine's computed values. */
export class WorkbookModel {
  sheets: SheetModel[] = [];
  namedRanges = new Map<string, SheetRange>();
  toasts: Toast[] = [];
  activeSheetId = 0;
  /** Bumped by every content change; computed values are stale when it moves. */
  revision = 0;
  nextSheetId = 0;
  nextObjectId = 1;
  private evaluator: FormulaEvaluator | null = null;
  private computedRevision = -1;
  private computed = new Map<string, CellValue>();
  private spilled = new Map<string, CellValue>();

  constructor(
    readonly id: string = `emulated-spreadsheet-${nextSpreadsheetNumber++}`,
    public name = 'Untitled spreadsheet',
    public timeZone = 'Etc/UTC',
  ) {}

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  addSheet(
    name: string,
    index = this.sheets.length,
    maxRows = DEFAULT_ROWS,
    maxColumns = DEFAULT_COLUMNS,
  ): SheetModel {
    const sheet = new SheetModel(this.nextSheetId++, name, maxRows, maxColumns);
    this.sheets.splice(index, 0, sheet);
    if (this.sheets.length === 1) this.activeSheetId = sheet.id;
    this.touch();
    return sheet;
  }

  removeSheet(sheet: SheetModel): void {
    this.sheets = this.sheets.filter((s) => s !== sheet);
    for (const [name, range] of this.namedRanges)
      if (range.sheetId === sheet.id) this.namedRanges.delete(name);
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0]?.id ?? 0;
    this.touch();
  }

  /** Inserts rows before `row`; ranges below move down and ranges across it grow, as in Sheets. */
  insertRows(sheet: SheetModel, row: number, count: number): void {
    sheet.insertEmptyRows(row, count);
    // Open-ended ranges (`A:U`, named ranges too) also take rows added below their end, as in
    // Sheets, where `A:U` always means every row: https://developers.google.com/sheets/api/guides/concepts#cell
    const shift = (range: GridRange) => {
      if (range.row >= row) range.row += count;
      else if (range.row + range.numRows - 1 >= row || range.toLastRow) range.numRows += count;
    };
    for (const range of this.namedRanges.values()) if (range.sheetId === sheet.id) shift(range);
    for (const rule of sheet.conditionalRules) rule.ranges.forEach(shift);
    for (const protection of sheet.protections) if (protection.range) shift(protection.range);
    this.touch();
  }

  /**
   * Deletes rows `row`..`row + count - 1`: ranges below move up, ranges across them shrink, and
   * ranges wholly inside them are dropped (Sheets turns such references into #REF!).
   */
  deleteRows(sheet: SheetModel, row: number, count: number): void {
    sheet.removeRows(row, count);
    const last = row + count - 1;
    const shift = (range: GridRange): boolean => {
      const end = range.row + range.numRows - 1;
      if (range.row > last) range.row -= count;
      else if (end >= row) {
        const kept = Math.max(0, row - range.row) + Math.max(0, end - last);
        if (kept === 0) return false;
        range.row = Math.min(range.row, row);
        range.numRows = kept;
      }
      return true;
    };
    this.moveRanges(sheet, shift);
  }

  /** Moves the zone, keeping each date cell's wall-clock reading (its serial number in Sheets). */
  changeTimeZone(timeZone: string): void {
    const from = this.timeZone;
    for (const sheet of this.sheets)
      for (const cells of sheet.rows)
        for (const cell of cells ?? [])
          if (cell?.value instanceof Date)
            cell.value = new Date(sameWallClock(cell.value.getTime(), from, timeZone));
    this.timeZone = timeZone;
    this.touch();
  }

  /**
   * Inserts `count` columns before `column` (count > 0) or deletes `-count` columns from it: ranges
   * right of them move, ranges across them grow or shrink, ranges wholly deleted are dropped.
   */
  spliceColumns(sheet: SheetModel, column: number, count: number): void {
    sheet.spliceColumns(column, count);
    const shift = (range: GridRange): boolean => {
      const end = range.column + range.numColumns - 1;
      if (count > 0) {
        if (range.column >= column) range.column += count;
        else if (end >= column || range.toLastColumn) range.numColumns += count;
        return true;
      }
      const last = column - count - 1;
      if (range.column > last) range.column += count;
      else if (end >= column) {
        const kept = Math.max(0, column - range.column) + Math.max(0, end - last);
        if (kept === 0) return false;
        range.column = Math.min(range.column, column);
        range.numColumns = kept;
      }
      return true;
    };
    this.moveRanges(sheet, shift);
  }

  /** Applies `shift` to the sheet's named ranges, rule ranges and protections; false drops one. */
  private moveRanges(sheet: SheetModel, shift: (range: GridRange) => boolean): void {
    for (const [name, range] of this.namedRanges)
      if (range.sheetId === sheet.id && !shift(range)) this.namedRanges.delete(name);
    for (const rule of sheet.conditionalRules) rule.ranges = rule.ranges.filter(shift);
    sheet.protections = sheet.protections.filter(
      (protection) => !protection.range || shift(protection.range),
    );
    this.touch();
  }

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((sheet) => sheet.name === name);
  }

  sheetById(id: number): SheetModel | undefined {
    return this.sheets.find((sheet) => sheet.id === id);
  }

  newObjectId(): number {
    return this.nextObjectId++;
  }

  toData(): WorkbookData {
    return {
      id: this.id,
      name: this.name,
      timeZone: this.timeZone,
      activeSheetId: this.activeSheetId,
      nextSheetId: this.nextSheetId,
      nextObjectId: this.nextObjectId,
      sheets: this.sheets.map((sheet) => ({
        id: sheet.id,
        name: sheet.name,
        hidden: sheet.hidden,
        frozenRows: sheet.frozenRows,
        frozenColumns: sheet.frozenColumns,
        maxRows: sheet.maxRows,
        maxColumns: sheet.maxColumns,
        cells: sheet.rows.flatMap((cells, r) =>
          (cells ?? []).flatMap((cell, c): [number, number, CellData][] =>
            cell && Object.keys(cell).length > 0 ? [[r + 1, c + 1, cell]] : [],
          ),
        ),
        conditionalRules: sheet.conditionalRules,
        charts: sheet.charts,
        protections: sheet.protections,
        metadata: sheet.metadata,
      })),
      namedRanges: Object.fromEntries(this.namedRanges),
      toasts: this.toasts,
    };
  }

  static fromData(data: WorkbookData): WorkbookModel {
    const book = new WorkbookModel(data.id, data.name, data.timeZone);
    for (const sheetData of data.sheets) {
      const sheet = new SheetModel(
        sheetData.id,
        sheetData.name,
        sheetData.maxRows,
        sheetData.maxColumns,
      );
      sheet.hidden = sheetData.hidden;
      sheet.frozenRows = sheetData.frozenRows;
      sheet.frozenColumns = sheetData.frozenColumns;
      for (const [row, column, cell] of sheetData.cells)
        Object.assign(sheet.cellForWrite(row, column), cell);
      sheet.conditionalRules = sheetData.conditionalRules;
      sheet.charts = sheetData.charts;
      sheet.protections = sheetData.protections;
      sheet.metadata = sheetData.metadata ?? [];
      book.sheets.push(sheet);
    }
    book.activeSheetId = data.activeSheetId;
    book.nextSheetId = data.nextSheetId;
    book.nextObjectId = data.nextObjectId;
    book.namedRanges = new Map(Object.entries(data.namedRanges));
    book.toasts = data.toasts;
    return book;
  }

  /** Marks content as changed so formula values are recomputed on the next read. */
  touch(): void {
    this.revision++;
  }

  /** Installs the formula evaluator; formula cells read '' while there is none. */
  setFormulaEvaluator(evaluator: FormulaEvaluator | null): void {
    this.evaluator = evaluator;
    this.computedRevision = -1;
  }

  /** The value a script reads from a cell: literal, computed formula result or spilled value. */
  readValue(sheet: SheetModel, row: number, column: number): CellValue {
    const cell = sheet.cell(row, column);
    if (cell?.formula !== undefined) {
      this.ensureComputed();
      return this.computed.get(key(sheet.id, row, column)) ?? '';
    }
    if (cell?.value !== undefined && cell.value !== '') return cell.value;
    if (this.evaluator === null) return '';
    this.ensureComputed();
    return this.spilled.get(key(sheet.id, row, column)) ?? '';
  }

  /** Last row holding content, counting values spilled by array formulas. */
  lastRow(sheet: SheetModel): number {
    let last = sheet.lastContentRow();
    if (this.evaluator === null) return last;
    this.ensureComputed();
    for (const [id, value] of this.spilled) {
      const [sheetId, row] = id.split(':').map(Number);
      if (sheetId === sheet.id && value !== '' && row! > last) last = row!;
    }
    return last;
  }

  lastColumn(sheet: SheetModel): number {
    let last = sheet.lastContentColumn();
    if (this.evaluator === null) return last;
    this.ensureComputed();
    for (const [id, value] of this.spilled) {
      const [sheetId, , column] = id.split(':').map(Number);
      if (sheetId === sheet.id && value !== '' && column! > last) last = column!;
    }
    return last;
  }

  /**
   * Recomputes every formula when content changed since the last read. Formulas are evaluated in
   * sheet order, row by row; values spilled by a later formula reach earlier readers on the next
   * pass, so up to three passes run until the spilled values stop changing.
   */
  private ensureComputed(): void {
    if (this.evaluator === null || this.computedRevision === this.revision) return;
    const evaluator = this.evaluator;
    this.computedRevision = this.revision;
    let previousSpill = new Map<string, CellValue>();
    for (let pass = 0; pass < 3; pass++) {
      const pass_ = new FormulaPass(this, evaluator, previousSpill);
      pass_.run();
      this.computed = pass_.results;
      this.spilled = pass_.spills;
      if (sameValues(previousSpill, pass_.spills)) break;
      previousSpill = pass_.spills;
    }
  }
}
