/**
 * Sheets throws "The coordinates of the range are outside the dimensions of the sheet." for any
 * range past a sheet's last row or column, and so does the emulator: every sheet the add-on
 * writes grows first (a user's narrow sheet, a Health sheet longer than 1,000 rows, Check-ins
 * past the end of its grid), and the whole-column named ranges take the rows added.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../preview/emulator/index';
import { KEY_RESULTS } from '../../src/workbook/schema';
import { buildBundle } from './bundle';
import { checkInPayload } from './checkInWorkbook';

beforeAll(buildBundle);

const NOW = '2026-11-18T10:00:00Z';

function loaded(): Emulator {
  const emulator = createEmulator({ now: NOW, sheetNames: [] });
  emulator.loadBundle();
  return emulator;
}

function values(emulator: Emulator, name: string): unknown[][] {
  return emulator.uncounted(() =>
    emulator.spreadsheet.getSheetByName(name)!.getDataRange().getValues(),
  );
}

describe('Set up OKR workbook on small sheets', () => {
  it('widens a user’s Key Results sheet of 20 columns before adding its columns', () => {
    const emulator = loaded();
    const userColumns = KEY_RESULTS.columns.filter((column) => !column.computed).slice(0, 17);
    emulator.uncounted(() => {
      emulator.workbook.addSheet('Key Results', undefined, 1000, 20);
      emulator.spreadsheet
        .getSheetByName('Key Results')!
        .getRange(1, 1, 1, 20)
        .setValues([[...userColumns.map((column) => column.header), 'Team notes', '', '']]);
    });
    expect(() => emulator.call('setUpWorkbook')).not.toThrow();
    const sheet = emulator.spreadsheet.getSheetByName('Key Results')!;
    const header = values(emulator, 'Key Results')[0]!;
    const formulas = emulator.uncounted(
      () => sheet.getRange(1, 1, 1, sheet.getMaxColumns()).getFormulas()[0]!,
    );
    const labels = header.map((cell, index) => String(cell || formulas[index]));
    for (const column of KEY_RESULTS.columns)
      expect(
        labels.some((label) => label.includes(column.header)),
        column.header,
      ).toBe(true);
    expect(header[17]).toBe('Team notes');
    expect(emulator.uncounted(() => sheet.getMaxColumns())).toBeGreaterThan(20);
    const named = emulator.uncounted(() => emulator.spreadsheet.getRangeByName('OKR_KEY_RESULTS')!);
    expect(emulator.uncounted(() => named.getLastColumn())).toBe(labels.filter(Boolean).length);
  });

  it('grows a Settings sheet of 5 rows before writing the default settings', () => {
    const emulator = loaded();
    emulator.uncounted(() => {
      emulator.workbook.addSheet('Settings', undefined, 5, 2);
      emulator.spreadsheet
        .getSheetByName('Settings')!
        .getRange(1, 1, 2, 2)
        .setValues([
          ['Setting', 'Value'],
          ['Cycle Name', 'Pilot'],
        ]);
    });
    expect(() => emulator.call('setUpWorkbook')).not.toThrow();
    const settings = values(emulator, 'Settings');
    expect(settings[1]).toEqual(['Cycle Name', 'Pilot']);
    expect(settings.length).toBeGreaterThan(5);
    expect(settings.some((row) => row[0] === 'Report Date')).toBe(true);
  });
});

describe('Check OKR health with more than 1,000 rows to write', () => {
  it('writes every problem row on a Health sheet grown past 1,000 rows', () => {
    const emulator = loaded();
    emulator.call('setUpWorkbook');
    const rows = 1_200;
    emulator.uncounted(() => {
      const sheet = emulator.spreadsheet.getSheetByName('Key Results')!;
      sheet.insertRowsAfter(sheet.getMaxRows(), rows);
      sheet
        .getRange(2, 1, rows, 8)
        .setValues(
          Array.from({ length: rows }, (_, index) => [
            `KR-${index}`,
            'O-1',
            `Key result ${index}`,
            'ana@example.com',
            'increase',
            'teams',
            0,
            'lots',
          ]),
        );
      emulator.spreadsheet
        .getSheetByName('Objectives')!
        .getRange(2, 1, 1, 2)
        .setValues([['O-1', 'Delight new teams']]);
    });
    expect(() => emulator.call('checkOkrHealth')).not.toThrow();
    const health = values(emulator, 'Health');
    expect(health.length).toBeGreaterThan(rows);
    const problems = health.filter((row) =>
      /column Target: "lots" is not a number/.test(String(row[0])),
    );
    expect(problems).toHaveLength(rows);
  });
});

describe('Whole-column named ranges', () => {
  it('take Check-ins rows appended past the end of the grid', () => {
    const emulator = loaded();
    emulator.call('setUpWorkbook');
    emulator.uncounted(() => {
      emulator.spreadsheet
        .getSheetByName('Objectives')!
        .getRange(2, 1, 1, 2)
        .setValues([['O-1', 'Delight new teams']]);
      emulator.spreadsheet
        .getSheetByName('Key Results')!
        .getRange(2, 1, 1, 8)
        .setValues([['KR-1', 'O-1', 'Grow teams', 'ana@example.com', 'increase', '', 0, 10]]);
      const checkIns = emulator.spreadsheet.getSheetByName('Check-ins')!;
      const full = checkIns.getMaxRows() - 1;
      checkIns
        .getRange(2, 1, full, 3)
        .setValues(Array.from({ length: full }, () => [new Date(NOW), 'KR-1', 1]));
    });
    const before = emulator.uncounted(() =>
      emulator.spreadsheet.getSheetByName('Check-ins')!.getMaxRows(),
    );
    const saved = emulator.call(
      'saveCheckIn',
      checkInPayload({ keyResultId: 'KR-1', value: 9 }),
    ) as {
      ok: boolean;
    };
    expect(saved.ok).toBe(true);
    const named = emulator.uncounted(() => emulator.spreadsheet.getRangeByName('OKR_CHECKINS')!);
    const lastRow = emulator.uncounted(() => named.getLastRow());
    expect(lastRow).toBeGreaterThan(before);
    const newest = emulator.uncounted(() => named.getValues()[before]!);
    expect(newest.slice(1, 3)).toEqual(['KR-1', 9]);
  });
});
