/**
 * Exactly-once reminders under concurrency and faults, in the built bundle. Two people's daily
 * triggers and a Send reminders now run against each other, each started at every service-call
 * boundary of the other (Emulator.concurrentExecution); then every service call of a run fails
 * in turn, the lock is busy, the mail quota is 0, and the Reminder Log is not ours.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../preview/emulator/index';
import { buildBundle } from './bundle';
import { DAY, FIRST_FRIDAY, exampleEmulator, reminderLog, setSetting } from './reminderWorkbook';

beforeAll(buildBundle);

const HOUR = 3_600_000;
const MINUTE = 60_000;
const ANA = 'owner@example.com';
const LEAD = 'lead@example.com';
const RUN_TIME = FIRST_FRIDAY + 9 * HOUR + 5 * MINUTE;

interface Workbook {
  emulator: Emulator;
  /** The daily triggers of Ana and of the lead. */
  triggers: [string, string];
  /** Back to the moment before the check-in day's run (faster than fromJSON, which copies every sheet). */
  reset: () => void;
}

/** The example with a digest recipient, reminders on for two people, at the check-in day's run. */
function twoPeopleWithReminders(): Workbook {
  const emulator = exampleEmulator();
  setSetting(emulator, 'Digest Recipients', LEAD);
  emulator.call('turnOnReminders');
  emulator.callWith({ user: LEAD }, 'turnOnReminders');
  emulator.clock.set(RUN_TIME);
  const byOwner = (owner: string) => emulator.triggers.triggers.find((t) => t.owner === owner)!.id;
  // A run changes only the Reminder Log, the outbox, the quota, the clock and the report date
  // (which it sets to the same day each time).
  const reset = (): void => {
    const log = emulator.workbook.sheets.find((sheet) => sheet.name === 'Reminder Log');
    if (log) emulator.workbook.removeSheet(log);
    emulator.outbox.length = 0;
    emulator.mail.remainingDailyQuota = 100;
    emulator.clock.set(RUN_TIME);
    emulator.logs.length = 0;
    emulator.ui.alerts.length = 0;
  };
  return { emulator, triggers: [byOwner(ANA), byOwner(LEAD)], reset };
}

/** Each email as "kind recipient", sorted: reminders say "Check-in due", digests "OKR digest". */
function emailsSent(emulator: Emulator): string[] {
  return emulator.outbox
    .map((email) => `${email.subject.startsWith('OKR digest') ? 'digest' : 'reminder'} ${email.to}`)
    .sort();
}

/** What one uninterrupted run sends: every owner behind and the digest, once each. */
function expectedEmails(workbook: Workbook): string[] {
  const { emulator, reset, triggers } = workbook;
  reset();
  emulator.runTrigger(triggers[0]);
  const expected = emailsSent(emulator);
  expect(expected.length).toBeGreaterThan(3);
  expect(expected).toContain(`digest ${LEAD}`);
  return expected;
}

/** The service calls one uninterrupted run in `execution` makes. */
function callsOf(workbook: Workbook, execution: Emulator, run: () => void): number {
  workbook.reset();
  execution.calls.reset();
  run();
  return execution.calls.count();
}

/** Runs `inner` just before the `at`th service call of `outer`'s run. */
function atCall(outer: Emulator, at: number, inner: () => void): void {
  let count = 0;
  outer.calls.beforeCall = () => {
    if (count++ === at) inner();
  };
}

/** Outcome rows of the log that say an email went out, as "kind recipient", sorted. */
function sentRows(emulator: Emulator): string[] {
  return reminderLog(emulator)
    .filter((row) => row.outcome === 'sent')
    .map((row) => `${row.kind} ${row.recipient}`)
    .sort();
}

describe('two daily runs and a Send now at once', () => {
  it('email every owner exactly once whichever service call the second run starts at', () => {
    const workbook = twoPeopleWithReminders();
    const { emulator, reset, triggers } = workbook;
    const expected = expectedEmails(workbook);
    const lead = emulator.concurrentExecution();
    const calls = callsOf(workbook, emulator, () => emulator.runTrigger(triggers[0]));
    for (let at = 0; at <= calls; at++) {
      reset();
      atCall(emulator, at, () => lead.runTrigger(triggers[1]));
      emulator.runTrigger(triggers[0]);
      emulator.calls.beforeCall = null;
      expect({ at, emails: emailsSent(emulator) }).toEqual({ at, emails: expected });
      expect({ at, log: sentRows(emulator) }).toEqual({ at, log: expected });
    }
  }, 120_000);

  it('email every owner exactly once when Send now starts at any call of a run, or a run at any call of Send now', () => {
    const workbook = twoPeopleWithReminders();
    const { emulator, reset, triggers } = workbook;
    const expected = expectedEmails(workbook);
    const maya = emulator.concurrentExecution();
    const sendNow = (): unknown => maya.callWith({ user: 'maya@example.com' }, 'sendRemindersNow');
    const run = (): unknown => emulator.runTrigger(triggers[0]);
    const pairs: [Emulator, number, () => unknown, () => unknown][] = [
      [emulator, callsOf(workbook, emulator, run), run, sendNow],
      [maya, callsOf(workbook, maya, sendNow), sendNow, run],
    ];
    for (const [outer, calls, first, second] of pairs) {
      for (let at = 0; at <= calls; at++) {
        reset();
        atCall(outer, at, () => void second());
        first();
        outer.calls.beforeCall = null;
        expect({ at, emails: emailsSent(emulator) }).toEqual({ at, emails: expected });
        expect({ at, log: sentRows(emulator) }).toEqual({ at, log: expected });
      }
    }
  }, 120_000);

  it('email every owner exactly once when a run, Send now inside it and a second run inside that interleave', () => {
    const workbook = twoPeopleWithReminders();
    const { emulator, reset, triggers } = workbook;
    const expected = expectedEmails(workbook);
    const lead = emulator.concurrentExecution();
    const maya = emulator.concurrentExecution();
    const sendNow = (): unknown => maya.callWith({ user: 'maya@example.com' }, 'sendRemindersNow');
    const runCalls = callsOf(workbook, emulator, () => emulator.runTrigger(triggers[0]));
    const sendNowCalls = callsOf(workbook, maya, sendNow);
    const innermostAt = new Set<number>();
    // A step with no common factor with the number of Send now's calls visits each of them.
    const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
    let step = 7;
    while (gcd(step, sendNowCalls + 1) !== 1) step++;
    for (let at = 0; at <= runCalls; at++) {
      // Each call of the run is paired with a different call of Send now, covering both.
      const inner = (at * step) % (sendNowCalls + 1);
      reset();
      atCall(emulator, at, sendNow);
      atCall(maya, inner, () => {
        innermostAt.add(inner);
        lead.runTrigger(triggers[1]);
      });
      emulator.runTrigger(triggers[0]);
      emulator.calls.beforeCall = null;
      maya.calls.beforeCall = null;
      expect({ at, inner, emails: emailsSent(emulator) }).toEqual({ at, inner, emails: expected });
      expect({ at, inner, log: sentRows(emulator) }).toEqual({ at, inner, log: expected });
    }
    // Send now runs whole when it starts outside the run's lock; then every call of it is reached.
    expect(innermostAt.size).toBeGreaterThan(sendNowCalls / 2);
  }, 120_000);
});

describe('a run that fails part-way', () => {
  it('leaves the outbox and the log unchanged or complete, and the next run sends the rest exactly once', () => {
    const workbook = twoPeopleWithReminders();
    const { emulator, reset, triggers } = workbook;
    const expected = expectedEmails(workbook);
    const calls = callsOf(workbook, emulator, () => emulator.runTrigger(triggers[0]));
    for (let at = 0; at < calls; at++) {
      reset();
      atCall(emulator, at, () =>
        emulator.env.fail('Service Spreadsheets failed while accessing document.'),
      );
      try {
        emulator.runTrigger(triggers[0]);
      } catch {
        // The trigger fails as Apps Script would report it; what it left behind is checked below.
      }
      emulator.calls.beforeCall = null;
      const sent = emailsSent(emulator);
      expect({ at, twice: sent.filter((email, i) => sent[i - 1] === email) }).toEqual({
        at,
        twice: [],
      });
      // Every email that went out is in the log as sent, or as being sent by the stopped run.
      const accounted = reminderLog(emulator)
        .filter((row) => row.outcome === 'sent' || row.outcome.startsWith('sending'))
        .map((row) => `${row.kind} ${row.recipient}`);
      expect({ at, unlogged: sent.filter((email) => !accounted.includes(email)) }).toEqual({
        at,
        unlogged: [],
      });
      // After the claims expire, the lead's run the same day finishes the job.
      emulator.clock.advance(11 * MINUTE);
      emulator.runTrigger(triggers[1]);
      expect({ at, emails: emailsSent(emulator) }).toEqual({ at, emails: expected });
      const open = reminderLog(emulator).filter((row) => /^(queued|sending)/.test(row.outcome));
      expect({ at, open }).toEqual({ at, open: [] });
    }
  });

  it('sends and writes nothing while the document lock stays busy, and catches up the next day', () => {
    const workbook = twoPeopleWithReminders();
    const { emulator, triggers } = workbook;
    const expected = expectedEmails(workbook);
    // Week two: the check-in day's run finds the lock busy all along.
    emulator.outbox.length = 0;
    emulator.clock.set(RUN_TIME + 7 * DAY);
    const logBefore = reminderLog(emulator);
    emulator.locks.setBusy('document');
    emulator.runTrigger(triggers[0]);
    emulator.locks.setBusy('document', false);
    expect(emulator.outbox).toEqual([]);
    expect(reminderLog(emulator)).toEqual(logBefore);
    expect(emulator.logs.at(-1)!.message).toContain('were not sent');
    // Saturday's run sees last week logged and nothing of this week: it catches up.
    emulator.clock.set(RUN_TIME + 8 * DAY);
    emulator.runTrigger(triggers[0]);
    expect(emailsSent(emulator)).toEqual(expected);
  });

  it('logs every email deferred when the mail quota is 0, sending nothing, and sends each once the next day', () => {
    const workbook = twoPeopleWithReminders();
    const { emulator, reset, triggers } = workbook;
    const expected = expectedEmails(workbook);
    reset();
    emulator.mail.remainingDailyQuota = 0;
    emulator.runTrigger(triggers[0]);
    expect(emulator.outbox).toEqual([]);
    const deferred = reminderLog(emulator)
      .filter((row) => row.outcome === 'deferred: quota')
      .map((row) => `${row.kind} ${row.recipient}`)
      .sort();
    expect(deferred).toEqual(expected);
    emulator.mail.remainingDailyQuota = 100;
    emulator.clock.set(RUN_TIME + DAY);
    emulator.runTrigger(triggers[1]);
    expect(emailsSent(emulator)).toEqual(expected);
  });
});

describe('a sheet named Reminder Log that is not the log', () => {
  const cases: [string, unknown[][]][] = [
    ["a person's own sheet", [['Reminders to self'], ['Call the printer people']]],
    [
      'the log with its Outcome header renamed',
      [['Time', 'Period', 'Email', 'Recipient', 'Key Results', 'Result']],
    ],
  ];
  for (const [name, values] of cases) {
    it(`is left as it is and no email goes out (${name})`, () => {
      const { emulator, triggers } = twoPeopleWithReminders();
      emulator.uncounted(() => {
        const sheet = emulator.spreadsheet.insertSheet('Reminder Log');
        for (const [row, cells] of values.entries())
          sheet.getRange(row + 1, 1, 1, cells.length).setValues([cells as string[]]);
      });
      const before = emulator.workbook.toData();
      emulator.runTrigger(triggers[0]);
      emulator.call('sendRemindersNow');
      expect(emulator.outbox).toEqual([]);
      expect(emulator.workbook.toData().sheets).toEqual(before.sheets);
      expect(emulator.ui.alerts.at(-1)!.prompt).toContain('is not OKR Cadence');
    });
  }
});
