import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../preview/emulator/index.js';

function sheetOf(name = 'Data') {
  const emulator = createEmulator({ sheetNames: [name] });
  return { emulator, sheet: emulator.spreadsheet.getSheetByName(name)! };
}

describe('Sheet.deleteRows', () => {
  it('shifts the rows below up and shrinks the grid', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1:A5').setValues([['h'], [1], [2], [3], [4]]);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['h'], [3], [4]]);
    expect(sheet.getMaxRows()).toBe(998);
  });

  it('moves named ranges below up and drops one wholly inside the deleted rows', () => {
    const { emulator, sheet } = sheetOf();
    emulator.spreadsheet.setNamedRange('Below', sheet.getRange('B10'));
    emulator.spreadsheet.setNamedRange('Inside', sheet.getRange('B3'));
    emulator.spreadsheet.setNamedRange('Whole', sheet.getRange('A:C'));
    sheet.deleteRows(2, 3);
    expect(emulator.spreadsheet.getRangeByName('Below')!.getA1Notation()).toBe('B7');
    expect(emulator.spreadsheet.getRangeByName('Inside')).toBeNull();
    expect(emulator.spreadsheet.getRangeByName('Whole')!.getNumRows()).toBe(997);
  });

  it('refuses to delete every row that is not frozen, and rows past the grid', () => {
    const { sheet } = sheetOf();
    sheet.setFrozenRows(1);
    expect(() => sheet.deleteRows(2, 999)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    expect(() => sheet.deleteRows(990, 20)).toThrow(/out of bounds/);
    expect(sheet.getMaxRows()).toBe(1000);
  });
});

describe('Sheet developer metadata', () => {
  it('keeps key and value on the sheet, through a rename and a save', () => {
    const { emulator, sheet } = sheetOf();
    sheet.addDeveloperMetadata('okrCadence.sheet', 'dashboard').setName('Renamed');
    const restored = createEmulator();
    restored.fromJSON(emulator.toJSON());
    const [entry] = restored.spreadsheet.getSheetByName('Renamed')!.getDeveloperMetadata();
    expect([entry!.getKey(), entry!.getValue()]).toEqual(['okrCadence.sheet', 'dashboard']);
  });

  it('reads null as the value of metadata added with a key only, and forgets removed entries', () => {
    const { sheet } = sheetOf();
    sheet.addDeveloperMetadata('flag');
    const [entry] = sheet.getDeveloperMetadata();
    expect(entry!.getValue()).toBeNull();
    entry!.remove();
    expect(sheet.getDeveloperMetadata()).toHaveLength(0);
  });
});

describe('Sheet columns', () => {
  it('inserts columns after a position, moving the cells right of it', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    sheet.insertColumnsAfter(1, 2);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([['a', '', '', 'b', 'c']]);
    expect(sheet.getMaxColumns()).toBe(28);
  });

  it('deletes columns, moving named ranges to their left', () => {
    const { emulator, sheet } = sheetOf();
    sheet.getRange('A1:D1').setValues([['a', 'b', 'c', 'd']]);
    emulator.spreadsheet.setNamedRange('Last', sheet.getRange('D1'));
    sheet.deleteColumns(2, 2);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['a', 'd']]);
    expect(emulator.spreadsheet.getRangeByName('Last')!.getA1Notation()).toBe('B1');
    expect(() => sheet.deleteColumns(1, 24)).toThrow(
      /not possible to delete all non-frozen columns/,
    );
  });
});

describe('Grid limits and whole-column ranges', () => {
  it('throws Sheets’ message for a range past the last row or column, however it is addressed', () => {
    const { emulator, sheet } = sheetOf();
    const outside = 'The coordinates of the range are outside the dimensions of the sheet.';
    expect(() => sheet.getRange(1001, 1)).toThrow(outside);
    expect(() => sheet.getRange(1, 27)).toThrow(outside);
    expect(() => sheet.getRange(999, 1, 3, 1)).toThrow(outside);
    expect(() => sheet.getRange('AA1')).toThrow(outside);
    expect(() => emulator.spreadsheet.getRange('Data!A1001')).toThrow(outside);
  });

  it('grows a whole-column named range (A:U) with rows inserted after the last row', () => {
    const { emulator, sheet } = sheetOf();
    emulator.spreadsheet.setNamedRange('Table', sheet.getRange('A:U'));
    emulator.spreadsheet.setNamedRange('Fixed', sheet.getRange('A1:U1000'));
    sheet.insertRowsAfter(1000, 50);
    expect(emulator.spreadsheet.getRangeByName('Table')!.getA1Notation()).toBe('A1:U1050');
    expect(emulator.spreadsheet.getRangeByName('Fixed')!.getA1Notation()).toBe('A1:U1000');
  });

  it('grows an open-ended named range (A2:A) with rows appendRow adds to a full grid', () => {
    const { emulator, sheet } = sheetOf();
    emulator.spreadsheet.setNamedRange('Ids', sheet.getRange('A2:A'));
    sheet.getRange('A1000').setValue('last');
    sheet.appendRow(['appended']);
    expect(sheet.getMaxRows()).toBe(1001);
    const ids = emulator.spreadsheet.getRangeByName('Ids')!;
    expect(ids.getA1Notation()).toBe('A2:A1001');
    expect(ids.getValues().at(-1)).toEqual(['appended']);
  });

  it('grows whole-row ranges (2:5) with columns inserted after the last column', () => {
    const { emulator, sheet } = sheetOf();
    emulator.spreadsheet.setNamedRange('Rows', sheet.getRange('2:5'));
    sheet.insertColumnsAfter(26, 4);
    expect(emulator.spreadsheet.getRangeByName('Rows')!.getA1Notation()).toBe('A2:AD5');
  });
});
