import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  keyResultForecast as forecastOfReadings,
  type ForecastKeyResult,
} from '../../../src/core/forecast';

const DAY = 86_400_000;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const cycle = { start: day('2026-01-01'), end: day('2026-03-31') };
const noCycle = { start: null, end: null };
interface Reading {
  at: Date;
  value: number;
}

/** The engine takes readings as parallel lists; the tests write them one check-in at a time. */
const keyResultForecast = (
  keyResult: ForecastKeyResult,
  readings: readonly Reading[],
  asOf: Date,
  dates: { start: Date | null; end: Date | null },
) =>
  forecastOfReadings(
    keyResult,
    {
      times: readings.map((reading) => reading.at.getTime()),
      values: readings.map((reading) => reading.value),
    },
    asOf,
    dates,
  );

const onDay = (days: number, value: number, start = cycle.start): Reading => ({
  at: new Date(start.getTime() + days * DAY),
  value,
});

function increase(overrides: Partial<ForecastKeyResult> = {}): ForecastKeyResult {
  return { type: 'increase', start: 0, target: 100, startDate: null, dueDate: null, ...overrides };
}

describe('keyResultForecast', () => {
  it('fits the worked example: 0 → 100, 10 on day 14 and 20 on day 31 reach about 57.6 on day 89', () => {
    const forecast = keyResultForecast(
      increase(),
      [
        { at: day('2026-01-15'), value: 10 },
        { at: day('2026-02-01'), value: 20 },
      ],
      day('2026-03-01'),
      cycle,
    )!;
    expect(forecast.projectedValue).toBeCloseTo(10 + (310 / 482) * 74, 10);
    expect(forecast.progress).toBeCloseTo(0.576, 3);
    expect(forecast.dueDate).toEqual(cycle.end);
  });

  it('gives the pace still needed per week from the latest value to the target', () => {
    // 20 reached; 80 to go in 30 days from 2026-03-01 to 2026-03-31.
    const forecast = keyResultForecast(
      increase(),
      [onDay(14, 10), onDay(31, 20)],
      day('2026-03-01'),
      cycle,
    )!;
    expect(forecast.neededPerWeek).toBeCloseTo(80 / (30 / 7), 10);
    expect(forecast.goal).toBe(100);
  });

  it('needs no pace once the target is reached or the due date has come', () => {
    const reached = keyResultForecast(increase(), [onDay(10, 120)], day('2026-02-01'), cycle)!;
    expect(reached.neededPerWeek).toBeNull();
    const late = keyResultForecast(increase(), [onDay(10, 50)], day('2026-04-02'), cycle)!;
    expect(late.neededPerWeek).toBeNull();
  });

  it('leaves out check-ins before the start date and after the as-of day', () => {
    const base = [onDay(14, 10), onDay(31, 20)];
    const asOf = day('2026-02-10');
    const expected = keyResultForecast(increase(), base, asOf, cycle)!.progress;
    const withOutsiders = [onDay(-3, 90), ...base, onDay(41, 95)];
    expect(keyResultForecast(increase(), withOutsiders, asOf, cycle)!.progress).toBe(expected);
    // A check-in during the as-of day counts.
    const sameDay = keyResultForecast(increase(), [...base, onDay(40.5, 95)], asOf, cycle)!;
    expect(sameDay.progress).toBeGreaterThan(expected);
  });

  it('uses the key result’s own dates before the cycle’s', () => {
    const own = increase({ startDate: day('2026-02-01'), dueDate: day('2026-02-21') });
    const forecast = keyResultForecast(
      own,
      [onDay(10, 50, day('2026-02-01'))],
      day('2026-02-12'),
      noCycle,
    )!;
    // 5 a day: 100 on day 20.
    expect(forecast.projectedValue).toBeCloseTo(100, 10);
    expect(forecast.progress).toBe(1);
  });

  it('is blank for binary and baseline key results and with fewer than two points on distinct days', () => {
    const readings = [onDay(5, 1), onDay(9, 1)];
    expect(
      keyResultForecast(increase({ type: 'binary' }), readings, day('2026-02-01'), cycle),
    ).toBeNull();
    expect(
      keyResultForecast(increase({ type: 'baseline' }), readings, day('2026-02-01'), cycle),
    ).toBeNull();
    expect(keyResultForecast(increase(), [], day('2026-02-01'), cycle)).toBeNull();
    // The start and a check-in later on the start day are one day.
    expect(keyResultForecast(increase(), [onDay(0.5, 30)], day('2026-02-01'), cycle)).toBeNull();
    // Without a Start, an at-least key result needs two check-ins on different days.
    const atLeast = increase({ type: 'at least', start: null, target: 200 });
    expect(keyResultForecast(atLeast, [onDay(3, 50)], day('2026-02-01'), cycle)).toBeNull();
    expect(
      keyResultForecast(atLeast, [onDay(3, 50), onDay(10, 120)], day('2026-02-01'), cycle),
    ).not.toBeNull();
  });

  it('starts a milestone or task key result without a Start at 0, and reads percentages on one scale', () => {
    const milestones = increase({ type: 'milestone', start: null, target: 4 });
    expect(
      keyResultForecast(milestones, [onDay(45, 2)], day('2026-02-20'), cycle)!.progress,
    ).toBeCloseTo(((2 / 45) * 89) / 4, 10);
    const percentage = increase({ type: 'percentage', start: 0.2, target: null });
    // 20% then 35 (percent points): 15 points in 30 days reach 64.5% on day 89.
    const forecast = keyResultForecast(percentage, [onDay(30, 35)], day('2026-02-20'), cycle)!;
    expect(forecast.progress).toBeCloseTo(0.2 + 0.15 * (89 / 30), 10);
    expect(forecast.goal).toBe(1);
  });

  it('names what is missing: a Start for an increase, a due date anywhere', () => {
    expect(() =>
      keyResultForecast(increase({ start: null }), [], day('2026-02-01'), cycle),
    ).toThrow(/Start is blank/);
    expect(() =>
      keyResultForecast(increase(), [], day('2026-02-01'), { start: cycle.start, end: null }),
    ).toThrow(/Due Date is blank and no cycle end was given/);
  });
});

/** Days after the start (distinct whole days 1–89) with the value a line gives them. */
const lineHistory = fc.record({
  start: fc.integer({ min: -1000, max: 1000 }),
  perDay: fc.double({ min: -20, max: 20, noNaN: true }),
  days: fc.uniqueArray(fc.integer({ min: 1, max: 89 }), { minLength: 1, maxLength: 12 }),
});

describe('keyResultForecast properties', () => {
  const asOf = day('2026-03-31');

  it('forecasts a perfectly linear history on its own line', () => {
    fc.assert(
      fc.property(lineHistory, ({ start, perDay, days }) => {
        const readings = days.map((d) => onDay(d, start + perDay * d));
        const keyResult = increase({ start, target: start + 500 });
        const forecast = keyResultForecast(keyResult, readings, asOf, cycle)!;
        expect(forecast.projectedValue).toBeCloseTo(start + perDay * 89, 6);
      }),
    );
  });

  it('does not move when a check-in on the line is added', () => {
    fc.assert(
      fc.property(
        lineHistory,
        fc.integer({ min: 1, max: 89 }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        ({ start, days }, extraDay, noise) => {
          // A noisy history: its fitted line, not the generating one, is what an extra point must sit on.
          const readings = days.map((d, i) => onDay(d, start + (i % 2 === 0 ? noise : -noise) + d));
          const keyResult = increase({ start, target: start + 500 });
          const before = keyResultForecast(keyResult, readings, asOf, cycle)!;
          const slope = (before.projectedValue - lineValueAt(keyResult, readings, 0)) / 89;
          const onLine = before.projectedValue - slope * (89 - extraDay);
          const after = keyResultForecast(
            keyResult,
            [...readings, onDay(extraDay, onLine)],
            asOf,
            cycle,
          )!;
          expect(after.projectedValue).toBeCloseTo(before.projectedValue, 6);
        },
      ),
    );
  });

  it('mirrors an increase key result for a decrease one', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 1, max: 89 }),
            fc.double({ min: -200, max: 300, noNaN: true }),
          ),
          {
            maxLength: 10,
          },
        ),
        (history) => {
          const up = keyResultForecast(
            increase(),
            history.map(([d, v]) => onDay(d, v)),
            asOf,
            cycle,
          );
          const down = keyResultForecast(
            increase({ type: 'decrease', start: 100, target: 0 }),
            history.map(([d, v]) => onDay(d, 100 - v)),
            asOf,
            cycle,
          );
          if (up === null) expect(down).toBeNull();
          else expect(down!.progress).toBeCloseTo(up.progress, 9);
        },
      ),
    );
  });

  it('is always a fraction from 0 to 1, or blank', () => {
    const types = [
      'increase',
      'decrease',
      'percentage',
      'milestone',
      'task',
      'at least',
      'at most',
      'binary',
      'baseline',
      null,
    ] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...types),
        fc.array(
          fc.tuple(
            fc.double({ min: -10, max: 100, noNaN: true }),
            fc.double({ min: -1e6, max: 1e6, noNaN: true }),
          ),
          {
            maxLength: 15,
          },
        ),
        fc.integer({ min: 0, max: 120 }),
        (type, history, asOfDay) => {
          const keyResult: ForecastKeyResult =
            type === 'decrease'
              ? { type, start: 100, target: 10, startDate: null, dueDate: null }
              : { type, start: 10, target: 100, startDate: null, dueDate: null };
          const forecast = keyResultForecast(
            keyResult,
            history.map(([d, v]) => onDay(d, v)),
            new Date(cycle.start.getTime() + asOfDay * DAY),
            cycle,
          );
          if (forecast === null) return;
          expect(forecast.progress).toBeGreaterThanOrEqual(0);
          expect(forecast.progress).toBeLessThanOrEqual(1);
          expect(Number.isNaN(forecast.progress)).toBe(false);
        },
      ),
    );
  });
});

/** The fitted line's value at a day, from two forecasts with moved due dates. */
function lineValueAt(
  keyResult: ForecastKeyResult,
  readings: readonly Reading[],
  atDay: number,
): number {
  const due = new Date(cycle.start.getTime() + atDay * DAY);
  return keyResultForecast({ ...keyResult, dueDate: due }, readings, day('2026-03-31'), cycle)!
    .projectedValue;
}
