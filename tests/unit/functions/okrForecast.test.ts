import { describe, expect, it } from 'vitest';
import { okrForecast } from '../../../src/functions/okrForecast';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const KEY_RESULTS = [
  ['ID', 'Type', 'Start', 'Target', 'Start Date', 'Due Date'],
  ['KR1', 'increase', 0, 100, '', ''],
  ['KR2', 'decrease', 100, 0, day('2026-01-01'), day('2026-03-31')],
  ['KR3', 'binary', '', '', '', ''],
  ['KR4', 'increase', '', 100, '', ''],
  ['KR5', 'grow', 0, 10, '', ''],
];
const CHECK_INS = [
  ['Timestamp', 'Key Result ID', 'Value', 'Progress'],
  [day('2026-01-15'), 'KR1', 10, 'first'],
  [day('2026-01-15'), 'kr2 ', 90, ''],
  [day('2026-02-01'), 'KR1', 20, ''],
  [day('2026-02-01'), 'KR2', 80, ''],
  [day('2026-02-03'), 'KR1', 'n/a', 'a value that is not a number is left out'],
  [day('2026-02-04'), 'KR3', 'yes', ''],
];

describe('OKRFORECAST', () => {
  it('gives the worked example for one ID: about 0.576', () => {
    const result = okrForecast(
      KEY_RESULTS,
      CHECK_INS,
      'KR1',
      '2026-03-01',
      '2026-01-01',
      '2026-03-31',
    );
    expect(result).toBeCloseTo(0.576, 3);
  });

  it('spills one forecast per ID, blank for blank IDs and for binary key results, ERROR: for bad rows', () => {
    const result = okrForecast(
      KEY_RESULTS,
      CHECK_INS,
      [['KR1'], ['KR2'], [''], ['KR3'], ['KR4'], ['KR5'], ['KR9']],
      day('2026-03-01'),
      day('2026-01-01'),
      day('2026-03-31'),
    ) as unknown[][];
    expect(result[0]![0]).toBeCloseTo(0.576, 3);
    // A decrease from 100 mirrors the increase.
    expect(result[1]![0]).toBeCloseTo(0.576, 3);
    expect(result.slice(2, 4)).toEqual([[''], ['']]);
    expect(result[4]![0]).toBe(
      'ERROR: Key Results row 5: Start is blank: an increase key result needs the value it started from. Type the baseline value, such as 0.',
    );
    expect(result[5]![0]).toMatch(
      /^ERROR: Key Results row 6, column Type: "grow" is not a key result type/,
    );
    expect(result[6]![0]).toBe(
      'ERROR: No key result or objective has the ID "KR9". Check the spelling, or add it to the Key Results sheet.',
    );
  });

  it('leaves out check-ins after as_of', () => {
    // Only the check-in of 15 January: the line through (0, 0) and (14, 10) reaches 63.6 on day 89.
    const result = okrForecast(
      KEY_RESULTS,
      CHECK_INS,
      'KR1',
      '2026-01-20',
      '2026-01-01',
      '2026-03-31',
    );
    expect(result).toBeCloseTo(((10 / 14) * 89) / 100, 10);
  });

  it('names a due date missing everywhere', () => {
    expect(() => okrForecast(KEY_RESULTS, CHECK_INS, 'KR1', '2026-03-01', '2026-01-01')).toThrow(
      'Key Results row 2: Due Date is blank and no cycle end was given. Type the date the key result is due, or give the cycle end.',
    );
  });

  it('says which table is wrong when a needed column is missing', () => {
    expect(() => okrForecast([['Key Result'], ['x']], CHECK_INS, 'KR1', '2026-03-01')).toThrow(
      'key_results has no "ID" column in its first row. Pass the Key Results table including its header row, such as OKR_KEY_RESULTS.',
    );
    expect(() =>
      okrForecast(
        KEY_RESULTS,
        [
          ['Timestamp', 'Key Result ID'],
          [day('2026-01-15'), 'KR1'],
        ],
        'KR1',
        '2026-03-01',
      ),
    ).toThrow('check_ins has no "Value" column in its first row.');
    expect(() => okrForecast(KEY_RESULTS, 'x', 'KR1', '2026-03-01')).toThrow(
      'check_ins must be the Check-ins table including its header row, such as OKR_CHECKINS.',
    );
    expect(() => okrForecast(KEY_RESULTS, CHECK_INS, 'KR1', '')).toThrow(/as_of is blank/);
  });

  it('refuses a repeated key result ID instead of guessing which row is meant', () => {
    const repeated = [...KEY_RESULTS, ['kr1', 'increase', 0, 50, '', '']];
    const result = okrForecast(
      repeated,
      CHECK_INS,
      [['KR1'], ['KR2']],
      '2026-03-01',
      '2026-01-01',
      '2026-03-31',
    ) as unknown[][];
    expect(result[0]![0]).toBe(
      'ERROR: The ID "KR1" is used in Key Results rows 2 and 7. Give each key result its own ID.',
    );
    expect(result[1]![0]).toBeCloseTo(0.576, 3);
  });
});

describe('OKRFORECAST for an objective', () => {
  const table = [
    ['ID', 'Objective ID', 'Type', 'Start', 'Target', 'Weight'],
    ['KR1', 'O1', 'increase', 0, 100, 3],
    ['KR2', 'O1', 'decrease', 100, 0, ''],
    ['KR3', 'O1', 'binary', '', '', ''],
    ['KR4', 'O1', 'increase', 0, 100, 0],
    ['KR5', 'O2', 'increase', 0, 100, ''],
  ];
  const checkIns = [
    ['Timestamp', 'Key Result ID', 'Value'],
    [day('2026-01-15'), 'KR1', 10],
    [day('2026-02-01'), 'KR1', 20],
    [day('2026-01-15'), 'KR2', 60],
    [day('2026-02-01'), 'KR4', 90],
  ];

  it('weights its key results’ forecasts as the score does, leaving out weight 0 and blanks', () => {
    const [kr1, kr2] = okrForecast(
      table,
      checkIns,
      [['KR1'], ['KR2']],
      '2026-03-01',
      '2026-01-01',
      '2026-03-31',
    ) as number[][];
    expect(kr2![0]).toBe(1);
    const o1 = okrForecast(table, checkIns, 'O1', '2026-03-01', '2026-01-01', '2026-03-31');
    expect(o1).toBeCloseTo((kr1![0]! * 3 + 1) / 4, 12);
  });

  it('is blank for an objective with no forecast to weigh', () => {
    expect(okrForecast(table, checkIns, 'O2', '2026-03-01', '2026-01-01', '2026-03-31')).toBe('');
  });
});
