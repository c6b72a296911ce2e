/**
 * Weekly reminders in the built bundle, run by the emulator with a moving clock on the example
 * workbook (check-in day Friday, reminder hour 9, on the spreadsheet's clock in any zone).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../preview/emulator/index';
import type { ReminderPreview, ReminderPreviewEmail } from '../../src/shared/reminders';
import { attachFormulaEvaluator } from '../../preview/emulator/formulas/index.js';
import { buildBundle } from './bundle';
import {
  DAY,
  FIRST_FRIDAY,
  addCheckIns,
  exampleEmulator,
  growTo,
  keyResultsByOwner,
  reminderLog,
  setKeyResultCell,
  setSetting,
  sheetValues,
  weekOf,
} from './reminderWorkbook';
import { onSpreadsheetClock, SPREADSHEET_TIME_ZONE, spreadsheetWeekday } from './spreadsheetClock';

beforeAll(buildBundle);

const HOUR = 3_600_000;
const MAYA = 'maya@example.com';
const LI = 'li@example.com';
const PRIYA = 'priya@example.com';

function turnedOn(emulator: Emulator): Emulator {
  emulator.call('turnOnReminders');
  return emulator;
}

/** Recipients of reminder emails sent at the `week`th Friday's run. */
function remindedOn(emulator: Emulator, week: number): string[] {
  const friday = FIRST_FRIDAY + week * 7 * DAY;
  return emulator.outbox
    .filter(
      (email) =>
        email.at >= friday && email.at < friday + DAY && email.subject.startsWith('Check-in due'),
    )
    .map((email) => email.to)
    .sort();
}

describe('weekly reminders over four weeks', () => {
  it('emails each owner who is behind exactly once a week and up-to-date owners never', () => {
    const emulator = turnedOn(exampleEmulator());
    const owners = keyResultsByOwner(emulator);
    expect([...owners.keys()]).toEqual(expect.arrayContaining([MAYA, LI, PRIYA]));
    for (let week = 0; week < 4; week++) {
      const friday = FIRST_FRIDAY + week * 7 * DAY;
      emulator.runDueTriggers(friday + 7 * HOUR);
      // Maya and Li check in on everything each Friday before the 9:00 run; Priya only in week 2.
      addCheckIns(emulator, [...owners.get(MAYA)!, ...owners.get(LI)!], friday + 8 * HOUR);
      if (week === 1) addCheckIns(emulator, owners.get(PRIYA)!, friday + 8 * HOUR);
    }
    emulator.runDueTriggers(FIRST_FRIDAY + 27 * DAY);

    const log = reminderLog(emulator);
    const firstWeek = log.filter((row) => row.period === '2026-11-20');
    const expected = firstWeek
      .filter((row) => row.outcome === 'sent')
      .map((row) => row.recipient)
      .sort();
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(expected).not.toContain(MAYA);
    expect(expected).not.toContain(LI);
    expect(expected).toContain(PRIYA);
    for (let week = 0; week < 4; week++) {
      expect(remindedOn(emulator, week)).toEqual(
        week === 1 ? expected.filter((owner) => owner !== PRIYA) : expected,
      );
      const period = weekOf(FIRST_FRIDAY + week * 7 * DAY);
      const upToDate = log.filter((row) => row.period === period && row.outcome === 'up to date');
      expect(upToDate.map((row) => row.recipient).sort()).toEqual(
        week === 1 ? [LI, MAYA, PRIYA] : [LI, MAYA],
      );
    }
    // Nothing on the other days, and one email per owner per week.
    const perWeek = new Map<string, number>();
    for (const email of emulator.outbox) {
      expect(spreadsheetWeekday(email.at)).toBe(5);
      const key = `${weekOf(email.at)} ${email.to}`;
      perWeek.set(key, (perWeek.get(key) ?? 0) + 1);
    }
    expect(Math.max(...perWeek.values())).toBe(1);
  });

  it('lists only the KRs an owner has not checked in on, with a link to the spreadsheet', () => {
    const emulator = turnedOn(exampleEmulator());
    emulator.clock.set(new Date(FIRST_FRIDAY + 8 * HOUR));
    const preview = emulator.call('getReminderPreview') as ReminderPreview;
    const listed = [...preview.emails].sort(
      (a, b) => b.keyResults.length - a.keyResults.length,
    )[0]!;
    const owner = listed.to;
    const ids = listed.keyResults.map((keyResult) => keyResult.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    addCheckIns(emulator, [ids[0]!], FIRST_FRIDAY + 8 * HOUR);
    emulator.runDueTriggers(FIRST_FRIDAY + 10 * HOUR);
    const email = emulator.outbox.find((message) => message.to === owner)!;
    expect(email.htmlBody).not.toContain(`>${ids[0]}<`);
    for (const id of ids.slice(1)) expect(email.htmlBody).toContain(`>${id}<`);
    expect(email.body).toContain(emulator.uncounted(() => emulator.spreadsheet.getUrl()));
    // The Friday on the spreadsheet's clock, whatever the script's or the process's zone.
    expect(email.body).toContain('The check-in period started on Fri 20 Nov 2026');
    const row = reminderLog(emulator).find((entry) => entry.recipient === owner)!;
    expect(row.keyResults).toBe(ids.slice(1).join(', '));
  });

  it('sends nothing new when the same day runs again', () => {
    const emulator = turnedOn(exampleEmulator());
    emulator.runDueTriggers(FIRST_FRIDAY + 10 * HOUR);
    const sent = emulator.outbox.length;
    const sentRows = reminderLog(emulator).filter((row) => row.outcome === 'sent').length;
    expect(sent).toBeGreaterThan(0);
    emulator.runTrigger(emulator.triggers.triggers[0]!.id);
    emulator.call('sendRemindersNow');
    expect(emulator.outbox.length).toBe(sent);
    expect(reminderLog(emulator).filter((row) => row.outcome === 'sent').length).toBe(sentRows);
  });

  it('defers what a quota of 3 cannot send to the next day, and sends each of those once', () => {
    const emulator = turnedOn(exampleEmulator({ mailQuota: 3 }));
    emulator.runDueTriggers(FIRST_FRIDAY + 10 * HOUR);
    expect(emulator.outbox).toHaveLength(3);
    const deferred = reminderLog(emulator).filter((row) => row.outcome === 'deferred: quota');
    expect(deferred.length).toBeGreaterThan(0);
    // The emulator's quota does not refill by itself; Apps Script's refills daily.
    emulator.mail.remainingDailyQuota = 100;
    emulator.runDueTriggers(FIRST_FRIDAY + DAY + 10 * HOUR);
    const saturday = emulator.outbox.filter((email) => email.at >= FIRST_FRIDAY + DAY);
    expect(saturday.map((email) => email.to).sort()).toEqual(
      deferred.map((row) => row.recipient).sort(),
    );
    const recipients = emulator.outbox.map((email) => email.to);
    expect(new Set(recipients).size).toBe(recipients.length);
    // Sunday's run has nothing left to do.
    emulator.runDueTriggers(FIRST_FRIDAY + 2 * DAY + 10 * HOUR);
    expect(emulator.outbox).toHaveLength(recipients.length);
  });

  it('stops a run nearing the 6-minute limit cleanly and sends the rest the next day', () => {
    const emulator = turnedOn(exampleEmulator());
    emulator.runDueTriggers(FIRST_FRIDAY);
    // Each email takes two minutes on a slow day: after the third, the run is past 4½ minutes.
    emulator.calls.beforeCall = (call) => {
      if (call === 'MailApp.sendEmail') emulator.clock.advance(2 * 60_000);
    };
    emulator.runDueTriggers(FIRST_FRIDAY + 10 * HOUR);
    expect(emulator.outbox).toHaveLength(3);
    const deferred = reminderLog(emulator).filter((row) => row.outcome === 'deferred: time limit');
    expect(deferred.length).toBeGreaterThan(0);
    emulator.calls.beforeCall = null;
    emulator.runDueTriggers(FIRST_FRIDAY + DAY + 10 * HOUR);
    const saturday = emulator.outbox.filter((email) => email.at >= FIRST_FRIDAY + DAY);
    expect(saturday.map((email) => email.to).sort()).toEqual(
      deferred.map((row) => row.recipient).sort(),
    );
  });

  it('logs an owner cell that is not an email address and still reminds everyone else', () => {
    const emulator = turnedOn(exampleEmulator());
    const [samKeyResult] = keyResultsByOwner(emulator).get('sam@example.com')!;
    setKeyResultCell(emulator, samKeyResult!, 'Owner', 'Sam in Sales');
    emulator.runDueTriggers(FIRST_FRIDAY + 10 * HOUR);
    expect(reminderLog(emulator)).toContainEqual(
      expect.objectContaining({
        recipient: 'Sam in Sales',
        keyResults: samKeyResult,
        outcome: 'skipped: invalid email',
      }),
    );
    expect(emulator.outbox.length).toBeGreaterThan(2);
  });

  it('sends the weekly digest to the digest recipients once a period', () => {
    const emulator = turnedOn(exampleEmulator());
    setSetting(emulator, 'Digest Recipients', 'lead@example.com');
    emulator.runDueTriggers(FIRST_FRIDAY + 8 * DAY);
    const digests = emulator.outbox.filter((email) => email.to === 'lead@example.com');
    expect(digests.map((email) => weekOf(email.at))).toEqual(['2026-11-20', '2026-11-27']);
    expect(digests[0]!.subject).toMatch(
      /^OKR digest for .*: \d+ at risk or off track, \d+ missed check-ins?$/,
    );
  });
});

describe('reading Check-ins', () => {
  it('counts check-ins typed below thousands of older ones, reading only the newest rows', () => {
    const emulator = turnedOn(exampleEmulator());
    const owners = keyResultsByOwner(emulator);
    const everyKeyResult = [...owners.values()].flat();
    const history = Array.from(
      { length: 6_000 },
      (_, i) => everyKeyResult[i % everyKeyResult.length]!,
    );
    addCheckIns(emulator, history, FIRST_FRIDAY - 30 * DAY);
    // Typed into the sheet, so the Key Results rows do not show them.
    addCheckIns(emulator, owners.get(MAYA)!, FIRST_FRIDAY + 8 * HOUR);
    emulator.calls.reset();
    emulator.runDueTriggers(FIRST_FRIDAY + 10 * HOUR);
    expect(remindedOn(emulator, 0)).not.toContain(MAYA);
    expect(remindedOn(emulator, 0)).toContain(PRIYA);
    // The history alone is 6,000 rows of 9 cells.
    expect(emulator.calls.cells().read).toBeLessThan(3_000);
  });

  it('says where a key result lands as its Forecast cell does, without reading its history', () => {
    const emulator = turnedOn(exampleEmulator());
    attachFormulaEvaluator(emulator);
    emulator.clock.set(new Date(FIRST_FRIDAY + 8 * HOUR));
    const values = sheetValues(emulator, 'Key Results');
    const forecastColumn = values[0]!.indexOf('Forecast');
    const forecasted = values.find(
      (cells) => typeof cells[forecastColumn] === 'number' && cells[forecastColumn] !== 0,
    )!;
    emulator.runDueTriggers(FIRST_FRIDAY + 10 * HOUR);
    const percent = `${Math.round((forecasted[forecastColumn] as number) * 100)}%`;
    const lines = emulator.outbox.flatMap((email) => email.body.split('\n'));
    const card = lines.slice(lines.findIndex((line) => line.startsWith(`- ${forecasted[0]}:`)));
    expect(card.slice(1, 5).find((line) => line.includes('At this pace'))).toContain(
      `At this pace: ${percent}`,
    );
  });

  it('leaves out of the digest an owner who checked in last period and again this one', () => {
    const emulator = turnedOn(exampleEmulator());
    setSetting(emulator, 'Digest Recipients', 'lead@example.com');
    const owners = keyResultsByOwner(emulator);
    addCheckIns(emulator, owners.get(MAYA)!, FIRST_FRIDAY + 8 * HOUR);
    addCheckIns(emulator, owners.get(MAYA)!, FIRST_FRIDAY + 7 * DAY + 8 * HOUR);
    emulator.runDueTriggers(FIRST_FRIDAY + 7 * DAY + 10 * HOUR);
    const digest = emulator.outbox.filter((email) => email.to === 'lead@example.com').pop()!;
    const missed = digest.body.slice(digest.body.indexOf('Missed check-ins'));
    expect(missed).toContain(PRIYA);
    expect(missed).not.toContain(MAYA);
  });
});

describe('the reminder trigger', () => {
  it('stays one trigger when reminders are turned on twice, and is gone after Turn off', () => {
    const emulator = exampleEmulator();
    emulator.call('turnOnReminders');
    emulator.call('turnOnReminders');
    expect(emulator.triggers.triggers).toHaveLength(1);
    expect(emulator.triggers.triggers[0]).toMatchObject({
      handlerFunction: 'runDailyReminders',
      schedule: { everyDays: 1, atHour: 9, timeZone: SPREADSHEET_TIME_ZONE },
    });
    expect(emulator.ui.alerts.at(-1)!.prompt).toContain(
      'The next reminders go out on Fri 20 Nov 2026 between 09:00 and 10:00',
    );
    emulator.call('turnOffReminders');
    expect(emulator.triggers.triggers).toHaveLength(0);
  });

  it('lets two people each keep a trigger without emailing an owner twice in a period', () => {
    const emulator = turnedOn(exampleEmulator());
    emulator.setActiveUser('lead@example.com');
    emulator.call('turnOnReminders');
    expect(emulator.triggers.triggers.map((trigger) => trigger.owner).sort()).toEqual([
      'lead@example.com',
      'owner@example.com',
    ]);
    emulator.runDueTriggers(FIRST_FRIDAY + 10 * HOUR);
    const recipients = emulator.outbox.map((email) => email.to);
    expect(recipients.length).toBeGreaterThan(2);
    expect(new Set(recipients).size).toBe(recipients.length);
  });

  it('shows in the menu whether reminders are on, except in AuthMode.NONE where it reads nothing', () => {
    const emulator = exampleEmulator();
    const remindersTitle = (): string =>
      JSON.stringify(emulator.ui.menus.at(-1)).match(/"(Reminders[^"]*)"/)![1]!;
    emulator.callWith({ authMode: 'LIMITED' }, 'onOpen', { authMode: 'LIMITED' });
    expect(remindersTitle()).toBe('Reminders');
    emulator.call('turnOnReminders');
    emulator.callWith({ authMode: 'LIMITED' }, 'onOpen', { authMode: 'LIMITED' });
    expect(remindersTitle()).toBe('Reminders (on)');
    emulator.callWith({ authMode: 'NONE' }, 'onOpen', { authMode: 'NONE' });
    expect(remindersTitle()).toBe('Reminders');
  });

  it('opens the spreadsheet by the ID stored with the trigger when the run has no active spreadsheet', () => {
    const emulator = turnedOn(exampleEmulator());
    // Whether an add-on's time-driven trigger has an active spreadsheet is not documented:
    // imitate the case where it has none until the script sets one.
    const spreadsheetApp = emulator.globals.SpreadsheetApp as unknown as {
      getActiveSpreadsheet(): unknown;
      setActiveSpreadsheet(spreadsheet: unknown): void;
      openById(id: string): unknown;
    };
    const realGet = spreadsheetApp.getActiveSpreadsheet.bind(spreadsheetApp);
    const realOpen = spreadsheetApp.openById.bind(spreadsheetApp);
    let active = false;
    const opened: string[] = [];
    spreadsheetApp.getActiveSpreadsheet = () => (active ? realGet() : null);
    spreadsheetApp.setActiveSpreadsheet = () => {
      active = true;
    };
    spreadsheetApp.openById = (id: string) => {
      opened.push(id);
      return realOpen(id);
    };
    emulator.runDueTriggers(FIRST_FRIDAY + 10 * HOUR);
    expect(opened[0]).toBe(emulator.triggers.triggers[0]!.spreadsheetId);
    expect(emulator.outbox.length).toBeGreaterThan(2);
  });

  it('keeps the report date at today on every daily run', () => {
    const emulator = turnedOn(exampleEmulator());
    emulator.runDueTriggers(onSpreadsheetClock('2026-11-24T12:00').getTime());
    const reportDate = emulator.uncounted(() =>
      emulator.spreadsheet.getRangeByName('OKR_REPORT_DATE')!.getValue(),
    );
    expect(reportDate).toEqual(onSpreadsheetClock('2026-11-24'));
  });

  it('stops cleanly, sending and writing nothing, when the add-on needs new consent', () => {
    const emulator = turnedOn(exampleEmulator());
    emulator.triggers.authorizationStatus = 'REQUIRED';
    const runs = emulator.runDueTriggers(FIRST_FRIDAY + 10 * HOUR);
    expect(runs.every((run) => run.error === undefined)).toBe(true);
    expect(emulator.outbox).toHaveLength(0);
    expect(reminderLog(emulator)).toHaveLength(0);
    expect(emulator.logs.at(-1)!.message).toContain('needs your permission again');
  });

  it('makes the same service calls per run however many KRs and check-ins, plus a send and a log update per email', () => {
    const measure = (extraKeyResults: number, extraCheckIns: number): Record<string, number> => {
      const emulator = turnedOn(exampleEmulator());
      const owners = [...keyResultsByOwner(emulator).keys()];
      emulator.uncounted(() => {
        const sheet = emulator.spreadsheet.getSheetByName('Key Results')!;
        const width = sheet.getLastColumn();
        const start = sheet.getLastRow() + 1;
        const header = sheet.getRange(1, 1, 1, width).getValues()[0]!;
        const rows = Array.from({ length: extraKeyResults }, (_, i) =>
          header.map(
            (name) =>
              ({
                ID: `X${i}`,
                'Objective ID': 'CO1',
                'Key Result': `Extra ${i}`,
                Owner: owners[i % owners.length],
                Start: 0,
                Target: 10,
              })[String(name)] ?? '',
          ),
        );
        growTo(sheet, start + rows.length);
        if (rows.length) sheet.getRange(start, 1, rows.length, width).setValues(rows as never);
      });
      addCheckIns(
        emulator,
        Array.from({ length: extraCheckIns }, (_, i) => `X${i % Math.max(1, extraKeyResults)}`),
        FIRST_FRIDAY - DAY,
      );
      // Measure the second week's run, when the Reminder Log sheet exists.
      emulator.runDueTriggers(FIRST_FRIDAY + 7 * DAY + 8 * HOUR);
      emulator.calls.reset();
      emulator.runDueTriggers(FIRST_FRIDAY + 7 * DAY + 10 * HOUR);
      return emulator.calls.snapshot();
    };
    const small = measure(0, 0);
    const large = measure(300, 3000);
    expect(large).toEqual(small);
    expect(small['MailApp.sendEmail']).toBeGreaterThan(2);
    expect(small['MailApp.getRemainingDailyQuota']).toBe(1);
    // Settings, Key Results and Objectives once each, the Reminder Log's header, Period column
    // and this period's rows, the Check-ins header and its newest rows (older than the period, so
    // the walk stops there), the Key Results header for the new report date's note, then per email
    // one check of its log row before each write: "sending" first, then each result with the next
    // "sending".
    const emails = small['MailApp.sendEmail']!;
    expect(small['Range.getValues']).toBe(9 + emails + 1);
    // The claims in one batch, then the marks and results.
    expect(small['Range.setValues']).toBe(1 + emails + 1);
    expect(small['SpreadsheetApp.flush']).toBe(1 + emails + 1);
  });
});

describe('a Reminder Log with years of rows', () => {
  /** Puts `count` rows of periods before the last one above the log's rows, as years of runs leave. */
  function withOldRows(emulator: Emulator, count: number): void {
    emulator.uncounted(() => {
      const sheet = emulator.spreadsheet.getSheetByName('Reminder Log')!;
      const width = sheet.getLastColumn();
      const rows = sheet.getRange(2, 1, sheet.getLastRow() - 1, width).getValues();
      const header = sheet.getRange(1, 1, 1, width).getValues()[0]!.map(String);
      const old = Array.from({ length: count }, (_, index) => {
        const at = new Date(FIRST_FRIDAY - (2 + Math.floor(index / 10)) * 7 * DAY);
        const cells: Record<string, unknown> = {
          Time: at,
          Period: at,
          Email: 'reminder',
          Recipient: `past${index % 10}@example.com`,
          'Key Results': `'${index}`,
          Outcome: 'sent',
        };
        return header.map((name) => cells[name] ?? '');
      });
      growTo(sheet, 1 + count + rows.length);
      sheet.getRange(2, 1, count + rows.length, width).setValues([...old, ...rows]);
    });
  }

  /** Cells the trigger's second run of the period reads, with `count` old rows in the log. */
  function cellsReadBySecondRun(count: number): number {
    const emulator = turnedOn(exampleEmulator());
    emulator.runDueTriggers(FIRST_FRIDAY + 10 * HOUR);
    expect(reminderLog(emulator).length).toBeGreaterThan(0);
    withOldRows(emulator, count);
    emulator.calls.reset();
    emulator.runDueTriggers(FIRST_FRIDAY + DAY + 10 * HOUR);
    return emulator.calls.cells().read;
  }

  it('costs a run one more cell per old row (its Period), not the whole row', () => {
    expect(cellsReadBySecondRun(3_000) - cellsReadBySecondRun(0)).toBe(3_000);
  });

  it('still emails nobody twice in a period after a person sorts the log newest first', () => {
    const emulator = turnedOn(exampleEmulator());
    // Tuesday of the period: Send reminders now emails everyone behind.
    emulator.clock.set(FIRST_FRIDAY + 4 * DAY + 15 * HOUR);
    emulator.call('sendRemindersNow');
    const sent = emulator.outbox.length;
    expect(sent).toBeGreaterThan(2);
    withOldRows(emulator, 500);
    emulator.uncounted(() => {
      const sheet = emulator.spreadsheet.getSheetByName('Reminder Log')!;
      const rows = sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn());
      rows.setValues(rows.getValues().reverse());
    });
    emulator.call('sendRemindersNow');
    expect(emulator.outbox).toHaveLength(sent);
    expect(emulator.ui.alerts.at(-1)!.prompt).toMatch(/0 sent/);
  });
});

describe('Send reminders now', () => {
  it('explains in an alert how to fix a missing Key Results sheet, and sends nothing', () => {
    const emulator = exampleEmulator();
    emulator.uncounted(() =>
      emulator.spreadsheet.getSheetByName('Key Results')!.setName('Old KRs'),
    );
    emulator.call('sendRemindersNow');
    expect(emulator.ui.alerts.at(-1)).toMatchObject({ title: 'Reminders were not sent' });
    expect(emulator.ui.alerts.at(-1)!.prompt).toContain('"Key Results" sheet is missing');
    expect(emulator.outbox).toHaveLength(0);
  });

  it('reports what it did in an alert', () => {
    const emulator = exampleEmulator();
    // Tuesday of the period that began on Friday 20 November: nobody has checked in since.
    emulator.clock.set(onSpreadsheetClock('2026-11-24T15:00'));
    emulator.call('sendRemindersNow');
    expect(emulator.ui.alerts.at(-1)!.prompt).toMatch(
      /^Check-in period from 2026-11-20: \d+ sent, 0 up to date, 0 already reminded this period\. Details are in the Reminder Log sheet\.$/,
    );
    expect(emulator.outbox.length).toBeGreaterThan(2);
  });
});

describe('getReminderPreview', () => {
  it('shows who would get what without sending or writing anything', () => {
    const emulator = exampleEmulator();
    emulator.clock.set(new Date(FIRST_FRIDAY + 10 * HOUR));
    setKeyResultCell(
      emulator,
      keyResultsByOwner(emulator).get(PRIYA)![0]!,
      'Key Result',
      '<script>alert(1)</script>',
    );
    const preview = emulator.call('getReminderPreview') as ReminderPreview;
    expect(JSON.parse(JSON.stringify(preview))).toEqual(preview);
    expect(preview.periodStart).toBe('Fri 20 Nov 2026');
    expect(preview.schedule).toContain('off for you');
    const priya = preview.emails.find((email) => email.to === PRIYA)!;
    expect(priya.keyResults[0]!.title).toBe('<script>alert(1)</script>');
    const email = emulator.call('getReminderPreviewEmail', {
      kind: 'reminder',
      to: PRIYA,
    }) as ReminderPreviewEmail;
    expect(email.subject).toBe(priya.subject);
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.html).not.toContain('<script>');
    expect(emulator.outbox).toHaveLength(0);
    expect(
      emulator.uncounted(() => emulator.spreadsheet.getSheetByName('Reminder Log')),
    ).toBeNull();
  });
});

describe('reminder email HTML', () => {
  it('shows a KR named <script>alert(1)</script> as text', () => {
    const emulator = turnedOn(exampleEmulator());
    const id = keyResultsByOwner(emulator).get(PRIYA)![0]!;
    setKeyResultCell(emulator, id, 'Key Result', '<script>alert(1)</script>');
    emulator.runDueTriggers(FIRST_FRIDAY + 10 * HOUR);
    const email = emulator.outbox.find((message) => message.to === PRIYA)!;
    expect(email.htmlBody).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.htmlBody).not.toMatch(/<script/i);
    expect(email.body).toContain('<script>alert(1)</script>');
  });
});
