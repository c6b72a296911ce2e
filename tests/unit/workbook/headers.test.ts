import { describe, expect, it } from 'vitest';
import { OkrInputError } from '../../../src/core/errors';
import { findColumns, headerKey, mapColumns } from '../../../src/workbook/headers';
import { describeProblem, summariseProblems } from '../../../src/workbook/problems';
import { KEY_RESULTS, MILESTONES } from '../../../src/workbook/schema';

describe('headerKey', () => {
  it('ignores case, spaces and punctuation', () => {
    for (const header of [
      'Objective ID',
      'objective_id',
      'OBJECTIVE-ID',
      ' objective id ',
      'Objective.ID',
    ])
      expect(headerKey(header)).toBe('objectiveid');
  });
  it('keeps letters beyond ASCII and digits', () => {
    expect(headerKey('Fälligkeit 2')).toBe('fälligkeit2');
  });
  it('folds non-text headers to nothing rather than throwing', () => {
    expect(headerKey(null)).toBe('');
    expect(headerKey(new Date(0))).toBe('');
    expect(headerKey(7)).toBe('7');
  });
});

describe('mapColumns', () => {
  it('finds columns in any order, ignoring case and punctuation', () => {
    const columns = mapColumns(MILESTONES, ['done', 'MILESTONE', 'key_result_id', 'Done-Date']);
    expect(columns).toEqual({ done: 0, milestone: 1, keyResultId: 2, doneDate: 3 });
  });
  it('ignores extra user columns and leaves optional columns that are absent out of the map', () => {
    const columns = mapColumns(MILESTONES, ['Comment', 'Key Result ID', 'My notes', 'Milestone']);
    expect(columns).toEqual({ keyResultId: 1, milestone: 3 });
    expect('weight' in columns).toBe(false);
  });
  it('uses the first of two columns with the same header', () => {
    expect(mapColumns(MILESTONES, ['Key Result ID', 'Milestone', 'Milestone']).milestone).toBe(1);
  });
  it('names the sheet, the missing header and the fix when a required column is missing', () => {
    expect(() => mapColumns(KEY_RESULTS, ['ID', 'Key Result'])).toThrow(OkrInputError);
    expect(() => mapColumns(KEY_RESULTS, ['ID', 'Key Result'])).toThrow(
      'The Key Results sheet has no "Objective ID" column. Add the header "Objective ID" to row 1 ' +
        '(in any column; case, spaces and punctuation do not matter).',
    );
  });
  it('lists every missing required column at once', () => {
    expect(() => mapColumns(MILESTONES, ['Weight'])).toThrow(
      'has no "Key Result ID", "Milestone" columns',
    );
  });
  it('explains how to add headers when row 1 is empty or absent', () => {
    expect(() => mapColumns(MILESTONES, undefined)).toThrow(
      'The Milestones sheet has no headers in row 1',
    );
    expect(() => mapColumns(MILESTONES, ['', ' '])).toThrow('Set up OKR workbook');
  });
});

describe('findColumns', () => {
  it('returns the missing required columns instead of throwing', () => {
    const { columns, missing } = findColumns(MILESTONES, ['Milestone']);
    expect(columns).toEqual({ milestone: 0 });
    expect(missing.map((column) => column.header)).toEqual(['Key Result ID']);
  });
});

describe('describeProblem', () => {
  it('says sheet, row, column and message', () => {
    const problem = {
      sheet: 'Key Results',
      row: 7,
      column: 'Target',
      message: '"abc" is not a number. Type a number such as 120.',
    };
    expect(describeProblem(problem)).toBe(
      'Key Results row 7, column Target: "abc" is not a number. Type a number such as 120.',
    );
  });
  it('leaves the column out when the whole row is meant', () => {
    expect(describeProblem({ sheet: 'Objectives', row: 3, column: '', message: 'x' })).toBe(
      'Objectives row 3: x',
    );
  });
  it('summarises many problems with a count of the rest', () => {
    const problems = [2, 3, 4].map((row) => ({
      sheet: 'KPIs',
      row,
      column: 'Current',
      message: 'bad.',
    }));
    expect(summariseProblems(problems, 2)).toBe(
      'KPIs row 2, column Current: bad.\nKPIs row 3, column Current: bad.\n…and 1 more.',
    );
    expect(summariseProblems(problems)).not.toContain('more');
  });
});
