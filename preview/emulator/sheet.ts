/**
 * Sheet: one tab of a spreadsheet.
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet
 */
import { parseA1, resolveA1 } from './a1.js';
import { countCalls } from './calls.js';
import { cloneChart, FakeEmbeddedChart, FakeEmbeddedChartBuilder, newChartData } from './charts.js';
import type { EmulatorEnv } from './env.js';
import { own, type Returning } from './fakes.js';
import type { SheetModel, WorkbookModel } from './model.js';
import { FakeDeveloperMetadata } from './metadata.js';
import { FakeProtection } from './protection.js';
import { FakeRange } from './range.js';
import { FakeConditionalFormatRule } from './rules.js';
import { FakeSpreadsheet } from './spreadsheet.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type ConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

export class FakeSheet
  implements
    Pick<
      Sheet,
      | 'getName'
      | 'getIndex'
      | 'getSheetId'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getMaxRows'
      | 'getMaxColumns'
      | 'insertRows'
      | 'deleteRows'
      | 'deleteColumns'
      | 'setFrozenRows'
      | 'getFrozenRows'
      | 'setFrozenColumns'
      | 'getFrozenColumns'
      | 'isSheetHidden'
      | 'setConditionalFormatRules'
      | 'insertChart'
      | 'updateChart'
      | 'removeChart'
    >,
    Returning<Sheet, 'getRange' | 'getDataRange', FakeRange>,
    Returning<
      Sheet,
      | 'setName'
      | 'appendRow'
      | 'insertRowsAfter'
      | 'insertRowsBefore'
      | 'hideSheet'
      | 'showSheet'
      | 'clear'
      | 'activate'
      | 'deleteRow'
      | 'insertColumnsAfter'
      | 'addDeveloperMetadata',
      FakeSheet
    >,
    Returning<Sheet, 'getParent', FakeSpreadsheet>,
    Returning<Sheet, 'getConditionalFormatRules', FakeConditionalFormatRule[]>,
    Returning<Sheet, 'protect', FakeProtection>,
    Returning<Sheet, 'getProtections', FakeProtection[]>,
    Returning<Sheet, 'newChart', FakeEmbeddedChartBuilder>,
    Returning<Sheet, 'getCharts', FakeEmbeddedChart[]>,
    Returning<Sheet, 'getDeveloperMetadata', FakeDeveloperMetadata[]>
{
  constructor(
    readonly env: EmulatorEnv,
    readonly book: WorkbookModel,
    readonly sheet: SheetModel,
  ) {}

  getName(): string {
    return this.sheet.name;
  }

  /** https://developers.google.com/apps-script/reference/spreadsheet/sheet#setnamename */
  setName(name: string): FakeSheet {
    const other = this.book.sheetByName(name);
    if (other && other !== this.sheet) {
      this.env.fail(
        `Exception: A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
    this.sheet.name = name;
    this.book.touch();
    return this;
  }

  /** 1-based position among the tabs. */
  getIndex(): number {
    return this.book.sheets.indexOf(this.sheet) + 1;
  }

  getSheetId(): number {
    return this.sheet.id;
  }

  getParent(): FakeSpreadsheet {
    return new FakeSpreadsheet(this.env, this.book);
  }

  activate(): FakeSheet {
    this.book.activeSheetId = this.sheet.id;
    return this;
  }

  /**
   * `getRange('A1:B2')`, `getRange('A2:A')` (to the last row of the grid), `getRange('A:C')`,
   * `getRange(row, column[, numRows[, numColumns]])`.
   * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getrangea1notation
   */
  getRange(
    rowOrA1: number | string,
    column?: number,
    numRows?: number,
    numColumns?: number,
  ): FakeRange {
    if (typeof rowOrA1 === 'string') {
      let reference;
      try {
        reference = parseA1(rowOrA1);
      } catch (error) {
        return this.env.fail(`Exception: ${(error as Error).message}`);
      }
      if (reference.sheetName !== null && reference.sheetName !== this.sheet.name) {
        this.env.fail(
          `Exception: Range not found: "${rowOrA1}" names another sheet than ${this.sheet.name}.`,
        );
      }
      return new FakeRange(
        this.env,
        this.book,
        this.sheet,
        resolveA1(reference, this.sheet.maxRows, this.sheet.maxColumns),
      );
    }
    if (typeof rowOrA1 !== 'number' || typeof column !== 'number') {
      this.env.fail(
        `Exception: The parameters (${typeof rowOrA1},${typeof column}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`,
      );
    }
    return new FakeRange(this.env, this.book, this.sheet, {
      row: rowOrA1,
      column,
      numRows: numRows ?? 1,
      numColumns: numColumns ?? 1,
    });
  }

  /** A1 to the last row and column with content; A1 alone on an empty sheet.
   * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getdatarange */
  getDataRange(): FakeRange {
    const numRows = Math.max(1, this.book.lastRow(this.sheet));
    const numColumns = Math.max(1, this.book.lastColumn(this.sheet));
    return new FakeRange(this.env, this.book, this.sheet, {
      row: 1,
      column: 1,
      numRows,
      numColumns,
    });
  }

  /** The last row with content (values, formulas, spilled results), 0 on an empty sheet.
   * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getlastrow */
  getLastRow(): number {
    return this.book.lastRow(this.sheet);
  }

  getLastColumn(): number {
    return this.book.lastColumn(this.sheet);
  }

  getMaxRows(): number {
    return this.sheet.maxRows;
  }

  getMaxColumns(): number {
    return this.sheet.maxColumns;
  }

  /** https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertrowsrowindex,-numrows */
  insertRows(rowIndex: number, numRows = 1): void {
    this.book.insertRows(this.sheet, rowIndex, numRows);
  }

  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.book.insertRows(this.sheet, afterPosition + 1, howMany);
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): FakeSheet {
    this.book.insertRows(this.sheet, beforePosition, howMany);
    return this;
  }

  /**
   * Deletes rows, shifting the cells below up; deleting every row that is not frozen throws.
   * https://developers.google.com/apps-script/reference/spreadsheet/sheet#deleterowsrowposition,-howmany
   */
  deleteRows(rowPosition: number, howMany: number): void {
    if (
      !Number.isInteger(rowPosition) ||
      !Number.isInteger(howMany) ||
      rowPosition < 1 ||
      howMany < 1 ||
      rowPosition + howMany - 1 > this.sheet.maxRows
    ) {
      this.env.fail(
        `Exception: Those rows are out of bounds (rows ${rowPosition} to ${rowPosition + howMany - 1} of ${this.sheet.maxRows}).`,
      );
    }
    if (this.sheet.maxRows - howMany <= this.sheet.frozenRows) {
      this.env.fail('Exception: Sorry, it is not possible to delete all non-frozen rows.');
    }
    this.book.deleteRows(this.sheet, rowPosition, howMany);
  }

  /** https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertcolumnsafteraftercolumn,-howmany */
  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    if (
      !Number.isInteger(afterPosition) ||
      afterPosition < 1 ||
      afterPosition > this.sheet.maxColumns
    )
      this.env.fail(`Exception: Those columns are out of bounds (column ${afterPosition}).`);
    this.book.spliceColumns(this.sheet, afterPosition + 1, howMany);
    return this;
  }

  /** Deleting every column that is not frozen throws, as for rows.
   * https://developers.google.com/apps-script/reference/spreadsheet/sheet#deletecolumnscolumnposition,-howmany */
  deleteColumns(columnPosition: number, howMany: number): void {
    if (
      !Number.isInteger(columnPosition) ||
      !Number.isInteger(howMany) ||
      columnPosition < 1 ||
      howMany < 1 ||
      columnPosition + howMany - 1 > this.sheet.maxColumns
    ) {
      this.env.fail(`Exception: Those columns are out of bounds (column ${columnPosition}).`);
    }
    if (this.sheet.maxColumns - howMany <= this.sheet.frozenColumns)
      this.env.fail('Exception: Sorry, it is not possible to delete all non-frozen columns.');
    this.book.spliceColumns(this.sheet, columnPosition, -howMany);
  }

  deleteRow(rowPosition: number): FakeSheet {
    this.deleteRows(rowPosition, 1);
    return this;
  }

  /**
   * Attaches developer metadata to the sheet. Enum values are name strings in the emulator, so a
   * second argument is read as the value (visibility is not modelled: DOCUMENT).
   * https://developers.google.com/apps-script/reference/spreadsheet/sheet#adddevelopermetadatakey,-value
   */
  addDeveloperMetadata(key: string, value?: string, _visibility?: unknown): FakeSheet {
    if (typeof key !== 'string' || key === '')
      this.env.fail('Exception: Developer metadata needs a non-empty key.');
    this.sheet.metadata.push({
      id: this.book.newObjectId(),
      key,
      value: value === undefined ? null : String(value),
    });
    return this;
  }

  /** https://developers.google.com/apps-script/reference/spreadsheet/sheet#getdevelopermetadata */
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    return this.env.realm.list(
      this.sheet.metadata.map(
        (entry) => new FakeDeveloperMetadata(this.env, this.book, this.sheet, entry),
      ),
    );
  }

  /** Writes after the last row with content, growing the grid when it is full.
   * https://developers.google.com/apps-script/reference/spreadsheet/sheet#appendrowrowcontents */
  appendRow(rowContents: unknown[]): FakeSheet {
    if (!Array.isArray(rowContents) || rowContents.length === 0) {
      this.env.fail(
        "Exception: The parameters (appendRow) don't match the method signature: pass a non-empty array.",
      );
    }
    const row = this.book.lastRow(this.sheet) + 1;
    const { maxRows, maxColumns } = this.sheet;
    if (row > maxRows) this.book.insertRows(this.sheet, maxRows + 1, row - maxRows);
    if (rowContents.length > maxColumns)
      this.book.spliceColumns(this.sheet, maxColumns + 1, rowContents.length - maxColumns);
    new FakeRange(this.env, this.book, this.sheet, {
      row,
      column: 1,
      numRows: 1,
      numColumns: rowContents.length,
    }).setValues([rowContents]);
    return this;
  }

  setFrozenRows(rows: number): void {
    this.sheet.frozenRows = rows;
  }

  getFrozenRows(): number {
    return this.sheet.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    this.sheet.frozenColumns = columns;
  }

  getFrozenColumns(): number {
    return this.sheet.frozenColumns;
  }

  /** https://developers.google.com/apps-script/reference/spreadsheet/sheet#hidesheet */
  hideSheet(): FakeSheet {
    if (this.book.sheets.filter((s) => !s.hidden && s !== this.sheet).length === 0) {
      this.env.fail("Exception: You can't hide all the sheets in a document.");
    }
    this.sheet.hidden = true;
    return this;
  }

  showSheet(): FakeSheet {
    this.sheet.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    return this.sheet.hidden;
  }

  /** Clears contents and formats of the whole sheet. */
  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): FakeSheet {
    new FakeRange(this.env, this.book, this.sheet, {
      row: 1,
      column: 1,
      numRows: this.sheet.maxRows,
      numColumns: this.sheet.maxColumns,
    }).clear(options);
    return this;
  }

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    return this.env.realm.list(
      this.sheet.conditionalRules.map(
        (rule) => new FakeConditionalFormatRule(this.env, this.book, rule),
      ),
    );
  }

  /** Replaces all the sheet's rules.
   * https://developers.google.com/apps-script/reference/spreadsheet/sheet#setconditionalformatrulesrules */
  setConditionalFormatRules(rules: (ConditionalFormatRule | FakeConditionalFormatRule)[]): void {
    this.sheet.conditionalRules = rules.map(
      (rule) => own(this.env, rule, FakeConditionalFormatRule, 'ConditionalFormatRule').rule,
    );
  }

  protect(): FakeProtection {
    const protection = {
      id: this.book.newObjectId(),
      range: null,
      description: '',
      warningOnly: false,
    };
    this.sheet.protections.push(protection);
    return new FakeProtection(this.env, this.book, this.sheet, protection);
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): FakeProtection[] {
    const wanted = String(type);
    return this.env.realm.list(
      this.sheet.protections
        .filter((protection) => (protection.range ? 'RANGE' : 'SHEET') === wanted)
        .map((protection) => new FakeProtection(this.env, this.book, this.sheet, protection)),
    );
  }

  newChart(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this.env, this.book, newChartData());
  }

  /** https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertchartchart */
  insertChart(chart: EmbeddedChart | FakeEmbeddedChart): void {
    const data = cloneChart(own(this.env, chart, FakeEmbeddedChart, 'EmbeddedChart').chart);
    data.id = this.book.newObjectId();
    this.sheet.charts.push(data);
  }

  getCharts(): FakeEmbeddedChart[] {
    return this.env.realm.list(
      this.sheet.charts.map(
        (chart) => new FakeEmbeddedChart(this.env, this.book, cloneChart(chart)),
      ),
    );
  }

  /** Replaces the inserted chart with the same id (a chart rebuilt with modify()). */
  updateChart(chart: EmbeddedChart | FakeEmbeddedChart): void {
    const data = own(this.env, chart, FakeEmbeddedChart, 'EmbeddedChart').chart;
    const index = this.sheet.charts.findIndex((existing) => existing.id === data.id);
    if (index < 0)
      this.env.fail('Exception: The chart is not on this sheet; insert it with insertChart first.');
    this.sheet.charts[index] = cloneChart(data);
  }

  removeChart(chart: EmbeddedChart | FakeEmbeddedChart): void {
    const data = own(this.env, chart, FakeEmbeddedChart, 'EmbeddedChart').chart;
    this.sheet.charts = this.sheet.charts.filter((existing) => existing.id !== data.id);
  }
}
countCalls(FakeSheet, 'Sheet');
