import { describe, expect, it } from 'vitest';
import { okrBalance } from '../../../src/functions/okrBalance';
import { okrPlanned } from '../../../src/functions/okrPlanned';
import { keyResultTable } from './keyResultTable';

const day = (iso: string) => new Date(`${iso}T00:00:00`);
const cycleStart = day('2026-01-01');
const cycleEnd = day('2026-01-11');
const asOf = day('2026-01-06');

const table = keyResultTable([
  ['KR1', 'O1', 'Raise NPS', 'increase', 0, 10, 5, '', '', ''],
  ['KR2', 'O1', 'Cut churn', 'decrease', 10, 0, 8, day('2026-01-06'), day('2026-01-16'), 3],
  ['KR3', 'O2', 'Ship beta', 'increase', 0, 10, 2, '', '', ''],
  ['KR4', 'O3', 'Learn', 'baseline', '', '', '', '', '', ''],
]);

describe('OKRPLANNED', () => {
  it('gives an objective the weighted mean of its key results’ planned progress', () => {
    // KR1 is half-way through the cycle (0.5), KR2 starts on the report date (0, weight 3).
    expect(okrPlanned(table, 'O1', asOf, cycleStart, cycleEnd)).toBeCloseTo(0.125, 12);
    expect(okrPlanned(table, ' o2 ', asOf, cycleStart, cycleEnd)).toBeCloseTo(0.5, 12);
  });

  it('agrees with the Planned column of OKRBALANCE for every objective', () => {
    const balance = okrBalance(table, asOf, cycleStart, cycleEnd).slice(1, -1);
    const ids = balance.map((row) => [row[0]!]);
    expect(okrPlanned(table, ids, asOf, cycleStart, cycleEnd)).toEqual(
      balance.map((row) => [row[2]]),
    );
  });

  it('spills one value per ID of a column, blank for blank IDs and an objective with nothing scored', () => {
    expect(okrPlanned(table, [['O2'], [''], ['O3']], asOf, cycleStart, cycleEnd)).toEqual([
      [0.5],
      [''],
      [''],
    ]);
  });

  it('names an ID no key result belongs to, in its own row only', () => {
    const result = okrPlanned(table, [['O2'], ['O9']], asOf, cycleStart, cycleEnd);
    expect(result).toEqual([
      [0.5],
      [
        'ERROR: No objective in key_results has the ID "O9". Check the spelling, or give the objective key results on the Key Results sheet.',
      ],
    ]);
    expect(() => okrPlanned(table, 'O9', asOf, cycleStart, cycleEnd)).toThrow(/"O9"/);
  });

  it('passes on why an objective’s plan cannot be computed', () => {
    expect(okrPlanned(table, [['O1']], asOf, cycleStart, '')).toEqual([
      [
        'ERROR: Key Results row 2: Due Date is blank and no cycle end was given. Type the date the key result is due, or give the cycle end.',
      ],
    ]);
  });
});
