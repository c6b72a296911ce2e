import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { okrProgress } from '../../../src/functions/okrProgress';

describe('OKRPROGRESS', () => {
  it('computes one key result from single cells', () => {
    expect(okrProgress('increase', 100, 200, 150)).toBe(0.5);
    expect(okrProgress('Decrease', 40, 20, 30)).toBe(0.5);
    expect(okrProgress('', 0, 10, 4)).toBe(0.4);
  });

  it('reads number text, percent text and yes/no words as the cells show them', () => {
    expect(okrProgress('increase', '1,000', '2,000', '1,500')).toBe(0.5);
    expect(okrProgress('percentage', '', '', '45%')).toBe(0.45);
    expect(okrProgress('percentage', '', '', 45)).toBe(0.45);
    expect(okrProgress('binary', '', '', 'Done')).toBe(1);
    expect(okrProgress('binary', '', '', 'yes')).toBe(1);
    expect(okrProgress('binary', '', '', '✓')).toBe(1);
    expect(okrProgress('binary', '', '', 'no')).toBe(0);
  });

  it('names a type cell that holds a date as it is shown', () => {
    expect(() => okrProgress(new Date(Date.UTC(2026, 0, 5)), 1, 2, 3)).toThrow(
      /^"2026-01-05" is not a key result type\./,
    );
  });

  it('gives "" for a baseline key result', () => {
    expect(okrProgress('baseline', '', '', 42)).toBe('');
  });

  it('throws a single bad key result with how to fix it', () => {
    expect(() => okrProgress('increase', 100, '', 150)).toThrow(
      'Target is blank: an increase key result needs a target. Type the value it aims for, such as 120.',
    );
    expect(() => okrProgress('grow', 1, 2, 3)).toThrow(
      /"grow" is not a key result type\. Use one of: increase/,
    );
    expect(() => okrProgress('increase', 1, 'abc', 3)).toThrow(
      'Target: "abc" is not a number. Type a number such as 120.',
    );
  });

  it('returns one value per row for ranges, blank rows blank and bad rows as ERROR: text', () => {
    const type = [['increase'], ['decrease'], [''], ['percentage'], ['increase'], ['at most']];
    const start = [[0], [40], [''], [''], [10], ['']];
    const target = [[10], [20], [''], [''], [''], [2]];
    const current = [[5], [25], [''], [0.3], [12], ['#N/A']];
    expect(okrProgress(type, start, target, current)).toEqual([
      [0.5],
      [0.75],
      [''],
      [0.3],
      [
        'ERROR: Target is blank: an increase key result needs a target. Type the value it aims for, such as 120.',
      ],
      [
        'ERROR: Current: The cell shows the error #N/A. Fix the formula, or type a value in its place.',
      ],
    ]);
  });

  it('repeats a single type for every row', () => {
    expect(okrProgress('increase', [[0], [0]], [[10], [20]], [[5], [5]])).toEqual([[0.5], [0.25]]);
  });

  it('never throws for any cell values in a range and gives a fraction, "" or an ERROR: text', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.double(),
      fc.boolean(),
      fc.constant(''),
      fc.constantFrom(
        'increase',
        'decrease',
        'at least',
        'at most',
        'percentage',
        'binary',
        'baseline',
        'task',
      ),
      fc.date(),
    );
    fc.assert(
      fc.property(cell, cell, cell, cell, (type, start, target, current) => {
        const [[value]] = okrProgress([[type]], [[start]], [[target]], [[current]]) as unknown[][];
        if (typeof value === 'number') {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        } else {
          expect(value === '' || String(value).startsWith('ERROR: ')).toBe(true);
        }
      }),
    );
  });
});
