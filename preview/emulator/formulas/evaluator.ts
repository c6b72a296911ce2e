/**
 * The preview's formula engine: evaluates one formula cell of the emulated workbook with
 * fast-formula-parser, plus the add-on's custom functions. The workbook model calls it through
 * its evaluator hook (WorkbookModel.setFormulaEvaluator) and handles passes, cycles and spills.
 *
 * Sheets semantics kept here:
 * - dates are serial numbers inside formulas, but custom functions receive Date objects, percents
 *   as fractions, empty cells as "" and ranges as 2-D arrays
 *   (https://developers.google.com/apps-script/guides/sheets/functions#data_types); a formula
 *   whose result is a date reads back as a Date, as Range.getValues returns dates
 *   (https://developers.google.com/apps-script/reference/spreadsheet/range#getvalues);
 * - an error thrown by a custom function shows as #ERROR! with its message
 *   (https://developers.google.com/apps-script/guides/sheets/functions#debugging);
 * - an unknown function or name shows as #NAME? — anything the preview cannot evaluate does too,
 *   with the reason kept for the cell's tooltip instead of failing.
 */
import FormulaParser from 'fast-formula-parser';
import type { FormulaCell, FormulaEvaluator, WorkbookReader } from '../model.js';
import { isDateLike, type CellValue } from '../values.js';
import { installBlankComparison } from './blankComparison.js';
import { extraFunctions } from './functions.js';
import { rewriteFormula } from './formulaText.js';
import type { ImportRange } from './importRange.js';
import { dateToSerial, serialToDate } from './serial.js';

const { FormulaError } = FormulaParser;
type ParserError = FormulaParser.Error;

/**
 * Sheets functions whose result is a date: "a function which returns a date object such as DATE,
 * DATEVALUE or TO_DATE", EDATE itself and EOMONTH ("Returns a date representing the last day of a
 * month"). https://support.google.com/docs/answer/3092974
 */
const DATE_FUNCTIONS = ['DATE', 'DATEVALUE', 'TO_DATE', 'EDATE', 'EOMONTH'];

/** Calls one custom function of the bundle with Sheets-shaped arguments; returns its raw result. */
export type CustomFunctionCall = (name: string, args: unknown[]) => unknown;

export interface FormulaEngineOptions {
  /** Upper-case names of the bundle's @customfunction functions. */
  customFunctionNames: Iterable<string>;
  callCustomFunction: CustomFunctionCall;
  /** The emulator's clock, for TODAY() and NOW(). */
  now: () => Date;
  /** IMPORTRANGE over other spreadsheets (importRange.ts); without it IMPORTRANGE is #REF!. */
  importRange?: ImportRange;
}

export interface FormulaEngine {
  evaluate: FormulaEvaluator;
  /** Why a formula cell shows an error (for a tooltip), or null. */
  reasonFor(sheetName: string, row: number, column: number): string | null;
  /** Size of the array a formula cell last returned, or null for a single value. */
  arrayShapeFor(
    sheetName: string,
    row: number,
    column: number,
  ): { rows: number; columns: number } | null;
}

const ERROR_TEXTS = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#ERROR!',
]);

function cellKey(sheetName: string, row: number, column: number): string {
  return `${sheetName}!${row}:${column}`;
}

function isFormulaError(value: unknown): value is ParserError {
  return value instanceof FormulaError;
}

export function createFormulaEngine(options: FormulaEngineOptions): FormulaEngine {
  installBlankComparison();
  const customNames = new Set([...options.customFunctionNames].map((name) => name.toUpperCase()));
  const reasons = new Map<string, string>();
  /**
   * Serial numbers that stood for dates in the formula being evaluated (date cells, TODAY()):
   * Sheets keeps such values typed as dates, so a custom function gets a Date for them even
   * through IF(…) or a named cell.
   */
  const dateSerials = new Set<number>();
  const asDateSerial = (serial: number): number => {
    dateSerials.add(serial);
    return serial;
  };
  const markDate = (result: unknown): unknown =>
    typeof result === 'number' && Number.isFinite(result) ? asDateSerial(result) : result;
  const isDateSerial = (value: unknown): boolean =>
    typeof value === 'number' && dateSerials.has(value);
  const arrayShapes = new Map<string, { rows: number; columns: number }>();
  let workbook: WorkbookReader | null = null;
  let current: FormulaCell | null = null;

  const reader = (): WorkbookReader => workbook!;
  const sheetOf = (sheet: string | undefined): string => sheet ?? current!.sheetName;

  /** A cell as the parser sees it: dates as serials, error texts as errors, blanks as null. */
  const toFormulaValue = (value: CellValue): unknown => {
    if (isDateLike(value)) return asDateSerial(dateToSerial(value, reader().timeZone));
    if (value === '') return null;
    if (typeof value === 'string' && ERROR_TEXTS.has(value)) return new FormulaError(value);
    return value;
  };

  const readRange = (
    sheet: string,
    fromRow: number,
    fromColumn: number,
    toRow: number,
    toColumn: number,
  ) => {
    const size = reader().getSheetSize(sheet);
    // Whole columns (A:A) reach the parser as a million rows; only the grid's rows exist.
    const lastRow = Math.min(toRow, size.maxRows);
    const lastColumn = Math.min(toColumn, size.maxColumns);
    if (lastRow < fromRow || lastColumn < fromColumn) return [];
    return reader().getValues(
      sheet,
      fromRow,
      fromColumn,
      lastRow - fromRow + 1,
      lastColumn - fromColumn + 1,
    );
  };

  const hasSheet = (sheet: string) => reader().getSheetNames().includes(sheet);

  const unresolvedSheet = (sheet: string): never => {
    throw new FormulaError('#REF!', `Unresolved sheet name '${sheet}'.`);
  };

  // The model evaluates referenced formula cells on demand, so parses nest: one parser per depth.
  const parsers: FormulaParser[] = [];
  let depth = 0;
  const makeParser = (): FormulaParser => {
    const parser = new FormulaParser({
      functions: {
        ...extraFunctions(
          () => asDateSerial(Math.floor(dateToSerial(options.now(), reader().timeZone))),
          () => asDateSerial(dateToSerial(options.now(), reader().timeZone)),
        ),
        IMPORTRANGE: (url: { value: unknown }, range: { value: unknown }) => {
          if (!options.importRange)
            throw new FormulaError(
              '#REF!',
              'This workbook has no other spreadsheets to import from.',
            );
          const values = options.importRange(url.value, range.value, reader().spreadsheetId);
          return values.map((row) => row.map(toFormulaValue));
        },
      },
      functionsNeedContext: Object.fromEntries(
        [...customNames].map((name) => [
          name,
          (_context: unknown, ...args: unknown[]) => callCustom(name, args),
        ]),
      ),
      onCell: (ref) => {
        const sheet = sheetOf(ref.sheet);
        if (!hasSheet(sheet)) return unresolvedSheet(sheet);
        return toFormulaValue(reader().getValue(sheet, ref.row, ref.col));
      },
      onRange: (ref) => {
        const sheet = sheetOf(ref.sheet);
        if (!hasSheet(sheet)) return unresolvedSheet(sheet);
        return readRange(sheet, ref.from.row, ref.from.col, ref.to.row, ref.to.col).map((row) =>
          row.map(toFormulaValue),
        );
      },
      onVariable: (name) => {
        const range = reader().getNamedRange(name);
        if (!range) return null;
        return {
          sheet: range.sheetName,
          from: { row: range.row, col: range.column },
          to: { row: range.row + range.numRows - 1, col: range.column + range.numColumns - 1 },
        };
      },
    });
    // Custom functions get references unread, so their cells arrive as values (Dates stay Dates).
    parser.funsNeedContextAndNoDataRetrieve.push(...customNames);
    for (const name of DATE_FUNCTIONS) {
      const compute = parser.functions[name];
      if (!compute) continue;
      parser.functions[name] = (...args: never[]) => markDate(compute(...args));
    }
    // Date ± days stays a date and date − date is a day count, as Sheets formats such results
    // (days are whole units of a date value: https://support.google.com/docs/answer/3092969).
    const applyInfix = parser.utils._applyInfix.bind(parser.utils);
    parser.utils._applyInfix = (left, infix, right) => {
      const result = applyInfix(left, infix, right);
      const leftDate = isDateSerial(left.val);
      const rightDate = isDateSerial(right.val);
      const datePlusDays = infix === '+' && leftDate !== rightDate;
      const dateMinusDays = infix === '-' && leftDate && !rightDate;
      return datePlusDays || dateMinusDays ? markDate(result) : result;
    };
    return parser;
  };

  const customValue = (value: unknown): unknown => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number' && dateSerials.has(value))
      return serialToDate(value, reader().timeZone);
    return value;
  };

  /** An argument as Apps Script hands it to a custom function: a value or a 2-D array. */
  const customArgument = (argument: unknown): unknown => {
    if (argument && typeof argument === 'object' && 'ref' in argument) {
      const ref = (argument as { ref: FormulaParser.CellRef | FormulaParser.RangeRef }).ref;
      const sheet = sheetOf(ref.sheet);
      if (!hasSheet(sheet)) return unresolvedSheet(sheet);
      if ('from' in ref)
        return readRange(sheet, ref.from.row, ref.from.col, ref.to.row, ref.to.col);
      return reader().getValue(sheet, ref.row, ref.col);
    }
    if (isFormulaError(argument)) throw argument;
    // Error values inside a range reach the function as their text (#N/A), as error cells read.
    if (Array.isArray(argument))
      return argument.map((row: unknown[]) =>
        row.map((value) => (isFormulaError(value) ? value.error : customValue(value))),
      );
    return customValue(argument);
  };

  const callCustom = (name: string, args: unknown[]): unknown => {
    const sheetsArgs = args.map(customArgument);
    let result: unknown;
    try {
      result = options.callCustomFunction(name, sheetsArgs);
    } catch (error) {
      const message =
        error instanceof Error || (error && typeof error === 'object' && 'message' in error)
          ? String((error as { message: unknown }).message)
          : String(error);
      throw new FormulaError('#ERROR!', message);
    }
    return toFormulaResult(result);
  };

  /** A custom function's return value in parser form: Dates become serials, 1-D arrays rows. */
  const toFormulaResult = (result: unknown): unknown => {
    const one = (value: unknown): unknown => {
      if (isDateLike(value)) return asDateSerial(dateToSerial(value, reader().timeZone));
      if (value === null || value === undefined) return '';
      if (typeof value === 'number' && !Number.isFinite(value)) return FormulaError.NUM;
      if (typeof value === 'object') return String(value);
      return value;
    };
    if (!Array.isArray(result)) return one(result);
    if (result.length === 0) return '';
    const rows = result.map((row) => (Array.isArray(row) ? row.map(one) : [one(row)]));
    const width = Math.max(...rows.map((row) => row.length));
    return rows.map((row) => [...row, ...Array<unknown>(width - row.length).fill('')]);
  };

  const toCellValue = (value: unknown, key: string): CellValue => {
    if (isFormulaError(value)) {
      if (value.message) reasons.set(key, value.message);
      return value.error;
    }
    if (value === null || value === undefined) return '';
    if (typeof value === 'number' && dateSerials.has(value))
      return serialToDate(value, reader().timeZone);
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
      return value;
    return String(value);
  };

  const evaluate: FormulaEvaluator = (cell, workbookReader) => {
    const key = cellKey(cell.sheetName, cell.row, cell.column);
    const outer = { workbook, current };
    workbook = workbookReader;
    current = cell;
    reasons.delete(key);
    if (depth === 0) dateSerials.clear();
    arrayShapes.delete(key);
    try {
      const text = rewriteFormula(cell.formula.replace(/^=/, ''), {
        currentSheet: cell.sheetName,
        lastRowOf: (sheet) => (hasSheet(sheet) ? reader().getSheetSize(sheet).lastRow : 0),
        isRangeFunction: (name) => customNames.has(name),
      });
      const parser = (parsers[depth] ??= makeParser());
      depth += 1;
      let result: unknown;
      try {
        result = parser.parse(
          text,
          { sheet: cell.sheetName, row: cell.row, col: cell.column },
          true,
        );
      } finally {
        depth -= 1;
      }
      if (Array.isArray(result)) {
        arrayShapes.set(key, {
          rows: result.length,
          columns: Math.max(0, ...result.map((row) => (Array.isArray(row) ? row.length : 1))),
        });
        return result.map((row: unknown[]) =>
          (Array.isArray(row) ? row : [row]).map((value) => toCellValue(value, key)),
        );
      }
      const value = toCellValue(result, key);
      if (value === '#NAME?' && !reasons.has(key))
        reasons.set(key, 'Unknown range name or function.');
      return value;
    } catch (error) {
      return unsupported(error, key);
    } finally {
      workbook = outer.workbook;
      current = outer.current;
    }
  };

  /** Parse errors and functions the engine lacks: #NAME? with the reason, never an exception. */
  const unsupported = (error: unknown, key: string): CellValue => {
    const message = error instanceof Error ? error.message : String(error);
    const missing = /Function (\S+) is not implemented/.exec(message);
    const custom =
      isFormulaError(error) &&
      error.error === '#ERROR!' &&
      !missing &&
      !/Error at position/.test(message);
    if (custom) {
      reasons.set(key, message);
      return '#ERROR!';
    }
    reasons.set(
      key,
      missing
        ? `Unknown function: '${missing[1]}'. The preview's formula engine does not have it.`
        : `The preview cannot read this formula: ${message.split('\n')[0] || 'parse error'}.`,
    );
    return '#NAME?';
  };

  return {
    evaluate,
    reasonFor: (sheetName, row, column) => reasons.get(cellKey(sheetName, row, column)) ?? null,
    arrayShapeFor: (sheetName, row, column) =>
      arrayShapes.get(cellKey(sheetName, row, column)) ?? null,
  };
}
