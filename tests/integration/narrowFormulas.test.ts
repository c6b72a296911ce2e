/**
 * The formulas the add-on writes pass their custom functions only the columns those read, found
 * where the user keeps them, and compute exactly what the same functions compute over the whole
 * named tables. Evaluated by the preview's formula engine on a workbook whose columns are not in
 * the order setup would create them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../preview/emulator/index';
import { buildBundle } from './bundle';
import { emulatorWith, lastToast, sheetFormulas, sheetValues } from './setupHelpers';
import { onSpreadsheetClock } from './spreadsheetClock';
import {
  BALANCE_COLUMNS,
  FORECAST_CHECK_IN_COLUMNS,
  OBJECTIVE_FORECAST_COLUMNS,
  SCORE_COLUMNS,
} from '../../src/workbook/functionColumns';
import { CHECK_INS, KEY_RESULTS, type TableDef } from '../../src/workbook/schema';

beforeAll(buildBundle);

const day = (wallClock: string) => onSpreadsheetClock(wallClock);

/** A user's tables: a column of their own first, Weight before Type, Value before Timestamp. */
const USER_TABLES = {
  Objectives: [
    ['Team notes', 'ID', 'Objective', 'Cycle'],
    ['', 'O1', 'Grow the community', '2026-Q4'],
    ['', 'O2', 'Ship the mobile app', '2026-Q4'],
  ],
  'Key Results': [
    [
      'Notes',
      'ID',
      'Objective ID',
      'Key Result',
      'Weight',
      'Type',
      'Start',
      'Target',
      'Current',
      'Start Date',
      'Due Date',
    ],
    ['', 'KR1', 'O1', 'Reach 100 members', 1, 'increase', 0, 100, 40, '', ''],
    ['', 'KR2', 'O1', 'Cut churn to 20', 2, 'decrease', 100, 20, 70, '', day('2026-12-15')],
    ['', 'KR3', 'O2', 'Beta testers happy', '', 'percentage', '', '', 0.5, '', ''],
    ['', 'KR4', 'O2', 'Store listing live', 1, 'binary', '', '', false, '', ''],
    ['', 'KR5', 'O2', 'Crash-free days', 3, 'at least', 0, 10, 12, day('2026-10-15'), ''],
  ],
  'Check-ins': [
    ['Where', 'Value', 'Timestamp', 'Key Result ID', 'Confidence'],
    ['office', 10, day('2026-10-05T09:00'), 'KR1', 7],
    ['office', 95, day('2026-10-06T09:00'), 'KR2', 6],
    ['home', 20, day('2026-10-19T09:00'), 'KR1', 7],
    ['home', 85, day('2026-10-20T09:00'), 'KR2', 6],
    ['office', 0.3, day('2026-10-21T09:00'), 'KR3', 5],
    ['office', 35, day('2026-11-09T09:00'), 'KR1', 8],
    ['home', 70, day('2026-11-10T09:00'), 'KR2', 6],
    ['home', 0.5, day('2026-11-11T09:00'), 'KR3', 5],
  ],
};

/** The same functions over the whole named tables, written on a sheet of their own. */
const WHOLE_TABLE_FORMULAS = {
  A1: '=OKRSCORE(OKR_KEY_RESULTS, Objectives!B2:B3)',
  B1: '=OKRPLANNED(OKR_KEY_RESULTS, Objectives!B2:B3, OKR_REPORT_DATE, OKR_CYCLE_START, OKR_CYCLE_END)',
  C1: "=OKRFORECAST(OKR_KEY_RESULTS, OKR_CHECKINS, 'Key Results'!B2:B6, OKR_REPORT_DATE, OKR_CYCLE_START, OKR_CYCLE_END)",
  D1: '=OKRFORECAST(OKR_KEY_RESULTS, OKR_CHECKINS, Objectives!B2:B3, OKR_REPORT_DATE, OKR_CYCLE_START, OKR_CYCLE_END)',
  F1: '=OKRBALANCE(OKR_KEY_RESULTS, OKR_REPORT_DATE, OKR_CYCLE_START, OKR_CYCLE_END, OKR_AT_RISK_GAP, OKR_OFF_TRACK_GAP)',
};

function setUpUserWorkbook(): Emulator {
  const emulator = emulatorWith(USER_TABLES, { formulas: true });
  emulator.call('setUpWorkbook');
  emulator.call('buildDashboard');
  emulator.uncounted(() => {
    const sheet = emulator.spreadsheet.insertSheet('Whole tables');
    for (const [a1, formula] of Object.entries(WHOLE_TABLE_FORMULAS))
      sheet.getRange(a1).setFormula(formula);
  });
  return emulator;
}

/** The headers of `sheetName` that a formula's `'Sheet'!X1:Y` ranges (or bare `X1:Y`) name. */
function headersNamed(
  emulator: Emulator,
  formula: string,
  sheetName: string,
  onItsSheet = false,
): string[] {
  const [header = []] = sheetValues(emulator, sheetName);
  const letterIndex = (letters: string) =>
    [...letters].reduce((total, letter) => total * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  const quoted = `'${sheetName.replace(/'/g, "''")}'!`;
  const ranges = onItsSheet
    ? /(?<![!A-Z$])([A-Z]+)1:([A-Z]+)(?![0-9])/g
    : new RegExp(`${quoted.replace(/[-']/g, (c) => `\\${c}`)}([A-Z]+)1:([A-Z]+)(?![0-9])`, 'g');
  const named: string[] = [];
  for (const [, first, last] of formula.matchAll(ranges)) {
    for (let index = letterIndex(first!); index <= letterIndex(last!); index++)
      named.push(String(header[index]));
  }
  return named.sort();
}

const headersOf = (table: TableDef, keys: readonly string[]) =>
  table.columns
    .filter((column) => keys.includes(column.key))
    .map((column) => column.header)
    .sort();

/** The column of a sheet under a header, below the header row, `count` rows. */
function columnValues(emulator: Emulator, sheetName: string, header: string, count: number) {
  const [head = [], ...rows] = sheetValues(emulator, sheetName);
  const index = head.indexOf(header);
  if (index < 0) throw new Error(`${sheetName} has no ${header} column`);
  return rows.slice(0, count).map((row) => row[index]);
}

/** `count` values of a column of the Whole tables sheet, blanks included. */
function wholeTable(emulator: Emulator, column: string, count: number): unknown[] {
  return emulator.uncounted(() =>
    emulator.spreadsheet
      .getSheetByName('Whole tables')!
      .getRange(`${column}1:${column}${count}`)
      .getValues()
      .map(([value]) => value),
  );
}

describe('Formulas the add-on writes on a workbook with the columns moved', () => {
  const emulator = setUpUserWorkbook();
  const objectiveFormulas = sheetFormulas(emulator, 'Objectives')[0]!;
  const keyResultFormulas = sheetFormulas(emulator, 'Key Results')[0]!;
  const dashboardFormulas = sheetFormulas(emulator, 'Dashboard').flat().filter(Boolean);
  const formulaOf = (formulas: string[], name: string) =>
    formulas.find((formula) => formula.includes(`${name}(`))!;

  it('name no whole table', () => {
    for (const formula of [...objectiveFormulas, ...keyResultFormulas, ...dashboardFormulas])
      expect(formula).not.toMatch(/OKR_KEY_RESULTS|OKR_CHECKINS/);
  });

  it('pass the Objectives Score and Planned only the Key Results columns they read', () => {
    const score = formulaOf(objectiveFormulas, 'OKRSCORE');
    const planned = formulaOf(objectiveFormulas, 'OKRPLANNED');
    expect(headersNamed(emulator, score, 'Key Results')).toEqual(
      headersOf(KEY_RESULTS, SCORE_COLUMNS),
    );
    expect(headersNamed(emulator, planned, 'Key Results')).toEqual(
      headersOf(KEY_RESULTS, BALANCE_COLUMNS),
    );
  });

  it('pass the Key Results Forecast three Check-ins columns of nine', () => {
    const forecast = formulaOf(keyResultFormulas, 'OKRFORECAST');
    expect(headersNamed(emulator, forecast, 'Check-ins')).toEqual(
      headersOf(CHECK_INS, FORECAST_CHECK_IN_COLUMNS),
    );
    expect(headersNamed(emulator, forecast, 'Key Results', true)).toEqual(
      ['Due Date', 'ID', 'Start', 'Start Date', 'Target', 'Type'].sort(),
    );
  });

  it('pass the Dashboard’s OKRSCORE, OKRFORECAST and OKRBALANCE only the columns each reads', () => {
    const named = (name: string, sheet: string) =>
      headersNamed(emulator, formulaOf(dashboardFormulas, name), sheet);
    expect(named('OKRSCORE', 'Key Results')).toEqual(headersOf(KEY_RESULTS, SCORE_COLUMNS));
    expect(named('OKRBALANCE', 'Key Results')).toEqual(headersOf(KEY_RESULTS, BALANCE_COLUMNS));
    expect(named('OKRFORECAST', 'Key Results')).toEqual(
      headersOf(KEY_RESULTS, OBJECTIVE_FORECAST_COLUMNS),
    );
    expect(named('OKRFORECAST', 'Check-ins')).toEqual(
      headersOf(CHECK_INS, FORECAST_CHECK_IN_COLUMNS),
    );
  });

  it('compute what the same functions compute over the whole tables', () => {
    const scores = columnValues(emulator, 'Objectives', 'Score', 2);
    expect(scores.every((score) => typeof score === 'number')).toBe(true);
    expect(scores).toEqual(wholeTable(emulator, 'A', 2));
    const planned = columnValues(emulator, 'Objectives', 'Planned', 2);
    expect(planned.every((value) => typeof value === 'number')).toBe(true);
    expect(planned).toEqual(wholeTable(emulator, 'B', 2));
    const forecasts = columnValues(emulator, 'Key Results', 'Forecast', 5);
    expect(forecasts.filter((forecast) => typeof forecast === 'number')).toHaveLength(3);
    expect(forecasts).toEqual(wholeTable(emulator, 'C', 5));
  });

  it('give the Dashboard the scores, forecasts and balance of the whole tables', () => {
    const dashboard = sheetValues(emulator, 'Dashboard');
    const headerRow = dashboard.findIndex((row) => row[0] === 'ID' && row[5] === 'Score');
    const objectiveRows = dashboard.slice(headerRow + 1, headerRow + 3);
    const byId = new Map(objectiveRows.map((row) => [row[0], row]));
    const ids = ['O1', 'O2'];
    expect(ids.map((id) => byId.get(id)![5])).toEqual(wholeTable(emulator, 'A', 2));
    const forecasts = ids.map((id) => byId.get(id)![10]);
    expect(forecasts.every((value) => typeof value === 'number')).toBe(true);
    expect(forecasts).toEqual(wholeTable(emulator, 'D', 2));
    const balance = dashboard.slice(headerRow, headerRow + 4).map((row) => row.slice(12, 17));
    const whole = sheetValues(emulator, 'Whole tables')
      .slice(0, 4)
      .map((row) => row.slice(5, 10));
    expect(balance).toEqual(whole);
    expect(balance[3]![0]).toBe('Balance');
  });
});

describe('Set up again on a workbook whose formulas pass whole tables', () => {
  const emulator = setUpUserWorkbook();
  const narrow = sheetFormulas(emulator, 'Objectives')[0]!;
  const scoreColumn = narrow.findIndex((formula) => formula.includes('OKRSCORE('));
  const scoresBefore = columnValues(emulator, 'Objectives', 'Score', 2);
  emulator.uncounted(() =>
    emulator.spreadsheet
      .getSheetByName('Objectives')!
      .getRange(1, scoreColumn + 1)
      .setFormula('={"Score"; OKRSCORE(OKR_KEY_RESULTS, B2:B)}'),
  );
  emulator.call('setUpWorkbook');

  it('writes our formula again over only the columns it reads, and says so', () => {
    expect(sheetFormulas(emulator, 'Objectives')[0]![scoreColumn]).toBe(narrow[scoreColumn]);
    expect(lastToast(emulator)).toBe('Updated 1 column formula');
    expect(columnValues(emulator, 'Objectives', 'Score', 2)).toEqual(scoresBefore);
  });

  it('finds nothing to do the next time', () => {
    emulator.call('setUpWorkbook');
    expect(lastToast(emulator)).toBe('Everything was already set up');
  });
});
