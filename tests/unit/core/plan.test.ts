import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDay, plannedProgress } from '../../../src/core/plan';

const day = (iso: string, time = '00:00') => new Date(`${iso}T${time}:00Z`);

describe('plannedProgress', () => {
  it('is the share of calendar days passed between start and due date', () => {
    expect(plannedProgress(day('2026-01-01'), day('2026-01-11'), day('2026-01-06'))).toBe(0.5);
    expect(plannedProgress(day('2026-10-01'), day('2026-12-31'), day('2026-11-15'))).toBeCloseTo(
      45 / 91,
      12,
    );
  });

  it('ignores the time of day', () => {
    expect(
      plannedProgress(
        day('2026-01-01', '09:00'),
        day('2026-01-11', '23:30'),
        day('2026-01-06', '18:45'),
      ),
    ).toBe(0.5);
  });

  it('counts days across a daylight-saving change as whole days', () => {
    expect(plannedProgress(day('2026-03-01'), day('2026-04-30'), day('2026-03-31'))).toBe(30 / 60);
  });

  it('is 0 before the start and 1 after the due date', () => {
    expect(plannedProgress(day('2026-01-01'), day('2026-01-11'), day('2025-12-01'))).toBe(0);
    expect(plannedProgress(day('2026-01-01'), day('2026-01-11'), day('2026-02-01'))).toBe(1);
  });

  it('treats a one-day plan as 0 before that day and 1 from it', () => {
    expect(plannedProgress(day('2026-01-05'), day('2026-01-05'), day('2026-01-04'))).toBe(0);
    expect(plannedProgress(day('2026-01-05'), day('2026-01-05'), day('2026-01-05', '08:00'))).toBe(
      1,
    );
  });

  it('rejects a due date before the start date', () => {
    expect(() => plannedProgress(day('2026-02-01'), day('2026-01-01'), day('2026-01-15'))).toThrow(
      'Due Date (2026-01-01) is before Start Date (2026-02-01). Swap the two dates, or fix the one that is wrong.',
    );
  });

  it('rejects an invalid date', () => {
    expect(() => plannedProgress(new Date(NaN), day('2026-01-01'), day('2026-01-15'))).toThrow(
      'Start Date is not a valid date.',
    );
  });

  it('is always a fraction in [0, 1] that never falls as the as-of date moves on', () => {
    const date = fc
      .integer({ min: 0, max: 20_000 })
      .map((days) => new Date(Date.UTC(2000, 0, 1 + days)));
    fc.assert(
      fc.property(date, date, date, date, (a, b, c, d) => {
        const [start, due] = calendarDay(a) <= calendarDay(b) ? [a, b] : [b, a];
        const [early, late] = c <= d ? [c, d] : [d, c];
        const before = plannedProgress(start, due, early);
        const after = plannedProgress(start, due, late);
        expect(before).toBeGreaterThanOrEqual(0);
        expect(after).toBeLessThanOrEqual(1);
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });
});
