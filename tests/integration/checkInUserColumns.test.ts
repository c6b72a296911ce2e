/**
 * Check-ins land in the add-on's own columns only. Sheets with columns of the user's between and
 * beside ours (values, and formulas filled down past the data) take saved check-ins, and every
 * cell of the user's reads back exactly as before, values and formulas alike.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../preview/emulator/index';
import type { SaveCheckInResult } from '../../src/shared/checkIn';
import { CHECK_IN_HEADER, KEY_RESULT_HEADER } from '../fixtures/workbook';
import { buildBundle } from './bundle';
import {
  ANA,
  KEY_RESULTS,
  MILESTONES_VALUES,
  NOW,
  OBJECTIVES_VALUES,
  checkInPayload,
  plain,
} from './checkInWorkbook';
import { addSheetWith } from './emulatorSheets';

beforeAll(buildBundle);

/** A column of the user's: a header, and per row a value or a formula (or nothing). */
interface UserColumn {
  position: number;
  cells: (string | number | null)[];
  /** Formula filled down this many rows past the data, as people copy a formula down. */
  filledDown: number;
}

const userCell = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -5, max: 500 }),
  fc.constantFrom('note', 'x', 'owner ok'),
  fc.constantFrom('=1+1', '=LEN("abc")', '=NOW()'),
);

const userColumns = (rows: number) =>
  fc.array(
    fc.record({
      position: fc.nat(),
      cells: fc.array(userCell, { minLength: rows, maxLength: rows }),
      filledDown: fc.nat({ max: 4 }),
    }),
    { maxLength: 3 },
  );

/** Inserts the user's columns into a table (header first) at their positions, in turn. */
function withUserColumns(
  table: readonly (readonly unknown[])[],
  columns: readonly UserColumn[],
  prefix: string,
): unknown[][] {
  const extra = Math.max(0, ...columns.map((column) => column.filledDown));
  const rows: unknown[][] = [
    ...table.map((row) => [...row]),
    ...Array.from({ length: extra }, () => table[0]!.map(() => '')),
  ];
  columns.forEach((column, number) => {
    const at = column.position % (rows[0]!.length + 1);
    rows.forEach((row, index) => {
      const data = index > 0 && index < table.length ? column.cells[index - 1] : null;
      const filled = index >= table.length && index < table.length + column.filledDown;
      const cell =
        index === 0
          ? `${prefix} ${number + 1}`
          : filled
            ? `=IF(B${index + 1}="","",LEN(B${index + 1}))`
            : (data ?? '');
      row.splice(at, 0, cell);
    });
  });
  return rows;
}

/** Values and formulas of every cell of the user's columns (by header prefix). */
function userCells(emulator: Emulator, sheetName: string, prefix: string): unknown[][] {
  return emulator.uncounted(() => {
    const sheet = emulator.spreadsheet.getSheetByName(sheetName)!;
    const range = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
    const values = range.getValues();
    const formulas = range.getFormulas();
    const header = values[0]!;
    const columns = header.flatMap((cell, index) =>
      String(cell).startsWith(prefix) ? [index] : [],
    );
    return values.map((row, r) =>
      columns.map((column) => formulas[r]![column] || String(row[column])),
    );
  });
}

function workbook(checkIns: unknown[][], keyResults: unknown[][]): Emulator {
  const emulator = createEmulator({ now: NOW, user: ANA, sheetNames: [] });
  emulator.uncounted(() => {
    addSheetWith(emulator, 'Objectives', OBJECTIVES_VALUES);
    addSheetWith(emulator, 'Key Results', keyResults);
    addSheetWith(emulator, 'Check-ins', checkIns);
    addSheetWith(emulator, 'Milestones', MILESTONES_VALUES);
    addSheetWith(emulator, 'Settings', [
      ['Setting', 'Value'],
      ['Cycle Name', '2026 Q4'],
    ]);
  });
  emulator.loadBundle();
  return emulator;
}

const pastCheckIn = (index: number) => [
  new Date(Date.parse('2026-11-01T09:00:00Z') + index * 3_600_000),
  'KR-INC',
  index,
  5,
  `update ${index}`,
  '',
  '',
  '',
  ANA,
];

describe('check-ins and user columns', () => {
  it('appends check-ins below the data and never changes a cell of a user column', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 4 }).chain((past) =>
          fc.record({
            past: fc.constant(past),
            checkInColumns: userColumns(past),
            keyResultColumns: userColumns(KEY_RESULTS.length),
            saves: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 3 }),
          }),
        ),
        ({ past, checkInColumns, keyResultColumns, saves }) => {
          const checkIns = withUserColumns(
            [CHECK_IN_HEADER, ...Array.from({ length: past }, (_, i) => pastCheckIn(i))],
            checkInColumns,
            'Mine',
          );
          const keyResults = withUserColumns(
            [KEY_RESULT_HEADER, ...KEY_RESULTS.map((row) => [...row, '', '', '', ''])],
            keyResultColumns,
            'Mine',
          );
          const emulator = workbook(checkIns, keyResults);
          const before = {
            checkIns: userCells(emulator, 'Check-ins', 'Mine'),
            keyResults: userCells(emulator, 'Key Results', 'Mine'),
          };
          for (const value of saves) {
            const result = plain(
              emulator.call('saveCheckIn', checkInPayload({ value })) as SaveCheckInResult,
            );
            expect(result).toMatchObject({ ok: true });
          }
          expect(userCells(emulator, 'Check-ins', 'Mine')).toEqual(before.checkIns);
          expect(userCells(emulator, 'Key Results', 'Mine')).toEqual(before.keyResults);
          // The saves sit right below the past check-ins, in order, whatever the user filled down.
          const values = emulator.uncounted(() =>
            emulator.spreadsheet.getSheetByName('Check-ins')!.getDataRange().getValues(),
          );
          const valueColumn = values[0]!.indexOf('Value');
          const saved = values.slice(past + 1, past + 1 + saves.length);
          expect(saved.map((row) => row[valueColumn])).toEqual(saves);
        },
      ),
      { numRuns: 40 },
    );
  });
});
