/**
 * No silent adoption, in the built bundle: setup asks before it renames a user's sheet or column
 * that carries one of our names, and a check-in leaves the user's Confidence words and Last
 * Check-in notes alone.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SaveCheckInResult } from '../../src/shared/checkIn';
import { buildBundle } from './bundle';
import { checkInEmulator, checkInPayload, keyResultRow, plain } from './checkInWorkbook';
import { emulatorWith, sheetFormulas, sheetValues, workbookJson } from './setupHelpers';

beforeAll(buildBundle);

const THEIR_OBJECTIVES = [
  ['Objective', 'Owner', 'Quarter', 'Progress'],
  ['Grow the community', 'Ana', 'Q1', 0.4],
];

const THEIR_KEY_RESULTS = [
  ['ID', 'Objective ID', 'Key Result', 'Target', 'Current', 'Progress', 'Status'],
  ['KR1', 'O1', 'Reach 500 members', 500, 200, 0.4, 'Behind'],
];

describe('Set up OKR workbook beside sheets of the user with our names', () => {
  it('asks first, and changes nothing when the user says No', () => {
    const emulator = emulatorWith({
      Objectives: THEIR_OBJECTIVES,
      'Key Results': THEIR_KEY_RESULTS,
    });
    const before = workbookJson(emulator);
    emulator.ui.responses.push({ button: 'NO' });
    emulator.call('setUpWorkbook');
    expect(emulator.ui.alerts).toHaveLength(1);
    expect(emulator.ui.alerts[0]!.prompt).toContain('Your sheet "Objectives"');
    expect(emulator.ui.alerts[0]!.prompt).toContain('Your column "Progress" on "Key Results"');
    expect(workbookJson(emulator)).toEqual(before);
  });

  describe('when the user says Yes', () => {
    const emulator = emulatorWith({
      Objectives: THEIR_OBJECTIVES,
      'Key Results': THEIR_KEY_RESULTS,
    });
    emulator.ui.responses.push({ button: 'YES' });
    emulator.call('setUpWorkbook');

    it('renames their Objectives sheet, keeps every cell of it, and creates ours', () => {
      expect(sheetValues(emulator, 'Objectives (original)')).toEqual(THEIR_OBJECTIVES);
      expect(sheetValues(emulator, 'Objectives')[0]!.slice(0, 2)).toEqual(['ID', 'Objective']);
    });

    it('renames only the headers of their Progress and Status columns and adds our formulas', () => {
      const [header, row] = sheetValues(emulator, 'Key Results');
      expect(header!.slice(0, 7)).toEqual([
        'ID',
        'Objective ID',
        'Key Result',
        'Target',
        'Current',
        'Progress (original)',
        'Status (original)',
      ]);
      expect(row!.slice(0, 7)).toEqual(THEIR_KEY_RESULTS[1]);
      const formulas = sheetFormulas(emulator, 'Key Results')[0]!;
      expect(
        formulas.filter((formula) => formula.startsWith('={"Progress"; OKRPROGRESS(')),
      ).toHaveLength(1);
      expect(
        formulas.filter((formula) => formula.startsWith('={"Status"; OKRSTATUS(')),
      ).toHaveLength(1);
    });

    it('asks nothing the second time', () => {
      const alerts = emulator.ui.alerts.length;
      emulator.call('setUpWorkbook');
      expect(emulator.ui.alerts).toHaveLength(alerts);
    });
  });
});

describe("A check-in on a Key Results sheet whose Confidence and Last Check-in are the user's", () => {
  const emulator = checkInEmulator();
  emulator.uncounted(() => {
    const sheet = emulator.spreadsheet.getSheetByName('Key Results')!;
    sheet.getRange(2, 13, 2, 2).setValues([
      ['High', 'week 3: demo went well'],
      ['Low', ''],
    ]);
  });
  const result = plain(
    emulator.call('saveCheckIn', checkInPayload({ value: 42, confidence: 7 })) as SaveCheckInResult,
  );

  it('saves the check-in and the current value', () => {
    expect(result.ok).toBe(true);
    expect(keyResultRow(emulator, 'KR-INC').Current).toBe(42);
  });

  it('writes no number among their High/Medium/Low words and keeps their note', () => {
    expect(keyResultRow(emulator, 'KR-INC').Confidence).toBe('High');
    expect(keyResultRow(emulator, 'KR-INC')['Last Check-in']).toBe('week 3: demo went well');
  });
});
