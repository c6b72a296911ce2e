/**
 * Forecast (SPEC §3 OKRFORECAST): where a key result lands at its due date if it keeps the pace of
 * its history. An ordinary least-squares line through (start date, Start) and the check-ins up to
 * the as-of day, read at the due date and scored like OKRPROGRESS, so the result is clamped to
 * [0, 1] and a decrease key result needs no special case.
 */
import { keyResultPlanDates, type CycleDates } from './balance';
import { OkrInputError } from './errors';
import { calendarDay, planDays } from './plan';
import { clampFraction, keyResultProgress } from './progress';
import type { KeyResult } from './types';
import { addDays, startOfDay } from './wallClock';

const MS_PER_DAY = 86_400_000;
const DAYS_PER_WEEK = 7;

export type ForecastKeyResult = Pick<
  KeyResult,
  'type' | 'start' | 'target' | 'startDate' | 'dueDate'
>;

/**
 * A key result's numeric check-ins: when each was made (ms since 1970) and its value, as two
 * parallel lists, so half a million check-ins cost no object each.
 */
export interface Readings {
  times: number[];
  values: number[];
}

export function noReadings(): Readings {
  return { times: [], values: [] };
}

export interface Forecast {
  /** Projected progress at the due date, 0–1. */
  progress: number;
  /** The value the line reaches on the due date, in the key result's unit (a fraction for percentage). */
  projectedValue: number;
  dueDate: Date;
  /**
   * What the key result must still move per week from its latest value to reach its goal by the
   * due date (negative for a decrease); null once the due date has come or the goal is reached.
   */
  neededPerWeek: number | null;
  /** The goal the pace aims for: Target, or 1 (100%) for a percentage key result. */
  goal: number;
}

/**
 * The forecast of one key result, or null when it has none: binary and baseline key results, and
 * fewer than two points on distinct days. Missing values and dates are errors that name them.
 */
export function keyResultForecast(
  keyResult: ForecastKeyResult,
  readings: Readings,
  asOf: Date,
  cycle: CycleDates,
): Forecast | null {
  const { type, target } = keyResult;
  if (type === 'binary' || type === 'baseline') return null;
  // The same checks as OKRPROGRESS: a blank Target, or Start where the type needs one, is an error.
  keyResultProgress(type, keyResult.start, target, null);
  const { startDate, dueDate } = keyResultPlanDates(keyResult, cycle);
  const { start: startDay, due: dueDay } = planDays(startDate, dueDate);
  const asOfDay = calendarDay(asOf);
  const scale = type === 'percentage' ? asFraction : (value: number): number => value;
  // From midnight of the start day to the end of the as-of day, on the spreadsheet's wall clock.
  const from = startOfDay(startDate).getTime();
  const until = addDays(asOf, 1).getTime();
  const fit = new LineFit();
  const startValue = startValueOf(keyResult);
  if (startValue !== null) fit.add(0, scale(startValue));
  const { times, values } = readings;
  for (let i = 0; i < times.length; i++) {
    const time = times[i]!;
    const value = values[i]!;
    if (time < from || time >= until || !Number.isFinite(value)) continue;
    fit.add((time - from) / MS_PER_DAY, scale(value));
  }
  const line = fit.line();
  if (line === null) return null;
  const projectedValue = line.intercept + line.slope * (dueDay - startDay);
  const goal = type === 'percentage' ? 1 : target!;
  const progressOf = (value: number): number =>
    type === 'percentage'
      ? clampFraction(value)
      : keyResultProgress(type, keyResult.start, target, value)!;
  return {
    progress: progressOf(projectedValue),
    projectedValue,
    dueDate,
    neededPerWeek: neededPace(progressOf, goal, fit.latestY, dueDay - asOfDay),
    goal,
  };
}

/** What is still to move per week from `latest` to `goal` in `daysLeft`; null once due or reached. */
function neededPace(
  progressOf: (value: number) => number,
  goal: number,
  latest: number,
  daysLeft: number,
): number | null {
  if (daysLeft <= 0 || progressOf(latest) >= 1) return null;
  return (goal - latest) / (daysLeft / DAYS_PER_WEEK);
}

/**
 * Where a key result is heading, as the sidebar and the emails say it: the projected progress
 * (worked out elsewhere: the sheet's Forecast column or `keyResultForecast`), the pace still
 * needed from its latest value, and whether the due date has passed or the goal is reached.
 */
export interface Outlook {
  /** Projected progress at the due date, 0–1; null with fewer than two check-ins on distinct days. */
  progress: number | null;
  dueDate: Date;
  /** Still to move per week to reach the goal (negative for a decrease); null once due or reached. */
  neededPerWeek: number | null;
  /** Target, or 1 (100%) for a percentage key result. */
  goal: number;
  /** A percentage key result: the goal and the pace are fractions. */
  percentage: boolean;
  /** The due date is before the as-of day. */
  overdue: boolean;
  /** The latest value already reaches the goal. */
  reached: boolean;
}

/**
 * The outlook of a key result whose latest value is `latest` (Current; blank means its Start) and
 * whose projected progress is `projected`; null for binary and baseline key results and when a
 * value or date the forecast needs is missing (the key result's own problem says which).
 */
export function keyResultOutlook(
  keyResult: ForecastKeyResult,
  latest: number | null,
  projected: number | null,
  asOf: Date,
  cycle: CycleDates,
): Outlook | null {
  const { type, target } = keyResult;
  if (type === 'binary' || type === 'baseline') return null;
  try {
    keyResultProgress(type, keyResult.start, target, null);
    const { startDate, dueDate } = keyResultPlanDates(keyResult, cycle);
    const { due } = planDays(startDate, dueDate);
    const percentage = type === 'percentage';
    const goal = percentage ? 1 : target!;
    const latestValue = latest ?? startValueOf(keyResult);
    const scaled = latestValue === null ? null : percentage ? asFraction(latestValue) : latestValue;
    const progressOf = (value: number): number =>
      percentage ? clampFraction(value) : keyResultProgress(type, keyResult.start, target, value)!;
    const daysLeft = due - calendarDay(asOf);
    return {
      progress: projected,
      dueDate,
      neededPerWeek: scaled === null ? null : neededPace(progressOf, goal, scaled, daysLeft),
      goal,
      percentage,
      overdue: daysLeft < 0,
      reached: scaled !== null && progressOf(scaled) >= 1,
    };
  } catch (error) {
    if (error instanceof OkrInputError) return null;
    throw error;
  }
}

/** The value at the start date: Start, 0 for a milestone or task without one, none otherwise. */
function startValueOf(keyResult: ForecastKeyResult): number | null {
  if (keyResult.start !== null) return keyResult.start;
  return keyResult.type === 'milestone' || keyResult.type === 'task' ? 0 : null;
}

/** 0.45, 45% and 45 all mean 45% (as OKRPROGRESS reads a percentage), so the line fits one scale. */
function asFraction(value: number): number {
  return Math.abs(value) > 1 ? value / 100 : value;
}

/**
 * The ordinary least-squares line through points added one at a time, with the running means
 * and sums of squares updated as each comes (Welford's method): no list of points, and large
 * values lose no precision to a difference of huge sums.
 */
export class LineFit {
  private count = 0;
  private meanX = 0;
  private meanY = 0;
  private sxx = 0;
  private sxy = 0;
  private firstDay = NaN;
  private distinctDays = false;
  private latestX = -Infinity;
  /** The value of the point with the latest x. */
  latestY = NaN;

  add(x: number, y: number): void {
    this.count++;
    const dx = x - this.meanX;
    this.meanX += dx / this.count;
    this.meanY += (y - this.meanY) / this.count;
    this.sxx += dx * (x - this.meanX);
    this.sxy += dx * (y - this.meanY);
    const day = Math.floor(x);
    if (this.count === 1) this.firstDay = day;
    else if (day !== this.firstDay) this.distinctDays = true;
    if (x >= this.latestX) {
      this.latestX = x;
      this.latestY = y;
    }
  }

  /** The fitted line, or null with fewer than two points on distinct days. */
  line(): { slope: number; intercept: number } | null {
    if (!this.distinctDays) return null;
    const slope = this.sxy / this.sxx;
    return { slope, intercept: this.meanY - slope * this.meanX };
  }
}
