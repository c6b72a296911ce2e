/**
 * One evaluation of every formula cell of a workbook through the formula evaluator, with cycle
 * detection and spilling of array results (see WorkbookModel.readValue for when it runs).
 */
import type { GridRange } from './a1.js';
import type { FormulaEvaluator, SheetModel, WorkbookModel, WorkbookReader } from './model.js';
import type { CellValue } from './values.js';

/** The map key of a cell. */
export function cellKey(sheetId: number, row: number, column: number): string {
  return `${sheetId}:${row}:${column}`;
}

export function sameValues(a: Map<string, CellValue>, b: Map<string, CellValue>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, value] of a) {
    const other = b.get(id);
    if (other === undefined || !sameValue(value, other)) return false;
  }
  return true;
}

function sameValue(a: CellValue, b: CellValue): boolean {
  return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
}

type Extent = Map<number, { row: number; column: number }>;

function widen(extent: Extent, sheetId: number, row: number, column: number): void {
  const known = extent.get(sheetId);
  if (!known) extent.set(sheetId, { row, column });
  else
    extent.set(sheetId, { row: Math.max(known.row, row), column: Math.max(known.column, column) });
}

/** Per sheet id, the last row and column holding a non-blank value among spilled cells. */
function extentOf(spills: Map<string, CellValue>): Extent {
  const extent: Extent = new Map();
  for (const [id, value] of spills) {
    if (value === '') continue;
    const [sheetId, row, column] = id.split(':').map(Number);
    widen(extent, sheetId!, row!, column!);
  }
  return extent;
}

/** One evaluation of all formula cells, with cycle detection. */
export class FormulaPass implements WorkbookReader {
  readonly results = new Map<string, CellValue>();
  readonly spills = new Map<string, CellValue>();
  private readonly inProgress = new Set<string>();
  /** Per sheet id, the last row and column holding a non-blank spilled value (this pass). */
  private readonly spillExtent: Extent = new Map();
  private previousExtent: Extent | null = null;

  constructor(
    private readonly workbook: WorkbookModel,
    private readonly evaluator: FormulaEvaluator,
    private readonly previousSpill: Map<string, CellValue>,
  ) {}

  get timeZone(): string {
    return this.workbook.timeZone;
  }

  get spreadsheetId(): string {
    return this.workbook.id;
  }

  run(): void {
    for (const sheet of this.workbook.sheets) {
      sheet.rows.forEach((cells, r) =>
        cells?.forEach((cell, c) => {
          if (cell?.formula !== undefined) this.evaluate(sheet, r + 1, c + 1);
        }),
      );
    }
  }

  private evaluate(sheet: SheetModel, row: number, column: number): CellValue {
    const id = cellKey(sheet.id, row, column);
    const done = this.results.get(id);
    if (done !== undefined) return done;
    // Sheets shows #REF! for a circular dependency.
    if (this.inProgress.has(id)) return '#REF!';
    this.inProgress.add(id);
    let result: CellValue | CellValue[][];
    try {
      result = this.evaluator(
        { formula: sheet.cell(row, column)!.formula!, sheetName: sheet.name, row, column },
        this,
      );
    } catch {
      result = '#ERROR!';
    }
    this.inProgress.delete(id);
    const value = Array.isArray(result) ? this.spill(sheet, row, column, result) : result;
    this.results.set(id, value ?? '');
    return value ?? '';
  }

  /** Writes an array result right and down; like Sheets, #REF! when it would overwrite content. */
  private spill(sheet: SheetModel, row: number, column: number, values: CellValue[][]): CellValue {
    const width = Math.max(0, ...values.map((line) => (Array.isArray(line) ? line.length : 1)));
    if (row + values.length - 1 > sheet.maxRows || column + width - 1 > sheet.maxColumns)
      return '#REF!';
    for (let r = 0; r < values.length; r++) {
      for (let c = 0; c < width; c++) {
        if ((r > 0 || c > 0) && sheet.hasContent(row + r, column + c)) return '#REF!';
      }
    }
    values.forEach((line, r) => {
      const cells = Array.isArray(line) ? line : [line];
      for (let c = 0; c < width; c++) {
        if (r === 0 && c === 0) continue;
        const value = cells[c] ?? '';
        this.spills.set(cellKey(sheet.id, row + r, column + c), value);
        if (value !== '') widen(this.spillExtent, sheet.id, row + r, column + c);
      }
    });
    const first = values[0];
    return (Array.isArray(first) ? first[0] : first) ?? '';
  }

  getValue(sheetName: string, row: number, column: number): CellValue {
    const sheet = this.sheet(sheetName);
    const cell = sheet.cell(row, column);
    if (cell?.formula !== undefined) return this.evaluate(sheet, row, column);
    if (cell?.value !== undefined && cell.value !== '') return cell.value;
    const id = cellKey(sheet.id, row, column);
    return this.spills.get(id) ?? this.previousSpill.get(id) ?? '';
  }

  getValues(
    sheetName: string,
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
  ): CellValue[][] {
    return Array.from({ length: numRows }, (_, r) =>
      Array.from({ length: numColumns }, (_, c) => this.getValue(sheetName, row + r, column + c)),
    );
  }

  getSheetNames(): string[] {
    return this.workbook.sheets.map((sheet) => sheet.name);
  }

  /**
   * Spilled values count as content, so an open-ended range (A2:A, L10:P) reaches them: Sheets
   * runs such ranges to the end of the grid, and rows past all content are blank either way.
   * https://support.google.com/docs/answer/6208276 (array results fill the cells below and right)
   * Spills of formulas not yet evaluated in this pass come from the previous pass (the model runs
   * passes until spills stop changing).
   */
  getSheetSize(sheetName: string) {
    const sheet = this.sheet(sheetName);
    this.previousExtent ??= extentOf(this.previousSpill);
    const spilled = [this.spillExtent.get(sheet.id), this.previousExtent.get(sheet.id)];
    return {
      maxRows: sheet.maxRows,
      maxColumns: sheet.maxColumns,
      lastRow: Math.max(sheet.lastContentRow(), ...spilled.map((extent) => extent?.row ?? 0)),
      lastColumn: Math.max(
        sheet.lastContentColumn(),
        ...spilled.map((extent) => extent?.column ?? 0),
      ),
    };
  }

  getNamedRange(name: string): ({ sheetName: string } & GridRange) | null {
    const range = this.workbook.namedRanges.get(name);
    const sheet = range && this.workbook.sheetById(range.sheetId);
    if (!range || !sheet) return null;
    return {
      sheetName: sheet.name,
      row: range.row,
      column: range.column,
      numRows: range.numRows,
      numColumns: range.numColumns,
    };
  }

  private sheet(sheetName: string): SheetModel {
    const sheet = this.workbook.sheetByName(sheetName);
    if (!sheet) throw new Error(`Unresolved sheet name '${sheetName}'.`);
    return sheet;
  }
}
