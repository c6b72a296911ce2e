import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readKeyResultBook, SCORE_COLUMNS } from '../../../src/functions/keyResultBook';
import { bookScores, type KeyResultScores } from '../../../src/functions/keyResultScores';
import { plainScores } from '../../../src/functions/plainScores';
import { overallScore } from '../../../src/core/score';
import { keyResultTable } from './keyResultTable';

const plainRows = [
  ['KR1', 'O1', 'Raise NPS', 'increase', 20, 40, 30, '', '', ''],
  ['KR2', 'O1', 'Cut churn', 'decrease', 10, 5, 6, '', '', 3],
  ['KR3', 'O1', 'Measure activation', 'baseline', '', '', 12, '', '', ''],
  ['KR4', 'O2', 'Launch beta', 'binary', '', '', true, '', '', ''],
  ['', '', '', '', '', '', '', '', '', ''],
  ['KR5', 'O2', 'Ship milestones', 'milestone', '', 4, 1, '', '', 0],
];

/** What a score lookup gives: the value, or the message of the error it throws. */
function outcome(scores: KeyResultScores, id: string | null): unknown {
  try {
    return id === null ? overallScore(scores.objectiveScores()) : scores.scoreOf(id);
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('plainScores, the quick path of OKRSCORE', () => {
  it('scores a table of plain cells in one pass, as the full parse does', () => {
    const table = keyResultTable(plainRows);
    const quick = plainScores(table)!;
    expect(quick).not.toBeNull();
    expect(quick.scoreOf('kr2')).toBe(0.8);
    expect(quick.scoreOf('KR3')).toBeNull();
    expect(quick.scoreOf('O1')).toBeCloseTo((0.5 + 0.8 * 3) / 4, 12);
    expect(quick.scoreOf('o2')).toBe(1);
    expect(quick.scoreOf('O9')).toBeUndefined();
    expect(overallScore(quick.objectiveScores())).toBeCloseTo(((0.5 + 0.8 * 3) / 4 + 1) / 2, 12);
  });

  it.each([
    ['a repeated ID in another case', 0, 'kr2'],
    ['an ID with a space at its end', 0, 'KR1 '],
    ['a percentage written as text', 5, '45%'],
    ['a Sheets error value', 6, '#N/A'],
    ['a negative weight', 9, -1],
    ['an unknown type', 3, 'sideways'],
    ['a blank title', 2, ''],
    ['a number as an objective ID', 1, 7],
  ])('leaves a table with %s to the full parse, which explains it', (_, column, cell) => {
    const rows = plainRows.map((row) => [...row]);
    rows[0]![column] = cell;
    expect(plainScores(keyResultTable(rows))).toBeNull();
  });

  it('leaves a key result that cannot be scored (no target) to the full parse', () => {
    const rows = [...plainRows, ['KR6', 'O3', 'Grow', 'increase', 0, '', 5, '', '', '']];
    expect(plainScores(keyResultTable(rows))).toBeNull();
  });

  it('leaves a table without one of the score columns, or not a table at all, to the full parse', () => {
    expect(plainScores([['ID', 'Key Result']])).toBeNull();
    expect(
      plainScores([['ID', 'Objective ID', 'Key Result', 'Type', 'Start', 'Target', 'Current']]),
    ).toBeNull();
    expect(plainScores('KR1')).toBeNull();
    expect(plainScores([])).toBeNull();
  });

  it('gives the same score as the full parse for every ID of any table it answers', () => {
    const id = fc.constantFrom('KR1', 'kr1', 'KR2', 'KR3', ' KR4', 'KR5');
    const objectiveId = fc.constantFrom('O1', 'o1', 'O2', 'O3', 'O3 ');
    const number = fc.oneof(
      fc.constant(''),
      fc.integer({ min: -5, max: 120 }),
      fc.double({ min: -10, max: 200, noNaN: true }),
      fc.constantFrom('12', '45%', '#N/A', Infinity),
    );
    const row = fc.tuple(
      id,
      objectiveId,
      fc.constantFrom('Grow', '', ' Grow'),
      fc.constantFrom(
        '',
        'increase',
        'Decrease',
        'at least',
        'at-most',
        'percentage',
        'binary',
        'milestone',
        'baseline',
        'sideways',
      ),
      number,
      number,
      fc.oneof(number, fc.boolean(), fc.constantFrom('yes', 'done')),
      fc.constant(''),
      fc.constant(''),
      fc.oneof(fc.constant(''), fc.integer({ min: -1, max: 3 })),
    );
    let answered = 0;
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), (rows) => {
        const table = keyResultTable(rows);
        const quick = plainScores(table);
        if (quick === null) return;
        answered++;
        const full = bookScores(readKeyResultBook(table, 'key_results', SCORE_COLUMNS));
        for (const asked of ['KR1', 'kr2', 'KR3', 'KR4', 'KR5', 'O1', 'o2', 'O3', 'O4', null]) {
          expect(outcome(quick, asked)).toEqual(outcome(full, asked));
        }
      }),
      { numRuns: 2000 },
    );
    // The generator must reach the quick path often enough for the comparison to mean something.
    expect(answered).toBeGreaterThan(100);
  });
});
