/**
 * A range needs only the columns a function's result reads: scoring functions work over ID,
 * Objective ID, Type, Start, Target and Current alone, and name the column a key result needs
 * when the range leaves it out.
 */
import { describe, expect, it } from 'vitest';
import { okrScore } from '../../../src/functions/okrScore';
import { okrBalance } from '../../../src/functions/okrBalance';
import { okrPlanned } from '../../../src/functions/okrPlanned';
import { okrSummary, okrAlignment } from '../../../src/functions/okrRollup';
import { keyResultTable } from './keyResultTable';

const ROWS = [
  ['KR1', 'O1', 'Raise NPS', 'increase', 0, 10, 5, '', '', ''],
  ['KR2', 'O1', 'Cut churn', 'decrease', 10, 0, 8, '', '', 3],
  ['KR3', 'O2', 'Ship beta', 'binary', '', '', true, '', '', ''],
];
const FULL = keyResultTable(ROWS);
/** The same table with only the columns named. */
const only = (...headers: string[]): unknown[][] =>
  FULL.map((row) => headers.map((header) => row[FULL[0]!.indexOf(header)]));
const SCORING = only('ID', 'Objective ID', 'Type', 'Start', 'Target', 'Current', 'Weight');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const PLAN = [day('2026-01-06'), day('2026-01-01'), day('2026-01-11')] as const;

describe('custom functions over a range with only the columns they read', () => {
  it('score without a Key Result title column, as over the full table', () => {
    for (const id of ['KR1', 'KR2', 'O1', 'O2'])
      expect(okrScore(SCORING, id)).toBe(okrScore(FULL, id));
    expect(okrScore(SCORING)).toBe(okrScore(FULL));
    expect(okrScore(SCORING, [['KR3'], ['O1']])).toEqual(okrScore(FULL, [['KR3'], ['O1']]));
  });

  it('give OKRBALANCE, OKRPLANNED and OKRSUMMARY without titles, weights or dates', () => {
    const unweighted = keyResultTable(ROWS.map((row) => [...row.slice(0, 9), '']));
    const weightless = only('ID', 'Objective ID', 'Type', 'Start', 'Target', 'Current');
    expect(okrBalance(weightless, ...PLAN)).toEqual(okrBalance(unweighted, ...PLAN));
    expect(okrPlanned(weightless, 'O1', ...PLAN)).toBe(0.5);
    expect(okrSummary(weightless, ...PLAN)).toEqual(okrSummary(unweighted, ...PLAN));
    expect(
      okrAlignment(
        [['Sales']],
        [
          ['ID', 'Objective'],
          ['O1', 'Grow'],
        ],
        SCORING,
      ),
    ).toEqual(
      okrAlignment(
        [['Sales']],
        [
          ['ID', 'Objective'],
          ['O1', 'Grow'],
        ],
        FULL,
      ),
    );
  });

  it('score binary key results with no Start or Target column', () => {
    const binaries = only('ID', 'Objective ID', 'Type', 'Current').filter(
      (row, index) => index === 0 || row[2] === 'binary',
    );
    expect(okrScore(binaries, 'O2')).toBe(1);
  });

  it('name the column a key result needs when the range leaves it out', () => {
    const noTarget = only('ID', 'Objective ID', 'Type', 'Start', 'Current');
    expect(() => okrScore(noTarget, 'KR1')).toThrow(
      'key_results has no "Target" column, and the key result in Key Results row 2 needs its Target. Include the "Target" column, header and all, in the range.',
    );
    expect(() => okrScore(only('ID', 'Objective ID', 'Type', 'Target', 'Current'), 'KR2')).toThrow(
      /has no "Start" column, and the key result in Key Results row 3 needs its Start/,
    );
    expect(okrBalance(noTarget, ...PLAN)[1]![1]).toMatch(/^ERROR: .*has no "Target" column/);
  });

  it('refuse a range without the IDs, Objective IDs or Current values every score reads, naming them', () => {
    expect(() => okrScore(only('ID', 'Type', 'Start', 'Target', 'Current'), 'KR1')).toThrow(
      /has no "Objective ID" column/,
    );
    expect(() => okrScore(only('ID', 'Objective ID', 'Type', 'Start', 'Target'), 'KR1')).toThrow(
      /has no "Current" column/,
    );
    expect(() => okrBalance(only('Objective ID', 'Current'), ...PLAN)).toThrow(
      /has no "ID" column/,
    );
  });
});
