import { describe, expect, it } from 'vitest';
import {
  describeConflicts,
  fieldsInOurColumns,
  findAdoptionConflicts,
  isOurHeaderFormula,
  originalName,
  type HeaderRow,
} from '../../../src/workbook/adoption';
import { KEY_RESULTS, OBJECTIVES, TABLES } from '../../../src/workbook/schema';

const progress = KEY_RESULTS.columns.find((column) => column.key === 'progress')!;

function headerRow(name: string, header: string[], formulas: string[] = []): HeaderRow {
  return {
    name,
    headerValues: header,
    headerFormulas: header.map((_, index) => formulas[index] ?? ''),
    lastColumn: header.length,
  };
}

describe('isOurHeaderFormula', () => {
  it('knows our spilling header formula wherever its columns sit', () => {
    expect(isOurHeaderFormula(progress, '={"Progress"; OKRPROGRESS(J2:J, L2:L, F2:F, E2:E)}')).toBe(
      true,
    );
  });

  it('refuses a formula of the user that happens to sit under the same header', () => {
    expect(isOurHeaderFormula(progress, '={"Progress"; ARRAYFORMULA(D2:D/E2:E)}')).toBe(false);
    expect(isOurHeaderFormula(progress, '=D2/E2')).toBe(false);
    expect(isOurHeaderFormula(progress, '')).toBe(false);
    expect(isOurHeaderFormula(progress, '={"Status"; OKRSTATUS(A2:A, B2:B)}')).toBe(false);
  });
});

describe('findAdoptionConflicts', () => {
  it('finds a sheet named like ours that lacks our required columns, and offers a free name', () => {
    const theirs = headerRow('objectives', ['Objective', 'Owner', 'Quarter', 'Progress']);
    const conflicts = findAdoptionConflicts(
      TABLES,
      [theirs],
      ['objectives', 'Objectives (original)'],
    );
    expect(conflicts).toEqual([
      expect.objectContaining({
        kind: 'sheet',
        table: OBJECTIVES,
        sheetName: 'objectives',
        missing: ['ID'],
        renameTo: 'objectives (original 2)',
      }),
    ]);
  });

  it('finds plain Progress and Status columns on a Key Results table, but not our formula column', () => {
    const sheet = headerRow(
      'Key Results',
      ['ID', 'Objective ID', 'Key Result', 'Progress', 'status', 'Planned'],
      ['', '', '', '', '', '={"Planned"; ARRAYFORMULA(OKREXPECTED(A2:A, B2:B, OKR_REPORT_DATE))}'],
    );
    const conflicts = findAdoptionConflicts(TABLES, [sheet], ['Key Results']);
    expect(conflicts.map((c) => c.kind === 'column' && [c.header, c.column, c.renameTo])).toEqual([
      ['Progress', 4, 'Progress (original)'],
      ['status', 5, 'status (original)'],
    ]);
  });

  it('leaves empty sheets, sheets of ours and sheets with other names alone', () => {
    const sheets = [
      headerRow('Key Results', []),
      headerRow('Objectives', ['ID', 'Objective', 'Mood']),
      headerRow('Settings', ['Cycle Name', '2026 Q1']),
      headerRow('My OKRs', ['Objective', 'Progress']),
    ];
    expect(
      findAdoptionConflicts(
        TABLES,
        sheets,
        sheets.map((s) => s.name),
      ),
    ).toEqual([]);
  });

  it('asks in words that name each sheet and column and what becomes of it', () => {
    const conflicts = findAdoptionConflicts(
      TABLES,
      [
        headerRow('Objectives', ['Objective', 'Owner']),
        headerRow('Key Results', ['ID', 'Objective ID', 'Key Result', 'Progress']),
      ],
      ['Objectives', 'Key Results'],
    );
    const question = describeConflicts(conflicts);
    expect(question).toContain(
      'Your sheet "Objectives" is not an OKR Cadence table (it has no "ID" column)',
    );
    expect(question).toContain('Rename it to "Objectives (original)"');
    expect(question).toContain('Your column "Progress" on "Key Results"');
    expect(question).toContain('No to stop without changing anything');
  });
});

describe('originalName', () => {
  it('adds "(original)" and a number when that name is taken, whatever its case', () => {
    expect(originalName('Status', ['ID'])).toBe('Status (original)');
    expect(originalName('Status', ['status (ORIGINAL)'])).toBe('Status (original 2)');
  });
});

describe('fieldsInOurColumns', () => {
  const columns = { current: 0, confidence: 1, lastCheckIn: 2 };
  const update = { current: 42, confidence: 7, lastCheckIn: new Date('2026-11-16T10:00:00Z') };

  it('keeps every field when the columns are blank or hold what we write', () => {
    const values = [
      ['Current', 'Confidence', 'Last Check-in'],
      [10, 6, new Date('2026-11-01T00:00:00Z')],
      [20, '', ''],
    ];
    expect(fieldsInOurColumns(update, values, columns)).toEqual(update);
  });

  it('leaves out Confidence when the column holds High/Medium/Low words', () => {
    const values = [
      ['Current', 'Confidence', 'Last Check-in'],
      [10, 'High', ''],
      [20, 'low', ''],
    ];
    expect(Object.keys(fieldsInOurColumns(update, values, columns))).toEqual([
      'current',
      'lastCheckIn',
    ]);
  });

  it("leaves out Last Check-in when the column holds the user's notes", () => {
    const values = [
      ['Current', 'Confidence', 'Last Check-in'],
      [10, 8, 'week 3: on track'],
    ];
    expect(Object.keys(fieldsInOurColumns(update, values, columns))).toEqual([
      'current',
      'confidence',
    ]);
  });

  it('leaves out a confidence column on another scale (percentages of 0 to 100)', () => {
    const values = [
      ['Current', 'Confidence'],
      [10, 80],
    ];
    expect(Object.keys(fieldsInOurColumns(update, values, columns))).not.toContain('confidence');
  });
});
