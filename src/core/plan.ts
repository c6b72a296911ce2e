/**
 * Planned progress (SPEC §3 OKREXPECTED): a linear plan from a KR's start date to its due date,
 * counted in calendar days so that times of day and daylight-saving shifts never move it.
 */
import { OkrInputError } from './errors';
import { clampFraction } from './progress';

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a wall-clock date's calendar day (src/core/wallClock.ts). */
export function calendarDay(date: Date): number {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

/** yyyy-mm-dd of the calendar day, for messages. */
function isoDay(date: Date): string {
  return new Date(calendarDay(date) * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * clamp((asOf − startDate) / (dueDate − startDate), 0, 1) in calendar days. A plan that starts
 * and ends on the same day is 0 before that day and 1 from it.
 */
export function plannedProgress(startDate: Date, dueDate: Date, asOf: Date): number {
  const { start, due } = planDays(startDate, dueDate);
  requireValid('As-of date', asOf);
  const today = calendarDay(asOf);
  if (due === start) return today >= due ? 1 : 0;
  return clampFraction((today - start) / (due - start));
}

/** The calendar days a plan starts and ends on; an error when a date is invalid or they are swapped. */
export function planDays(startDate: Date, dueDate: Date): { start: number; due: number } {
  requireValid('Start Date', startDate);
  requireValid('Due Date', dueDate);
  const start = calendarDay(startDate);
  const due = calendarDay(dueDate);
  if (due < start) {
    throw new OkrInputError(
      `Due Date (${isoDay(dueDate)}) is before Start Date (${isoDay(startDate)}). ` +
        `Swap the two dates, or fix the one that is wrong.`,
    );
  }
  return { start, due };
}

function requireValid(name: string, date: Date): void {
  if (Number.isNaN(date.getTime())) {
    throw new OkrInputError(`${name} is not a valid date. Type a date such as 2026-10-01.`);
  }
}
