/**
 * Range.copyTo(destination, CopyPasteType.PASTE_VALUES, false) as Apps Script documents it
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#copytodestination,-copypastetype,-transposed):
 * values only, "without formats, formulas or merges", placed from the destination's top-left cell,
 * within one spreadsheet.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../preview/emulator/index.js';

function workbookWith(rows: unknown[][]) {
  const emulator = createEmulator({
    sheetNames: ['Live', 'Archive'],
    user: 'lead@example.com',
    spreadsheetTimeZone: 'Asia/Kolkata',
  });
  const live = emulator.spreadsheet.getSheetByName('Live')!;
  live.getRange(1, 1, rows.length, rows[0]!.length).setValues(rows);
  const archive = emulator.spreadsheet.getSheetByName('Archive')!;
  const PASTE_VALUES = emulator.globals.SpreadsheetApp.CopyPasteType.PASTE_VALUES;
  return { emulator, live, archive, PASTE_VALUES };
}

describe('Range.copyTo with PASTE_VALUES', () => {
  it('copies text, numbers and booleans exactly, from the top-left cell of the destination', () => {
    const { live, archive, PASTE_VALUES } = workbookWith([["'007", 1.5, true, "'TRUE"]]);
    live.getRange('A1:D1').copyTo(archive.getRange('B3'), PASTE_VALUES, false);
    expect(archive.getRange('B3:E3').getValues()).toEqual([['007', 1.5, true, 'TRUE']]);
    expect(archive.getRange('A3').getValue()).toBe('');
  });

  it('copies what a formula shows, not the formula', () => {
    const { live, archive, PASTE_VALUES } = workbookWith([[2, 3, '=A1*B1']]);
    live.getRange('C1').copyTo(archive.getRange('A1'), PASTE_VALUES, false);
    expect(archive.getRange('A1').getFormula()).toBe('');
  });

  it("turns a date into its serial number on the spreadsheet's calendar, the date format left behind", () => {
    const { live, archive, PASTE_VALUES } = workbookWith([['2026-01-05']]);
    expect(Object.prototype.toString.call(live.getRange('A1').getValue())).toBe('[object Date]');
    live.getRange('A1').copyTo(archive.getRange('A1'), PASTE_VALUES, false);
    expect(archive.getRange('A1').getValue()).toBe(46027);
  });

  it('refuses a destination in another spreadsheet and one beyond the grid', () => {
    const { emulator, live, PASTE_VALUES } = workbookWith([['a']]);
    const other = emulator.addSpreadsheet({ name: 'Other', owner: 'lead@example.com' });
    const elsewhere = emulator.globals.SpreadsheetApp.openById(other.id).getSheets()[0]!;
    expect(() => live.getRange('A1').copyTo(elsewhere.getRange('A1'), PASTE_VALUES, false)).toThrow(
      'Target range and source range must be on the same spreadsheet.',
    );
    const last = live.getRange(live.getMaxRows(), 1);
    expect(() => live.getRange('A1:A2').copyTo(last, PASTE_VALUES, false)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });
});
