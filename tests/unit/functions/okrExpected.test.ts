import { describe, expect, it } from 'vitest';
import { okrExpected } from '../../../src/functions/okrExpected';

const day = (iso: string) => new Date(`${iso}T00:00:00`);

describe('OKREXPECTED', () => {
  it('computes the planned fraction from dates or ISO date text', () => {
    expect(okrExpected(day('2026-01-01'), day('2026-01-11'), day('2026-01-06'))).toBe(0.5);
    expect(okrExpected('2026-01-01', '2026-01-11', '2026-01-06')).toBe(0.5);
  });

  it('is clamped to 0 before the start and 1 after the due date', () => {
    expect(okrExpected('2026-01-01', '2026-01-11', '2025-06-01')).toBe(0);
    expect(okrExpected('2026-01-01', '2026-01-11', '2027-06-01')).toBe(1);
  });

  it('returns one value per row with the as-of date repeated, blank rows blank', () => {
    const starts = [[day('2026-01-01')], [''], ['2026-01-06'], [day('2026-01-01')]];
    const dues = [[day('2026-01-11')], [''], ['2026-01-16'], ['']];
    expect(okrExpected(starts, dues, day('2026-01-06'))).toEqual([
      [0.5],
      [''],
      [0],
      ['ERROR: due_date is blank. Type the date the key result is due, such as 2026-12-31.'],
    ]);
  });

  it('marks an unreadable or reversed date in its row', () => {
    expect(
      okrExpected([['soon'], ['2026-02-01']], [['2026-03-01'], ['2026-01-01']], '2026-01-15'),
    ).toEqual([
      ['ERROR: start_date: "soon" is not a date. Type a date such as 2026-10-01.'],
      [
        'ERROR: Due Date (2026-01-01) is before Start Date (2026-02-01). Swap the two dates, or fix the one that is wrong.',
      ],
    ]);
  });

  it('throws when the single as-of date is blank, even for ranges', () => {
    expect(() => okrExpected([['2026-01-01']], [['2026-02-01']], '')).toThrow(
      'as_of is blank. Pass the report date, such as OKR_REPORT_DATE (custom functions cannot use TODAY()).',
    );
  });
});
