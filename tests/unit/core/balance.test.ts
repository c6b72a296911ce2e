import { describe, expect, it } from 'vitest';
import {
  balanceIndex,
  keyResultPlannedProgress,
  objectiveBalance,
} from '../../../src/core/balance';
import type { KeyResult } from '../../../src/core/types';

const day = (iso: string) => new Date(`${iso}T00:00:00`);
const cycle = { start: day('2026-01-01'), end: day('2026-01-11') };
const asOf = day('2026-01-06');

const keyResult = (
  fields: Partial<Pick<KeyResult, 'startDate' | 'dueDate'>>,
): Pick<KeyResult, 'startDate' | 'dueDate'> => ({ startDate: null, dueDate: null, ...fields });

describe('keyResultPlannedProgress', () => {
  it('uses the key result dates when they are given', () => {
    const kr = keyResult({ startDate: day('2026-01-04'), dueDate: day('2026-01-08') });
    expect(keyResultPlannedProgress(kr, asOf, cycle)).toBe(0.5);
  });

  it('falls back to the cycle dates where the key result dates are blank', () => {
    expect(keyResultPlannedProgress(keyResult({}), asOf, cycle)).toBe(0.5);
    expect(keyResultPlannedProgress(keyResult({ startDate: day('2026-01-05') }), asOf, cycle)).toBe(
      1 / 6,
    );
  });

  it('says which date is missing when neither the key result nor the cycle has it', () => {
    expect(() =>
      keyResultPlannedProgress(keyResult({}), asOf, { start: null, end: cycle.end }),
    ).toThrow('Start Date is blank and no cycle start was given.');
    expect(() =>
      keyResultPlannedProgress(keyResult({}), asOf, { start: cycle.start, end: null }),
    ).toThrow('Due Date is blank and no cycle end was given.');
  });
});

describe('objectiveBalance', () => {
  it('compares the objective score with the weighted mean of planned progress', () => {
    const balance = objectiveBalance([
      { progress: 0.2, planned: 0.5, weight: 3 },
      { progress: 1, planned: 0, weight: null },
    ]);
    expect(balance.actual).toBeCloseTo((0.2 * 3 + 1) / 4, 12);
    expect(balance.planned).toBeCloseTo((0.5 * 3 + 0) / 4, 12);
    expect(balance.gap).toBeCloseTo(0.4 - 0.375, 12);
    expect(balance.status).toBe('On track');
  });

  it('leaves weight 0 and baseline key results out of both actual and planned', () => {
    const balance = objectiveBalance([
      { progress: 0.3, planned: 0.5, weight: null },
      { progress: 1, planned: 1, weight: 0 },
      { progress: null, planned: 1, weight: 2 },
    ]);
    expect(balance).toEqual({ actual: 0.3, planned: 0.5, gap: 0.3 - 0.5, status: 'At risk' });
  });

  it('is blank for an objective with nothing scoreable', () => {
    expect(objectiveBalance([{ progress: null, planned: 0.5, weight: null }])).toEqual({
      actual: null,
      planned: null,
      gap: null,
      status: '',
    });
  });

  it('uses the status gaps it is given', () => {
    const behind = [{ progress: 0.4, planned: 0.5, weight: null }];
    expect(objectiveBalance(behind).status).toBe('On track');
    expect(objectiveBalance(behind, { atRiskGap: 0.05, offTrackGap: 0.08 }).status).toBe(
      'Off track',
    );
  });
});

describe('balanceIndex', () => {
  it('is 1 when every objective is equally ahead or behind plan', () => {
    expect(balanceIndex([-0.2, -0.2, -0.2])).toBe(1);
    expect(balanceIndex([0.1])).toBe(1);
  });

  it('is 1 minus the population standard deviation of the gaps', () => {
    expect(balanceIndex([0.2, -0.2])).toBeCloseTo(0.8, 12);
    expect(balanceIndex([0, 0.3, 0.6])).toBeCloseTo(1 - Math.sqrt(0.06), 12);
  });

  it('is clamped to 0 for wildly uneven progress', () => {
    expect(balanceIndex([1.5, -1.5])).toBe(0);
  });

  it('is blank with no objectives', () => {
    expect(balanceIndex([])).toBeNull();
  });
});
