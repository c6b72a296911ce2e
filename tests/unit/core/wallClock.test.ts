import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  cellsToInstants,
  cellsToWallClock,
  daysBetween,
  instantOf,
  wallClockOf,
} from '../../../src/core/wallClock';

const ZONES = [
  'America/Los_Angeles',
  'America/New_York',
  'America/Santiago',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Etc/UTC',
];

describe('wall-clock dates', () => {
  it('read a date cell, midnight in the spreadsheet zone, as that day at 00:00 UTC', () => {
    // Midnight of 2026-01-05 in Kolkata (UTC+5:30) is 18:30 UTC the day before.
    expect(wallClockOf(new Date(Date.UTC(2026, 0, 4, 18, 30)), 'Asia/Kolkata').getTime()).toBe(
      Date.UTC(2026, 0, 5),
    );
    // Midnight of 2026-01-05 in Kiritimati (UTC+14) is 10:00 UTC the day before.
    expect(wallClockOf(new Date(Date.UTC(2026, 0, 4, 10)), 'Pacific/Kiritimati').getTime()).toBe(
      Date.UTC(2026, 0, 5),
    );
    expect(wallClockOf(new Date(Date.UTC(2026, 0, 5, 8)), 'America/Los_Angeles').getTime()).toBe(
      Date.UTC(2026, 0, 5),
    );
  });

  it('write a wall-clock day back as the instant of its midnight in the zone', () => {
    expect(instantOf(new Date(Date.UTC(2026, 6, 1)), 'America/Los_Angeles').getTime()).toBe(
      Date.UTC(2026, 6, 1, 7),
    );
    expect(instantOf(new Date(Date.UTC(2026, 0, 5)), 'Pacific/Kiritimati').getTime()).toBe(
      Date.UTC(2026, 0, 4, 10),
    );
  });

  it('round-trip every minute-precise instant in every zone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1) / 60_000, max: Date.UTC(2060, 0, 1) / 60_000 }),
        fc.constantFrom(...ZONES),
        (minutes, zone) => {
          const instant = new Date(minutes * 60_000);
          const back = instantOf(wallClockOf(instant, zone), zone).getTime();
          // An hour repeated when clocks fall back reads the same twice; either instant is right.
          expect(Math.abs(back - instant.getTime())).toBeLessThanOrEqual(3_600_000);
          expect(wallClockOf(new Date(back), zone).getTime()).toBe(
            wallClockOf(instant, zone).getTime(),
          );
        },
      ),
    );
  });

  it('keep every calendar day, even where its midnight is skipped by daylight saving', () => {
    // Santiago moves clocks from 00:00 to 01:00 on 2026-09-06: that day starts at 01:00.
    const day = new Date(Date.UTC(2026, 8, 6));
    const stored = instantOf(day, 'America/Santiago');
    expect(wallClockOf(stored, 'America/Santiago').getTime()).toBe(Date.UTC(2026, 8, 6, 1));
    fc.assert(
      fc.property(
        fc.integer({
          min: Date.UTC(1990, 0, 1) / 86_400_000,
          max: Date.UTC(2060, 0, 1) / 86_400_000,
        }),
        fc.constantFrom(...ZONES),
        (dayNumber, zone) => {
          const wallClock = new Date(dayNumber * 86_400_000);
          const read = wallClockOf(instantOf(wallClock, zone), zone);
          expect(Math.floor(read.getTime() / 86_400_000)).toBe(dayNumber);
        },
      ),
    );
  });

  it('count days across daylight-saving changes as whole days', () => {
    const march = new Date(Date.UTC(2026, 2, 1));
    const april = addDays(march, 31);
    expect(april.getTime()).toBe(Date.UTC(2026, 3, 1));
    expect(daysBetween(march, april)).toBe(31);
    expect(daysBetween(new Date(Date.UTC(2026, 2, 1, 23)), new Date(Date.UTC(2026, 2, 2, 1)))).toBe(
      1,
    );
  });

  it('convert only the Date cells of sheet values, leaving text, numbers and blanks alone', () => {
    const values: unknown[][] = [
      ['Start', 5, '', true],
      [new Date(Date.UTC(2026, 0, 4, 18, 30)), '2026-01-05', 46027, 'x'],
    ];
    const read = cellsToWallClock(values, 'Asia/Kolkata');
    expect(read[0]).toEqual(['Start', 5, '', true]);
    expect((read[1]![0] as Date).getTime()).toBe(Date.UTC(2026, 0, 5));
    expect(read[1]!.slice(1)).toEqual(['2026-01-05', 46027, 'x']);
    const written = cellsToInstants(read, 'Asia/Kolkata');
    expect((written[1]![0] as Date).getTime()).toBe(Date.UTC(2026, 0, 4, 18, 30));
  });
});
