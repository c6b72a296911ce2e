import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../preview/emulator/index.js';

function sheetOf(rows: unknown[][], maxRows = 20) {
  const emulator = createEmulator({ sheetNames: [] });
  emulator.workbook.addSheet('Data', undefined, maxRows);
  const sheet = emulator.spreadsheet.getSheetByName('Data')!;
  if (rows.length > 0) sheet.getRange(1, 1, rows.length, rows[0]!.length).setValues(rows);
  emulator.calls.reset();
  return { emulator, sheet };
}

const UP = 'UP' as unknown as GoogleAppsScript.Spreadsheet.Direction;
const DOWN = 'DOWN' as unknown as GoogleAppsScript.Spreadsheet.Direction;

describe('cells moved', () => {
  it('counts the cells each value read returns and each value write takes', () => {
    const { emulator, sheet } = sheetOf([['a', 'b', 'c']]);
    sheet.getRange('A1:C2').getValues();
    sheet.getRange('A1').getValue();
    sheet.getRange('A5:B6').setValues([
      [1, 2],
      [3, 4],
    ]);
    sheet.getRange('D1:D3').setValue('x');
    sheet.appendRow([1, 2, 3]);
    expect(emulator.calls.cells()).toEqual({ read: 7, written: 10, cleared: 0 });
  });

  it('tallies cleared cells apart, since a clear sends its range and no values', () => {
    const { emulator, sheet } = sheetOf([['a', 'b', 'c']]);
    sheet.getRange('A1:C4').clearContent();
    sheet.getRange('A1:B1').clear();
    expect(emulator.calls.cells()).toEqual({ read: 0, written: 0, cleared: 14 });
  });

  it('moves no cells through the script when a range is copied in the spreadsheet', () => {
    const { emulator, sheet } = sheetOf([['a', 7, true]]);
    sheet.getRange('A1:C1').copyTo(sheet.getRange('A3'), 'PASTE_VALUES' as never, false);
    expect(emulator.calls.cells()).toEqual({ read: 0, written: 0, cleared: 0 });
    expect(sheet.getRange('A3:C3').getValues()).toEqual([['a', 7, true]]);
  });

  it('counts no cells for formats, sizes or searches, and starts again at zero after reset', () => {
    const { emulator, sheet } = sheetOf([['a']]);
    sheet.getRange('A1:B2').getBackgrounds();
    sheet.getLastRow();
    sheet.getRange('A1:A5').createTextFinder('a').findAll();
    expect(emulator.calls.cells()).toEqual({ read: 0, written: 0, cleared: 0 });
    sheet.getRange('A1').getValue();
    emulator.calls.reset();
    expect(emulator.calls.cells()).toEqual({ read: 0, written: 0, cleared: 0 });
  });
});

describe('Range.getNextDataCell', () => {
  const column = [['h'], ['1'], ['2'], [''], ['4'], [''], ['']];

  it('goes up from a blank cell to the first cell with data above it', () => {
    const { sheet } = sheetOf(column, 10);
    expect(sheet.getRange(10, 1).getNextDataCell(UP).getRow()).toBe(5);
  });

  it('goes to the end of the block a cell with data is in', () => {
    const { sheet } = sheetOf(column, 10);
    expect(sheet.getRange(1, 1).getNextDataCell(DOWN).getRow()).toBe(3);
    expect(sheet.getRange(3, 1).getNextDataCell(UP).getRow()).toBe(1);
  });

  it('stops at the edge of the sheet when nothing lies in that direction', () => {
    const { sheet } = sheetOf(column, 10);
    expect(sheet.getRange(6, 1).getNextDataCell(DOWN).getRow()).toBe(10);
    expect(sheet.getRange(1, 2).getNextDataCell(DOWN).getRow()).toBe(10);
  });
});

describe('TextFinder', () => {
  const ids = [['ID'], ['KR-1'], ['kr-2'], [' KR-1 '], ['KR-10'], ['KR-1'], ['']];

  it('finds whole cells case-insensitively, from the last backwards, and returns null at the top', () => {
    const { sheet } = sheetOf(ids, 7);
    const finder = sheet
      .getRange('A2:A7')
      .createTextFinder('kr-1')
      .matchEntireCell(true)
      .startFrom(sheet.getRange('A7'));
    const rows: number[] = [];
    for (let match = finder.findPrevious(); match; match = finder.findPrevious())
      rows.push(match.getRow());
    expect(rows).toEqual([6, 2]);
    expect(finder.getCurrentMatch()!.getRow()).toBe(2);
  });

  it('matches parts of cells unless told to match entire cells, and reads regular expressions', () => {
    const { sheet } = sheetOf(ids, 7);
    const range = sheet.getRange('A2:A7');
    expect(
      range
        .createTextFinder('KR-1')
        .findAll()
        .map((cell) => cell.getRow()),
    ).toEqual([2, 4, 5, 6]);
    expect(
      range
        .createTextFinder('\\s*KR-1\\s*')
        .useRegularExpression(true)
        .matchEntireCell(true)
        .matchCase(true)
        .findAll()
        .map((cell) => cell.getRow()),
    ).toEqual([2, 4, 6]);
  });

  it('refuses an empty search text', () => {
    const { sheet } = sheetOf(ids, 7);
    expect(() => sheet.getRange('A1:A7').createTextFinder('')).toThrow(/empty/);
  });
});
