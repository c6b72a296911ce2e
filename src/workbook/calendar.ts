/**
 * The cycle calendar: the rhythm of an OKR cycle as dated events (planning week, check-in days,
 * Monday reviews, mid-cycle review, end-of-cycle review and retrospective), laid out as the rows
 * of the Calendar sheet. Dates are wall-clock calendar days (src/core/wallClock.ts).
 */
import { OkrInputError } from '../core/errors';
import { WEEKDAYS, type OkrSettings, type Weekday } from '../core/settings';
import { addDays, daysBetween, weekdayOf } from '../core/wallClock';
import { toSheetCell, type SheetCell } from './sheetRows';

export type CalendarEventKind =
  | 'planning'
  | 'cycle start'
  | 'check-in'
  | 'monday review'
  | 'mid-cycle review'
  | 'end-of-cycle review'
  | 'retrospective';

export interface CalendarEvent {
  date: Date;
  kind: CalendarEventKind;
  title: string;
  whatHappens: string;
}

export const CALENDAR_HEADER = ['Date', 'Day', 'Week', 'Event', 'What happens'] as const;

function weekdayName(date: Date): Weekday {
  return WEEKDAYS[weekdayOf(date)]!;
}

/** The first day on or after `date` that falls on `weekday`. */
function nextWeekday(date: Date, weekday: Weekday): Date {
  const offset = (WEEKDAYS.indexOf(weekday) - weekdayOf(date) + 7) % 7;
  return addDays(date, offset);
}

/** Moves a Saturday or Sunday to the Monday after, so meetings land on working days. */
function workingDayOnOrAfter(date: Date): Date {
  const day = weekdayOf(date);
  return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date;
}

/** Moves a Saturday or Sunday to the Friday before. */
function workingDayOnOrBefore(date: Date): Date {
  const day = weekdayOf(date);
  return day === 6 ? addDays(date, -1) : day === 0 ? addDays(date, -2) : date;
}

/**
 * The events of one cycle in date order. Needs the cycle start and end; says how to fix the
 * Settings sheet when they are missing or reversed.
 */
export function cycleEvents(settings: OkrSettings): CalendarEvent[] {
  const { cycleStart, cycleEnd } = settings;
  if (!cycleStart || !cycleEnd) {
    throw new OkrInputError(
      'The Settings sheet has no Cycle Start or Cycle End. Type both dates (such as 2026-10-01 and 2026-12-31) in the Value column, then build the calendar again.',
    );
  }
  if (daysBetween(cycleStart, cycleEnd) < 7) {
    throw new OkrInputError(
      'Settings: Cycle End must be at least a week after Cycle Start. Correct the dates in the Value column, then build the calendar again.',
    );
  }
  const events: CalendarEvent[] = [];
  const planningStart = workingDayOnOrAfter(addDays(cycleStart, -7));
  events.push({
    date: planningStart,
    kind: 'planning',
    title: 'Planning week begins',
    whatHappens:
      'Draft 3–5 objectives per team with 3–5 key results each; align them with the parent objectives; agree baselines, targets and owners.',
  });
  events.push({
    date: addDays(cycleStart, -1),
    kind: 'planning',
    title: 'Planning week ends',
    whatHappens: 'Publish the OKRs in the Objectives and Key Results sheets.',
  });
  events.push({
    date: cycleStart,
    kind: 'cycle start',
    title: `${settings.cycleName || 'Cycle'} begins`,
    whatHappens: 'Key results start from their baselines; the first check-in week starts.',
  });

  const period = Math.max(1, settings.checkInPeriodDays);
  for (
    let day = nextWeekday(addDays(cycleStart, 1), settings.checkInDay);
    daysBetween(day, cycleEnd) >= 0;
    day = addDays(day, period)
  ) {
    events.push({
      date: day,
      kind: 'check-in',
      title: 'Check-in day',
      whatHappens:
        'Each owner records value, confidence (0–10) and Progress, Plans, Problems (and Learnings) for their key results.',
    });
  }
  for (
    let day = nextWeekday(addDays(cycleStart, 1), 'Monday');
    daysBetween(day, cycleEnd) >= 0;
    day = addDays(day, 7)
  ) {
    events.push({
      date: day,
      kind: 'monday review',
      title: 'Monday review',
      whatHappens:
        'The team reviews confidence and priorities for the week, and picks which key results need help.',
    });
  }
  const midpoint = addDays(cycleStart, Math.floor(daysBetween(cycleStart, cycleEnd) / 2));
  events.push({
    date: workingDayOnOrAfter(midpoint),
    kind: 'mid-cycle review',
    title: 'Mid-cycle review',
    whatHappens:
      'Compare progress with plan on the Dashboard; run Check OKR health; adjust initiatives (targets stay as set).',
  });
  const endReview = workingDayOnOrBefore(cycleEnd);
  events.push({
    date: endReview,
    kind: 'end-of-cycle review',
    title: 'End-of-cycle review',
    whatHappens: 'Score each key result 0.0–1.0 and agree the final objective scores.',
  });
  events.push({
    date: workingDayOnOrAfter(addDays(endReview, 1)),
    kind: 'retrospective',
    title: 'Retrospective',
    whatHappens:
      'Record lessons learned per objective, then run Close cycle… to archive scores and carry unfinished key results forward.',
  });
  return events
    .map((event, order) => ({ event, order }))
    .sort((a, b) => a.event.date.getTime() - b.event.date.getTime() || a.order - b.order)
    .map(({ event }) => event);
}

/** The Calendar sheet rows (header first): date, weekday, cycle week (0 = planning) and event. */
export function calendarRows(settings: OkrSettings): SheetCell[][] {
  const start = settings.cycleStart;
  return [
    [...CALENDAR_HEADER],
    ...cycleEvents(settings).map((event) => {
      const offset = start ? daysBetween(start, event.date) : 0;
      const week = offset < 0 ? 0 : Math.floor(offset / 7) + 1;
      return [
        event.date,
        weekdayName(event.date),
        week,
        toSheetCell(event.title),
        event.whatHappens,
      ];
    }),
  ];
}
