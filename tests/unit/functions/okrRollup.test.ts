import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { okrAlignment, okrSummary } from '../../../src/functions/okrRollup';
import { okrBalance } from '../../../src/functions/okrBalance';
import { keyResultTable } from './keyResultTable';

const sales = keyResultTable([
  ['KR1', 'O1', 'Close deals', 'increase', 0, 40, 20, '', '', 1],
  ['KR2', 'O1', 'Grow pipeline', 'increase', 0, 2, 0.5, '', '', 3],
  ['KR3', 'O2', 'Cut churn', 'decrease', 5, 3, 4, '', '', ''],
  ['KR4', 'O3', 'Learn', 'baseline', '', '', '', '', '', ''],
]);
const salesObjectives = [
  ['ID', 'Objective', 'Parent'],
  ['O1', 'Win the mid-market', 'C1'],
  ['O2', 'Keep customers', 'C2'],
  ['O3', 'Measure', ''],
];
const support = keyResultTable([['KR1', 'O1', 'Reply faster', 'decrease', 10, 2, 6, '', '', 2]]);
const supportObjectives = [
  ['ID', 'Objective', 'Parent'],
  ['O1', 'Answer faster', 'C2'],
];
const asOf = '2026-02-15';
const cycle = ['2026-01-01', '2026-03-31'] as const;

/** The sales table with a Forecast column, as a team's Key Results sheet spills it. */
function withForecasts(table: unknown[][], forecasts: readonly unknown[]): unknown[][] {
  return table.map((row, index) => [...row, index === 0 ? 'Forecast' : forecasts[index - 1]]);
}

describe('OKRSUMMARY', () => {
  it("gives the team's forecast from its Forecast column, weighted as the score, objectives counted once", () => {
    // O1: KR1 0.8 (weight 1) and KR2 0.4 (weight 3); O2: KR3 0.9; O3's baseline has none.
    const table = withForecasts(sales, [0.8, 0.4, 0.9, '']);
    const [row] = okrSummary(table, asOf, ...cycle);
    expect(row).toHaveLength(5);
    expect(row![4]).toBeCloseTo(((0.8 * 1 + 0.4 * 3) / 4 + 0.9) / 2, 12);
  });

  it('leaves out forecast cells that hold no fraction, and is blank without a Forecast column', () => {
    const table = withForecasts(sales, ['ERROR: Target is blank', '', 0.9, '']);
    expect(okrSummary(table, asOf, ...cycle)[0]![4]).toBeCloseTo(0.9, 12);
    expect(okrSummary(sales, asOf, ...cycle)[0]![4]).toBe('');
  });

  it("gives a team's score, planned, gap and status as the mean over its scored objectives", () => {
    const [[score, planned, gap, status]] = okrSummary(sales, asOf, ...cycle) as [
      [number, number, number, string],
    ];
    const o1 = (0.5 * 1 + 0.25 * 3) / 4;
    expect(score).toBeCloseTo((o1 + 0.5) / 2, 12);
    expect(planned).toBeCloseTo(45 / 89, 12);
    expect(gap).toBeCloseTo(score - planned, 12);
    expect(status).toBe('On track');
  });

  it('agrees with OKRBALANCE row by row', () => {
    const balance = okrBalance(sales, asOf, ...cycle)
      .slice(1, -1)
      .filter((row) => row[1] !== '');
    const [[score]] = okrSummary(sales, asOf, ...cycle);
    expect(score).toBeCloseTo(
      balance.reduce((sum, row) => sum + (row[1] as number), 0) / balance.length,
      12,
    );
  });

  it('is blank for a team with nothing scored, and an error naming the row for a broken one', () => {
    expect(okrSummary(keyResultTable([]), asOf, ...cycle)).toEqual([['', '', '', '', '']]);
    const broken = keyResultTable([
      ['KR1', 'O1', 'Close deals', 'increase', 0, 'forty', 20, '', '', ''],
    ]);
    expect(() => okrSummary(broken, asOf, ...cycle)).toThrow(
      'Key Results row 2, column Target: "forty" is not a number.',
    );
  });
});

describe('OKRALIGNMENT', () => {
  it('lists every team objective with its score, the company objective it aligns to and its weight', () => {
    const rows = okrAlignment(
      [['Sales'], ['Support']],
      [...salesObjectives, ...supportObjectives],
      [...sales, ...support],
    );
    expect(rows[0]).toEqual([
      'Team',
      'Objective',
      'Title',
      'Score',
      'Aligned to',
      'Weight',
      'Score × Weight',
    ]);
    expect(rows.slice(1)).toEqual([
      ['Sales', 'O1', 'Win the mid-market', 0.3125, 'C1', 4, 1.25],
      ['Sales', 'O2', 'Keep customers', 0.5, 'C2', 1, 0.5],
      ['Sales', 'O3', 'Measure', '', '', 0, 0],
      ['Support', 'O1', 'Answer faster', 0.5, 'C2', 2, 1],
    ]);
  });

  it('gives the aligned score of a company objective as the key-result-weighted mean of its team objectives', () => {
    const rows = okrAlignment(
      [['Sales'], ['Support']],
      [...salesObjectives, ...supportObjectives],
      [...sales, ...support],
    );
    const c2 = rows.filter((row) => row[4] === 'C2');
    const aligned =
      c2.reduce((sum, row) => sum + (row[6] as number), 0) /
      c2.reduce((sum, row) => sum + (row[5] as number), 0);
    // Cut churn (0.5, weight 1) and Reply faster (0.5, weight 2): every key result of C2's team objectives counts by its weight.
    expect(aligned).toBe(0.5);
  });

  it('shows a team whose tables it cannot read as one ERROR: row, a broken key result in its objective, and keeps the others', () => {
    const broken = keyResultTable([
      ['KR1', 'O1', 'Reply faster', 'decrease', 10, 'two', 6, '', '', ''],
    ]);
    const rows = okrAlignment(
      [['Ops'], ['Support']],
      [['ID', 'Name'], ['O1', 'Ops objective'], ...supportObjectives],
      [...sales, ...broken],
    );
    expect(rows[1]).toEqual([
      'Ops',
      '',
      '',
      'ERROR: Table 1: The Objectives sheet has no "Objective" column. Add the header "Objective" to row 1 (in any column; case, spaces and punctuation do not matter).',
      '',
      '',
      '',
    ]);
    expect(rows[2]).toEqual([
      'Support',
      'O1',
      'Answer faster',
      'ERROR: Key Results row 2, column Target: "two" is not a number. Type a number such as 120.',
      'C2',
      '',
      '',
    ]);
    expect(() => okrAlignment([['Sales']], salesObjectives, [...sales, ...support])).toThrow(
      'objectives stacks 1 tables but key_results stacks 2.',
    );
  });

  it('keeps score × weight within weight for any team', () => {
    const keyResultRow = fc.tuple(
      fc.constantFrom('KR1', 'KR2', 'KR3'),
      fc.constantFrom('O1', 'O2'),
      fc.constant('A key result'),
      fc.constantFrom('increase', 'baseline', 'binary'),
      fc.integer({ min: 0, max: 10 }),
      fc.integer({ min: 10, max: 20 }),
      fc.integer({ min: -5, max: 25 }),
      fc.constant(''),
      fc.constant(''),
      fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 3 })),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(keyResultRow, { selector: (row) => row[0], maxLength: 3 }),
        (rows) => {
          const result = okrAlignment(
            'Team',
            [
              ['ID', 'Objective', 'Parent'],
              ['O1', 'One', 'C1'],
              ['O2', 'Two', 'C1'],
            ],
            keyResultTable(rows),
          );
          for (const [, , , score, , weight, weighted] of result.slice(1)) {
            expect(weighted as number).toBeGreaterThanOrEqual(0);
            expect(weighted as number).toBeLessThanOrEqual((weight as number) + 1e-12);
            if (score === '') expect(weight).toBe(0);
          }
        },
      ),
    );
  });
});
