import { describe, expect, it } from 'vitest';
import {
  checkInPeriodAt,
  nextReminderAt,
  previousPeriod,
  zonedInstant,
  zonedTime,
} from '../../../src/core/checkInPeriod';

const weekly = { checkInDay: 'Monday' as const, checkInPeriodDays: 7, cycleStart: null };

describe('checkInPeriodAt', () => {
  it('starts the period at midnight of the latest check-in day in the spreadsheet time zone', () => {
    // Wednesday 2026-11-25 10:00 UTC.
    const period = checkInPeriodAt(new Date('2026-11-25T10:00:00Z'), weekly, 'Etc/UTC');
    expect(period.key).toBe('2026-11-23');
    expect(period.start.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(period.end.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(period.isCheckInDay).toBe(false);
  });

  it('marks the check-in day itself as the first day of a new period', () => {
    const period = checkInPeriodAt(new Date('2026-11-30T09:30:00Z'), weekly, 'Etc/UTC');
    expect(period.key).toBe('2026-11-30');
    expect(period.isCheckInDay).toBe(true);
  });

  it('uses the spreadsheet zone, not UTC, to decide which day it is', () => {
    // 23:30 UTC on Sunday is already Monday 08:30 in Tokyo.
    const tokyo = checkInPeriodAt(new Date('2026-11-29T23:30:00Z'), weekly, 'Asia/Tokyo');
    expect(tokyo.key).toBe('2026-11-30');
    expect(tokyo.isCheckInDay).toBe(true);
    expect(tokyo.start.toISOString()).toBe('2026-11-29T15:00:00.000Z');
    const utc = checkInPeriodAt(new Date('2026-11-29T23:30:00Z'), weekly, 'Etc/UTC');
    expect(utc.key).toBe('2026-11-23');
  });

  it('keeps local midnight across a daylight-saving change', () => {
    // Europe/Berlin leaves summer time on Sunday 2026-10-25.
    const period = checkInPeriodAt(new Date('2026-10-28T12:00:00Z'), weekly, 'Europe/Berlin');
    expect(period.start.toISOString()).toBe('2026-10-25T23:00:00.000Z');
    const before = previousPeriod(period, weekly, 'Europe/Berlin');
    expect(before.start.toISOString()).toBe('2026-10-18T22:00:00.000Z');
    expect(before.end.toISOString()).toBe(period.start.toISOString());
  });

  it('lines fortnightly periods up with the first check-in day of the cycle', () => {
    const fortnightly = {
      checkInDay: 'Friday' as const,
      checkInPeriodDays: 14,
      // Thursday 2026-10-01: the first Friday is 2026-10-02.
      cycleStart: new Date('2026-10-01T00:00:00Z'),
    };
    expect(checkInPeriodAt(new Date('2026-10-15T12:00:00Z'), fortnightly, 'Etc/UTC').key).toBe(
      '2026-10-02',
    );
    expect(checkInPeriodAt(new Date('2026-10-16T12:00:00Z'), fortnightly, 'Etc/UTC').key).toBe(
      '2026-10-16',
    );
    expect(checkInPeriodAt(new Date('2026-10-29T12:00:00Z'), fortnightly, 'Etc/UTC').key).toBe(
      '2026-10-16',
    );
  });
});

describe('nextReminderAt', () => {
  const settings = { ...weekly, reminderHour: 9 };

  it('is today at the reminder hour on a check-in day before that hour', () => {
    const next = nextReminderAt(new Date('2026-11-30T07:00:00Z'), settings, 'Etc/UTC');
    expect(next.toISOString()).toBe('2026-11-30T09:00:00.000Z');
  });

  it('is the next check-in day once the reminder hour is over', () => {
    const next = nextReminderAt(new Date('2026-11-30T11:00:00Z'), settings, 'Etc/UTC');
    expect(next.toISOString()).toBe('2026-12-07T09:00:00.000Z');
  });

  it('reads the hour in the spreadsheet zone', () => {
    const next = nextReminderAt(new Date('2026-11-25T00:00:00Z'), settings, 'America/New_York');
    expect(next.toISOString()).toBe('2026-11-30T14:00:00.000Z');
  });
});

describe('zonedTime', () => {
  it('round-trips a wall-clock time through zonedInstant', () => {
    const instant = zonedInstant(
      zonedTime(new Date('2026-03-29T00:30:00Z'), 'Europe/London').day,
      9,
      'Europe/London',
    );
    expect(instant.toISOString()).toBe('2026-03-29T08:00:00.000Z');
  });
});
