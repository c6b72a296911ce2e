import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../preview/emulator/index.js';
import { WorkbookModel, type SheetModel } from '../../preview/emulator/model.js';
import { isDateLike } from '../../preview/emulator/values.js';
import {
  createFormulaEngine,
  type CustomFunctionCall,
} from '../../preview/emulator/formulas/evaluator.js';

type Custom = Record<string, (...args: unknown[]) => unknown>;

function workbookWith(custom: Custom = {}, now = new Date(Date.UTC(2026, 2, 15, 12))) {
  const model = new WorkbookModel('test', 'Formulas', 'Etc/UTC');
  const call: CustomFunctionCall = (name, args) => custom[name]!(...args);
  const engine = createFormulaEngine({
    customFunctionNames: Object.keys(custom),
    callCustomFunction: call,
    now: () => now,
  });
  model.setFormulaEvaluator(engine.evaluate);
  return { model, engine };
}

function put(model: WorkbookModel, sheet: SheetModel, a1Rows: unknown[][], top = 1): void {
  a1Rows.forEach((cells, r) =>
    cells.forEach((entry, c) => {
      if (entry === undefined) return;
      const cell = sheet.cellForWrite(top + r, c + 1);
      if (typeof entry === 'string' && entry.startsWith('=')) cell.formula = entry;
      else cell.value = entry as string;
    }),
  );
  model.touch();
}

const read = (model: WorkbookModel, sheet: SheetModel, row: number, column: number) =>
  model.readValue(sheet, row, column);

describe('preview formula engine', () => {
  it('evaluates common Sheets functions over ranges', () => {
    const { model } = workbookWith();
    const sheet = model.addSheet('Data');
    put(model, sheet, [
      [1, 'a', '=SUM(A1:A4)', '=AVERAGE(A1:A4)', '=COUNTIF(A1:A4,">2")', '=IF(A1>0,"pos","neg")'],
      [
        2,
        'b',
        '=IFERROR(1/0,"none")',
        '=ROUND(2.345,2)',
        '=INDEX(A1:B4,2,2)',
        '=MATCH("c",B1:B4,0)',
      ],
      [3, 'c', '=VLOOKUP(3,A1:B4,2,FALSE)', '=COUNTA(B1:B9)', '=MAX(A1:A4)-MIN(A1:A4)'],
      [4, 'd'],
    ]);
    expect([3, 4, 5, 6].map((column) => read(model, sheet, 1, column))).toEqual([
      10,
      2.5,
      2,
      'pos',
    ]);
    expect([3, 4, 5, 6].map((column) => read(model, sheet, 2, column))).toEqual([
      'none',
      2.35,
      'b',
      3,
    ]);
    expect([3, 4, 5].map((column) => read(model, sheet, 3, column))).toEqual(['c', 4, 3]);
  });

  // https://support.google.com/docs/answer/3093480: ? is one character, * any run, ~ makes them literal.
  it('matches COUNTIF and AVERAGEIF text criteria as Sheets does: wildcards, ~ escapes, operators', () => {
    const { model } = workbookWith();
    const sheet = model.addSheet('Teams');
    put(model, sheet, [
      ['Growth*', 1],
      ['Growth team', 2],
      ['Ops?', 3],
      ['Opsy', 4],
      ['<Core>', 5],
      ['~Labs', 6],
      ['007', 7],
    ]);
    const criteria = [
      '"Growth*"',
      '"Growth~*"',
      '"Ops?"',
      '"Ops~?"',
      '"=<Core>"',
      '"~~Labs"',
      '"growth TEAM"',
      '"<>Growth*"',
    ];
    put(
      model,
      sheet,
      criteria.map((criterion) => [
        undefined,
        undefined,
        `=COUNTIF(A1:A7, ${criterion})`,
        `=AVERAGEIF(A1:A7, ${criterion}, B1:B7)`,
      ]),
    );
    const results = criteria.map((_, index) => [
      read(model, sheet, index + 1, 3),
      read(model, sheet, index + 1, 4),
    ]);
    expect(results).toEqual([
      [2, 1.5],
      [1, 1],
      [2, 3.5],
      [1, 3],
      [1, 5],
      [1, 6],
      [1, 2],
      [5, 5],
    ]);
  });

  it('reads other sheets, named ranges and open-ended ranges that end at the last row with content', () => {
    const { model } = workbookWith();
    const results = model.addSheet('Key Results');
    const summary = model.addSheet('Summary');
    put(model, results, [['Current'], [10], [20], [30]]);
    model.namedRanges.set('OKR_CURRENT', {
      sheetId: results.id,
      row: 2,
      column: 1,
      numRows: 3,
      numColumns: 1,
    });
    put(model, summary, [
      ["=SUM('Key Results'!A2:A)", '=SUM(OKR_CURRENT)', "=COUNTA('Key Results'!A:A)"],
    ]);
    expect(read(model, summary, 1, 1)).toBe(60);
    expect(read(model, summary, 1, 2)).toBe(60);
    expect(read(model, summary, 1, 3)).toBe(4);
    put(model, results, [[40]], 5);
    expect(read(model, summary, 1, 1)).toBe(100);
  });

  it('lets open-ended ranges reach values spilled by array formulas, as Sheets ranges run to the end of the grid', () => {
    const { model } = workbookWith();
    const summary = model.addSheet('Summary');
    const table = model.addSheet('Table');
    // The summary sheet comes first, so its formulas are read before the table has spilled.
    put(model, summary, [
      ['=SUM(Table!A2:B)', '=IFERROR(VLOOKUP("c", Table!C1:D, 2, FALSE), "none")'],
    ]);
    put(model, table, [
      ['={"n", "m"; 1, 10; 2, 20; 3, 30}', undefined, '={"key", "value"; "a", 1; "b", 2; "c", 3}'],
    ]);
    expect(read(model, summary, 1, 1)).toBe(66);
    expect(read(model, summary, 1, 2)).toBe(3);
  });

  it('spills an array literal holding a custom function down from the header cell', () => {
    const double = (values: unknown[][]) =>
      values.map(([value]) => [value === '' ? '' : Number(value) * 2]);
    const { model } = workbookWith({ DOUBLE: double as (...args: unknown[]) => unknown });
    const sheet = model.addSheet('Key Results');
    put(model, sheet, [['Value', '={"Doubled"; DOUBLE(A2:A)}'], [1], [2], [3]]);
    expect([1, 2, 3, 4].map((row) => read(model, sheet, row, 2))).toEqual(['Doubled', 2, 4, 6]);
  });

  it("passes a custom function an array literal of another sheet's open-ended columns, side by side", () => {
    let received: unknown[][] = [];
    const take = (table: unknown[][]) => {
      received = table;
      return table.length;
    };
    const { model } = workbookWith({ TAKE: take as (...args: unknown[]) => unknown });
    const source = model.addSheet("Team's KRs");
    const summary = model.addSheet('Summary');
    put(model, source, [
      ['ID', 'Notes', 'Type', 'Start', 'Current'],
      ['KR1', 'x', 'increase', 0, 5],
      ['KR2', '', 'decrease', 9, 4],
    ]);
    put(model, summary, [["=TAKE({'Team''s KRs'!A1:A, 'Team''s KRs'!C1:D, 'Team''s KRs'!E1:E})"]]);
    expect(read(model, summary, 1, 1)).toBe(3);
    expect(received).toEqual([
      ['ID', 'Type', 'Start', 'Current'],
      ['KR1', 'increase', 0, 5],
      ['KR2', 'decrease', 9, 4],
    ]);
  });

  it('shows #REF! when the spill area already holds data', () => {
    const { model } = workbookWith();
    const sheet = model.addSheet('Data');
    put(model, sheet, [['={1;2;3}'], [undefined], ['typed']]);
    expect(read(model, sheet, 1, 1)).toBe('#REF!');
  });

  it('passes dates to custom functions as Date objects and percents as fractions', () => {
    const seen: unknown[] = [];
    const { model } = workbookWith({
      SEE: (...args: unknown[]) => {
        seen.push(...args);
        return 1;
      },
    });
    const sheet = model.addSheet('Data');
    put(model, sheet, [
      [new Date(Date.UTC(2026, 0, 31)), 0.45, '', '=SEE(A1, B1, C1, A1:B1)', '=A1*2'],
    ]);
    expect(read(model, sheet, 1, 4)).toBe(1);
    expect(seen[0]).toBeInstanceOf(Date);
    expect((seen[0] as Date).toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(seen.slice(1, 3)).toEqual([0.45, '']);
    expect((seen[3] as unknown[][])[0]![0]).toBeInstanceOf(Date);
    // Inside formulas the same date is serial number 46053 (a product of a date is a number).
    expect(read(model, sheet, 1, 5)).toBe(92106);
  });

  it('keeps dates typed as dates through IF and TODAY() on their way into a custom function', () => {
    const seen: unknown[] = [];
    const { model } = workbookWith({
      SEE: (...args: unknown[]) => {
        seen.push(...args);
        return 1;
      },
    });
    const sheet = model.addSheet('Data');
    put(model, sheet, [[new Date(Date.UTC(2026, 0, 31)), '=SEE(IF(A1="", 0, A1), TODAY(), 45)']]);
    expect(read(model, sheet, 1, 2)).toBe(1);
    expect(seen.map((value) => (value instanceof Date ? value.toISOString() : value))).toEqual([
      '2026-01-31T00:00:00.000Z',
      '2026-03-15T00:00:00.000Z',
      45,
    ]);
  });

  it('passes DATE() and date-plus-days results to custom functions as Dates, and date differences as numbers', () => {
    const seen: unknown[] = [];
    const { model } = workbookWith({
      SEE: (...args: unknown[]) => {
        seen.push(...args);
        return 1;
      },
    });
    const sheet = model.addSheet('Data');
    put(model, sheet, [
      [
        new Date(Date.UTC(2026, 0, 31)),
        '=SEE(DATE(2026,11,23), DATE(2026,11,23)+7, A1-1, 1+A1, A1-DATE(2026,1,1), EOMONTH(A1, 1))',
      ],
    ]);
    expect(read(model, sheet, 1, 2)).toBe(1);
    expect(seen.map((value) => (value instanceof Date ? value.toISOString() : value))).toEqual([
      '2026-11-23T00:00:00.000Z',
      '2026-11-30T00:00:00.000Z',
      '2026-01-30T00:00:00.000Z',
      '2026-02-01T00:00:00.000Z',
      30,
      '2026-02-28T00:00:00.000Z',
    ]);
  });

  it('reads a formula that yields a date back as a Date, as Range.getValues returns dates', () => {
    const { model } = workbookWith();
    const sheet = model.addSheet('Data');
    put(model, sheet, [[new Date(Date.UTC(2026, 10, 23)), '=A1', '=DATE(2026,11,23)', '=A1+1-A1']]);
    expect(read(model, sheet, 1, 2)).toEqual(new Date(Date.UTC(2026, 10, 23)));
    expect(read(model, sheet, 1, 3)).toEqual(new Date(Date.UTC(2026, 10, 23)));
    expect(read(model, sheet, 1, 4)).toBe(1);
  });

  it('shows a custom function error as #ERROR! with its message, which IFERROR can catch', () => {
    const { model, engine } = workbookWith({
      FAIL: () => {
        throw new Error('Key Results row 3: type "sideways" is unknown.');
      },
    });
    const sheet = model.addSheet('Data');
    put(model, sheet, [['=FAIL()', '=IFERROR(FAIL(), "caught")']]);
    expect(read(model, sheet, 1, 1)).toBe('#ERROR!');
    expect(engine.reasonFor('Data', 1, 1)).toBe('Key Results row 3: type "sideways" is unknown.');
    expect(read(model, sheet, 1, 2)).toBe('caught');
  });

  it('shows #NAME? with a reason for unknown functions and unreadable formulas instead of failing', () => {
    const { model, engine } = workbookWith();
    const sheet = model.addSheet('Data');
    put(model, sheet, [['=NOSUCHFUNCTION(1)', '=SUM(1,', '=UNKNOWN_RANGE_NAME']]);
    expect(read(model, sheet, 1, 1)).toBe('#NAME?');
    expect(engine.reasonFor('Data', 1, 1)).toMatch(/Unknown function: 'NOSUCHFUNCTION'/);
    expect(read(model, sheet, 1, 2)).toBe('#NAME?');
    expect(engine.reasonFor('Data', 1, 2)).toMatch(/cannot read this formula/);
    expect(read(model, sheet, 1, 3)).toBe('#NAME?');
  });

  it('applies ARRAYFORMULA row by row and keeps ranges whole inside range functions', () => {
    const { model } = workbookWith();
    const sheet = model.addSheet('Data');
    put(model, sheet, [[1, '=ARRAYFORMULA(IF(A1:A3="", "", A1:A3*10 + SUM(A1:A3)))'], [2], ['']]);
    expect([1, 2, 3].map((row) => read(model, sheet, row, 2))).toEqual([13, 23, '']);
  });

  it('computes TODAY() from the emulator clock', () => {
    const { model } = workbookWith({}, new Date(Date.UTC(2026, 0, 1, 18)));
    const sheet = model.addSheet('Data');
    put(model, sheet, [['=TODAY()', '=TODAY()-DATE(2025,12,31)']]);
    expect(read(model, sheet, 1, 1)).toEqual(new Date(Date.UTC(2026, 0, 1)));
    expect(read(model, sheet, 1, 2)).toBe(1);
  });

  it('reads cells computed by formulas on other sheets, whatever the sheet order', () => {
    const { model } = workbookWith();
    const first = model.addSheet('First');
    const second = model.addSheet('Second');
    put(model, first, [['=Second!A1*2']]);
    put(model, second, [['=3+4']]);
    expect(read(model, first, 1, 1)).toBe(14);
  });
});

describe('date formulas in the emulated spreadsheet', () => {
  it('shows =OKR_REPORT_DATE as a date under a date format and reads it back through getValues as a Date', () => {
    const emulator = createEmulator({ timeZone: 'Europe/Berlin' });
    const engine = createFormulaEngine({
      customFunctionNames: [],
      callCustomFunction: () => '',
      now: () => new Date(emulator.clock.now()),
    });
    emulator.setFormulaEvaluator(engine.evaluate);
    const spreadsheet = emulator.spreadsheet;
    const sheet = spreadsheet.getSheets()[0]!;
    const reportDate = new Date(Date.UTC(2026, 10, 22, 23)); // midnight of 23 Nov in Berlin
    sheet.getRange('A1').setValue(reportDate);
    spreadsheet.setNamedRange('OKR_REPORT_DATE', sheet.getRange('A1'));
    sheet.getRange('B1').setFormula('=OKR_REPORT_DATE').setNumberFormat('d mmm yyyy');
    expect(sheet.getRange('B1').getDisplayValue()).toBe('23 Nov 2026');
    const [[value]] = sheet.getRange('B1').getValues() as unknown[][];
    expect(isDateLike(value)).toBe(true);
    expect((value as Date).getTime()).toBe(reportDate.getTime());
  });
});
