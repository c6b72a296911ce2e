import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { okrBalance } from '../../../src/functions/okrBalance';
import { okrScore } from '../../../src/functions/okrScore';
import { tableBlocks } from '../../../src/functions/stackedTables';
import { KEY_RESULTS } from '../../../src/workbook/schema';
import { KEY_RESULTS_HEADER, keyResultTable } from './keyResultTable';

const sales = keyResultTable([
  ['KR1', 'O1', 'Raise NPS', 'increase', 20, 40, 30, '', '', ''],
  ['KR2', 'O1', 'Cut churn', 'decrease', 10, 5, 6, '', '', 3],
  ['KR3', 'O2', 'Win deals', 'increase', 0, 10, 10, '', '', ''],
]);
const support = keyResultTable([
  ['KR1', 'O1', 'Answer faster', 'decrease', 60, 20, 50, '', '', ''],
  ['KR9', 'O7', 'Close tickets', 'increase', 0, 100, 40, '', '', ''],
]);
/** Whole-column imports end in blank rows; VSTACK keeps them between the blocks. */
const blankRow = KEY_RESULTS_HEADER.map(() => '');
const stacked = [...sales, blankRow, blankRow, ...support, blankRow];

describe('tables stacked from several teams', () => {
  it('starts a new block at each repeated header row, keeping each block its own rows', () => {
    const blocks = tableBlocks(stacked, KEY_RESULTS);
    expect(blocks.map((block) => block.number)).toEqual([1, 2]);
    expect(blocks[0]!.values).toEqual([...sales, blankRow, blankRow]);
    expect(blocks[1]!.values).toEqual([...support, blankRow]);
  });

  it('finds a header row in any column order and case, as the first header is found', () => {
    const reordered = [
      ['key result', 'OBJECTIVE_ID', 'Id', 'Type', 'Start', 'Target', 'Current'],
      ['Ship it', 'O5', 'KR5', 'increase', 0, 4, 1],
    ];
    expect(okrScore([...sales, ...reordered], 'O5')).toBe(0.25);
    expect(okrScore([...sales, ...reordered], 'KR3')).toBe(1);
  });

  it('answers an ID that only one block uses, without qualification', () => {
    expect(okrScore(stacked, 'O2')).toBe(1);
    expect(okrScore(stacked, 'kr9')).toBe(0.4);
  });

  it('refuses an ID used by several blocks and says how to qualify it', () => {
    expect(() => okrScore(stacked, 'O1')).toThrow(
      'The ID "O1" is used in tables 1 and 2 of the stacked tables (each header row starts a table, numbered from 1 in the order they are stacked). Put the table\'s number and "!" before the ID, such as "1!O1" or "2!O1".',
    );
    expect(okrScore(stacked, [['KR1'], ['O7']])).toEqual([
      [expect.stringMatching(/^ERROR: The ID "KR1" is used in tables 1 and 2/)],
      [0.4],
    ]);
  });

  it('answers a qualified ID from the block it names', () => {
    expect(okrScore(stacked, '1!O1')).toBeCloseTo((0.5 + 0.8 * 3) / 4, 12);
    expect(okrScore(stacked, ' 2 ! o1')).toBe(0.25);
    expect(okrScore(stacked, '2!KR1')).toBe(0.25);
  });

  it('names the table numbers there are when a qualified ID names another', () => {
    expect(() => okrScore(stacked, '3!O1')).toThrow(
      '"3!O1" names table 3, but the stacked tables are numbered 1 to 2 in the order they are stacked.',
    );
    expect(() => okrScore(stacked, '2!O2')).toThrow(
      'No key result or objective has the ID "2!O2".',
    );
  });

  it("gives the overall score as the mean of every block's objectives, each once", () => {
    const o1 = (0.5 + 0.8 * 3) / 4;
    expect(okrScore(stacked)).toBeCloseTo((o1 + 1 + 0.25 + 0.4) / 4, 12);
  });

  it("points at the block and its own row number when a block's cell stops a score", () => {
    const broken = keyResultTable([
      ['KR1', 'O1', 'Answer faster', 'decrease', 60, 'abc', 50, '', '', ''],
    ]);
    const message =
      'Table 2: Key Results row 2, column Target: "abc" is not a number. Type a number such as 120.';
    expect(() => okrScore([...sales, ...broken], '2!O1')).toThrow(message);
    expect(() => okrScore([...sales, ...broken])).toThrow(message);
    expect(okrScore([...sales, ...broken], 'O2')).toBe(1);
  });

  it("lists every block's objectives in OKRBALANCE, qualifying the IDs several blocks use", () => {
    const rows = okrBalance(stacked, '2026-01-06', '2026-01-01', '2026-01-11');
    expect(rows.map((row) => row[0])).toEqual(['Objective', '1!O1', 'O2', '2!O1', 'O7', 'Balance']);
    expect(rows[3]!.slice(1)).toEqual([0.25, 0.5, -0.25, 'At risk']);
    const gaps = [(0.5 + 0.8 * 3) / 4 - 0.5, 0.5, -0.25, -0.1];
    const mean = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
    const deviation = Math.sqrt(
      gaps.reduce((sum, gap) => sum + (gap - mean) ** 2, 0) / gaps.length,
    );
    expect(rows[5]![1]).toBeCloseTo(1 - deviation, 12);
  });

  it("shows a block's broken objective in OKRBALANCE with its table and row", () => {
    const broken = keyResultTable([
      ['KR1', 'O1', 'Answer faster', 'decrease', 60, 'abc', 50, '', '', ''],
    ]);
    const rows = okrBalance([...sales, ...broken], '2026-01-06', '2026-01-01', '2026-01-11');
    expect(rows[3]).toEqual([
      '2!O1',
      'ERROR: Table 2: Key Results row 2, column Target: "abc" is not a number. Type a number such as 120.',
      '',
      '',
      '',
    ]);
    expect(rows[4]![1]).toMatch(
      /^ERROR: the balance needs every objective's gap. Fix the errors of 2!O1/,
    );
  });
});

describe('stacked tables on any teams', () => {
  const keyResultRow = fc.tuple(
    fc.constantFrom('KR1', 'KR2', 'KR3'),
    fc.constantFrom('O1', 'O2'),
    fc.constant('A key result'),
    fc.constantFrom('increase', 'binary', 'baseline', ''),
    fc.integer({ min: 0, max: 10 }),
    fc.integer({ min: 10, max: 20 }),
    fc.oneof(fc.integer({ min: -5, max: 25 }), fc.constant('')),
    fc.constant(''),
    fc.constant(''),
    fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 3 })),
  );
  /** A team's table with IDs unique within it, as a team's sheet holds them. */
  const team = fc
    .uniqueArray(keyResultRow, { selector: (row) => row[0], minLength: 1, maxLength: 3 })
    .map((rows) => keyResultTable(rows));

  it("scores a qualified ID exactly as the team's own table does", () => {
    fc.assert(
      fc.property(fc.array(team, { minLength: 2, maxLength: 4 }), (teams) => {
        const stack = teams.flat();
        teams.forEach((table, index) => {
          for (const id of ['O1', 'O2', 'KR1', 'KR2', 'KR3']) {
            const own = okrScore(table, [[id]]);
            expect(okrScore(stack, [[`${index + 1}!${id}`]])).toEqual(
              own.toString().startsWith('ERROR: No key result')
                ? [[own.toString().replace(`"${id}"`, `"${index + 1}!${id}"`)]]
                : own,
            );
          }
        });
      }),
    );
  });

  it('gives an overall score in [0, 1] or "" that no team\'s order changes', () => {
    fc.assert(
      fc.property(fc.array(team, { minLength: 2, maxLength: 4 }), (teams) => {
        const forward = okrScore(teams.flat());
        const backward = okrScore([...teams].reverse().flat());
        if (forward === '') expect(backward).toBe('');
        else {
          expect(forward).toBeGreaterThanOrEqual(0);
          expect(forward).toBeLessThanOrEqual(1);
          expect(backward).toBeCloseTo(forward as number, 12);
        }
      }),
    );
  });
});
