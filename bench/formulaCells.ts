/**
 * Cells Sheets hands the custom functions on every recalculation of the formulas the add-on
 * writes, part of `npm run bench:calls`: on a set-up workbook of 10,000 key results and 50,000
 * check-ins with its dashboard built, every formula whose custom function takes a table (the
 * Objectives Score and Planned, the Key Results Forecast, the Dashboard's OKRSCORE, OKRFORECAST and
 * OKRBALANCE) is read back, and the cells of its table arguments counted as Sheets sends them: a
 * range from row 1 of a column runs to the sheet's last grid row, a named table is its whole
 * range. "Whole tables" is the same formula with each other sheet's columns replaced by that
 * table's named range, as the add-on wrote them before (docs/performance.md).
 */
import type { Emulator } from '../preview/emulator/index';
import { columnIndex } from '../preview/emulator/a1';
import { scaleWorkbook, type Scale } from '../tests/integration/scaleWorkbook';
import { CHECK_INS, KEY_RESULTS, OBJECTIVES, type TableDef } from '../src/workbook/schema';

export const FORMULA_SCALE: Scale = { keyResults: 10_000, checkIns: 50_000 };

const TABLES: readonly TableDef[] = [OBJECTIVES, KEY_RESULTS, CHECK_INS];

export interface FormulaCells {
  /** Where the formula is: the sheet and the custom function. */
  place: string;
  formula: string;
  /** Columns passed of each sheet, against the whole tables: "Key Results 8/22, Check-ins 3/9". */
  columns: string;
  /** Cells of its table arguments as written, and as whole named tables. */
  cells: number;
  wholeTableCells: number;
}

/** The formulas calling a custom function with a table: header rows of the tables, the Dashboard. */
function tableFormulas(emulator: Emulator): { sheet: string; formula: string }[] {
  return emulator.uncounted(() =>
    ['Objectives', 'Key Results', 'Dashboard'].flatMap((name) => {
      const sheet = emulator.spreadsheet.getSheetByName(name)!;
      const rows = name === 'Dashboard' ? sheet.getLastRow() : 1;
      return sheet
        .getRange(1, 1, rows, sheet.getLastColumn())
        .getFormulas()
        .flat()
        .filter((formula) => /OKR(SCORE|PLANNED|FORECAST|BALANCE)\(/.test(formula))
        .map((formula) => ({ sheet: name, formula }));
    }),
  );
}

const SHEET_RANGE = String.raw`(?:'((?:[^']|'')+)'!)?\$?([A-Z]{1,3})\$?1:\$?([A-Z]{1,3})(?![0-9])`;

/** Columns of each sheet the table arguments pass: open-ended ranges from row 1, and named tables. */
function tableColumns(emulator: Emulator, formula: string, ownSheet: string): Map<string, number> {
  return emulator.uncounted(() => {
    const columns = new Map<string, number>();
    const add = (sheetName: string, count: number) =>
      columns.set(sheetName, (columns.get(sheetName) ?? 0) + count);
    for (const [, quoted, first, last] of formula.matchAll(new RegExp(SHEET_RANGE, 'g')))
      add(
        quoted ? quoted.replace(/''/g, "'") : ownSheet,
        columnIndex(last!) - columnIndex(first!) + 1,
      );
    for (const table of TABLES) {
      const uses = formula.split(table.namedRange).length - 1;
      const range = emulator.spreadsheet.getRangeByName(table.namedRange)!;
      if (uses > 0) add(range.getSheet().getName(), uses * range.getNumColumns());
    }
    return columns;
  });
}

/** Cells passed: each sheet's columns down to its last grid row (whole columns span every row). */
function cellsOf(emulator: Emulator, columns: Map<string, number>): number {
  return emulator.uncounted(() =>
    [...columns].reduce(
      (cells, [sheetName, count]) =>
        cells + count * emulator.spreadsheet.getSheetByName(sheetName)!.getMaxRows(),
      0,
    ),
  );
}

/** The formula as the add-on wrote it before: another sheet's columns become its named table. */
function withWholeTables(formula: string): string {
  return TABLES.reduce((text, table) => {
    const sheet = `'${table.sheetName.replace(/'/g, "''")}'!`;
    const range = `${sheet.replace(/[-'!]/g, '\\$&')}[A-Z]+1:[A-Z]+`;
    return text
      .replace(new RegExp(`\\{${range}(?:, ${range})*\\}`, 'g'), table.namedRange)
      .replace(new RegExp(range, 'g'), table.namedRange);
  }, formula);
}

/** The cells each table-taking formula of a workbook at FORMULA_SCALE receives per recalculation. */
export function measureFormulaCells(): FormulaCells[] {
  const emulator = scaleWorkbook(FORMULA_SCALE);
  emulator.call('buildDashboard');
  return tableFormulas(emulator).map(({ sheet, formula }) => {
    const narrow = tableColumns(emulator, formula, sheet);
    const whole = tableColumns(emulator, withWholeTables(formula), sheet);
    return {
      place: `${sheet} ${/OKR[A-Z]+/.exec(formula)![0]}`,
      formula,
      columns: [...narrow].map(([name, count]) => `${name} ${count}/${whole.get(name)}`).join(', '),
      cells: cellsOf(emulator, narrow),
      wholeTableCells: cellsOf(emulator, whole),
    };
  });
}
