/**
 * Range: a rectangle of cells on one sheet.
 * https://developers.google.com/apps-script/reference/spreadsheet/range
 */
import { toA1, type GridRange } from './a1.js';
import { countCalls } from './calls.js';
import { displayValue } from './display.js';
import type { EmulatorEnv } from './env.js';
import { own, type Returning } from './fakes.js';
import type { CellData, SheetModel, WorkbookModel } from './model.js';
import { FakeDataValidation } from './rules.js';
import { FakeProtection } from './protection.js';
import { FakeSheet } from './sheet.js';
import { FakeTextFinder } from './textFinder.js';
import { zonedParts, zonedTime, zoneOffsetMinutes } from './timezone.js';
import { isDateLike, parseEntry, type CellValue, type EntryContext } from './values.js';

type Range = GoogleAppsScript.Spreadsheet.Range;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

/** What getNumberFormat reports for a cell never formatted (Sheets' "Automatic").
 * https://developers.google.com/apps-script/reference/spreadsheet/range#getnumberformat */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

/** Default background and font colour Range getters report. */
const WHITE = '#ffffff';
const BLACK = '#000000';

export class FakeRange
  implements
    Pick<
      Range,
      | 'getValues'
      | 'getValue'
      | 'getDisplayValues'
      | 'getDisplayValue'
      | 'getFormulas'
      | 'getFormula'
      | 'getNumberFormat'
      | 'getNumberFormats'
      | 'getBackground'
      | 'getBackgrounds'
      | 'getFontWeight'
      | 'getFontWeights'
      | 'getNote'
      | 'getNotes'
      | 'getRow'
      | 'getColumn'
      | 'getNumRows'
      | 'getNumColumns'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getA1Notation'
      | 'isBlank'
    >,
    Returning<Range, 'createTextFinder', FakeTextFinder<FakeRange>>,
    Returning<
      Range,
      | 'setValues'
      | 'setValue'
      | 'setFormula'
      | 'setFormulas'
      | 'setNumberFormat'
      | 'setNumberFormats'
      | 'setBackground'
      | 'setBackgrounds'
      | 'setFontColor'
      | 'setFontWeight'
      | 'setNote'
      | 'clear'
      | 'clearContent'
      | 'clearFormat'
      | 'clearNote'
      | 'clearDataValidations'
      | 'getCell'
      | 'getNextDataCell'
      | 'offset'
      | 'setDataValidation'
      | 'setDataValidations',
      FakeRange
    >,
    Returning<Range, 'getSheet', FakeSheet>,
    Returning<Range, 'protect', FakeProtection>,
    Returning<Range, 'getDataValidation', FakeDataValidation | null>,
    Returning<Range, 'getDataValidations', (FakeDataValidation | null)[][]>
{
  constructor(
    readonly env: EmulatorEnv,
    readonly book: WorkbookModel,
    readonly sheet: SheetModel,
    readonly grid: GridRange,
  ) {
    // Apps Script's wording for each bad coordinate.
    if (grid.row < 1) env.fail('Exception: The starting row of the range is too small.');
    if (grid.column < 1) env.fail('Exception: The starting column of the range is too small.');
    if (grid.numRows < 1)
      env.fail('Exception: The number of rows in the range must be at least 1.');
    if (grid.numColumns < 1)
      env.fail('Exception: The number of columns in the range must be at least 1.');
    if (
      grid.row + grid.numRows - 1 > sheet.maxRows ||
      grid.column + grid.numColumns - 1 > sheet.maxColumns
    ) {
      // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getrangerow,-column,-numrows,-numcolumns
      // Apps Script's words, as logged by real scripts: https://github.com/diegomanuel/binance-to-google-sheets/issues/19
      env.fail('Exception: The coordinates of the range are outside the dimensions of the sheet.');
    }
  }

  // Reading ------------------------------------------------------------------------------------

  /** Dates come back as Date objects and empty cells as ''.
   * https://developers.google.com/apps-script/reference/spreadsheet/range#getvalues */
  getValues(): unknown[][] {
    return this.env.realm.grid(
      this.map((row, column) => this.scriptValue(this.book.readValue(this.sheet, row, column))),
    );
  }

  getValue(): unknown {
    return this.scriptValue(this.book.readValue(this.sheet, this.grid.row, this.grid.column));
  }

  /** Values as shown under their number formats (see display.ts for the formats understood).
   * https://developers.google.com/apps-script/reference/spreadsheet/range#getdisplayvalues */
  getDisplayValues(): string[][] {
    return this.env.realm.grid(this.map((row, column) => this.display(row, column)));
  }

  getDisplayValue(): string {
    return this.display(this.grid.row, this.grid.column);
  }

  /** '' for cells without a formula.
   * https://developers.google.com/apps-script/reference/spreadsheet/range#getformulas */
  getFormulas(): string[][] {
    return this.env.realm.grid(
      this.map((row, column) => this.sheet.cell(row, column)?.formula ?? ''),
    );
  }

  getFormula(): string {
    return this.sheet.cell(this.grid.row, this.grid.column)?.formula ?? '';
  }

  getNumberFormat(): string {
    return this.sheet.cell(this.grid.row, this.grid.column)?.numberFormat ?? DEFAULT_NUMBER_FORMAT;
  }

  getNumberFormats(): string[][] {
    return this.env.realm.grid(
      this.map(
        (row, column) => this.sheet.cell(row, column)?.numberFormat ?? DEFAULT_NUMBER_FORMAT,
      ),
    );
  }

  getBackground(): string {
    return this.sheet.cell(this.grid.row, this.grid.column)?.background ?? WHITE;
  }

  getBackgrounds(): string[][] {
    return this.env.realm.grid(
      this.map((row, column) => this.sheet.cell(row, column)?.background ?? WHITE),
    );
  }

  getFontColor(): string {
    return this.sheet.cell(this.grid.row, this.grid.column)?.fontColor ?? BLACK;
  }

  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this.sheet.cell(this.grid.row, this.grid.column)?.fontWeight ?? 'normal';
  }

  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this.env.realm.grid(
      this.map((row, column) => this.sheet.cell(row, column)?.fontWeight ?? 'normal'),
    );
  }

  getNote(): string {
    return this.sheet.cell(this.grid.row, this.grid.column)?.note ?? '';
  }

  getNotes(): string[][] {
    return this.env.realm.grid(this.map((row, column) => this.sheet.cell(row, column)?.note ?? ''));
  }

  getRow(): number {
    return this.grid.row;
  }

  getColumn(): number {
    return this.grid.column;
  }

  getNumRows(): number {
    return this.grid.numRows;
  }

  getNumColumns(): number {
    return this.grid.numColumns;
  }

  /** The end row of the range (not of the data, unlike Sheet.getLastRow).
   * https://developers.google.com/apps-script/reference/spreadsheet/range#getlastrow */
  getLastRow(): number {
    return this.grid.row + this.grid.numRows - 1;
  }

  getLastColumn(): number {
    return this.grid.column + this.grid.numColumns - 1;
  }

  getA1Notation(): string {
    return toA1(this.grid);
  }

  getSheet(): FakeSheet {
    return new FakeSheet(this.env, this.book, this.sheet);
  }

  /** A cell relative to the range's top-left (1-based). */
  getCell(row: number, column: number): FakeRange {
    if (row > this.grid.numRows || column > this.grid.numColumns) {
      this.env.fail(
        `Exception: Cell reference out of range: (${row}, ${column}) is outside ${this.getA1Notation()}.`,
      );
    }
    return this.at({
      row: this.grid.row + row - 1,
      column: this.grid.column + column - 1,
      numRows: 1,
      numColumns: 1,
    });
  }

  offset(
    rowOffset: number,
    columnOffset: number,
    numRows?: number,
    numColumns?: number,
  ): FakeRange {
    return this.at({
      row: this.grid.row + rowOffset,
      column: this.grid.column + columnOffset,
      numRows: numRows ?? this.grid.numRows,
      numColumns: numColumns ?? this.grid.numColumns,
    });
  }

  /**
   * Ctrl+arrow from the range's first cell: the edge of the block of cells with data it is in or
   * next to, or the sheet's edge. Formulas and non-blank spilled values count as data.
   * https://developers.google.com/apps-script/reference/spreadsheet/range#getnextdatacelldirection
   */
  getNextDataCell(direction: GoogleAppsScript.Spreadsheet.Direction): FakeRange {
    const steps: Record<string, [number, number]> = {
      UP: [-1, 0],
      DOWN: [1, 0],
      PREVIOUS: [0, -1],
      NEXT: [0, 1],
    };
    const step = steps[String(direction)];
    if (!step) this.env.fail(`Exception: Invalid argument: direction (${String(direction)}).`);
    const [rowStep, columnStep] = step!;
    const inGrid = (row: number, column: number) =>
      row >= 1 && column >= 1 && row <= this.sheet.maxRows && column <= this.sheet.maxColumns;
    const hasData = (row: number, column: number) =>
      this.sheet.cell(row, column)?.formula !== undefined ||
      this.book.readValue(this.sheet, row, column) !== '';
    let row = this.grid.row;
    let column = this.grid.column;
    const next = () => [row + rowStep, column + columnStep] as const;
    if (hasData(row, column) && inGrid(...next()) && hasData(...next())) {
      // Inside a block: to its last cell in that direction.
      while (inGrid(...next()) && hasData(...next())) [row, column] = next();
    } else {
      // On a blank cell or a block's edge: to the first cell with data, or the sheet's edge.
      while (inGrid(...next())) {
        [row, column] = next();
        if (hasData(row, column)) break;
      }
    }
    return this.at({ row, column, numRows: 1, numColumns: 1 });
  }

  /** Searches this range for text (see textFinder.ts).
   * https://developers.google.com/apps-script/reference/spreadsheet/range#createtextfinderfindtext */
  createTextFinder(findText: string): FakeTextFinder<FakeRange> {
    return new FakeTextFinder(
      this.env,
      {
        grid: this.grid,
        text: (row, column) => this.display(row, column),
        cell: (at) => this.at({ ...at, numRows: 1, numColumns: 1 }),
        gridOf: (range) => {
          const start = own(this.env, range, FakeRange, 'Range');
          if (start.sheet !== this.sheet)
            this.env.fail('Exception: The start range must be on the same sheet as the search.');
          return start.grid;
        },
      },
      findText,
    );
  }

  /** True when no cell has a value or a formula (formats do not count).
   * https://developers.google.com/apps-script/reference/spreadsheet/range#isblank */
  isBlank(): boolean {
    return this.map((row, column) => this.sheet.hasContent(row, column)).every((line) =>
      line.every((has) => !has),
    );
  }

  getDataValidation(): FakeDataValidation | null {
    const rule = this.sheet.cell(this.grid.row, this.grid.column)?.validation;
    return rule ? new FakeDataValidation(this.env, this.book, rule) : null;
  }

  getDataValidations(): (FakeDataValidation | null)[][] {
    return this.env.realm.grid(
      this.map((row, column) => {
        const rule = this.sheet.cell(row, column)?.validation;
        return rule ? new FakeDataValidation(this.env, this.book, rule) : null;
      }),
    );
  }

  // Writing ------------------------------------------------------------------------------------

  /**
   * The data must match the range's dimensions exactly, or it throws. Strings are read as typed
   * input: a leading = makes a formula unless the cell's format is plain text ('@').
   * https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluesvalues
   */
  setValues(values: unknown[][]): FakeRange {
    this.checkShape(values, 'data');
    for (const row of values) for (const value of row) this.checkCellLength(value);
    const context = this.entryContext();
    this.eachCell((cell, r, c) => this.writeEntry(cell, values[r]![c], context));
    return this.changed();
  }

  /** https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluevalue */
  setValue(value: unknown): FakeRange {
    this.checkCellLength(value);
    const context = this.entryContext();
    this.eachCell((cell) => this.writeEntry(cell, value, context));
    return this.changed();
  }

  /** Sets the same formula in every cell (references are not shifted in the emulator).
   * https://developers.google.com/apps-script/reference/spreadsheet/range#setformulaformula */
  setFormula(formula: string): FakeRange {
    this.checkCellLength(formula);
    this.eachCell((cell) => this.writeFormula(cell, formula));
    return this.changed();
  }

  /** https://developers.google.com/apps-script/reference/spreadsheet/range#setformulasformulas */
  setFormulas(formulas: string[][]): FakeRange {
    this.checkShape(formulas, 'formulas');
    for (const row of formulas) for (const formula of row) this.checkCellLength(formula);
    this.eachCell((cell, r, c) => this.writeFormula(cell, formulas[r]![c]!));
    return this.changed();
  }

  /** https://developers.google.com/apps-script/reference/spreadsheet/range#setnumberformatnumberformat */
  setNumberFormat(numberFormat: string): FakeRange {
    this.eachCell((cell) => (cell.numberFormat = String(numberFormat)));
    return this;
  }

  setNumberFormats(numberFormats: string[][]): FakeRange {
    this.checkShape(numberFormats, 'number formats');
    this.eachCell((cell, r, c) => (cell.numberFormat = String(numberFormats[r]![c])));
    return this;
  }

  /** null resets the background to white.
   * https://developers.google.com/apps-script/reference/spreadsheet/range#setbackgroundcolor */
  setBackground(color: string | null): FakeRange {
    this.eachCell((cell) => setOrDelete(cell, 'background', color));
    return this;
  }

  setBackgrounds(color: (string | null)[][]): FakeRange {
    this.checkShape(color, 'colours');
    this.eachCell((cell, r, c) => setOrDelete(cell, 'background', color[r]![c] ?? null));
    return this;
  }

  setFontColor(color: string | null): FakeRange {
    this.eachCell((cell) => setOrDelete(cell, 'fontColor', color));
    return this;
  }

  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): FakeRange {
    this.eachCell((cell) => setOrDelete(cell, 'fontWeight', fontWeight));
    return this;
  }

  setNote(note: string | null): FakeRange {
    this.eachCell((cell) => setOrDelete(cell, 'note', note === '' ? null : note));
    return this;
  }

  /** Clears contents and formats; options narrow it down.
   * https://developers.google.com/apps-script/reference/spreadsheet/range#clearoptions */
  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
  }): FakeRange {
    const narrowed =
      options &&
      (options.commentsOnly ||
        options.contentsOnly ||
        options.formatOnly ||
        options.validationsOnly);
    this.eachExistingCell((cell) => {
      if (!narrowed || options.contentsOnly) clearContent(cell);
      if (!narrowed || options.formatOnly) clearFormat(cell);
      if (narrowed && options.commentsOnly) delete cell.note;
      if (narrowed && options.validationsOnly) delete cell.validation;
    });
    return this.changed();
  }

  /**
   * Copies the cells' values (formulas as their results, no formats) to the rectangle of the same
   * size from `destination`'s top-left cell: the copy happens in the spreadsheet, so no cell value
   * passes through the script. A date loses its date format, so it lands as its serial number.
   * Only PASTE_VALUES, untransposed, is emulated; the rest is refused.
   * https://developers.google.com/apps-script/reference/spreadsheet/range#copytodestination,-copypastetype,-transposed
   */
  copyTo(
    destination: FakeRange,
    copyPasteType: GoogleAppsScript.Spreadsheet.CopyPasteType,
    transposed: boolean,
  ): void {
    if (String(copyPasteType) !== 'PASTE_VALUES' || transposed !== false)
      this.env.fail(
        `The emulator copies only with CopyPasteType.PASTE_VALUES, untransposed (got ${String(copyPasteType)}, ${String(transposed)}).`,
      );
    // Apps Script refuses a destination in another spreadsheet (copyValuesToRange is for that).
    if (destination.book !== this.book)
      this.env.fail('Exception: Target range and source range must be on the same spreadsheet.');
    const values = this.map((row, column) => this.book.readValue(this.sheet, row, column));
    // Stricter than Sheets, which may grow the sheet: the target must fit the grid.
    const target = destination.at({
      row: destination.grid.row,
      column: destination.grid.column,
      numRows: this.grid.numRows,
      numColumns: this.grid.numColumns,
    });
    target.eachCell((cell, r, c) => {
      clearContent(cell);
      const value = values[r]![c]!;
      if (value !== '') cell.value = value instanceof Date ? this.serialNumber(value) : value;
    });
    target.changed();
  }

  /** Clears values and formulas, keeping formats.
   * https://developers.google.com/apps-script/reference/spreadsheet/range#clearcontent */
  clearContent(): FakeRange {
    this.eachExistingCell(clearContent);
    return this.changed();
  }

  clearFormat(): FakeRange {
    this.eachExistingCell(clearFormat);
    return this;
  }

  clearNote(): FakeRange {
    this.eachExistingCell((cell) => delete cell.note);
    return this;
  }

  clearDataValidations(): FakeRange {
    this.eachExistingCell((cell) => delete cell.validation);
    return this;
  }

  /** null removes the rule. Scripts may still write values the rule rejects: validation only
   * stops people typing them. https://developers.google.com/apps-script/reference/spreadsheet/range#setdatavalidationrule */
  setDataValidation(rule: DataValidation | FakeDataValidation | null): FakeRange {
    const data =
      rule === null ? null : own(this.env, rule, FakeDataValidation, 'DataValidation').rule;
    if (data === null) this.eachExistingCell((cell) => delete cell.validation);
    else this.eachCell((cell) => (cell.validation = data));
    return this;
  }

  setDataValidations(rules: (DataValidation | FakeDataValidation | null)[][]): FakeRange {
    this.checkShape(rules, 'rules');
    this.eachCell((cell, r, c) => {
      const rule = rules[r]![c] ?? null;
      setOrDelete(
        cell,
        'validation',
        rule === null ? null : own(this.env, rule, FakeDataValidation, 'DataValidation').rule,
      );
    });
    return this;
  }

  /** https://developers.google.com/apps-script/reference/spreadsheet/range#protect */
  protect(): FakeProtection {
    const protection = {
      id: this.book.newObjectId(),
      range: { ...this.grid },
      description: '',
      warningOnly: false,
    };
    this.sheet.protections.push(protection);
    return new FakeProtection(this.env, this.book, this.sheet, protection);
  }

  // Internals (plain functions would do, but they need the range's state) ----------------------

  private at(grid: GridRange): FakeRange {
    return new FakeRange(this.env, this.book, this.sheet, grid);
  }

  private map<T>(read: (row: number, column: number) => T): T[][] {
    const { row, column, numRows, numColumns } = this.grid;
    const rows: T[][] = new Array(numRows);
    for (let r = 0; r < numRows; r++) {
      const line: T[] = new Array(numColumns);
      for (let c = 0; c < numColumns; c++) line[c] = read(row + r, column + c);
      rows[r] = line;
    }
    return rows;
  }

  /** Visits the cells that exist (clearing never needs to create one). */
  private eachExistingCell(clear: (cell: CellData) => unknown): void {
    const { row, column, numRows, numColumns } = this.grid;
    const lastRow = Math.min(row + numRows - 1, this.sheet.rows.length);
    for (let r = row; r <= lastRow; r++) {
      const cells = this.sheet.rows[r - 1];
      if (!cells) continue;
      const lastColumn = Math.min(column + numColumns - 1, cells.length);
      for (let c = column; c <= lastColumn; c++) {
        const cell = cells[c - 1];
        if (cell) clear(cell);
      }
    }
  }

  private eachCell(write: (cell: CellData, r: number, c: number) => unknown): void {
    const { row, column, numRows, numColumns } = this.grid;
    for (let r = 0; r < numRows; r++) {
      for (let c = 0; c < numColumns; c++)
        write(this.sheet.cellForWrite(row + r, column + c), r, c);
    }
  }

  private changed(): FakeRange {
    this.book.touch();
    return this;
  }

  /** Days since 1899-12-30 on the spreadsheet's wall clock, as Sheets numbers dates. */
  private serialNumber(date: Date): number {
    const wallClock =
      date.getTime() + zoneOffsetMinutes(date.getTime(), this.book.timeZone) * 60_000;
    return (wallClock - Date.UTC(1899, 11, 30)) / 86_400_000;
  }

  private scriptValue(value: CellValue): CellValue {
    return value instanceof Date ? this.env.realm.date(value.getTime()) : value;
  }

  private display(row: number, column: number): string {
    return displayValue(
      this.book.readValue(this.sheet, row, column),
      this.sheet.cell(row, column)?.numberFormat,
      this.book.timeZone,
    );
  }

  /** How strings written to this range are read as typed input (one context for the whole write). */
  private entryContext(): EntryContext {
    const timeZone = this.book.timeZone;
    return {
      moment: (typed) =>
        new Date(
          zonedTime(
            timeZone,
            typed.year,
            typed.month,
            typed.day,
            typed.hour,
            typed.minute,
            typed.second,
          ),
        ),
      currentYear: () => zonedParts(this.env.clock.now(), timeZone).year,
    };
  }

  private writeEntry(cell: CellData, input: unknown, context: EntryContext): void {
    const entry = parseEntry(input, cell.numberFormat ?? '', context);
    clearContent(cell);
    if ('formula' in entry) cell.formula = entry.formula;
    else if (entry.value !== '')
      cell.value = isDateLike(entry.value) ? new Date(entry.value.getTime()) : entry.value;
  }

  private writeFormula(cell: CellData, formula: string): void {
    if (typeof formula !== 'string')
      this.env.fail(
        `Exception: The parameters (${typeof formula}) don't match the method signature for SpreadsheetApp.Range.setFormula.`,
      );
    clearContent(cell);
    if (formula === '') return;
    cell.formula = formula.startsWith('=') ? formula : `=${formula}`;
  }

  /**
   * A cell holds at most 50,000 characters; Sheets refuses longer input with this message. The
   * limit is not in Google's reference; the message is as the Sheets API returns it
   * (https://github.com/freelabz/secator/issues/96, https://qiita.com/koshilife/items/5aff56c1bb9e5d31067f).
   * Stricter where nothing is documented: the whole input counts, a leading apostrophe included,
   * formulas too, and nothing of the call is written.
   */
  private checkCellLength(input: unknown): void {
    if (typeof input === 'string' && input.length > MAX_CELL_CHARACTERS)
      this.env.fail(
        `Exception: Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`,
      );
  }

  /** Apps Script's wording for data whose size differs from the range's.
   * https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluesvalues */
  private checkShape(values: unknown, what: string): void {
    if (!Array.isArray(values) || !values.every((row) => Array.isArray(row))) {
      this.env.fail(
        `Exception: The parameters (${typeof values}) don't match the method signature: ${what} must be a two-dimensional array.`,
      );
    }
    if (values.length !== this.grid.numRows) {
      this.env.fail(
        `Exception: The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.grid.numRows}.`,
      );
    }
    for (const row of values as unknown[][]) {
      if (row.length !== this.grid.numColumns) {
        this.env.fail(
          `Exception: The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.grid.numColumns}.`,
        );
      }
    }
  }
}
countCalls(FakeRange, 'Range');

const MAX_CELL_CHARACTERS = 50_000;

function clearContent(cell: CellData): void {
  delete cell.value;
  delete cell.formula;
}

function clearFormat(cell: CellData): void {
  delete cell.numberFormat;
  delete cell.background;
  delete cell.fontColor;
  delete cell.fontWeight;
}

function setOrDelete<K extends keyof CellData>(
  cell: CellData,
  field: K,
  value: CellData[K] | null | undefined,
): void {
  if (value === null || value === undefined) delete cell[field];
  else cell[field] = value;
}
