import { describe, expect, it } from 'vitest';
import { okrBalance } from '../../../src/functions/okrBalance';
import { keyResultTable } from './keyResultTable';

const day = (iso: string) => new Date(`${iso}T00:00:00`);
const cycleStart = day('2026-01-01');
const cycleEnd = day('2026-01-11');
const asOf = day('2026-01-06');

describe('OKRBALANCE', () => {
  it('lists actual, planned, gap and status per objective and the balance index last', () => {
    const table = keyResultTable([
      ['KR1', 'O1', 'Raise NPS', 'increase', 0, 10, 5, '', '', ''],
      ['KR2', 'O1', 'Cut churn', 'decrease', 10, 0, 8, day('2026-01-06'), day('2026-01-16'), ''],
      ['KR3', 'O2', 'Ship beta', 'increase', 0, 10, 2, '', '', ''],
      ['KR4', 'O3', 'Learn', 'baseline', '', '', '', '', '', ''],
    ]);
    const result = okrBalance(table, asOf, cycleStart, cycleEnd);
    expect(result[0]).toEqual(['Objective', 'Actual', 'Planned', 'Gap', 'Status']);
    expect(result[1]![0]).toBe('O1');
    expect(result[1]![1]).toBeCloseTo(0.35, 12);
    expect(result[1]![2]).toBeCloseTo(0.25, 12);
    expect(result[1]![3]).toBeCloseTo(0.1, 12);
    expect(result[1]![4]).toBe('On track');
    expect(result[2]).toEqual(['O2', 0.2, 0.5, 0.2 - 0.5, 'Off track']);
    expect(result[3]).toEqual(['O3', '', '', '', '']);
    expect(result[4]![0]).toBe('Balance');
    expect(result[4]![1]).toBeCloseTo(1 - Math.abs(0.1 - -0.3) / 2, 12);
    expect(result[4]!.slice(2)).toEqual(['', '', '']);
  });

  it('judges status with the at-risk and off-track gaps it is given', () => {
    const table = keyResultTable([['KR1', 'O1', 'Raise NPS', 'increase', 0, 10, 3, '', '', '']]);
    // 0.3 done against 0.5 planned: 20 points behind.
    expect(okrBalance(table, asOf, cycleStart, cycleEnd)[1]![4]).toBe('At risk');
    expect(okrBalance(table, asOf, cycleStart, cycleEnd, 0.2, 0.3)[1]![4]).toBe('On track');
    expect(okrBalance(table, asOf, cycleStart, cycleEnd, '5%', '15%')[1]![4]).toBe('Off track');
    expect(okrBalance(table, asOf, cycleStart, cycleEnd, '', '')[1]![4]).toBe('At risk');
  });

  it('refuses gaps whose bands overlap, as OKRSTATUS does', () => {
    const table = keyResultTable([['KR1', 'O1', 'Raise NPS', 'increase', 0, 10, 3, '', '', '']]);
    expect(() => okrBalance(table, asOf, cycleStart, cycleEnd, 0.3, 0.2)).toThrow(
      /Off-track gap \(0\.2\) is smaller than the at-risk gap \(0\.3\)/,
    );
  });

  it('needs the cycle dates only for key results without dates of their own', () => {
    const dated = keyResultTable([
      ['KR1', 'O1', 'Raise NPS', 'increase', 0, 10, 5, '2026-01-01', '2026-01-11', ''],
    ]);
    expect(okrBalance(dated, '2026-01-06', '', '')[1]).toEqual(['O1', 0.5, 0.5, 0, 'On track']);
  });

  it('shows an objective it cannot compute as ERROR: text and leaves the index to be fixed', () => {
    const table = keyResultTable([
      ['KR1', 'O1', 'Raise NPS', 'increase', 0, 10, 5, '', '', ''],
      ['KR2', 'O2', 'Ship beta', 'increase', 0, 10, 2, '', '', ''],
    ]);
    const result = okrBalance(table, asOf, cycleStart, '');
    expect(result[1]).toEqual([
      'O1',
      'ERROR: Key Results row 2: Due Date is blank and no cycle end was given. Type the date the key result is due, or give the cycle end.',
      '',
      '',
      '',
    ]);
    expect(result[3]).toEqual([
      'Balance',
      "ERROR: the balance needs every objective's gap. Fix the errors of O1, O2 shown above.",
      '',
      '',
      '',
    ]);
  });

  it('throws when as_of is blank or a date argument is a larger range', () => {
    const table = keyResultTable([['KR1', 'O1', 'Raise NPS', 'increase', 0, 10, 5, '', '', '']]);
    expect(() => okrBalance(table, '', cycleStart, cycleEnd)).toThrow(
      'as_of is blank. Pass the report date, such as OKR_REPORT_DATE.',
    );
    expect(() => okrBalance(table, asOf, [[cycleStart], [cycleEnd]], cycleEnd)).toThrow(
      'cycle_start must be a single cell, but it covers 2 rows × 1 column.',
    );
  });

  it('gives a blank index for a table without key results', () => {
    expect(okrBalance(keyResultTable([]), asOf, cycleStart, cycleEnd)).toEqual([
      ['Objective', 'Actual', 'Planned', 'Gap', 'Status'],
      ['Balance', '', '', '', ''],
    ]);
  });
});
