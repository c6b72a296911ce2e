import { describe, expect, it } from 'vitest';
import { sendClaimedEmails, type OutgoingEmail } from '../../../src/core/reminderDispatch';
import {
  CLAIM_EXPIRY_MS,
  claimMarks,
  openCheckInQuestions,
  planReminders,
  type LogDraft,
  type ReminderInputs,
  type ReminderLogEntry,
} from '../../../src/core/reminders';
import type { CheckIn, KeyResult, Objective } from '../../../src/core/types';
import {
  checkIn as checkInRecord,
  keyResult as keyResultRecord,
  objective as objectiveRecord,
  settings,
} from './checkInFixtures';

const objective = (id: string, cycle = '2026 Q4'): Objective =>
  objectiveRecord({ id, title: `Objective ${id}`, cycle });

let nextRow = 2;
const keyResult = (id: string, owner: string, extra: Partial<KeyResult> = {}): KeyResult =>
  keyResultRecord({
    row: nextRow++,
    id,
    title: `Key result ${id}`,
    owner,
    unit: 'users',
    current: 40,
    startDate: null,
    dueDate: null,
    ...extra,
  });

const checkIn = (keyResultId: string, iso: string): CheckIn =>
  checkInRecord({ timestamp: new Date(iso), keyResultId, value: 50, confidence: 7, author: '' });

// Monday 2026-11-23 09:20 UTC: the first day of a check-in period.
const checkInDay = new Date('2026-11-23T09:20:00Z');

function inputs(overrides: Partial<ReminderInputs> = {}): ReminderInputs {
  return {
    settings,
    objectives: [objective('O1')],
    keyResults: [
      keyResult('KR1', 'ana@example.com'),
      keyResult('KR2', 'ana@example.com'),
      keyResult('KR3', 'ben@example.com'),
    ],
    recentCheckIns: [],
    log: [],
    now: checkInDay,
    timeZone: 'Etc/UTC',
    ...overrides,
  };
}

let nextLogRow = 2;
const logEntry = (
  recipient: string,
  outcome: string,
  period = '2026-11-23',
  time = checkInDay,
): ReminderLogEntry => ({
  row: nextLogRow++,
  time,
  period,
  kind: 'reminder',
  recipient,
  keyResultIds: [],
  outcome,
});

describe('planReminders', () => {
  it('sends each owner who is behind one reminder listing only the KRs without a check-in', () => {
    const plan = planReminders(
      inputs({ recentCheckIns: [checkIn('kr1', '2026-11-23T08:00:00Z')] }),
      'daily',
    );
    expect(plan.reminders.map((r) => [r.recipient, r.keyResults.map((k) => k.id)])).toEqual([
      ['ana@example.com', ['KR2']],
      ['ben@example.com', ['KR3']],
    ]);
  });

  it('logs owners who checked in on all their KRs since the period start as up to date', () => {
    const plan = planReminders(
      inputs({ recentCheckIns: [checkIn('KR3', '2026-11-23T07:00:00Z')] }),
      'daily',
    );
    expect(plan.reminders.map((r) => r.recipient)).toEqual(['ana@example.com']);
    expect(plan.drafts).toEqual([
      {
        kind: 'reminder',
        recipient: 'ben@example.com',
        keyResultIds: ['KR3'],
        outcome: 'up to date',
      },
    ]);
  });

  it('does not count a check-in from before the period start', () => {
    const plan = planReminders(
      inputs({ recentCheckIns: [checkIn('KR3', '2026-11-22T23:59:00Z')] }),
      'daily',
    );
    expect(plan.reminders.map((r) => r.recipient)).toContain('ben@example.com');
  });

  it('groups owners case-insensitively into one email', () => {
    const plan = planReminders(
      inputs({
        keyResults: [keyResult('KR1', 'Ana@Example.com'), keyResult('KR2', 'ana@example.com ')],
      }),
      'daily',
    );
    expect(plan.reminders).toHaveLength(1);
    expect(plan.reminders[0]!.keyResults.map((k) => k.id)).toEqual(['KR1', 'KR2']);
  });

  it('skips owners already reminded this period and sends nothing on a re-run', () => {
    const plan = planReminders(
      inputs({ log: [logEntry('ANA@example.com', 'sent'), logEntry('ben@example.com', 'sent')] }),
      'daily',
    );
    expect(plan.reminders).toEqual([]);
    expect(plan.alreadySent).toEqual(['ana@example.com', 'ben@example.com']);
  });

  it('reminds again in the next period', () => {
    const plan = planReminders(
      inputs({ log: [logEntry('ana@example.com', 'sent', '2026-11-16')] }),
      'daily',
    );
    expect(plan.reminders.map((r) => r.recipient)).toContain('ana@example.com');
  });

  it('sends nothing on other days of the period unless a run deferred it', () => {
    const wednesday = new Date('2026-11-25T09:10:00Z');
    const quiet = planReminders(inputs({ now: wednesday }), 'daily');
    expect(quiet.reminders).toEqual([]);
    expect(quiet.drafts).toEqual([]);
    const resumed = planReminders(
      inputs({ now: wednesday, log: [logEntry('ben@example.com', 'deferred: quota')] }),
      'daily',
    );
    expect(resumed.reminders.map((r) => r.recipient)).toEqual(['ben@example.com']);
  });

  it('catches up on a later day of the period when the check-in day run was missed', () => {
    const wednesday = new Date('2026-11-25T09:10:00Z');
    const lastWeek = [logEntry('ana@example.com', 'sent', '2026-11-16')];
    const plan = planReminders(inputs({ now: wednesday, log: lastWeek }), 'daily');
    expect(plan.reminders.map((r) => r.recipient)).toEqual(['ana@example.com', 'ben@example.com']);
    const afterCatchUp = [...lastWeek, logEntry('ana@example.com', 'sent')];
    const thursday = new Date('2026-11-26T09:10:00Z');
    expect(planReminders(inputs({ now: thursday, log: afterCatchUp }), 'daily').reminders).toEqual(
      [],
    );
  });

  it('leaves an email claimed by a run that may still be sending to that run', () => {
    const log = [
      logEntry('ana@example.com', 'queued · run r1'),
      logEntry('ben@example.com', 'sending · run r1'),
    ];
    const plan = planReminders(inputs({ log }), 'now');
    expect(plan.reminders).toEqual([]);
    expect(plan.inProgress).toEqual(['ana@example.com', 'ben@example.com']);
    expect(plan.expiredClaims).toEqual([]);
  });

  it('sends again a claim that expired before sending, never one that expired while sending', () => {
    const log = [
      logEntry('ana@example.com', 'queued · run r1'),
      logEntry('ben@example.com', 'sending · run r1'),
    ];
    const later = new Date(checkInDay.getTime() + CLAIM_EXPIRY_MS);
    const plan = planReminders(inputs({ log, now: later }), 'daily');
    expect(plan.reminders.map((r) => r.recipient)).toEqual(['ana@example.com']);
    expect(plan.alreadySent).toEqual(['ben@example.com']);
    expect(plan.expiredClaims).toEqual([
      { row: log[0]!.row, outcome: 'deferred: run stopped' },
      { row: log[1]!.row, outcome: 'unknown: the run stopped while sending' },
    ]);
  });

  it('lets the latest row of a recipient decide, except that sent is final', () => {
    const later = new Date(checkInDay.getTime() + 60_000);
    const log = [
      logEntry('ben@example.com', 'sent'),
      logEntry('ben@example.com', 'failed: boom', '2026-11-23', later),
      logEntry('ana@example.com', 'failed: boom', '2026-11-23', later),
      logEntry('ana@example.com', 'deferred: quota'),
    ];
    const plan = planReminders(inputs({ log, now: new Date('2026-11-25T09:10:00Z') }), 'daily');
    expect(plan.alreadySent).toEqual(['ben@example.com']);
    // Ana's failure is later than her deferral: not resent on an ordinary day.
    expect(plan.reminders).toEqual([]);
  });

  it('sends on any day when asked to send now', () => {
    const plan = planReminders(inputs({ now: new Date('2026-11-25T15:00:00Z') }), 'now');
    expect(plan.reminders.map((r) => r.recipient)).toEqual(['ana@example.com', 'ben@example.com']);
  });

  it('leaves out KRs of other cycles, done KRs, KRs past due and KRs without an owner', () => {
    const plan = planReminders(
      inputs({
        objectives: [objective('O1'), objective('O9', '2026 Q3')],
        keyResults: [
          keyResult('KR1', 'ana@example.com', { objectiveId: 'O9' }),
          keyResult('KR2', 'ana@example.com', { current: 100 }),
          keyResult('KR3', 'ana@example.com', { dueDate: new Date('2026-11-20T00:00:00Z') }),
          keyResult('KR4', ''),
          keyResult('KR5', 'ana@example.com'),
        ],
      }),
      'daily',
    );
    expect(plan.reminders.map((r) => r.keyResults.map((k) => k.id))).toEqual([['KR5']]);
  });

  it('logs invalid owner cells and still reminds everyone else', () => {
    const keyResults = [keyResult('KR1', ''), keyResult('KR2', 'ben@example.com')];
    const plan = planReminders(
      inputs({ keyResults, invalidOwners: [{ row: keyResults[0]!.row, owner: 'Ana from sales' }] }),
      'daily',
    );
    expect(plan.reminders.map((r) => r.recipient)).toEqual(['ben@example.com']);
    expect(plan.drafts).toEqual([
      {
        kind: 'reminder',
        recipient: 'Ana from sales',
        keyResultIds: ['KR1'],
        outcome: 'skipped: invalid email',
      },
    ]);
  });

  it('does nothing outside the cycle or once it is closed', () => {
    expect(
      planReminders(inputs({ now: new Date('2027-01-04T09:00:00Z') }), 'daily').inactiveReason,
    ).toMatch(/ended/);
    expect(
      planReminders(inputs({ settings: { ...settings, cycleClosed: true } }), 'daily').reminders,
    ).toEqual([]);
  });

  it('shows progress, planned progress, status and the last check-in of each KR', () => {
    const plan = planReminders(
      inputs({
        keyResults: [
          keyResult('KR1', 'ana@example.com', { lastCheckIn: new Date('2026-11-10T00:00:00Z') }),
        ],
        recentCheckIns: [checkIn('KR1', '2026-11-16T10:00:00Z')],
      }),
      'daily',
    );
    const line = plan.reminders[0]!.keyResults[0]!;
    expect(line.progress).toBeCloseTo(0.4);
    // 53 of 91 days from 2026-10-01 to 2026-12-31.
    expect(line.planned).toBeCloseTo(53 / 91);
    expect(line.status).toBe('At risk');
    expect(line.lastCheckIn?.toISOString()).toBe('2026-11-16T10:00:00.000Z');
  });

  it('says where each KR lands from its Forecast cell and the pace it needs to reach Target', () => {
    const kr1 = keyResult('KR1', 'ana@example.com', { current: 20 });
    const plan = planReminders(
      inputs({ keyResults: [kr1], forecasts: new Map([[kr1.row, 0.58]]) }),
      'daily',
    );
    const forecast = plan.reminders[0]!.keyResults[0]!.forecast!;
    expect(forecast.progress).toBe(0.58);
    // 80 to go in the 38 days from 23 November to 31 December.
    expect(forecast.neededPerWeek).toBeCloseTo(80 / (38 / 7), 10);
    expect(forecast.dueDate.toISOString()).toBe('2026-12-31T00:00:00.000Z');
  });

  it('has no forecast for a binary KR nor without a readable Forecast cell, and only the pace needed for a blank one', () => {
    const binary = keyResult('KR1', 'ana@example.com', { type: 'binary', current: false });
    const fresh = keyResult('KR2', 'ana@example.com', { current: null });
    const unread = keyResult('KR3', 'ana@example.com');
    const plan = planReminders(
      inputs({
        keyResults: [binary, fresh, unread],
        forecasts: new Map([
          [binary.row, 0.5],
          [fresh.row, null],
        ]),
      }),
      'daily',
    );
    const forecasts = plan.reminders[0]!.keyResults.map((line) => line.forecast);
    expect(forecasts[0]).toBeNull();
    expect(forecasts[1]!.progress).toBeNull();
    expect(forecasts[1]!.neededPerWeek).not.toBeNull();
    expect(forecasts[2]).toBeNull();
  });

  it('sends the digest once a period with at-risk KRs and the owners who missed the last period', () => {
    const plan = planReminders(
      inputs({
        settings: { ...settings, digestRecipients: ['lead@example.com', 'not an address'] },
        recentCheckIns: [checkIn('KR3', '2026-11-18T10:00:00Z')],
      }),
      'daily',
    );
    expect(plan.digests).toHaveLength(1);
    const digest = plan.digests[0]!;
    expect(digest.recipient).toBe('lead@example.com');
    expect(digest.content.missedPeriod).toBe('2026-11-16');
    expect(digest.content.missed).toEqual([
      { owner: 'ana@example.com', keyResultIds: ['KR1', 'KR2'] },
    ]);
    expect(digest.content.atRisk.map((line) => line.id)).toEqual(['KR1', 'KR2', 'KR3']);
    expect(plan.drafts).toContainEqual({
      kind: 'digest',
      recipient: 'not an address',
      keyResultIds: [],
      outcome: 'skipped: invalid email',
    });
  });
});

describe('openCheckInQuestions', () => {
  const answerAll = (questions: ReturnType<typeof openCheckInQuestions>, checkIns: CheckIn[]) => {
    for (const row of checkIns) questions.answer(row);
    return questions.settled;
  };

  it('asks nothing about KRs whose row shows a check-in this period, nor about done or ownerless KRs', () => {
    const questions = openCheckInQuestions(
      inputs({
        keyResults: [
          keyResult('KR1', 'ana@example.com', { lastCheckIn: new Date('2026-11-23T08:00:00Z') }),
          keyResult('KR2', 'ana@example.com', { current: 100, target: 100 }),
          keyResult('KR3', ''),
        ],
      }),
    );
    expect(questions.settled).toBe(true);
    expect(questions.since).toBeNull();
  });

  it('asks from the period start about KRs behind, and is settled by a check-in row of each', () => {
    const questions = openCheckInQuestions(inputs());
    expect(questions.since?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(answerAll(questions, [checkIn('kr1', '2026-11-23T08:00:00Z')])).toBe(false);
    // Older rows and rows of other KRs answer nothing.
    expect(
      answerAll(questions, [
        checkIn('KR2', '2026-11-22T23:59:00Z'),
        checkIn('KR9', '2026-11-23T08:00:00Z'),
      ]),
    ).toBe(false);
    expect(
      answerAll(questions, [
        checkIn('KR2', '2026-11-23T08:00:00Z'),
        checkIn('KR3', '2026-12-01T08:00:00Z'),
      ]),
    ).toBe(true);
  });

  it('asks from the previous period start when a digest is sent, until each KR has a check-in in it', () => {
    const questions = openCheckInQuestions(
      inputs({
        settings: { ...settings, digestRecipients: ['lead@example.com'] },
        keyResults: [
          keyResult('KR1', 'ana@example.com', { lastCheckIn: new Date('2026-11-23T08:00:00Z') }),
        ],
      }),
    );
    expect(questions.since?.toISOString()).toBe('2026-11-16T00:00:00.000Z');
    // A check-in this period settles the reminder, not last period's missed check-in.
    expect(answerAll(questions, [checkIn('KR1', '2026-11-23T07:00:00Z')])).toBe(false);
    expect(answerAll(questions, [checkIn('KR1', '2026-11-18T07:00:00Z')])).toBe(true);
  });

  it('asks nothing outside the cycle', () => {
    const questions = openCheckInQuestions(
      inputs({ settings: { ...settings, cycleClosed: true } }),
    );
    expect(questions.settled).toBe(true);
  });
});

describe('sendClaimedEmails', () => {
  const email = (recipient: string): OutgoingEmail => ({
    kind: 'reminder',
    recipient,
    keyResultIds: ['KR1'],
    message: { to: recipient, subject: 's', body: 'b', htmlBody: '<p>b</p>' },
  });
  const marks = claimMarks('r1');

  /** A log of claim rows, written in place as the dispatcher asks; `events` interleaves sends and writes. */
  function claimedLog(count: number, options: { failWriteAt?: number } = {}) {
    const rows: string[] = new Array<string>(count).fill(marks.queued);
    const appended: string[] = [];
    const events: string[] = [];
    let writes = 0;
    const io = {
      hasTimeLeft: () => true,
      send: (message: { to: string }) => void events.push(`send ${message.to}`),
      record: (index: number, previous: readonly string[], outcomes: readonly string[]) => {
        if (writes++ === options.failWriteAt) throw new Error('Service error: Spreadsheets');
        expect(rows.slice(index, index + previous.length)).toEqual(previous);
        outcomes.forEach((outcome, offset) => (rows[index + offset] = outcome));
        events.push(`log ${rows.join('|')}`);
      },
      append: (drafts: readonly LogDraft[]) =>
        void appended.push(...drafts.map((d) => `${d.recipient} ${d.outcome}`)),
    };
    return { rows, appended, events, io };
  }

  it('marks each email sending before it goes out and records its result right after', () => {
    const log = claimedLog(2);
    const outcomes = sendClaimedEmails(['a@x.io', 'b@x.io'].map(email), marks, log.io);
    expect(log.events).toEqual([
      'log sending · run r1|queued · run r1',
      'send a@x.io',
      'log sent|sending · run r1',
      'send b@x.io',
      'log sent|sent',
    ]);
    expect(outcomes.map((o) => o.outcome)).toEqual(['sent', 'sent']);
  });

  it('logs a failed send with the reason and carries on', () => {
    const log = claimedLog(2);
    log.io.send = (message) => {
      if (message.to === 'bad@x.io') throw new Error('Invalid email: bad@x.io');
    };
    sendClaimedEmails(['bad@x.io', 'b@x.io'].map(email), marks, log.io);
    expect(log.rows).toEqual(['failed: Invalid email: bad@x.io', 'sent']);
  });

  it('defers the rest when MailApp says the day’s quota is used up', () => {
    const log = claimedLog(3);
    let sent = 0;
    log.io.send = () => {
      if (sent++ === 1) throw new Error('Service invoked too many times for one day: email.');
    };
    sendClaimedEmails(['a@x.io', 'b@x.io', 'c@x.io'].map(email), marks, log.io);
    expect(log.rows).toEqual(['sent', 'deferred: quota', 'deferred: quota']);
  });

  it('stops sending when the run nears its time limit', () => {
    const log = claimedLog(2);
    let checks = 0;
    log.io.hasTimeLeft = () => checks++ < 1;
    sendClaimedEmails(['a@x.io', 'b@x.io'].map(email), marks, log.io);
    expect(log.rows).toEqual(['sent', 'deferred: time limit']);
  });

  it('sends nothing more once the log cannot be written, and appends what happened instead', () => {
    const log = claimedLog(3, { failWriteAt: 1 });
    const outcomes = sendClaimedEmails(['a@x.io', 'b@x.io', 'c@x.io'].map(email), marks, log.io);
    expect(log.events.filter((event) => event.startsWith('send'))).toEqual(['send a@x.io']);
    expect(log.appended).toEqual([
      'a@x.io sent',
      'b@x.io deferred: run stopped',
      'c@x.io deferred: run stopped',
    ]);
    expect(outcomes.map((o) => o.outcome)).toEqual([
      'sent',
      'deferred: run stopped',
      'deferred: run stopped',
    ]);
  });

  it('sends nothing when not even the first mark can be written', () => {
    const log = claimedLog(1, { failWriteAt: 0 });
    sendClaimedEmails([email('a@x.io')], marks, log.io);
    expect(log.events).toEqual([]);
    expect(log.appended).toEqual(['a@x.io deferred: run stopped']);
  });
});
