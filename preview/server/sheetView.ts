/**
 * What the page shows of one sheet: displayed values, formulas, colours (backgrounds and
 * conditional format rules), frozen rows and charts, read from the emulator's workbook model.
 */
import { columnLetters } from '../emulator/a1.js';
import { displayValue } from '../emulator/display.js';
import type { ConditionalRule, SheetModel, WorkbookModel } from '../emulator/model.js';
import { isDateLike, type CellValue } from '../emulator/values.js';
import type { FormulaEngine } from '../emulator/formulas/evaluator.js';
import type { CellView, ChartView, SheetView } from './apiTypes.js';

const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|ERROR!)$/;
/** Empty rows and columns shown past the content, so there is room to type. */
const MARGIN_ROWS = 12;
const MARGIN_COLUMNS = 3;
const MIN_ROWS = 30;
const MIN_COLUMNS = 8;

function within(rule: ConditionalRule, sheet: SheetModel, row: number, column: number): boolean {
  return rule.ranges.some(
    (range) =>
      range.sheetId === sheet.id &&
      row >= range.row &&
      row < range.row + range.numRows &&
      column >= range.column &&
      column < range.column + range.numColumns,
  );
}

/**
 * Whether a conditional format condition holds for a value. Rules apply in order and the first
 * that holds wins. https://support.google.com/docs/answer/78413
 */
function holds(rule: ConditionalRule, value: CellValue, formulaHolds: () => boolean): boolean {
  const number = typeof value === 'number' ? value : null;
  const [first, second] = rule.values.map((item) =>
    typeof item === 'number' ? item : Number(item),
  );
  switch (rule.condition) {
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return number !== null && number >= first!;
    case 'NUMBER_GREATER_THAN':
      return number !== null && number > first!;
    case 'NUMBER_LESS_THAN':
      return number !== null && number < first!;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return number !== null && number <= first!;
    case 'NUMBER_BETWEEN':
      return (
        number !== null &&
        number >= Math.min(first!, second!) &&
        number <= Math.max(first!, second!)
      );
    case 'NUMBER_EQUAL_TO':
      return number !== null && number === first;
    case 'TEXT_EQUAL_TO':
      return String(value).toLowerCase() === String(rule.values[0]).toLowerCase() && value !== '';
    case 'TEXT_CONTAINS':
      return (
        value !== '' && String(value).toLowerCase().includes(String(rule.values[0]).toLowerCase())
      );
    case 'CELL_EMPTY':
      return value === '';
    case 'CELL_NOT_EMPTY':
      return value !== '';
    case 'CUSTOM_FORMULA':
      return formulaHolds();
    default:
      return false;
  }
}

/** Sheets aligns numbers and dates right, booleans centre, text left. */
function alignmentOf(value: CellValue): CellView['align'] {
  if (typeof value === 'number' || isDateLike(value)) return 'right';
  if (typeof value === 'boolean') return 'center';
  return 'left';
}

function inputOf(value: CellValue | undefined): string {
  if (value === undefined) return '';
  if (isDateLike(value)) return value.toISOString().slice(0, 10);
  return String(value);
}

export interface SheetViewOptions {
  engine: FormulaEngine | null;
  /** Evaluates a conditional-format custom formula as if typed in the given cell. */
  customFormulaHolds?: (
    formula: string,
    sheet: SheetModel,
    row: number,
    column: number,
    rule: ConditionalRule,
  ) => boolean;
}

export function sheetView(
  book: WorkbookModel,
  sheet: SheetModel,
  options: SheetViewOptions,
): SheetView {
  const lastRow = book.lastRow(sheet);
  const lastColumn = book.lastColumn(sheet);
  const rowCount = Math.min(sheet.maxRows, Math.max(MIN_ROWS, lastRow + MARGIN_ROWS));
  const columnCount = Math.min(
    sheet.maxColumns,
    Math.max(MIN_COLUMNS, lastColumn + MARGIN_COLUMNS),
  );
  const spills = spillAnchors(book, sheet, options.engine, rowCount, columnCount);
  const cells: CellView[][] = [];
  for (let row = 1; row <= rowCount; row++) {
    const line: CellView[] = [];
    for (let column = 1; column <= columnCount; column++) {
      const data = sheet.cell(row, column);
      const value =
        row <= lastRow && column <= lastColumn ? book.readValue(sheet, row, column) : '';
      const text = displayValue(value, data?.numberFormat, book.timeZone);
      const error = typeof value === 'string' && ERROR_TEXT.test(value);
      let background = data?.background ?? null;
      let color = data?.fontColor ?? null;
      const rule = sheet.conditionalRules.find(
        (candidate) =>
          within(candidate, sheet, row, column) &&
          holds(
            candidate,
            value,
            () =>
              options.customFormulaHolds?.(
                String(candidate.values[0] ?? ''),
                sheet,
                row,
                column,
                candidate,
              ) ?? false,
          ),
      );
      if (rule) {
        background = rule.background ?? background;
        color = rule.fontColor ?? color;
      }
      const reason =
        error && data?.formula !== undefined
          ? (options.engine?.reasonFor(sheet.name, row, column) ?? null)
          : null;
      line.push({
        text,
        formula: data?.formula ?? '',
        input: data?.formula ?? inputOf(data?.value),
        numberFormat: data?.numberFormat ?? '',
        align: alignmentOf(value),
        background: background && background !== '#ffffff' ? background : null,
        color,
        bold: data?.fontWeight === 'bold',
        note:
          reason ??
          (value === '#REF!' && data?.formula
            ? spillReason(options.engine, sheet, row, column)
            : null) ??
          data?.note ??
          null,
        error,
        spilledFrom: spills.get(`${row}:${column}`) ?? null,
      });
    }
    cells.push(line);
  }
  return {
    name: sheet.name,
    hidden: sheet.hidden,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    rowCount,
    columnCount,
    cells,
    charts: sheet.charts.map((chart) => chartView(book, chart)),
  };
}

/** Which shown cells hold values spilled by which formula cell (Sheets shows that formula greyed). */
function spillAnchors(
  book: WorkbookModel,
  sheet: SheetModel,
  engine: FormulaEngine | null,
  rowCount: number,
  columnCount: number,
) {
  const anchors = new Map<string, { cell: string; formula: string }>();
  if (!engine) return anchors;
  sheet.rows.forEach((cells, r) =>
    cells?.forEach((data, c) => {
      const shape =
        data?.formula === undefined ? null : engine.arrayShapeFor(sheet.name, r + 1, c + 1);
      // A blocked spill shows #REF! in the formula cell and fills nothing.
      if (!shape || book.readValue(sheet, r + 1, c + 1) === '#REF!') return;
      const anchor = { cell: `${columnLetters(c + 1)}${r + 1}`, formula: data!.formula! };
      for (let row = r + 1; row < r + 1 + shape.rows && row <= rowCount; row++) {
        for (
          let column = c + 1;
          column < c + 1 + shape.columns && column <= columnCount;
          column++
        ) {
          if ((row > r + 1 || column > c + 1) && !sheet.hasContent(row, column))
            anchors.set(`${row}:${column}`, anchor);
        }
      }
    }),
  );
  return anchors;
}

/**
 * The model turns an array result that would overwrite data into #REF!; Sheets explains it as
 * "Array result was not expanded because it would overwrite data in B3."
 * https://support.google.com/docs/answer/6208276
 */
function spillReason(
  engine: FormulaEngine | null,
  sheet: SheetModel,
  row: number,
  column: number,
): string | null {
  const shape = engine?.arrayShapeFor(sheet.name, row, column);
  if (!shape) return 'Circular dependency detected, or a reference to a cell that does not exist.';
  for (let r = row; r < row + shape.rows; r++) {
    for (let c = column; c < column + shape.columns; c++) {
      if ((r > row || c > column) && sheet.hasContent(r, c)) {
        return `Array result was not expanded because it would overwrite data in ${columnLetters(c)}${r}.`;
      }
    }
  }
  return 'Array result was not expanded because it would run past the edge of the sheet.';
}

/** Labels from the first column of the chart's ranges, one series per further column (header row = names). */
function chartView(book: WorkbookModel, chart: SheetModel['charts'][number]): ChartView {
  const columns: { sheet: SheetModel; row: number; numRows: number; column: number }[] = [];
  for (const range of chart.ranges) {
    const sheet = book.sheetById(range.sheetId);
    if (!sheet) continue;
    for (let column = range.column; column < range.column + range.numColumns; column++) {
      columns.push({ sheet, row: range.row, numRows: range.numRows, column });
    }
  }
  const [labelColumn, ...seriesColumns] = columns;
  const labels: string[] = [];
  const series: ChartView['series'] = seriesColumns.map((source) => ({
    name: String(book.readValue(source.sheet, source.row, source.column)),
    values: [],
  }));
  if (labelColumn) {
    for (let offset = 1; offset < labelColumn.numRows; offset++) {
      const label = book.readValue(labelColumn.sheet, labelColumn.row + offset, labelColumn.column);
      if (label === '') continue;
      labels.push(String(label));
      seriesColumns.forEach((source, index) => {
        const value = book.readValue(source.sheet, source.row + offset, source.column);
        series[index]!.values.push(typeof value === 'number' ? value : 0);
      });
    }
  }
  return {
    id: chart.id,
    title: String(chart.options['title'] ?? ''),
    chartType: chart.chartType,
    anchorRow: chart.position.anchorRow,
    anchorColumn: chart.position.anchorColumn,
    labels,
    series,
  };
}
