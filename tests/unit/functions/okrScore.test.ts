import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { okrScore } from '../../../src/functions/okrScore';
import { keyResultTable } from './keyResultTable';

const table = keyResultTable([
  ['KR1', 'O1', 'Raise NPS', 'increase', 20, 40, 30, '', '', ''],
  ['KR2', 'O1', 'Cut churn', 'decrease', 10, 5, 6, '', '', 3],
  ['KR3', 'o1 ', 'Measure activation', 'baseline', '', '', 12, '', '', ''],
  ['KR4', 'O1', 'Old metric', 'increase', 0, 10, 10, '', '', 0],
  ['KR5', 'O2', 'Launch beta', 'binary', '', '', 'yes', '', '', ''],
  ['KR6', 'O2', 'Ship milestones', 'milestone', '', 4, 1, '', '', ''],
  ['KR7', 'O3', 'Learn baseline', 'baseline', '', '', '', '', '', ''],
]);

describe('OKRSCORE', () => {
  it("gives a key result's progress for its ID, matched trimmed and case-insensitively", () => {
    expect(okrScore(table, 'KR1')).toBe(0.5);
    expect(okrScore(table, ' kr2 ')).toBe(0.8);
  });

  it('gives the weighted mean for an objective, leaving out weight 0 and baseline key results', () => {
    expect(okrScore(table, 'O1')).toBeCloseTo((0.5 * 1 + 0.8 * 3) / 4, 12);
    expect(okrScore(table, 'O2')).toBe(0.625);
  });

  it('gives "" for a baseline key result and an objective with nothing scoreable', () => {
    expect(okrScore(table, 'KR3')).toBe('');
    expect(okrScore(table, 'O3')).toBe('');
  });

  it('gives the mean of objective scores when the ID is omitted, each objective once', () => {
    expect(okrScore(table)).toBeCloseTo((0.725 + 0.625) / 2, 12);
    expect(okrScore(table, '')).toBeCloseTo((0.725 + 0.625) / 2, 12);
  });

  it('gives one score per ID for a range of IDs', () => {
    expect(okrScore(table, [['KR1'], ['O2'], [''], ['O9']])).toEqual([
      [0.5],
      [0.625],
      [''],
      [
        'ERROR: No key result or objective has the ID "O9". Check the spelling, or add it to the Key Results sheet.',
      ],
    ]);
  });

  it('throws for a single unknown ID, naming it', () => {
    expect(() => okrScore(table, 'KR99')).toThrow('No key result or objective has the ID "KR99".');
  });

  it('points at the row and column of a cell that stops a score', () => {
    const broken = keyResultTable([
      ['KR1', 'O1', 'Raise NPS', 'increase', 20, 'forty', 30, '', '', ''],
      ['KR2', 'O2', 'Cut churn', 'decrease', 10, 5, 6, '', '', ''],
    ]);
    const message =
      'Key Results row 2, column Target: "forty" is not a number. Type a number such as 120.';
    expect(() => okrScore(broken, 'KR1')).toThrow(message);
    expect(() => okrScore(broken, 'O1')).toThrow(message);
    expect(() => okrScore(broken)).toThrow(message);
    expect(okrScore(broken, 'O2')).toBe(0.8);
  });

  it('points at the row of a key result whose inputs are missing', () => {
    const missing = keyResultTable([
      ['KR1', 'O1', 'Raise NPS', 'increase', 20, '', 30, '', '', ''],
    ]);
    expect(() => okrScore(missing, 'O1')).toThrow(
      'Key Results row 2: Target is blank: an increase key result needs a target. Type the value it aims for, such as 120.',
    );
  });

  it("does not guess an objective's score when one of its rows was left out", () => {
    const repeated = keyResultTable([
      ['KR1', 'O1', 'Raise NPS', 'increase', 0, 10, 5, '', '', ''],
      ['KR1', 'O1', 'Raise NPS again', 'increase', 0, 10, 10, '', '', ''],
    ]);
    expect(() => okrScore(repeated, 'O1')).toThrow(
      /Key Results row 3, column ID: The ID "KR1" is already used in row 2/,
    );
    expect(() => okrScore(repeated, 'KR1')).toThrow(
      /Key Results row 3, column ID: The ID "KR1" is already used in row 2/,
    );
  });

  it('explains why a key result ID whose row was left out has no score', () => {
    const untitled = keyResultTable([['KR1', 'O1', '', 'increase', 0, 10, 5, '', '', '']]);
    expect(() => okrScore(untitled, 'KR1')).toThrow(
      'Key Results row 2, column Key Result: Key Result is blank, so this row is left out. Fill it in to include the row.',
    );
  });

  it('ignores problems that do not change a score, such as an owner that is not an email', () => {
    const named = keyResultTable([['KR1', 'O1', 'Raise NPS', 'increase', 0, 10, 5, '', '', '']]);
    named[1]![3] = 'Ana';
    expect(okrScore(named, 'O1')).toBe(0.5);
  });

  it('throws when key_results is not a table with a header row', () => {
    expect(() => okrScore('KR1', 'KR1')).toThrow(
      "key_results must be the Key Results table including its header row, such as OKR_KEY_RESULTS or 'Key Results'!A1:U.",
    );
    expect(() => okrScore([['Name', 'Value']], 'KR1')).toThrow(
      /The Key Results sheet has no "ID", "Objective ID", "Current" columns/,
    );
  });
});

describe('OKRSCORE on any table', () => {
  const cell = fc.oneof(
    fc.constant(''),
    fc.double({ min: -1000, max: 1000, noNaN: true }),
    fc.constantFrom('increase', 'decrease', 'binary', 'at most', 'baseline', 'yes', '#N/A', 'abc'),
    fc.boolean(),
  );
  const row = fc.tuple(
    fc.constantFrom('KR1', 'KR2', 'KR3', 'kr1', ''),
    fc.constantFrom('O1', 'O2', 'o1', ''),
    fc.constantFrom('A key result', ''),
    cell,
    cell,
    cell,
    cell,
    fc.constant(''),
    fc.constant(''),
    cell,
  );

  it('gives every ID a score in [0, 1], "" or an ERROR: text, and never throws for a range', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        const table = keyResultTable(rows);
        const scores = okrScore(table, [['O1'], ['O2'], ['KR1'], ['KR2']]) as unknown[][];
        for (const [score] of scores) {
          if (typeof score === 'number') {
            expect(score).toBeGreaterThanOrEqual(0);
            expect(score).toBeLessThanOrEqual(1);
          } else {
            expect(score === '' || String(score).startsWith('ERROR: ')).toBe(true);
          }
        }
      }),
    );
  });
});
