import { describe, expect, it } from 'vitest';
import {
  columnIndex,
  columnLetters,
  parseA1,
  resolveA1,
  toA1,
} from '../../../preview/emulator/index.js';

describe('A1 notation', () => {
  it('reads a single cell and a rectangle', () => {
    expect(resolveA1(parseA1('B3'), 1000, 26)).toEqual({
      row: 3,
      column: 2,
      numRows: 1,
      numColumns: 1,
    });
    expect(resolveA1(parseA1('A1:C4'), 1000, 26)).toEqual({
      row: 1,
      column: 1,
      numRows: 4,
      numColumns: 3,
    });
  });

  it('takes the sheet name before !, with quotes and doubled apostrophes', () => {
    expect(parseA1('Key Results!A1:B2').sheetName).toBe('Key Results');
    expect(parseA1("'Check-ins'!A2").sheetName).toBe('Check-ins');
    expect(parseA1("'Ana''s OKRs'!A1").sheetName).toBe("Ana's OKRs");
    expect(parseA1('A1').sheetName).toBeNull();
  });

  it('runs an open-ended column range to the last row of the grid', () => {
    expect(resolveA1(parseA1('A2:A'), 1000, 26)).toEqual({
      row: 2,
      column: 1,
      numRows: 999,
      numColumns: 1,
      toLastRow: true,
    });
    expect(resolveA1(parseA1('B2:D'), 50, 26)).toEqual({
      row: 2,
      column: 2,
      numRows: 49,
      numColumns: 3,
      toLastRow: true,
    });
  });

  it('covers whole columns and whole rows', () => {
    expect(resolveA1(parseA1('A:C'), 1000, 26)).toEqual({
      row: 1,
      column: 1,
      numRows: 1000,
      numColumns: 3,
      toLastRow: true,
    });
    expect(resolveA1(parseA1('2:5'), 1000, 26)).toEqual({
      row: 2,
      column: 1,
      numRows: 4,
      numColumns: 26,
      toLastColumn: true,
    });
  });

  it('ignores $ signs and normalises reversed corners', () => {
    expect(resolveA1(parseA1('$B$2:$A$1'), 1000, 26)).toEqual({
      row: 1,
      column: 1,
      numRows: 2,
      numColumns: 2,
    });
  });

  it('rejects notation that is not A1', () => {
    expect(() => parseA1('A0')).toThrow(/row 0/);
    expect(() => parseA1('1A')).toThrow(/not valid A1/);
    expect(() => parseA1('A1:B2:C3')).toThrow(/not valid A1/);
    expect(() => parseA1('A')).toThrow(/needs both a column and a row/);
  });

  it('converts column letters both ways', () => {
    expect([columnIndex('A'), columnIndex('Z'), columnIndex('AA'), columnIndex('az')]).toEqual([
      1, 26, 27, 52,
    ]);
    for (const column of [1, 26, 27, 52, 702, 703, 18278])
      expect(columnIndex(columnLetters(column))).toBe(column);
  });

  it('writes a range back as A1', () => {
    expect(toA1({ row: 2, column: 3, numRows: 1, numColumns: 1 })).toBe('C2');
    expect(toA1({ row: 1, column: 1, numRows: 10, numColumns: 27 })).toBe('A1:AA10');
  });
});
