import { describe, expect, it } from 'vitest';
import { createEmulator, validationProblem } from '../../../preview/emulator/index.js';
import { zonedTime } from '../../../preview/emulator/timezone.js';

function sheetOf(name = 'Data') {
  const emulator = createEmulator({ sheetNames: [name], timeZone: 'Europe/Berlin' });
  return { emulator, sheet: emulator.spreadsheet.getSheetByName(name)! };
}

describe('Range values', () => {
  it('returns Date objects for dates and empty strings for empty cells', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1:C1').setValues([[new Date(Date.UTC(2026, 2, 31)), 42, true]]);
    const [[date, number, flag, empty]] = sheet.getRange('A1:D1').getValues();
    expect(Object.prototype.toString.call(date)).toBe('[object Date]');
    expect((date as Date).getTime()).toBe(Date.UTC(2026, 2, 31));
    expect([number, flag, empty]).toEqual([42, true, '']);
  });

  it('throws when the data has fewer rows than the range', () => {
    const { sheet } = sheetOf();
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });

  it('throws when a row has more columns than the range, writing nothing', () => {
    const { sheet } = sheetOf();
    expect(() =>
      sheet.getRange('A1:B2').setValues([
        [1, 2],
        [3, 4, 5],
      ]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  it('reads strings as typed input: numbers, percents, booleans and ISO dates are converted', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1:E1').setValues([['42', '45%', 'TRUE', '2026-03-31', 'Ship v2']]);
    const [[number, percent, flag, date, text]] = sheet.getRange('A1:E1').getValues();
    expect([number, percent, flag, text]).toEqual([42, 0.45, true, 'Ship v2']);
    // Midnight in the spreadsheet's time zone (Europe/Berlin is UTC+2 on that day).
    expect((date as Date).toISOString()).toBe('2026-03-30T22:00:00.000Z');
  });

  it('stores a value with a leading = as a formula', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1').setValue('=1+1');
    expect(sheet.getRange('A1').getFormula()).toBe('=1+1');
    expect(sheet.getRange('A1').getValue()).toBe('');
  });

  it('keeps text starting with = as text in plain-text (@) cells', () => {
    const { sheet } = sheetOf();
    const cell = sheet.getRange('A1').setNumberFormat('@');
    cell.setValue('=not a formula');
    expect(cell.getFormula()).toBe('');
    expect(cell.getValue()).toBe('=not a formula');
  });

  it('treats + or - before text as a formula, and a leading apostrophe as text', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1:C1').setValues([['-fixed the bug', '-5', "'=A1"]]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['=-fixed the bug', '', '']]);
    expect(sheet.getRange('B1:C1').getValues()).toEqual([[-5, '=A1']]);
  });

  it('keeps numbers as numbers in plain-text cells only when written as numbers', () => {
    const { sheet } = sheetOf();
    sheet
      .getRange('A1:B1')
      .setNumberFormat('@')
      .setValues([['007', 7]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['007', 7]]);
  });

  it('sets formulas cell by cell and returns empty strings for cells without one', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1:B1').setFormulas([['=SUM(C1:C3)', '']]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['=SUM(C1:C3)', '', '']]);
  });

  it('clears content but keeps formats with clearContent, and both with clear', () => {
    const { sheet } = sheetOf();
    const cell = sheet.getRange('A1').setValue(5).setNumberFormat('0.0').setBackground('#ff0000');
    cell.clearContent();
    expect([cell.getValue(), cell.getNumberFormat(), cell.getBackground()]).toEqual([
      '',
      '0.0',
      '#ff0000',
    ]);
    cell.setValue(5).clear();
    expect([cell.getValue(), cell.getBackground()]).toEqual(['', '#ffffff']);
  });

  it('creates no cell data when clearing empty cells', () => {
    const { emulator, sheet } = sheetOf();
    sheet.getRange('A1').setValue('kept');
    sheet.clear();
    sheet.getRange('A1:Z1000').clearDataValidations().clearNote();
    expect(emulator.workbook.sheetByName('Data')!.rows.map((cells) => cells.length)).toEqual([1]);
    expect(sheet.getRange('A1').getValue()).toBe('');
  });

  it('records font weight and notes', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1:B1').setFontWeight('bold').setNote('Header');
    expect(sheet.getRange('A1:B1').getFontWeights()).toEqual([['bold', 'bold']]);
    expect(sheet.getRange('B1').getNote()).toBe('Header');
  });
});

describe('A cell holds at most 50,000 characters', () => {
  const TOO_LONG = /Your input contains more than the maximum of 50000 characters in a single cell/;

  it('keeps a text of exactly 50,000 characters and refuses one more, with the Sheets API message', () => {
    const { sheet } = sheetOf();
    const longest = 'x'.repeat(50_000);
    sheet.getRange('A1').setValue(longest);
    expect(sheet.getRange('A1').getValue()).toBe(longest);
    expect(() => sheet.getRange('A2').setValue(`${longest}y`)).toThrow(TOO_LONG);
    // Stricter than documented: the apostrophe that keeps text as text counts too, and formulas.
    expect(() => sheet.getRange('A2').setValue(`'${longest}`)).toThrow(TOO_LONG);
    expect(() => sheet.getRange('A2').setFormula(`="${longest}"`)).toThrow(TOO_LONG);
  });

  it('writes nothing of a setValues or appendRow with one cell too long', () => {
    const { sheet } = sheetOf();
    const rows = [['kept?', 'x'.repeat(50_001)]];
    expect(() => sheet.getRange('A1:B1').setValues(rows)).toThrow(TOO_LONG);
    expect(() => sheet.appendRow(rows[0]!)).toThrow(TOO_LONG);
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getLastRow()).toBe(0);
  });
});

describe('Typed input: setValue parses strings as if typed in the Sheets UI (ValueInputOption USER_ENTERED)', () => {
  const typed = (input: string, numberFormat?: string) => {
    const { sheet } = sheetOf();
    const cell = sheet.getRange('A1');
    if (numberFormat) cell.setNumberFormat(numberFormat);
    cell.setValue(input);
    return { value: cell.getValue() as unknown, formula: cell.getFormula() };
  };
  const berlinDay = (year: number, month: number, day: number) =>
    zonedTime('Europe/Berlin', year, month, day);

  it('reads numbers with leading zeros, exponents, signs, grouping and currency as numbers (sheetquery#20: "01234" becomes 1234)', () => {
    const inputs = ['007', '01234', '1e5', '-5', '+1', '1,000', '$5', '-$5', '1.10', ' 42 '];
    expect(inputs.map((input) => typed(input).value)).toEqual([
      7, 1234, 100000, -5, 1, 1000, 5, -5, 1.1, 42,
    ]);
  });

  it('reads percentages as fractions (50% is 0.5)', () => {
    expect([typed('50%').value, typed('12.5%').value]).toEqual([0.5, 0.125]);
  });

  it('reads TRUE and FALSE in any case as booleans (Sheets converts the TRUE literal)', () => {
    expect(['TRUE', 'false', 'True', ' FALSE '].map((input) => typed(input).value)).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });

  it('reads ISO, US and named-month dates as midnight in the spreadsheet zone ("Mar 1 2016 becomes a date")', () => {
    const readAs = (input: string) => (typed(input).value as Date).getTime();
    expect(readAs('2026-01-05')).toBe(berlinDay(2026, 1, 5));
    expect(readAs('1/5/2026')).toBe(berlinDay(2026, 1, 5));
    expect(readAs('Jan 5, 2026')).toBe(berlinDay(2026, 1, 5));
    expect(readAs('5 Jan 2026')).toBe(berlinDay(2026, 1, 5));
  });

  it('reads a fraction-looking 1/2 and an ID-looking 5-2 as dates in the current year', () => {
    const { emulator } = sheetOf();
    const year = new Date(emulator.clock.now()).getUTCFullYear();
    expect((typed('1/2').value as Date).getTime()).toBe(berlinDay(year, 1, 2));
    expect((typed('5-2').value as Date).getTime()).toBe(berlinDay(year, 5, 2));
  });

  it('keeps text that is no real date or number as text', () => {
    expect(
      ['13/45', '1.2.3', '2026-02-30', 'KR-7', '12 monkeys'].map((i) => typed(i).value),
    ).toEqual(['13/45', '1.2.3', '2026-02-30', 'KR-7', '12 monkeys']);
  });

  it('stores a string starting with = as a formula', () => {
    expect(typed('=1+1')).toEqual({ value: '', formula: '=1+1' });
  });

  it("drops a leading apostrophe and keeps the rest as text (typing '0001 keeps the zeros)", () => {
    const inputs = ["'007", "'50%", "'TRUE", "'2026-01-05", "'=1+1", "''quoted"];
    expect(inputs.map((input) => typed(input))).toEqual(
      ['007', '50%', 'TRUE', '2026-01-05', '=1+1', "'quoted"].map((value) => ({
        value,
        formula: '',
      })),
    );
  });

  it('keeps every string as written, apostrophe included, in a plain-text (@) cell', () => {
    const inputs = ['007', '50%', '1e5', 'TRUE', '2026-01-05', '1/2', '$5', '=1+1', "'quoted"];
    expect(inputs.map((input) => typed(input, '@').value)).toEqual(inputs);
  });
});

describe('Range addressing', () => {
  it('builds the same range from A1 notation and from row and column numbers', () => {
    const { sheet } = sheetOf();
    expect(sheet.getRange(2, 3).getA1Notation()).toBe('C2');
    expect(sheet.getRange(2, 3, 4).getA1Notation()).toBe('C2:C5');
    expect(sheet.getRange(2, 3, 4, 2).getA1Notation()).toBe(
      sheet.getRange('C2:D5').getA1Notation(),
    );
    expect([sheet.getRange('C2:D5').getRow(), sheet.getRange('C2:D5').getLastColumn()]).toEqual([
      2, 4,
    ]);
  });

  it('moves with offset and picks cells relative to the range', () => {
    const { sheet } = sheetOf();
    const table = sheet.getRange('B2:D10');
    expect(table.offset(1, 0).getA1Notation()).toBe('B3:D11');
    expect(table.offset(1, 1, 2, 1).getA1Notation()).toBe('C3:C4');
    expect(table.getCell(2, 3).getA1Notation()).toBe('D3');
    expect(() => table.getCell(10, 1)).toThrow(/out of range/);
  });
});

describe('Display values', () => {
  it('formats percents, decimals and thousands as Sheets shows them', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1:E1').setValues([[0.456, 0.456, 3.14159, 1234567.891, -0.05]]);
    sheet.getRange('A1:E1').setNumberFormats([['0%', '0.0%', '0.0', '#,##0', '0.00%']]);
    expect(sheet.getRange('A1:E1').getDisplayValues()).toEqual([
      ['46%', '45.6%', '3.1', '1,234,568', '-5.00%'],
    ]);
  });

  it('formats dates in the spreadsheet time zone', () => {
    const { sheet } = sheetOf();
    const lateEvening = new Date(Date.UTC(2026, 0, 5, 23, 30)); // already 6 January in Berlin
    sheet.getRange('A1:B1').setValues([[lateEvening, lateEvening]]);
    sheet.getRange('A1:B1').setNumberFormats([['yyyy-mm-dd', 'd mmm yyyy']]);
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['2026-01-06', '6 Jan 2026']]);
  });

  it('drops trailing zeros where the format has # digits, as the default format does', () => {
    const { sheet } = sheetOf();
    const cells = sheet.getRange('A1:C1').setValues([[3.14159, 2, 0.5]]);
    expect(cells.getNumberFormat()).toBe('0.###############');
    cells.setNumberFormats([['0.0#', '0.0#', cells.getNumberFormat()]]);
    expect(cells.getDisplayValues()).toEqual([['3.14', '2.0', '0.5']]);
  });

  it('shows unformatted values plainly', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1:D1').setValues([[0.1 + 0.2, true, 'text', '']]);
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([['0.3', 'TRUE', 'text', '']]);
  });
});

describe('Sheet extent', () => {
  it('reports 0 as the last row and A1 as the data range of an empty sheet', () => {
    const { sheet } = sheetOf();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
  });

  it('counts formulas and values but not formats in the last row and column', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1:B2').setValues([
      ['ID', 'Name'],
      ['O1', 'Grow'],
    ]);
    sheet.getRange('C3').setFormula('=A1');
    sheet.getRange('F10').setBackground('#eeeeee');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C3');
  });

  it('appends after the last row and grows a full grid', () => {
    const { emulator } = sheetOf();
    const small = emulator.spreadsheet.insertSheet('Small');
    const model = emulator.workbook.sheetByName('Small')!;
    model.maxRows = 2;
    small.appendRow(['a']).appendRow(['b']).appendRow(['c']);
    expect(small.getRange('A1:A3').getValues()).toEqual([['a'], ['b'], ['c']]);
    expect(small.getMaxRows()).toBe(3);
  });

  it('throws for ranges outside the grid', () => {
    const { sheet } = sheetOf();
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
  });

  it('shifts cells and named ranges down when rows are inserted', () => {
    const { emulator, sheet } = sheetOf();
    sheet.getRange('A1:A3').setValues([['h'], ['x'], ['y']]);
    emulator.spreadsheet.setNamedRange('OKR_TABLE', sheet.getRange('A1:A3'));
    emulator.spreadsheet.setNamedRange('OKR_LAST', sheet.getRange('A3'));
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([['h'], [''], [''], ['x'], ['y']]);
    expect(emulator.spreadsheet.getRangeByName('OKR_TABLE')!.getA1Notation()).toBe('A1:A5');
    expect(emulator.spreadsheet.getRangeByName('OKR_LAST')!.getA1Notation()).toBe('A5');
    expect(sheet.getMaxRows()).toBe(1002);
  });
});

describe('Spreadsheet', () => {
  it('inserts, finds, activates and deletes sheets', () => {
    const { emulator } = sheetOf('First');
    const spreadsheet = emulator.spreadsheet;
    const second = spreadsheet.insertSheet('Second', 0);
    expect(spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Second', 'First']);
    expect(spreadsheet.getActiveSheet().getName()).toBe('Second');
    expect(() => spreadsheet.insertSheet('First')).toThrow(
      'A sheet with the name "First" already exists',
    );
    expect(spreadsheet.getSheetByName('first')).toBeNull();
    spreadsheet.setActiveSheet(spreadsheet.getSheetByName('First')!);
    expect(spreadsheet.getActiveSheet().getName()).toBe('First');
    spreadsheet.deleteSheet(second);
    expect(spreadsheet.getSheets().map((s) => s.getName())).toEqual(['First']);
    expect(() => spreadsheet.deleteSheet(spreadsheet.getSheets()[0]!)).toThrow(/all the sheets/);
  });

  it('resolves Sheet!A1 notation and named ranges', () => {
    const { emulator, sheet } = sheetOf('Key Results');
    sheet.getRange('B2').setValue(7);
    expect(emulator.spreadsheet.getRange("'Key Results'!B2").getValue()).toBe(7);
    emulator.spreadsheet.setNamedRange('OKR_REPORT_DATE', sheet.getRange('B2'));
    expect(emulator.spreadsheet.getRangeByName('OKR_REPORT_DATE')!.getValue()).toBe(7);
    expect(emulator.spreadsheet.getNamedRanges().map((r) => r.getName())).toEqual([
      'OKR_REPORT_DATE',
    ]);
    expect(emulator.spreadsheet.getRangeByName('MISSING')).toBeNull();
    expect(() => emulator.spreadsheet.setNamedRange('A1', sheet.getRange('B2'))).toThrow(
      /not valid/,
    );
  });

  it('records toasts with the emulated time', () => {
    const { emulator } = sheetOf();
    emulator.spreadsheet.toast('Set up done', 'OKR Cadence');
    expect(emulator.workbook.toasts).toEqual([
      { message: 'Set up done', title: 'OKR Cadence', timeoutSeconds: 5, at: emulator.clock.now() },
    ]);
  });

  it('records frozen rows, hidden sheets and protections', () => {
    const { emulator, sheet } = sheetOf();
    emulator.spreadsheet.insertSheet('Other');
    sheet.setFrozenRows(1);
    sheet.hideSheet();
    sheet.getRange('A1:C1').protect().setDescription('Headers').setWarningOnly(true);
    const model = emulator.workbook.sheetByName('Data')!;
    expect([model.frozenRows, model.hidden]).toEqual([1, true]);
    expect(model.protections).toEqual([
      {
        id: expect.any(Number),
        range: { row: 1, column: 1, numRows: 1, numColumns: 3 },
        description: 'Headers',
        warningOnly: true,
      },
    ]);
  });
});

describe('Data validation and conditional formats', () => {
  it('records a list rule with its help text and reads it back', () => {
    const { emulator, sheet } = sheetOf();
    const rule = emulator.globals.SpreadsheetApp.newDataValidation()
      .requireValueInList(['increase', 'decrease'])
      .setAllowInvalid(false)
      .setHelpText('Pick a type')
      .build();
    sheet.getRange('E2:E').setDataValidation(rule);
    const read = sheet.getRange('E500').getDataValidation()!;
    expect(read.getCriteriaType()).toBe(
      emulator.globals.SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST,
    );
    expect(read.getCriteriaValues()).toEqual([['increase', 'decrease'], true]);
    expect([read.getAllowInvalid(), read.getHelpText()]).toEqual([false, 'Pick a type']);
    expect(sheet.getRange('E1').getDataValidation()).toBeNull();
  });

  it('keeps a range rule pointing at its sheet', () => {
    const { emulator, sheet } = sheetOf('Objectives');
    const rule = emulator.globals.SpreadsheetApp.newDataValidation()
      .requireValueInRange(sheet.getRange('A2:A'))
      .build();
    const [range] = rule.getCriteriaValues() as [
      { getA1Notation(): string; getSheet(): { getName(): string } },
    ];
    expect([range.getSheet().getName(), range.getA1Notation()]).toEqual(['Objectives', 'A2:A1000']);
  });

  it('refuses to build a rule without a criterion', () => {
    const { emulator } = sheetOf();
    expect(() =>
      emulator.globals.SpreadsheetApp.newDataValidation().setHelpText('x').build(),
    ).toThrow(/criteria/);
  });

  it('replaces the conditional format rules of a sheet', () => {
    const { emulator, sheet } = sheetOf();
    const app = emulator.globals.SpreadsheetApp;
    const green = app
      .newConditionalFormatRule()
      .whenNumberGreaterThanOrEqualTo(0.7)
      .setBackground('#b7e1cd')
      .setRanges([sheet.getRange('D2:D')])
      .build();
    const red = app
      .newConditionalFormatRule()
      .whenNumberLessThan(0.4)
      .setFontColor('#cc0000')
      .setRanges([sheet.getRange('D2:D')])
      .build();
    sheet.setConditionalFormatRules([green, red]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules.map((r) => r.getBooleanCondition()!.getCriteriaType())).toEqual([
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      'NUMBER_LESS_THAN',
    ]);
    expect(rules[0]!.getRanges()[0]!.getA1Notation()).toBe('D2:D1000');
    sheet.setConditionalFormatRules([red]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(1);
  });
});

describe('Charts', () => {
  it('inserts, updates and removes a built chart', () => {
    const { emulator, sheet } = sheetOf();
    const chart = sheet
      .newChart()
      .setChartType(emulator.globals.Charts.ChartType.BAR)
      .addRange(sheet.getRange('A1:C4'))
      .setPosition(2, 5, 0, 0)
      .setOption('title', 'Planned vs actual')
      .build();
    expect(chart.getChartId()).toBeNull();
    sheet.insertChart(chart);
    const [inserted] = sheet.getCharts();
    expect(inserted!.getOptions().get('title')).toBe('Planned vs actual');
    sheet.updateChart(inserted!.modify().setOption('title', 'Balance').build());
    expect(emulator.workbook.sheetByName('Data')!.charts).toMatchObject([
      {
        chartType: 'BAR',
        options: { title: 'Balance' },
        position: { anchorRow: 2, anchorColumn: 5 },
      },
    ]);
    sheet.removeChart(sheet.getCharts()[0]!);
    expect(sheet.getCharts()).toHaveLength(0);
  });
});

describe('validationProblem', () => {
  it('passes typed values the rule allows and explains the ones it rejects', () => {
    const { emulator, sheet } = sheetOf();
    const app = emulator.globals.SpreadsheetApp;
    sheet
      .getRange('A1')
      .setDataValidation(app.newDataValidation().requireNumberBetween(0, 10).build());
    sheet
      .getRange('B1')
      .setDataValidation(
        app
          .newDataValidation()
          .requireValueInList(['increase', 'decrease'])
          .setHelpText('Pick a KR type')
          .build(),
      );
    const rule = (cell: string) =>
      emulator.workbook.sheetByName('Data')!.cell(1, cell === 'A1' ? 1 : 2)!.validation!;
    expect(validationProblem(rule('A1'), 7, emulator.workbook)).toBeNull();
    expect(validationProblem(rule('A1'), 11, emulator.workbook)).toBe(
      'Enter a number between 0 and 10.',
    );
    expect(validationProblem(rule('A1'), '', emulator.workbook)).toBeNull();
    expect(validationProblem(rule('B1'), 'Increase', emulator.workbook)).toBeNull();
    expect(validationProblem(rule('B1'), 'grow', emulator.workbook)).toBe('Pick a KR type');
  });

  it('checks values against the current contents of a source range', () => {
    const { emulator, sheet } = sheetOf();
    sheet.getRange('A1:A2').setValues([['O1'], ['O2']]);
    const rule = emulator.globals.SpreadsheetApp.newDataValidation()
      .requireValueInRange(sheet.getRange('A1:A'))
      .build().rule;
    expect(validationProblem(rule, 'O2', emulator.workbook)).toBeNull();
    expect(validationProblem(rule, 'O3', emulator.workbook)).toBe('Enter a value from the list.');
  });
});
