import { describe, expect, it } from 'vitest';
import { OkrInputError } from '../../../src/core/errors';
import { asGrid, mapCells, singleValue } from '../../../src/functions/grid';

const sum = (cells: unknown[]) => {
  if (cells.some((cell) => cell === 'bad')) throw new OkrInputError('a cell says bad.');
  return cells.reduce((total: number, cell) => total + Number(cell), 0);
};

describe('asGrid', () => {
  it('wraps a single value as a 1×1 grid and keeps 2-D ranges', () => {
    expect(asGrid(5)).toEqual([[5]]);
    expect(asGrid([[1], [2]])).toEqual([[1], [2]]);
  });
});

describe('mapCells', () => {
  it('returns one value for single cells', () => {
    expect(
      mapCells(
        [
          { name: 'a', value: 1 },
          { name: 'b', value: 2 },
        ],
        sum,
      ),
    ).toBe(3);
  });

  it('returns one value per row for column ranges', () => {
    const a = [[1], [2], [3]];
    const b = [[10], [20], [30]];
    expect(
      mapCells(
        [
          { name: 'a', value: a },
          { name: 'b', value: b },
        ],
        sum,
      ),
    ).toEqual([[11], [22], [33]]);
  });

  it('repeats a single cell (or a 1×1 range) for every row', () => {
    expect(
      mapCells(
        [
          { name: 'a', value: [[1], [2]] },
          { name: 'b', value: 100 },
        ],
        sum,
      ),
    ).toEqual([[101], [102]]);
    expect(
      mapCells(
        [
          { name: 'a', value: [[1], [2]] },
          { name: 'b', value: [[100]] },
        ],
        sum,
      ),
    ).toEqual([[101], [102]]);
  });

  it('computes 2-D ranges cell by cell', () => {
    expect(
      mapCells(
        [
          {
            name: 'a',
            value: [
              [1, 2],
              [3, 4],
            ],
          },
          { name: 'b', value: 1 },
        ],
        sum,
      ),
    ).toEqual([
      [2, 3],
      [4, 5],
    ]);
  });

  it('marks a bad row with an ERROR: text and keeps the others', () => {
    expect(mapCells([{ name: 'a', value: [[1], ['bad'], [3]] }], sum)).toEqual([
      [1],
      ['ERROR: a cell says bad.'],
      [3],
    ]);
  });

  it('throws a single bad value as an Error that Sheets shows', () => {
    const call = () => mapCells([{ name: 'a', value: 'bad' }], sum);
    expect(call).toThrow(Error);
    expect(call).toThrow('a cell says bad.');
  });

  it('rejects ranges of different sizes with how to fix it', () => {
    expect(() =>
      mapCells(
        [
          { name: 'start', value: [[1], [2]] },
          { name: 'target', value: [[1], [2], [3]] },
        ],
        sum,
      ),
    ).toThrow(
      'start covers 2 rows × 1 column but target covers 3 rows × 1 column. Give ranges of the same size, such as E2:E and H2:H, or a single cell.',
    );
  });

  it('lets programming errors through instead of hiding them in cells', () => {
    const broken = () => {
      throw new TypeError('bug');
    };
    expect(() => mapCells([{ name: 'a', value: [[1]] }], broken)).toThrow(TypeError);
  });
});

describe('singleValue', () => {
  it('accepts a value or a 1×1 range', () => {
    expect(singleValue({ name: 'as_of', value: 'x' })).toBe('x');
    expect(singleValue({ name: 'as_of', value: [['x']] })).toBe('x');
  });

  it('rejects a larger range', () => {
    expect(() => singleValue({ name: 'as_of', value: [['x'], ['y']] })).toThrow(
      'as_of must be a single cell, but it covers 2 rows × 1 column. Pass one cell, such as OKR_REPORT_DATE.',
    );
  });
});
