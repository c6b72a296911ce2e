import { describe, expect, it } from 'vitest';
import { dispatchEmails, type OutgoingEmail } from '../../../src/core/reminderDispatch';
import {
  planReminders,
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
    checkIns: [],
    log: [],
    now: checkInDay,
    timeZone: 'Etc/UTC',
    ...overrides,
  };
}

const logEntry = (recipient: string, outcome: string, period = '2026-11-23'): ReminderLogEntry => ({
  time: checkInDay,
  period,
  kind: 'reminder',
  recipient,
  keyResultIds: [],
  outcome,
});

describe('planReminders', () => {
  it('sends each owner who is behind one reminder listing only the KRs without a check-in', () => {
    const plan = planReminders(
      inputs({ checkIns: [checkIn('kr1', '2026-11-23T08:00:00Z')] }),
      'daily',
    );
    expect(plan.reminders.map((r) => [r.recipient, r.keyResults.map((k) => k.id)])).toEqual([
      ['ana@example.com', ['KR2']],
      ['ben@example.com', ['KR3']],
    ]);
  });

  it('logs owners who checked in on all their KRs since the period start as up to date', () => {
    const plan = planReminders(
      inputs({ checkIns: [checkIn('KR3', '2026-11-23T07:00:00Z')] }),
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
      inputs({ checkIns: [checkIn('KR3', '2026-11-22T23:59:00Z')] }),
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
        checkIns: [checkIn('KR1', '2026-11-16T10:00:00Z')],
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

  it('sends the digest once a period with at-risk KRs and the owners who missed the last period', () => {
    const plan = planReminders(
      inputs({
        settings: { ...settings, digestRecipients: ['lead@example.com', 'not an address'] },
        checkIns: [checkIn('KR3', '2026-11-18T10:00:00Z')],
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

describe('dispatchEmails', () => {
  const email = (recipient: string): OutgoingEmail => ({
    kind: 'reminder',
    recipient,
    keyResultIds: ['KR1'],
    message: { to: recipient, subject: 's', body: 'b', htmlBody: '<p>b</p>' },
  });

  it('sends within the quota and defers the rest', () => {
    const sent: string[] = [];
    const outcomes = dispatchEmails(
      ['a@x.io', 'b@x.io', 'c@x.io', 'd@x.io'].map(email),
      { quota: 3, hasTimeLeft: () => true },
      (message) => sent.push(message.to),
    );
    expect(sent).toEqual(['a@x.io', 'b@x.io', 'c@x.io']);
    expect(outcomes.map((o) => o.outcome)).toEqual(['sent', 'sent', 'sent', 'deferred: quota']);
  });

  it('logs a failed send with the reason and carries on', () => {
    const outcomes = dispatchEmails(
      ['bad@x.io', 'b@x.io'].map(email),
      { quota: 10, hasTimeLeft: () => true },
      (message) => {
        if (message.to === 'bad@x.io') throw new Error('Invalid email: bad@x.io');
      },
    );
    expect(outcomes.map((o) => o.outcome)).toEqual(['failed: Invalid email: bad@x.io', 'sent']);
  });

  it('stops sending when the run nears its time limit', () => {
    let checks = 0;
    const outcomes = dispatchEmails(
      ['a@x.io', 'b@x.io'].map(email),
      { quota: 10, hasTimeLeft: () => checks++ < 1 },
      () => undefined,
    );
    expect(outcomes.map((o) => o.outcome)).toEqual(['sent', 'deferred: time limit']);
  });
});
