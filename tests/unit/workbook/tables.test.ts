import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OkrInputError } from '../../../src/core/errors';
import { describeProblem } from '../../../src/workbook/problems';
import {
  parseCheckIns,
  parseInitiatives,
  parseKeyResults,
  parseKpis,
  parseMilestones,
  parseObjectives,
  type ParsedTable,
} from '../../../src/workbook/tables';
import { TABLES } from '../../../src/workbook/schema';
import { CHECK_IN_HEADER, KEY_RESULT_HEADER } from '../../fixtures/workbook';

const messages = (table: ParsedTable<unknown>): string[] => table.problems.map(describeProblem);

describe('parseObjectives', () => {
  it('reads every column of an objective row', () => {
    const table = parseObjectives([
      ['ID', 'Objective', 'Owner', 'Team', 'Cycle', 'Parent', 'Kind', 'Priority', 'Notes'],
      [
        ' O1 ',
        'Delight customers',
        'Ana',
        'Support',
        '2026-Q4',
        'CO-1',
        'Aspirational',
        'P1',
        'why',
      ],
    ]);
    expect(table.problems).toEqual([]);
    expect(table.rows).toEqual([
      {
        row: 2,
        id: 'O1',
        title: 'Delight customers',
        owner: 'Ana',
        team: 'Support',
        cycle: '2026-Q4',
        parentId: 'CO-1',
        kind: 'aspirational',
        priority: 'P1',
        notes: 'why',
      },
    ]);
  });
  it('fills absent optional columns with blanks', () => {
    const table = parseObjectives([
      ['Objective', 'ID'],
      ['Grow', 'O1'],
    ]);
    expect(table.rows[0]).toMatchObject({
      id: 'O1',
      title: 'Grow',
      owner: '',
      parentId: '',
      kind: null,
    });
    expect(table.columns).toEqual({ title: 0, id: 1 });
  });
  it('reads kinds leniently and reports other text', () => {
    const table = parseObjectives([
      ['ID', 'Objective', 'Kind'],
      ['O1', 'a', 'COMMITTED'],
      ['O2', 'b', 'stretch'],
      ['O3', 'c', 'experiment'],
      ['O4', 'd', 'important'],
    ]);
    expect(table.rows.map((objective) => objective.kind)).toEqual([
      'committed',
      'aspirational',
      'experimental',
      null,
    ]);
    expect(messages(table)).toEqual([
      'Objectives row 5, column Kind: "important" is not a kind of objective. Type committed, aspirational or experimental, or leave it blank.',
    ]);
  });
  it('leaves out a repeated ID (any case) and points at the first', () => {
    const table = parseObjectives([
      ['ID', 'Objective'],
      ['O1', 'a'],
      ['o1 ', 'b'],
    ]);
    expect(table.rows.map((objective) => objective.title)).toEqual(['a']);
    expect(messages(table)).toEqual([
      'Objectives row 3, column ID: The ID "o1" is already used in row 2, so this row is left out. Give each objective its own ID.',
    ]);
  });
  it('throws a helpful error when a required column is missing', () => {
    expect(() => parseObjectives([['ID', 'Title']])).toThrow(OkrInputError);
    expect(() => parseObjectives([['ID', 'Title']])).toThrow('no "Objective" column');
  });
  it('throws a helpful error for an empty sheet', () => {
    expect(() => parseObjectives([])).toThrow('no headers in row 1');
  });
});

describe('parseKeyResults', () => {
  it('reads numbers, dates, types and measured values of a key result', () => {
    const table = parseKeyResults([
      [...KEY_RESULT_HEADER],
      [
        'KR1',
        'O1',
        'Raise NPS',
        'ana@example.com',
        'Increase',
        'pts',
        '1,000',
        '1 500',
        '1200',
        '2026-10-01',
        new Date(Date.UTC(2026, 11, 31)),
        2,
        7,
      ],
    ]);
    expect(table.problems).toEqual([]);
    expect(table.rows[0]).toMatchObject({
      row: 2,
      id: 'KR1',
      objectiveId: 'O1',
      owner: 'ana@example.com',
      type: 'increase',
      start: 1000,
      target: 1500,
      current: 1200,
      startDate: new Date(Date.UTC(2026, 9, 1)),
      dueDate: new Date(Date.UTC(2026, 11, 31)),
      weight: 2,
      confidence: 7,
      lastCheckIn: null,
    });
  });
  it('reads a binary key result whose current is yes or ✓', () => {
    const table = parseKeyResults([
      ['ID', 'Objective ID', 'Key Result', 'Type', 'Current'],
      ['KR1', 'O1', 'Launch', 'binary', '✓'],
      ['KR2', 'O1', 'Ship', 'Binary', false],
    ]);
    expect(table.rows.map((keyResult) => keyResult.current)).toEqual([true, false]);
  });
  it('keeps the other fields of a row with a bad cell and reports where and why', () => {
    const table = parseKeyResults([
      [...KEY_RESULT_HEADER],
      ['KR1', 'O1', 'Raise NPS', '', '', '', 0, 'abc', 10],
      [],
      [],
      [],
      ['KR2', 'O1', 'Cut churn', 'Ana', 'sideways', '', 5, 2, '#N/A', '', '2026-02-30', -1, 12],
    ]);
    expect(table.rows).toHaveLength(2);
    expect(table.rows[0]).toMatchObject({ id: 'KR1', start: 0, target: null, current: 10 });
    expect(table.rows[1]).toMatchObject({
      id: 'KR2',
      owner: '',
      type: null,
      start: 5,
      target: 2,
      current: null,
      dueDate: null,
      weight: null,
      confidence: null,
    });
    expect(messages(table)).toEqual([
      'Key Results row 2, column Target: "abc" is not a number. Type a number such as 120.',
      `Key Results row 6, column Owner: "Ana" is not an email address. Type the person's email such as ana@example.com.`,
      expect.stringMatching(
        /^Key Results row 6, column Type: "sideways" is not a key result type\. Use one of: increase, decrease/,
      ),
      'Key Results row 6, column Current: The cell shows the error #N/A. Fix the formula, or type a value in its place.',
      'Key Results row 6, column Due Date: "2026-02-30" is not a date. Type a date such as 2026-10-01.',
      'Key Results row 6, column Weight: -1 is a negative weight. Type 0 or more (blank counts as 1; 0 leaves it out of the score).',
      'Key Results row 6, column Confidence: 12 is outside 0–10. Type the confidence from 0 (no chance) to 10 (certain).',
    ]);
  });
  it('leaves out a key result without an ID and says so', () => {
    const table = parseKeyResults([
      ['ID', 'Objective ID', 'Key Result'],
      ['', 'O1', 'Orphan'],
      ['KR2', 'O1', 'Kept'],
    ]);
    expect(table.rows.map((keyResult) => keyResult.id)).toEqual(['KR2']);
    expect(messages(table)).toEqual([
      'Key Results row 2, column ID: ID is blank, so this row is left out. Fill it in to include the row.',
    ]);
  });
  it('leaves out a key result whose ID cell shows an error', () => {
    const table = parseKeyResults([
      ['ID', 'Objective ID', 'Key Result'],
      ['#REF!', 'O1', 'Broken'],
    ]);
    expect(table.rows).toEqual([]);
    expect(messages(table)[0]).toBe(
      'Key Results row 2, column ID: The cell shows the error #REF!. Fix the formula, or type a value in its place. This row is left out until it is fixed.',
    );
  });
  it('finds columns by header in any case and order, ignoring user columns, and reads numeric IDs', () => {
    const table = parseKeyResults([
      ['KEY RESULT', 'my notes', 'objective_id', 'target', ' id '],
      ['Grow', 'ignore me', 7, '2,000', 12],
    ]);
    expect(table.columns).toEqual({ title: 0, objectiveId: 2, target: 3, id: 4 });
    expect(table.rows[0]).toMatchObject({
      id: '12',
      objectiveId: '7',
      title: 'Grow',
      target: 2000,
      start: null,
    });
  });
  it('lists problems in sheet order, duplicates included', () => {
    const table = parseKeyResults([
      ['ID', 'Objective ID', 'Key Result', 'Start'],
      ['KR1', 'O1', 'a', 0],
      ['kr1', 'O1', 'b', 0],
      ['KR3', 'O1', 'c', 'x'],
    ]);
    expect(table.problems.map((problem) => problem.row)).toEqual([3, 4]);
  });
  it('skips blank rows, including rows that only have values in computed or user columns', () => {
    const table = parseKeyResults([
      ['ID', 'Objective ID', 'Key Result', 'Progress', 'My column'],
      ['', '  ', '', 0, ''],
      ['', '', '', '', 'user note'],
      ['KR1', 'O1', 'Real', 0.5, ''],
    ]);
    expect(table.rows.map((keyResult) => keyResult.row)).toEqual([4]);
    expect(table.problems).toEqual([]);
  });
});

describe('parseCheckIns', () => {
  it('reads a check-in with its PPP commentary', () => {
    const stamp = new Date(Date.UTC(2026, 10, 20, 9, 15));
    const table = parseCheckIns([
      [...CHECK_IN_HEADER],
      [stamp, 'kr1', '45%', 6, 'did', 'will', 'none', 'learnt', 'ana@example.com'],
    ]);
    expect(table.rows).toEqual([
      {
        row: 2,
        timestamp: stamp,
        keyResultId: 'kr1',
        value: 0.45,
        confidence: 6,
        progress: 'did',
        plans: 'will',
        problems: 'none',
        learnings: 'learnt',
        author: 'ana@example.com',
      },
    ]);
  });
  it('leaves out a check-in without a timestamp or value', () => {
    const table = parseCheckIns([
      ['Timestamp', 'Key Result ID', 'Value'],
      ['', 'KR1', 3],
      ['2026-11-20T09:00:00Z', 'KR1', ''],
      ['2026-11-20T09:00:00Z', 'KR1', 4],
    ]);
    expect(table.rows.map((checkIn) => checkIn.value)).toEqual([4]);
    expect(table.problems.map((problem) => [problem.row, problem.column])).toEqual([
      [2, 'Timestamp'],
      [3, 'Value'],
    ]);
  });
});

describe('parseMilestones', () => {
  it('reads Done as yes/no with blank meaning not done', () => {
    const table = parseMilestones([
      ['Key Result ID', 'Milestone', 'Weight', 'Done', 'Done Date'],
      ['KR1', 'Design', 1, 'yes', '2026-10-10'],
      ['KR1', 'Build', 2, '', ''],
      ['KR1', 'Ship', '', 'maybe', ''],
    ]);
    expect(
      table.rows.map((milestone) => [milestone.milestone, milestone.weight, milestone.done]),
    ).toEqual([
      ['Design', 1, true],
      ['Build', 2, false],
      ['Ship', null, false],
    ]);
    expect(table.rows[0]?.doneDate).toEqual(new Date(Date.UTC(2026, 9, 10)));
    expect(messages(table)).toEqual([
      'Milestones row 4, column Done: "maybe" is not yes or no. Type TRUE or FALSE (yes, no, done and ✓ work too).',
    ]);
  });
});

describe('parseInitiatives', () => {
  it('reads an initiative', () => {
    const table = parseInitiatives([
      ['Notes', 'Due Date', 'Status', 'Owner', 'Initiative', 'Key Result ID'],
      ['n', '2026-12-01', 'Doing', 'Bo', 'Onboarding revamp', 'KR1'],
    ]);
    expect(table.rows).toEqual([
      {
        row: 2,
        keyResultId: 'KR1',
        initiative: 'Onboarding revamp',
        owner: 'Bo',
        status: 'Doing',
        dueDate: new Date(Date.UTC(2026, 11, 1)),
        notes: 'n',
      },
    ]);
  });
});

describe('parseKpis', () => {
  it('reads a KPI with its healthy range', () => {
    const table = parseKpis([
      ['KPI', 'Owner', 'Unit', 'Current', 'Healthy Min', 'Healthy Max', 'Notes'],
      ['Uptime', 'Ops', '%', '99.9%', 0.995, 1, ''],
    ]);
    expect(table.rows).toEqual([
      {
        row: 2,
        kpi: 'Uptime',
        owner: 'Ops',
        unit: '%',
        current: 0.999,
        healthyMin: 0.995,
        healthyMax: 1,
        notes: '',
      },
    ]);
  });
});

const parsers = {
  Objectives: parseObjectives,
  'Key Results': parseKeyResults,
  'Check-ins': parseCheckIns,
  Milestones: parseMilestones,
  Initiatives: parseInitiatives,
  KPIs: parseKpis,
};

const anyCell = fc.oneof(
  fc.anything(),
  fc.date(),
  fc.double(),
  fc.string(),
  fc.boolean(),
  fc.constantFrom('', '#N/A', '#DIV/0!', '1,234', '45%', '2026-10-01', 'yes', '✓', '=SUM(A1)'),
);

describe.each(Object.entries(parsers))('parsing the %s sheet', (sheetName, parse) => {
  const table = TABLES.find((definition) => definition.sheetName === sheetName)!;
  const header = table.columns.map((column) => column.header);

  it('never throws on any cell values under a valid header', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(anyCell, { maxLength: header.length + 2 }), { maxLength: 8 }),
        (rows) => {
          const parsed = parse([header, ...rows]);
          for (const problem of parsed.problems) expect(problem.sheet).toBe(sheetName);
        },
      ),
    );
  });

  it('keeps one row per non-blank row whose cells are valid, in sheet order', () => {
    // Valid rows: every column holds text, a number, a date or yes/no as its kind expects.
    const validCell = (kind: string, index: number): fc.Arbitrary<unknown> => {
      if (kind === 'number') return fc.integer({ min: 0, max: 10 });
      if (kind === 'date')
        return fc.date({
          min: new Date(Date.UTC(2000, 0, 1)),
          max: new Date(Date.UTC(2100, 0, 1)),
          noInvalidDate: true,
        });
      if (kind === 'boolean') return fc.boolean();
      if (kind === 'measured') return fc.oneof(fc.integer(), fc.boolean());
      if (kind === 'email') return fc.constant('ana@example.com');
      if (kind === 'percent') return fc.double({ min: 0, max: 1, noNaN: true });
      if (table.columns[index]?.key === 'kind')
        return fc.constantFrom('committed', 'aspirational', '');
      if (table.columns[index]?.key === 'type')
        return fc.constantFrom('increase', 'at most', 'binary', '');
      return fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,8}$/);
    };
    const validRow = fc.tuple(
      ...table.columns.map((column, index) => validCell(column.kind, index)),
    );
    const maybeBlank = fc.oneof(validRow, fc.constant(header.map(() => '')));
    fc.assert(
      fc.property(fc.array(maybeBlank, { maxLength: 10 }), (rows) => {
        // Make IDs unique so that the duplicate-ID rule does not apply.
        const unique = rows.map((row, index) =>
          row.map((cell, column) =>
            table.columns[column]?.key === 'id' && cell !== '' ? `${String(cell)}-${index}` : cell,
          ),
        );
        const parsed = parse([header, ...unique]);
        const nonBlankRows = unique
          .map((row, index) => (row.every((cell) => cell === '') ? null : index + 2))
          .filter((row) => row !== null);
        expect(parsed.problems).toEqual([]);
        expect(parsed.rows.map((row) => row.row)).toEqual(nonBlankRows);
      }),
    );
  });
});
