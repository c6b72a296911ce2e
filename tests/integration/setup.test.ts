import { describe, expect, it } from 'vitest';
import { SETTING_LABELS } from '../../src/core/settings';
import { TABLES } from '../../src/workbook/schema';
import {
  emulatorWith,
  headerIndex,
  lastToast,
  sheetFormulas,
  sheetValues,
  workbookJson,
  type SheetContents,
} from './setupHelpers';
import { onSpreadsheetClock } from './spreadsheetClock';

/** A date cell of that day: its midnight in the spreadsheet's zone, as sheetValues shows it. */
const midnight = (day: string): string => onSpreadsheetClock(day).toISOString();

describe('Set up OKR workbook on an empty spreadsheet', () => {
  const emulator = emulatorWith(undefined, { formulas: true });
  emulator.call('setUpWorkbook');
  const spreadsheet = emulator.spreadsheet;

  it('adds every OKR sheet with its headers in row 1, frozen', () => {
    for (const table of TABLES) {
      const sheet = spreadsheet.getSheetByName(table.sheetName)!;
      expect(sheet.getFrozenRows()).toBe(1);
      const formulas = sheetFormulas(emulator, table.sheetName)[0]!;
      const headers = sheetValues(emulator, table.sheetName)[0]!;
      const readHeaders = headers.map((text, index) =>
        formulas[index] ? /"([^"]+)"/.exec(formulas[index])![1] : text,
      );
      expect(readHeaders).toEqual(table.columns.map((column) => column.header));
    }
  });

  it('keeps the sheets that were there', () => {
    expect(spreadsheet.getSheets().map((sheet) => sheet.getName())).toEqual([
      'Sheet1',
      ...TABLES.map((table) => table.sheetName),
    ]);
  });

  it('fills Progress, Planned, Forecast and Status with spilling header formulas', () => {
    const formulas = sheetFormulas(emulator, 'Key Results')[0]!;
    expect(formulas.slice(18)).toEqual([
      '={"Progress"; OKRPROGRESS(E2:E, G2:G, H2:H, I2:I)}',
      expect.stringContaining('OKREXPECTED(') as unknown as string,
      '={"Forecast"; OKRFORECAST({A1:A, E1:E, G1:H, J1:K}, \'Check-ins\'!A1:C, A2:A, OKR_REPORT_DATE, OKR_CYCLE_START, OKR_CYCLE_END)}',
      '={"Status"; OKRSTATUS(S2:S, T2:T, OKR_AT_RISK_GAP, OKR_OFF_TRACK_GAP)}',
    ]);
  });

  it('writes the default settings: the current quarter, Friday check-ins, 9:00 reminders', () => {
    const settings = Object.fromEntries(sheetValues(emulator, 'Settings').slice(1));
    expect(settings).toMatchObject({
      [SETTING_LABELS.cycleName]: '2026-Q4',
      [SETTING_LABELS.cycleStart]: midnight('2026-10-01'),
      [SETTING_LABELS.cycleEnd]: midnight('2026-12-31'),
      [SETTING_LABELS.reportDate]: midnight('2026-11-23'),
      [SETTING_LABELS.checkInDay]: 'Friday',
      [SETTING_LABELS.reminderHour]: 9,
      [SETTING_LABELS.minObjectives]: 3,
      [SETTING_LABELS.maxObjectives]: 5,
    });
  });

  it('names the tables and the report date', () => {
    const named = Object.fromEntries(
      spreadsheet
        .getNamedRanges()
        .map((range) => [range.getName(), range.getRange().getA1Notation()]),
    );
    expect(Object.keys(named).sort()).toEqual(
      [
        ...TABLES.map((table) => table.namedRange),
        'OKR_REPORT_DATE',
        'OKR_CYCLE_START',
        'OKR_CYCLE_END',
        'OKR_AT_RISK_GAP',
        'OKR_OFF_TRACK_GAP',
      ].sort(),
    );
    const reportDate = spreadsheet.getRangeByName('OKR_REPORT_DATE')!;
    expect(reportDate.getSheet().getName()).toBe('Settings');
    expect(reportDate.offset(0, -1).getValue()).toBe(SETTING_LABELS.reportDate);
    expect(spreadsheet.getRangeByName('OKR_KEY_RESULTS')!.getNumColumns()).toBe(22);
  });

  it('validates, formats and colours the key result columns', () => {
    const keyResults = spreadsheet.getSheetByName('Key Results')!;
    const columns = headerIndex(emulator, 'Key Results');
    const cell = (header: string) => keyResults.getRange(2, columns[header]! + 1);
    expect(cell('Type').getDataValidation()!.getCriteriaValues()[0]).toContain('at least');
    expect(cell('Confidence').getDataValidation()!.getCriteriaValues()).toEqual([0, 10]);
    expect(String(cell('Due Date').getDataValidation()!.getCriteriaType())).toBe(
      'DATE_IS_VALID_DATE',
    );
    expect(cell('Owner').getDataValidation()!.getCriteriaType().toString()).toBe(
      'TEXT_IS_VALID_EMAIL',
    );
    expect(cell('Progress').getNumberFormat()).toBe('0%');
    expect(cell('Due Date').getNumberFormat()).toBe('yyyy-mm-dd');
    const rules = keyResults.getConditionalFormatRules().map((rule) => ({
      column: rule.getRanges()[0]!.getColumn() - 1,
      background: rule.getBooleanCondition()!.getBackground(),
    }));
    for (const scored of ['Progress', 'Forecast']) {
      expect(rules.filter((rule) => rule.column === columns[scored])).toEqual(
        ['#b7e1cd', '#fce8b2', '#f4c7c3'].map((background) => ({
          column: columns[scored],
          background,
        })),
      );
    }
    expect(
      rules.filter((rule) => rule.column === columns['Status']).map((rule) => rule.background),
    ).toEqual(['#b7e1cd', '#b7e1cd', '#fce8b2', '#f4c7c3']);
    expect(
      rules.every(
        (rule) =>
          rule.column === columns['Progress'] ||
          rule.column === columns['Forecast'] ||
          rule.column === columns['Status'],
      ),
    ).toBe(true);
  });

  it('offers the objective IDs in Key Results Objective ID', () => {
    const columns = headerIndex(emulator, 'Key Results');
    const rule = spreadsheet
      .getSheetByName('Key Results')!
      .getRange(2, columns['Objective ID']! + 1)
      .getDataValidation()!;
    const source = rule.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range;
    expect(`${source.getSheet().getName()}!${source.getA1Notation()}`).toMatch(
      /^Objectives!A2:A\d+$/,
    );
  });

  it('says what it added in a toast', () => {
    expect(lastToast(emulator)).toBe('Added 7 sheets, 12 named ranges, 16 settings');
  });
});

describe('Set up OKR workbook run twice', () => {
  it('changes nothing on a workbook filled with the example, formulas evaluated', () => {
    const emulator = emulatorWith(undefined, { formulas: true });
    emulator.call('loadExampleOkrs');
    const loaded = workbookJson(emulator);
    emulator.call('setUpWorkbook');
    expect(workbookJson(emulator)).toEqual(loaded);
    expect(lastToast(emulator)).toBe('Everything was already set up');
  });

  it('changes nothing the second time', () => {
    const emulator = emulatorWith();
    emulator.call('setUpWorkbook');
    const afterFirst = workbookJson(emulator);
    emulator.call('setUpWorkbook');
    expect(workbookJson(emulator)).toEqual(afterFirst);
    expect(lastToast(emulator)).toBe('Everything was already set up');
  });
});

const OBJECTIVES: unknown[][] = [
  ['Objective', 'Mood', 'ID', 'Owner'],
  ['Delight new teams', 'sunny', 'O1', 'ana@example.com'],
  ['Make billing boring', '', 'O2', 'bo@example.com'],
  ['', '', '', '', 'a note beyond the header'],
];

const KEY_RESULTS: unknown[][] = [
  ['ID', 'Key Result', 'objective id', 'TARGET', 'current', 'My notes'],
  ['KR1', 'Grow weekly active teams', 'O1', 100, 20, 'check with Ana'],
  ['KR2', 'Cut page load', 'O2', 300, 800, ''],
];

const SETTINGS: unknown[][] = [
  ['Setting', 'Value', 'Why'],
  ['Cycle Name', 'Our own cycle', 'named by the team'],
  ['check-in day', 'Monday', ''],
];

function halfSetUp(rows = 0): SheetContents {
  const extraKeyResults = Array.from({ length: rows }, (_, index) => [
    `KR${index + 3}`,
    `Key result ${index + 3}`,
    'O1',
    10,
    index % 10,
    '',
  ]);
  return {
    Notes: [['keep me']],
    Objectives: OBJECTIVES,
    'Key Results': [...KEY_RESULTS, ...extraKeyResults],
    Settings: SETTINGS,
  };
}

describe('Set up OKR workbook on a half-set-up workbook', () => {
  const emulator = emulatorWith(halfSetUp());
  const before = Object.fromEntries(
    Object.keys(halfSetUp()).map((name) => [
      name,
      { values: sheetValues(emulator, name), formulas: sheetFormulas(emulator, name) },
    ]),
  );
  emulator.call('setUpWorkbook');

  it('keeps every user cell where it was', () => {
    for (const [name, { values, formulas }] of Object.entries(before)) {
      const afterValues = sheetValues(emulator, name);
      const afterFormulas = sheetFormulas(emulator, name);
      values.forEach((row, r) =>
        row.forEach((cell, c) => {
          expect({ name, r, c, cell: afterValues[r]![c] }).toEqual({ name, r, c, cell });
          expect(afterFormulas[r]![c]).toBe(formulas[r]![c]);
        }),
      );
    }
  });

  it('adds the missing columns after the last used column', () => {
    const objectives = sheetValues(emulator, 'Objectives')[0]!;
    expect(objectives.slice(0, 5)).toEqual(['Objective', 'Mood', 'ID', 'Owner', '']);
    expect(objectives.slice(5)).toEqual([
      'Team',
      'Cycle',
      'Parent',
      'Kind',
      'Priority',
      'Notes',
      // Score, Planned and Status: formulas, which read '' until Sheets computes them.
      '',
      '',
      '',
    ]);
    const keyResults = sheetValues(emulator, 'Key Results')[0]!;
    expect(keyResults.slice(6, 8)).toEqual(['Owner', 'Type']);
  });

  it('builds the formulas from where the user keeps each column', () => {
    const formulas = sheetFormulas(emulator, 'Key Results')[0]!.filter(Boolean);
    expect(formulas[0]).toBe('={"Progress"; OKRPROGRESS(H2:H, J2:J, D2:D, E2:E)}');
    const objectiveFormulas = sheetFormulas(emulator, 'Objectives')[0]!.filter(Boolean);
    expect(objectiveFormulas).toEqual([
      // Only the Key Results columns each function reads: ID to current in A:E, Type, Start, Weight.
      "={\"Score\"; OKRSCORE({'Key Results'!A1:E, 'Key Results'!H1:H, 'Key Results'!J1:J, 'Key Results'!M1:M}, C2:C)}",
      "={\"Planned\"; OKRPLANNED({'Key Results'!A1:E, 'Key Results'!H1:H, 'Key Results'!J1:M}, C2:C, OKR_REPORT_DATE, OKR_CYCLE_START, OKR_CYCLE_END)}",
      '={"Status"; OKRSTATUS(L2:L, M2:M, OKR_AT_RISK_GAP, OKR_OFF_TRACK_GAP)}',
    ]);
  });

  it('adds only the missing settings and names the cells where they are', () => {
    const settings = sheetValues(emulator, 'Settings');
    expect(settings.filter((row) => /cycle ?name/i.test(String(row[0])))).toHaveLength(1);
    expect(settings.filter((row) => /check-?in day/i.test(String(row[0])))).toHaveLength(1);
    const reportDate = emulator.spreadsheet.getRangeByName('OKR_REPORT_DATE')!;
    expect(reportDate.getRow()).toBe(settings.findIndex((row) => row[0] === 'Report Date') + 1);
    expect(reportDate.getColumn()).toBe(2);
  });

  it('leaves other sheets alone', () => {
    expect(sheetValues(emulator, 'Notes')).toEqual([['keep me']]);
  });

  it('changes nothing when run again', () => {
    const afterFirst = workbookJson(emulator);
    emulator.call('setUpWorkbook');
    expect(workbookJson(emulator)).toEqual(afterFirst);
  });
});

describe('Set up OKR workbook service calls', () => {
  it('makes the same calls for 10 key results as for 10,000', () => {
    const callsFor = (rows: number) => {
      const emulator = emulatorWith(halfSetUp(rows), { maxRows: 10_100 });
      emulator.call('setUpWorkbook');
      return emulator.calls.snapshot();
    };
    expect(callsFor(10_000)).toEqual(callsFor(10));
  });
});
