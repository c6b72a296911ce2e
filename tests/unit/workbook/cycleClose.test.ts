import { describe, expect, it } from 'vitest';
import {
  archivedRow,
  archivedRowsOf,
  ARCHIVED_ROW_COLUMNS,
  columnLabels,
  exactCell,
  storedColumns,
  type TableCells,
} from '../../../src/workbook/archivedRows';
import {
  planCarry,
  rowRuns,
  rowsOfOpenCycle,
  unlistedRows,
  userColumns,
  vacate,
} from '../../../src/workbook/cycleClose';
import { KEY_RESULTS, OBJECTIVES } from '../../../src/workbook/schema';
import { parseKeyResults, parseObjectives } from '../../../src/workbook/tables';

/** Objectives without a Notes column, with a user column and a row missing its title. */
const objectiveValues = [
  ['ID', 'Objective', 'Cycle', 'Parent', 'My remarks'],
  ['O1', 'Grow', '2026 Q4', '', 'keep'],
  ['O2', 'Retain', '2026 Q4', 'O1', ''],
  ['O3', '', '2026 Q4', '', 'no title'],
  ['OLD', 'Closed long ago', '2026 Q3', '', ''],
];

/**
 * Key Results with renamed date columns (not recognised), a spilling Progress column, a user
 * formula column, an unknown type, a repeated ID and a KR of a closed cycle's objective.
 */
const keyResultValues = [
  [
    'ID',
    'Objective ID',
    'Key Result',
    'Type',
    'Start',
    'Target',
    'Current',
    'Kick-off',
    'Progress',
    'Len',
  ],
  ['KR1', 'O1', 'Signups', 'increase', 0, 100, 40, '', 0.4, 7],
  ['KR2', 'O1', 'Launch', 'sprint', 0, 5, 2, '', '', 6],
  ['KR3', 'O2', 'Churn', 'milestone', 0, 4, 1, '', 0.25, 5],
  ['KR1', 'O2', 'Repeated', 'increase', 0, 10, 5, '', 0.5, 8],
  ['KR9', 'O404', 'Orphan', 'increase', 0, 10, 5, '', 0.5, 6],
  ['KR0', 'OLD', 'Old', 'increase', 0, 10, 10, '', 1, 3],
];
const keyResultFormulas = keyResultValues.map((row, index) =>
  row.map((_, column) =>
    index === 0 && column === 8
      ? '={"Progress"; OKRPROGRESS(D2:D, E2:E, F2:F, G2:G)}'
      : index > 0 && column === 9
        ? `=LEN(C${index + 1})`
        : '',
  ),
);
const objectives: TableCells = { values: objectiveValues, formulas: [] };
const keyResults: TableCells = { values: keyResultValues, formulas: keyResultFormulas };
const milestones: TableCells = {
  values: [
    ['Key Result ID', 'Milestone', 'Done'],
    ['KR3', 'Design', true],
    ['KR3', 'Build', false],
    ['KR1', 'Other', true],
  ],
  formulas: [],
};

const next = {
  cycleName: '2027 Q1',
  cycleStart: new Date(Date.UTC(2027, 0, 1)),
  cycleEnd: new Date(Date.UTC(2027, 2, 31)),
};
const parsedObjectives = parseObjectives(objectiveValues).rows.filter((o) => o.id !== 'OLD');
const parsedKeyResults = parseKeyResults(keyResultValues).rows;

describe('rowsOfOpenCycle', () => {
  const moved = rowsOfOpenCycle(objectives, keyResults, (row) => row[2] === '2026 Q3');

  it('moves every row of the cycle, rows with problems and orphans included', () => {
    expect(moved.objectiveRows).toEqual([2, 3, 4]);
    expect(moved.keyResultRows).toEqual([2, 3, 4, 5, 6]);
  });

  it('keeps the rows of a cycle closed earlier, with their key results', () => {
    expect(moved.staying.has('old')).toBe(true);
    expect(moved.keyResultRows).not.toContain(7);
  });

  it('names the rows the dialog cannot list, saying they are archived as they are', () => {
    const notices = unlistedRows(
      moved,
      {
        objectives: parsedObjectives,
        keyResults: parsedKeyResults.filter((kr) => ['O1', 'O2'].includes(kr.objectiveId)),
      },
      [...parseObjectives(objectiveValues).problems, ...parseKeyResults(keyResultValues).problems],
    );
    expect(notices).toHaveLength(3);
    expect(notices[0]).toMatch(/^Objectives row 4, column Objective: .* archived as it is\.$/);
    expect(notices[1]).toMatch(/^Key Results row 5, column ID: .*KR1.*archived as it is\.$/);
    expect(notices[2]).toBe(
      'Key Results row 6 names no objective of this cycle. It is archived as it is.',
    );
  });
});

describe('planCarry', () => {
  const chosen = parsedKeyResults.filter((kr) => ['KR2', 'KR3'].includes(kr.id));
  const carry = planCarry({
    objectives,
    keyResults,
    milestones,
    cycleObjectives: parsedObjectives,
    chosen,
    next,
    fromCycle: '2026 Q4',
  });

  it('opens a new objective per objective with a carried key result, aligned to carried parents', () => {
    expect(carry.objectives.rows.map((row) => row.slice(0, 4))).toEqual([
      ["'O1-2", "'Grow", "'2027 Q1", ''],
      ["'O2-2", "'Retain", "'2027 Q1", "'O1-2"],
    ]);
  });

  it('writes only the add-on’s columns: a missing Notes column is left out, the user’s column stays blank', () => {
    expect(carry.objectives.columns.sort()).toEqual([0, 1, 2, 3]);
    expect(carry.objectives.rows[0]![4]).toBe('');
    // Spilling Progress (8), the user's formula column (9) and the renamed date column (7) are not written.
    expect(carry.keyResults.columns.sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('starts each key result where it ended and keeps a type nobody knows as typed', () => {
    expect(carry.keyResults.rows.map((row) => row.slice(0, 7))).toEqual([
      ["'KR2-2", "'O1-2", "'Launch", "'sprint", 2, 5, ''],
      ["'KR3-2", "'O2-2", "'Churn", "'milestone", 1, 4, ''],
    ]);
    expect(carry.carried).toEqual([
      ['KR2', 'KR2-2'],
      ['KR3', 'KR3-2'],
    ]);
  });

  it('copies the milestone checklist of a carried key result under its new ID', () => {
    expect(carry.milestones!.rows).toEqual([
      ["'KR3-2", "'Design", true],
      ["'KR3-2", "'Build", false],
    ]);
  });
});

describe('vacate', () => {
  it('clears the cycle’s rows, keeps the user’s formulas and places carried rows first', () => {
    const vacating = vacate(keyResults, [2, 3, 4], userColumns(KEY_RESULTS, keyResults), 2, 8);
    expect(vacating.clear).toEqual([2, 3, 4]);
    expect(vacating.carriedRows).toEqual([2, 3]);
    expect(vacating.formulas.get(3)).toEqual(new Map([[9, '=LEN(C3)']]));
  });

  it('places carried rows below the table when the cycle has fewer rows', () => {
    expect(vacate(keyResults, [2], [], 3, 8).carriedRows).toEqual([2, 8, 9]);
  });
});

describe('archived rows', () => {
  it('keep every typed column by header, the user’s formulas, and read back by cycle', () => {
    const labels = columnLabels(keyResultValues[0]!);
    const columns = storedColumns(KEY_RESULTS, keyResults);
    const header = [...ARCHIVED_ROW_COLUMNS, ...columns.map((index) => labels[index]!)];
    const closedOn = new Date(Date.UTC(2027, 0, 4));
    const row = archivedRow(header, { cycle: '2026 Q4', closedOn }, keyResults, labels, columns, 3);
    expect(row).toEqual([
      "'2026 Q4",
      closedOn,
      3,
      `'${JSON.stringify({ Len: '=LEN(C3)' })}`,
      "'KR2",
      "'O1",
      "'Launch",
      "'sprint",
      0,
      5,
      2,
      '',
      6,
    ]);
    const stored = row.map((cell) => (typeof cell === 'string' ? cell.replace(/^'/, '') : cell));
    const [read] = archivedRowsOf([header, stored], '2026 q4', 'Archived Key Results');
    expect(read!.sheetRow).toBe(3);
    expect(read!.formulas).toEqual({ Len: '=LEN(C3)' });
    expect(read!.cells.get('type')).toBe('sprint');
  });

  it('label blank and repeated headers apart', () => {
    expect(columnLabels(['Notes', '', 'notes', 'Formulas'])).toEqual([
      'Notes',
      'Column B',
      'notes (2)',
      'Formulas (2)',
    ]);
  });

  it('are written so that text reads back as text', () => {
    expect([exactCell('007'), exactCell('TRUE'), exactCell(''), exactCell(3)]).toEqual([
      "'007",
      "'TRUE",
      '',
      3,
    ]);
  });

  it('leave out columns whose header is a formula', () => {
    expect(storedColumns(OBJECTIVES, objectives)).toEqual([0, 1, 2, 3, 4]);
    expect(storedColumns(KEY_RESULTS, keyResults)).not.toContain(8);
  });
});

describe('rowRuns', () => {
  it('groups sorted rows into runs of neighbours', () => {
    expect(rowRuns([2, 3, 4, 7, 9, 10])).toEqual([
      [2, 3],
      [7, 1],
      [9, 2],
    ]);
  });
});
