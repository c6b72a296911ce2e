import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SETTING_LABELS } from '../../../src/core/settings';
import { describeProblem } from '../../../src/workbook/problems';
import {
  addMonths,
  defaultSettingRows,
  defaultSettings,
  nextCycle,
  parseSettings,
  quarterOf,
  settingsRows,
} from '../../../src/workbook/settings';

const today = new Date(Date.UTC(2026, 10, 23, 15, 45));
const sheet = (...rows: unknown[][]): unknown[][] => [['Setting', 'Value'], ...rows];
const parse = (...rows: unknown[][]) => parseSettings(sheet(...rows), today);
const messages = (rows: unknown[][]): string[] =>
  parseSettings(sheet(...rows), today).problems.map(describeProblem);

describe('defaultSettings', () => {
  it('uses the calendar quarter of today, Friday weekly check-ins at 9 and the usual thresholds', () => {
    expect(defaultSettings(today)).toEqual({
      cycleName: '2026-Q4',
      cycleStart: new Date(Date.UTC(2026, 9, 1)),
      cycleEnd: new Date(Date.UTC(2026, 11, 31)),
      reportDate: new Date(Date.UTC(2026, 10, 23)),
      checkInDay: 'Friday',
      checkInPeriodDays: 7,
      reminderHour: 9,
      atRiskGap: 0.1,
      offTrackGap: 0.25,
      minObjectives: 3,
      maxObjectives: 5,
      minKeyResultsPerObjective: 3,
      maxKeyResultsPerObjective: 5,
      digestRecipients: [],
      cycleLengthMonths: 3,
      cycleClosed: false,
    });
  });
});

describe('quarterOf', () => {
  it('finds the quarter at its first and last day', () => {
    expect(quarterOf(new Date(Date.UTC(2027, 0, 1)))).toEqual({
      cycleName: '2027-Q1',
      cycleStart: new Date(Date.UTC(2027, 0, 1)),
      cycleEnd: new Date(Date.UTC(2027, 2, 31)),
    });
    expect(quarterOf(new Date(Date.UTC(2026, 5, 30, 23, 59)))).toMatchObject({
      cycleName: '2026-Q2',
      cycleEnd: new Date(Date.UTC(2026, 5, 30)),
    });
  });
});

describe('addMonths', () => {
  it('clamps to the end of shorter months', () => {
    expect(addMonths(new Date(Date.UTC(2026, 0, 31)), 1)).toEqual(new Date(Date.UTC(2026, 1, 28)));
    expect(addMonths(new Date(Date.UTC(2026, 10, 15)), 3)).toEqual(new Date(Date.UTC(2027, 1, 15)));
  });
});

describe('parseSettings', () => {
  it('falls back to the defaults for an empty or blank sheet', () => {
    expect(parseSettings([], today)).toEqual({ settings: defaultSettings(today), problems: [] });
    expect(parse(['Reminder Hour', ''], ['Cycle Name', '  '])).toEqual({
      settings: defaultSettings(today),
      problems: [],
    });
  });
  it('reads every setting as people type it', () => {
    const { settings, problems } = parse(
      ['Cycle Name', 'FY27 H1'],
      ['Cycle Start', new Date(Date.UTC(2027, 0, 1))],
      ['Cycle End', '2027-06-30'],
      ['Report Date', new Date(Date.UTC(2026, 11, 1))],
      ['Check-in Day', 'mon'],
      ['Check-in Period (days)', 'Fortnightly'],
      ['Reminder Hour', '5 pm'],
      ['At Risk Gap', '15%'],
      ['Off Track Gap', 30],
      ['Min Objectives', 2],
      ['Max Objectives', '4'],
      ['Min KRs per Objective', 2],
      ['Max KRs per Objective', 6],
      ['Digest Recipients', 'ana@example.com; bo@example.com\ncy@example.com'],
      ['Cycle Length (months)', 6],
      ['Cycle Closed', 'yes'],
    );
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      cycleName: 'FY27 H1',
      cycleStart: new Date(Date.UTC(2027, 0, 1)),
      cycleEnd: new Date(Date.UTC(2027, 5, 30)),
      reportDate: new Date(Date.UTC(2026, 11, 1)),
      checkInDay: 'Monday',
      checkInPeriodDays: 14,
      reminderHour: 17,
      atRiskGap: 0.15,
      offTrackGap: 0.3,
      minObjectives: 2,
      maxObjectives: 4,
      minKeyResultsPerObjective: 2,
      maxKeyResultsPerObjective: 6,
      digestRecipients: ['ana@example.com', 'bo@example.com', 'cy@example.com'],
      cycleLengthMonths: 6,
      cycleClosed: true,
    });
  });
  it('matches labels ignoring case, spaces, punctuation and the unit in brackets', () => {
    const { settings } = parse(
      ['  reminder_hour ', 8],
      ['CHECK IN PERIOD', 14],
      ['check-in day', 'Tuesday'],
    );
    expect(settings).toMatchObject({
      reminderHour: 8,
      checkInPeriodDays: 14,
      checkInDay: 'Tuesday',
    });
  });
  it('reads the reminder hour from a time cell', () => {
    expect(
      parse(['Reminder Hour', new Date(Date.UTC(1899, 11, 30, 7, 0))]).settings.reminderHour,
    ).toBe(7);
    expect(parse(['Reminder Hour', '12 am']).settings.reminderHour).toBe(0);
    expect(parse(['Reminder Hour', '12pm']).settings.reminderHour).toBe(12);
  });
  it('takes the dates of a quarter named in Cycle Name when the dates are blank', () => {
    expect(parse(['Cycle Name', '2027-Q2']).settings).toMatchObject({
      cycleStart: new Date(Date.UTC(2027, 3, 1)),
      cycleEnd: new Date(Date.UTC(2027, 5, 30)),
    });
    expect(parse(['Cycle Name', 'Q1 2027']).settings).toMatchObject({
      cycleStart: new Date(Date.UTC(2027, 0, 1)),
      cycleEnd: new Date(Date.UTC(2027, 2, 31)),
    });
  });
  it('ends a cycle with only a start after the cycle length, and names it by its dates', () => {
    const { settings } = parse(['Cycle Start', '2027-01-15'], ['Cycle Length (months)', 6]);
    expect(settings).toMatchObject({
      cycleStart: new Date(Date.UTC(2027, 0, 15)),
      cycleEnd: new Date(Date.UTC(2027, 6, 14)),
      cycleName: '2027-01-15 – 2027-07-14',
    });
  });
  it('names a cycle that is exactly a quarter after the quarter', () => {
    expect(parse(['Cycle Start', '2027-04-01']).settings.cycleName).toBe('2027-Q2');
  });
  it('reports unreadable values with their row, keeping the default', () => {
    const result = parse(
      ['Cycle Start', 'soon'],
      ['Reminder Hour', 25],
      ['Check-in Day', 'Someday'],
      ['At Risk Gap', '#N/A'],
      ['Check-in Period (days)', 10],
      ['Digest Recipients', 'ana@example.com, Bo'],
    );
    expect(result.settings).toMatchObject({
      cycleStart: new Date(Date.UTC(2026, 9, 1)),
      reminderHour: 9,
      checkInDay: 'Friday',
      atRiskGap: 0.1,
      checkInPeriodDays: 7,
      digestRecipients: [],
    });
    expect(result.problems.map(describeProblem)).toEqual([
      'Settings row 2, column Value: Cycle Start: "soon" is not a date. Type a date such as 2026-10-01.',
      'Settings row 3, column Value: Reminder Hour: 25 is not an hour of the day. Type a whole hour from 0 to 23 such as 9.',
      'Settings row 4, column Value: Check-in Day: "Someday" is not a day of the week. Type a day such as Friday.',
      'Settings row 5, column Value: At Risk Gap: The cell shows the error #N/A. Fix the formula, or type a value in its place.',
      'Settings row 6, column Value: Check-in Period (days): 10 days is not a check-in period. Type 7 for weekly or 14 for fortnightly check-ins.',
      'Settings row 7, column Value: Digest Recipients: "Bo" is not an email address. Separate email addresses with commas, such as ana@example.com, bo@example.com.',
    ]);
  });
  it('rejects gaps above 100% and counts that are not whole numbers', () => {
    expect(
      messages([
        ['Off Track Gap', '150%'],
        ['Max Objectives', 2.5],
      ]),
    ).toEqual([
      'Settings row 2, column Value: Off Track Gap: "150%" is not a gap between 0% and 100%. Type a percentage such as 10%.',
      'Settings row 3, column Value: Max Objectives: 2.5 is not a whole number of objectives from 1 to 100. Type a number such as 3.',
    ]);
  });
  it('reports settings that contradict each other and uses the defaults for them', () => {
    const result = parse(
      ['Cycle Start', '2027-01-01'],
      ['Cycle End', '2026-12-01'],
      ['At Risk Gap', 0.3],
      ['Off Track Gap', 0.2],
      ['Min Objectives', 6],
    );
    expect(result.settings).toMatchObject({
      cycleEnd: new Date(Date.UTC(2027, 2, 31)),
      atRiskGap: 0.1,
      offTrackGap: 0.25,
      minObjectives: 3,
      maxObjectives: 5,
    });
    expect(result.problems.map(describeProblem)).toEqual([
      'Settings row 3, column Value: Cycle End 2026-12-01 is before Cycle Start 2027-01-01. Type an end date after the start.',
      'Settings row 5, column Value: Off Track Gap 20% is smaller than At Risk Gap 30%. Type a larger Off Track Gap, such as 25% with an At Risk Gap of 10%.',
      'Settings row 6, column Value: Max Objectives 5 is below Min Objectives 6. Type a maximum at least as large as the minimum.',
    ]);
  });
  it('uses the first of two rows with the same label and reports the second', () => {
    const result = parse(['Reminder Hour', 8], ['Reminder Hour', 10]);
    expect(result.settings.reminderHour).toBe(8);
    expect(result.problems.map(describeProblem)).toEqual([
      'Settings row 3, column Setting: Reminder Hour is already set in row 2, so this row is ignored. Delete one of the two rows.',
    ]);
  });
  it('ignores rows with labels it does not know', () => {
    expect(parse(['Our motto', 'Focus'], ['Reminder Hour', 6])).toEqual({
      settings: { ...defaultSettings(today), reminderHour: 6 },
      problems: [],
    });
  });
  it('finds the Setting and Value columns anywhere in the header row', () => {
    const result = parseSettings(
      [
        ['Note', 'Value', 'Setting'],
        ['', 11, 'Reminder Hour'],
      ],
      today,
    );
    expect(result.settings.reminderHour).toBe(11);
  });
  it('reads columns A and B from row 1 when the sheet has no header', () => {
    expect(parseSettings([['Reminder Hour', 6]], today).settings.reminderHour).toBe(6);
  });
  it('never throws on any values', () => {
    const label = fc.constantFrom(...Object.values(SETTING_LABELS), 'Setting', 'Value', '');
    const cell = fc.oneof(
      fc.anything(),
      fc.date(),
      fc.double(),
      fc.string(),
      fc.constantFrom('#REF!', '45%', '2026-Q1', 'fri', '9 am'),
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.tuple(label, cell), fc.array(cell, { maxLength: 3 })), {
          maxLength: 20,
        }),
        fc.date({ noInvalidDate: true }),
        (rows, day) => {
          const result = parseSettings(rows as unknown[][], day);
          expect(result.settings.atRiskGap).toBeLessThanOrEqual(result.settings.offTrackGap);
          expect(result.settings.minObjectives).toBeLessThanOrEqual(result.settings.maxObjectives);
        },
      ),
    );
  });
});

describe('settingsRows', () => {
  it('writes a header and one labelled row per setting', () => {
    const rows = settingsRows(defaultSettings(today));
    expect(rows[0]).toEqual(['Setting', 'Value']);
    expect(rows.slice(1).map((row) => row[0])).toEqual(Object.values(SETTING_LABELS));
    expect(rows).toContainEqual(['Cycle Start', new Date(Date.UTC(2026, 9, 1))]);
    expect(rows).toContainEqual(['Digest Recipients', '']);
    expect(rows).toContainEqual(['Cycle Closed', false]);
  });
  it('reads back as the same settings', () => {
    const settings = {
      ...defaultSettings(today),
      digestRecipients: ['ana@example.com', 'bo@example.com'],
      checkInDay: 'Monday' as const,
      atRiskGap: 0.05,
    };
    expect(parseSettings(settingsRows(settings), today)).toEqual({ settings, problems: [] });
  });
  it('reads back the defaults of any day', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(1990, 0, 1)),
          max: new Date(Date.UTC(2200, 0, 1)),
          noInvalidDate: true,
        }),
        (day) => {
          expect(parseSettings(settingsRows(defaultSettings(day)), day).settings).toEqual(
            defaultSettings(day),
          );
        },
      ),
    );
  });
});

describe('defaultSettingRows', () => {
  it('gives the label/value pairs without a header', () => {
    const rows = defaultSettingRows(today);
    expect(rows).toHaveLength(Object.keys(SETTING_LABELS).length);
    expect(rows[0]).toEqual(['Cycle Name', '2026-Q4']);
  });
});

describe('nextCycle', () => {
  it('opens the quarter after the current one', () => {
    expect(nextCycle(defaultSettings(today), today)).toEqual({
      cycleName: '2027-Q1',
      cycleStart: new Date(Date.UTC(2027, 0, 1)),
      cycleEnd: new Date(Date.UTC(2027, 2, 31)),
    });
  });
  it('keeps a custom cycle length', () => {
    const settings = {
      ...defaultSettings(today),
      cycleEnd: new Date(Date.UTC(2027, 0, 14)),
      cycleLengthMonths: 6,
    };
    expect(nextCycle(settings, today)).toEqual({
      cycleName: '2027-01-15 – 2027-07-14',
      cycleStart: new Date(Date.UTC(2027, 0, 15)),
      cycleEnd: new Date(Date.UTC(2027, 6, 14)),
    });
  });
});
