/**
 * Close cycle on a workbook as people really keep one: no Notes column on Objectives, the
 * Key Results date columns renamed, a formula column of the user's beside ours, rows with
 * problems, a milestone key result with its checklist and a type the add-on does not know.
 * Nothing is lost, nothing of the user's is overwritten, and Reopen puts it all back.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from './bundle';
import type { Emulator } from '../../preview/emulator/index.js';
import type { CloseCycleData, CloseCycleResult } from '../../src/shared/closeCycle';
import { emulatorWith, sheetFormulas, sheetValues } from './setupHelpers';
import { onSpreadsheetClock } from './spreadsheetClock';

beforeAll(buildBundle);

const plain = <T>(value: unknown): T => JSON.parse(JSON.stringify(value)) as T;
const LEN_ROWS = 30;

function messyWorkbook(): Emulator {
  const lenColumn = Array.from({ length: LEN_ROWS }, (_, index) => index + 2);
  const keyResultRows: unknown[][] = [
    [
      'ID',
      'Objective ID',
      'Key Result',
      'Owner',
      'Type',
      'Start',
      'Target',
      'Current',
      'Kick-off',
      'Deadline',
      'Len',
    ],
    [
      'KR1',
      'O1',
      'Grow signups',
      'a@example.com',
      'increase',
      0,
      100,
      40,
      '2026-10-01',
      '2026-12-31',
    ],
    ['KR2', 'O1', 'Ship the beta', 'a@example.com', 'milestone', 0, 4, 2],
    ['KR3', 'O1', 'Run sprints', 'b@example.com', 'sprint', 0, 10, 5],
    ['KR1', 'O2', 'Repeated ID', 'b@example.com', 'increase', 0, 10, 5],
  ];
  const emulator = emulatorWith({
    Objectives: [
      ['ID', 'Objective', 'Owner', 'Team', 'Cycle', 'Parent', 'Kind', 'Priority', 'Our remarks'],
      ['O1', 'Grow', 'a@example.com', 'Growth', '2026-Q4', '', 'committed', 'P1', 'mine'],
      ['O2', '', 'b@example.com', 'Growth', '2026-Q4', '', 'committed', 'P2', 'no title'],
    ],
    'Key Results': keyResultRows,
    Milestones: [
      ['Key Result ID', 'Milestone', 'Weight', 'Done', 'Done Date'],
      ['KR2', 'Design', 1, true, ''],
      ['KR2', 'Build', 1, true, ''],
      ['KR2', 'Test', 1, false, ''],
      ['KR2', 'Launch', 1, false, ''],
    ],
    'Check-ins': [['Timestamp', 'Key Result ID', 'Value']],
    Settings: [
      ['Setting', 'Value'],
      ['Cycle Name', '2026-Q4'],
      ['Cycle Start', '2026-10-01'],
      ['Cycle End', '2026-12-31'],
    ],
  });
  emulator.uncounted(() => {
    const sheet = emulator.spreadsheet.getSheetByName('Key Results')!;
    sheet
      .getRange(2, 11, LEN_ROWS, 1)
      .setFormulas(lenColumn.map((row) => [`=IF(C${row}="","",LEN(C${row}))`]));
  });
  emulator.clock.set(onSpreadsheetClock('2027-01-04T09:00'));
  return emulator;
}

describe('Close cycle on a messy workbook', () => {
  let emulator: Emulator;
  let data: CloseCycleData;
  let result: CloseCycleResult;
  let before: Record<string, unknown[][]>;

  beforeAll(() => {
    emulator = messyWorkbook();
    before = Object.fromEntries(
      ['Objectives', 'Key Results', 'Milestones', 'Settings'].map((name) => [
        name,
        sheetValues(emulator, name),
      ]),
    );
    data = plain<CloseCycleData>(emulator.call('getCloseCycleData'));
    result = plain<CloseCycleResult>(
      emulator.call('closeCycle', {
        cycleName: data.cycleName,
        lessons: [],
        carryForward: ['KR1', 'KR2', 'KR3'],
      }),
    );
  });

  it('reports the rows with problems before closing, saying they are archived as they are', () => {
    expect(data.notices).toEqual([
      expect.stringMatching(/^Objectives row 3, column Objective: .* archived as it is\.$/),
      expect.stringMatching(/^Key Results row 5, column ID: .* archived as it is\.$/),
    ]);
    expect([data.movedObjectiveRows, data.movedKeyResultRows]).toEqual([2, 4]);
  });

  it('closes without a Notes column and carries the objective with all its key results', () => {
    expect(result.carried).toEqual([
      { from: 'KR1', to: 'KR1-2' },
      { from: 'KR2', to: 'KR2-2' },
      { from: 'KR3', to: 'KR3-2' },
    ]);
    const objectives = sheetValues(emulator, 'Objectives');
    expect(objectives.slice(1, 2)).toEqual([
      ['O1-2', 'Grow', 'a@example.com', 'Growth', '2027-Q1', '', 'committed', 'P1', ''],
    ]);
    const keyResults = sheetValues(emulator, 'Key Results');
    expect(keyResults.slice(1, 4).map((row) => row.slice(0, 8))).toEqual([
      ['KR1-2', 'O1-2', 'Grow signups', 'a@example.com', 'increase', 40, 100, ''],
      ['KR2-2', 'O1-2', 'Ship the beta', 'a@example.com', 'milestone', 2, 4, ''],
      ['KR3-2', 'O1-2', 'Run sprints', 'b@example.com', 'sprint', 5, 10, ''],
    ]);
  });

  it('archives every row whole, rows with problems and the user’s columns included', () => {
    const archivedObjectives = sheetValues(emulator, 'Archived Objectives');
    expect(archivedObjectives.map((row) => row.slice(4))).toEqual([
      before['Objectives']![0],
      ...before['Objectives']!.slice(1),
    ]);
    const archivedKeyResults = sheetValues(emulator, 'Archived Key Results');
    expect(archivedKeyResults.slice(1).map((row) => row[4])).toEqual(['KR1', 'KR2', 'KR3', 'KR1']);
    expect(archivedKeyResults[0]).toContain('Len');
  });

  it('keeps the checklist of the carried milestone key result', () => {
    const milestones = sheetValues(emulator, 'Milestones');
    expect(milestones.slice(1, 5)).toEqual(before['Milestones']!.slice(1));
    expect(milestones.slice(5)).toEqual([
      ['KR2-2', 'Design', 1, true, ''],
      ['KR2-2', 'Build', 1, true, ''],
      ['KR2-2', 'Test', 1, false, ''],
      ['KR2-2', 'Launch', 1, false, ''],
    ]);
  });

  it('never writes into the user’s formula column', () => {
    const formulas = sheetFormulas(emulator, 'Key Results').map((row) => row[10]);
    expect(formulas.slice(1, LEN_ROWS + 1)).toEqual(
      Array.from({ length: LEN_ROWS }, (_, index) => `=IF(C${index + 2}="","",LEN(C${index + 2}))`),
    );
  });

  it('reopens to the workbook as it was', () => {
    emulator.ui.responses.push({ button: 'YES' });
    emulator.call('reopenCycle');
    for (const name of ['Objectives', 'Key Results', 'Milestones'])
      expect(sheetValues(emulator, name), name).toEqual(before[name]);
    expect(
      sheetFormulas(emulator, 'Key Results')
        .map((row) => row[10])
        .slice(1, LEN_ROWS + 1),
    ).toEqual(
      Array.from({ length: LEN_ROWS }, (_, index) => `=IF(C${index + 2}="","",LEN(C${index + 2}))`),
    );
  });
});
