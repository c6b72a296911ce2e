import { describe, expect, it } from 'vitest';
import { calendarRows, cycleEvents } from '../../../src/workbook/calendar';
import { daysBetween } from '../../../src/core/wallClock';
import type { OkrSettings } from '../../../src/core/settings';
import { okrSettings } from '../../fixtures/settings';

function settings(overrides: Partial<OkrSettings> = {}): OkrSettings {
  return okrSettings({
    cycleStart: new Date(Date.UTC(2026, 9, 1)), // Thursday 1 October 2026
    cycleEnd: new Date(Date.UTC(2026, 11, 31)), // Thursday 31 December 2026
    reportDate: new Date(Date.UTC(2026, 9, 15)),
    checkInDay: 'Friday',
    ...overrides,
  });
}

const iso = (date: Date): string =>
  `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;

describe('cycleEvents', () => {
  it('starts with a planning week ending the day before the cycle', () => {
    const events = cycleEvents(settings());
    const planning = events.filter((event) => event.kind === 'planning');
    expect(planning.map((event) => iso(event.date))).toEqual(['2026-09-24', '2026-09-30']);
    expect(events[0]!.kind).toBe('planning');
  });

  it('puts a check-in on every check-in weekday inside the cycle', () => {
    const checkIns = cycleEvents(settings()).filter((event) => event.kind === 'check-in');
    expect(checkIns.every((event) => event.date.getUTCDay() === 5)).toBe(true);
    expect(iso(checkIns[0]!.date)).toBe('2026-10-02');
    expect(iso(checkIns.at(-1)!.date)).toBe('2026-12-25');
    expect(checkIns).toHaveLength(13);
  });

  it('spaces fortnightly check-ins 14 days apart', () => {
    const checkIns = cycleEvents(settings({ checkInPeriodDays: 14 })).filter(
      (event) => event.kind === 'check-in',
    );
    for (let index = 1; index < checkIns.length; index++) {
      expect(daysBetween(checkIns[index - 1]!.date, checkIns[index]!.date)).toBe(14);
    }
    expect(checkIns).toHaveLength(7);
  });

  it('holds a review every Monday of the cycle', () => {
    const mondays = cycleEvents(settings()).filter((event) => event.kind === 'monday review');
    expect(mondays.every((event) => event.date.getUTCDay() === 1)).toBe(true);
    expect(iso(mondays[0]!.date)).toBe('2026-10-05');
    expect(iso(mondays.at(-1)!.date)).toBe('2026-12-28');
  });

  it('places the mid-cycle review on the working day at the midpoint', () => {
    const [mid] = cycleEvents(settings()).filter((event) => event.kind === 'mid-cycle review');
    // 91 days: the midpoint is 15 November 2026, a Sunday, so the review moves to Monday.
    expect(iso(mid!.date)).toBe('2026-11-16');
  });

  it('ends with the end-of-cycle review and then the retrospective on working days', () => {
    const events = cycleEvents(settings({ cycleEnd: new Date(Date.UTC(2027, 0, 3)) })); // a Sunday
    const review = events.find((event) => event.kind === 'end-of-cycle review')!;
    const retro = events.find((event) => event.kind === 'retrospective')!;
    expect(iso(review.date)).toBe('2027-01-01');
    expect(iso(retro.date)).toBe('2027-01-04');
    expect(events.at(-1)).toBe(retro);
  });

  it('lists events in date order', () => {
    const times = cycleEvents(settings()).map((event) => event.date.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('asks for the cycle dates when Settings lacks them', () => {
    expect(() => cycleEvents(settings({ cycleEnd: null }))).toThrow(/Cycle Start or Cycle End/);
  });

  it('refuses a cycle shorter than a week', () => {
    expect(() => cycleEvents(settings({ cycleEnd: new Date(Date.UTC(2026, 9, 3)) }))).toThrow(
      /at least a week/,
    );
  });
});

describe('calendarRows', () => {
  it('numbers cycle weeks from 1 and the planning week as 0', () => {
    const rows = calendarRows(settings());
    expect(rows[0]).toEqual(['Date', 'Day', 'Week', 'Event', 'What happens']);
    const planning = rows.find((row) => row[3] === 'Planning week begins')!;
    expect(planning[2]).toBe(0);
    const start = rows.find((row) => row[3] === "'2026 Q4 begins")!;
    expect(start[1]).toBe('Thursday');
    expect(start[2]).toBe(1);
    const retro = rows.find((row) => row[3] === 'Retrospective')!;
    expect(retro[2]).toBe(14);
  });
});
