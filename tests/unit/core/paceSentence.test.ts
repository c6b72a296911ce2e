import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyResultOutlook, type ForecastKeyResult } from '../../../src/core/forecast';
import { paceSentence, type PaceFormat } from '../../../src/core/paceSentence';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const cycle = { start: day('2026-01-01'), end: day('2026-03-31') };

const increase = (overrides: Partial<ForecastKeyResult> = {}): ForecastKeyResult => ({
  type: 'increase',
  start: 0,
  target: 100,
  startDate: null,
  dueDate: null,
  ...overrides,
});

/** Plain formatters, as a test can read them. */
const format: PaceFormat = {
  percent: (fraction) => `${Math.round(fraction * 100)}%`,
  decimal: (value) => value.toFixed(1),
  amount: (value) => String(value),
  dueDate: '31 Mar',
};

describe('keyResultOutlook', () => {
  it('needs the distance left divided by the weeks left: 80 to go in 58 days is 9.66 a week', () => {
    const outlook = keyResultOutlook(increase(), 20, 0.576, day('2026-02-01'), cycle)!;
    expect(outlook.neededPerWeek).toBeCloseTo(80 / (58 / 7), 10);
    expect(outlook).toMatchObject({ progress: 0.576, goal: 100, overdue: false, reached: false });
    expect(outlook.dueDate).toEqual(cycle.end);
  });

  it('needs a negative pace for a decrease key result', () => {
    const decrease = increase({ type: 'decrease', start: 100, target: 10 });
    const outlook = keyResultOutlook(decrease, 40, 0.5, day('2026-03-01'), cycle)!;
    expect(outlook.neededPerWeek).toBeCloseTo(-30 / (30 / 7), 10);
  });

  it('counts from Start when nothing has been checked in', () => {
    const outlook = keyResultOutlook(
      increase({ start: 10 }),
      null,
      null,
      day('2026-03-24'),
      cycle,
    )!;
    expect(outlook.neededPerWeek).toBeCloseTo(90, 10);
    expect(outlook.progress).toBeNull();
  });

  it('reads a percentage key result on the 0–1 scale, 45 meaning 45%', () => {
    const percentage = increase({ type: 'percentage', start: null, target: null });
    const outlook = keyResultOutlook(percentage, 45, 0.6, day('2026-03-24'), cycle)!;
    expect(outlook.goal).toBe(1);
    expect(outlook.percentage).toBe(true);
    expect(outlook.neededPerWeek).toBeCloseTo(0.55, 10);
  });

  it('needs no pace once the goal is reached, on the due day, or after it', () => {
    const reached = keyResultOutlook(increase(), 100, 1, day('2026-02-01'), cycle)!;
    expect(reached).toMatchObject({ reached: true, neededPerWeek: null });
    const dueToday = keyResultOutlook(increase(), 50, 0.6, day('2026-03-31'), cycle)!;
    expect(dueToday).toMatchObject({ overdue: false, neededPerWeek: null });
    const late = keyResultOutlook(increase(), 50, 0.6, day('2026-04-02'), cycle)!;
    expect(late).toMatchObject({ overdue: true, neededPerWeek: null });
  });

  it('has no outlook for binary and baseline key results, nor without a Target or dates', () => {
    const asOf = day('2026-02-01');
    expect(keyResultOutlook(increase({ type: 'binary' }), 1, null, asOf, cycle)).toBeNull();
    expect(keyResultOutlook(increase({ type: 'baseline' }), 1, null, asOf, cycle)).toBeNull();
    expect(keyResultOutlook(increase({ target: null }), 1, null, asOf, cycle)).toBeNull();
    const noDates = { start: null, end: null };
    expect(keyResultOutlook(increase(), 1, null, asOf, noDates)).toBeNull();
  });

  it('never inverts the direction: the pace has the sign of Target − Start while the goal is ahead', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.integer({ min: 0, max: 88 }),
        fc.boolean(),
        (start, distance, done, daysIn, down) => {
          const target = down ? start - distance : start + distance;
          const keyResult = increase({ type: down ? 'decrease' : 'increase', start, target });
          const latest = start + (target - start) * done;
          const asOf = new Date(cycle.start.getTime() + daysIn * 86_400_000);
          const outlook = keyResultOutlook(keyResult, latest, 0.5, asOf, cycle)!;
          expect(Math.sign(outlook.neededPerWeek!)).toBe(Math.sign(target - start));
        },
      ),
    );
  });
});

describe('paceSentence', () => {
  const facts = {
    progress: 0.576,
    neededPerWeek: 4.7,
    goal: 100,
    percentage: false,
    overdue: false,
    reached: false,
  };

  it('says the forecast, the due date and the pace needed', () => {
    expect(paceSentence(facts, format)).toBe(
      'At this pace: 58% by 31 Mar · needs +4.7 a week to reach 100',
    );
  });

  it('writes a decrease with a real minus sign', () => {
    expect(paceSentence({ ...facts, neededPerWeek: -2, goal: 10 }, format)).toBe(
      'At this pace: 58% by 31 Mar · needs \u22122.0 a week to reach 10',
    );
  });

  it('writes a percentage key result in points of its 0–100 scale', () => {
    const sentence = paceSentence(
      { ...facts, neededPerWeek: 0.047, goal: 1, percentage: true },
      format,
    );
    expect(sentence).toBe('At this pace: 58% by 31 Mar · needs +4.7 points a week to reach 100%');
  });

  it('asks for more check-ins with fewer than two points', () => {
    expect(paceSentence({ ...facts, progress: null }, format)).toBe(
      'Not enough check-ins to forecast yet',
    );
  });

  it('speaks of the past once the due date has passed', () => {
    expect(paceSentence({ ...facts, overdue: true, neededPerWeek: null }, format)).toBe(
      'The due date (31 Mar) has passed: at its pace it reached 58%',
    );
  });

  it('says the goal is reached, and leaves the pace out on the due day', () => {
    expect(
      paceSentence({ ...facts, progress: 1, reached: true, neededPerWeek: null }, format),
    ).toBe('At this pace: 100% by 31 Mar · 100 already reached');
    expect(paceSentence({ ...facts, neededPerWeek: null }, format)).toBe(
      'At this pace: 58% by 31 Mar',
    );
  });

  it('says when the forecast does not count the latest check-in yet', () => {
    expect(paceSentence({ ...facts, beforeLatest: true }, format)).toBe(
      'At this pace (before this check-in): 58% by 31 Mar · needs +4.7 a week to reach 100',
    );
  });
});
