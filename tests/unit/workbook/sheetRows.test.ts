import { describe, expect, it } from 'vitest';
import { OkrInputError } from '../../../src/core/errors';
import { CHECK_INS, KEY_RESULTS } from '../../../src/workbook/schema';
import {
  contiguousRuns,
  lastContentRow,
  recordsToRows,
  toSheetCell,
} from '../../../src/workbook/sheetRows';

describe('toSheetCell', () => {
  it.each(['=1+2', '+49 30 1234', '-5 and falling', '@channel', "'quoted"])(
    'keeps %s as text with an apostrophe',
    (text) => {
      expect(toSheetCell(text)).toBe(`'${text}`);
    },
  );

  it('writes ordinary text, numbers, booleans and dates as they are', () => {
    const date = new Date(Date.UTC(2026, 0, 5));
    expect([
      toSheetCell('Shipped the beta'),
      toSheetCell(42),
      toSheetCell(true),
      toSheetCell(date),
    ]).toEqual(['Shipped the beta', 42, true, date]);
  });

  it('marks text Sheets would re-type as a number, date or boolean with an apostrophe', () => {
    const retyped = ['50%', '007', '1e5', 'TRUE', ' false ', '2026-01-05', '1/2', '$5', '1,000'];
    expect(retyped.map(toSheetCell)).toEqual(retyped.map((text) => `'${text}`));
    expect(['Shipped v2', '5-2', '#1 goal'].map(toSheetCell)).toEqual([
      "'Shipped v2",
      "'5-2",
      "'#1 goal",
    ]);
  });

  it('writes blanks for null, undefined and non-finite numbers', () => {
    expect([toSheetCell(null), toSheetCell(undefined), toSheetCell(Number.NaN)]).toEqual([
      '',
      '',
      '',
    ]);
  });
});

describe('recordsToRows', () => {
  const header = ['key result id', 'My notes', 'TIMESTAMP', 'Value', 'Plans', 'Progress'];

  it('lays records out by header text in any order, leaving user columns blank', () => {
    const timestamp = new Date(Date.UTC(2026, 1, 6));
    const rows = recordsToRows(CHECK_INS, header, [
      { timestamp, keyResultId: 'KR1', value: 12, plans: '=HYPERLINK("x")' },
    ]);
    expect(rows).toEqual([["'KR1", '', timestamp, 12, '\'=HYPERLINK("x")', '']]);
  });

  it('refuses a value whose column the sheet lacks instead of dropping it', () => {
    expect(() =>
      recordsToRows(CHECK_INS, header, [{ keyResultId: 'KR1', learnings: 'Start earlier' }]),
    ).toThrow(OkrInputError);
  });

  it('accepts a blank value for a column the sheet lacks', () => {
    expect(recordsToRows(CHECK_INS, header, [{ keyResultId: 'KR1', learnings: '' }])).toEqual([
      ["'KR1", '', '', '', '', ''],
    ]);
  });
});

describe('lastContentRow', () => {
  it('ignores spilled formula columns when finding the end of the data', () => {
    const values = [
      ['ID', 'Objective ID', 'Key Result', 'Progress', 'Status'],
      ['KR1', 'O1', 'Ship', 0.5, 'On track'],
      ['', '', '', '', ''],
      ['', '', '', '', ''],
    ];
    expect(lastContentRow(KEY_RESULTS, values)).toBe(2);
  });

  it('counts user columns as content', () => {
    const values = [
      ['ID', 'My column'],
      ['', ''],
      ['', 'kept'],
    ];
    expect(lastContentRow(KEY_RESULTS, values)).toBe(3);
  });
});

describe('contiguousRuns', () => {
  it('groups neighbouring columns into one run each', () => {
    expect(contiguousRuns([8, 2, 3, 12, 9])).toEqual([[2, 3], [8, 9], [12]]);
  });
});
