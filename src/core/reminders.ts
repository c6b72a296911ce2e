/**
 * Who gets which check-in reminder (SPEC §4 Reminders). Pure: given the workbook's settings,
 * key results, check-ins, the Reminder Log and `now`, it decides the current check-in period and,
 * for every owner with key results in the current cycle, whether they are up to date, already
 * reminded this period, behind (one email listing the KRs they have not checked in on), or have
 * an owner cell that is not an email address.
 */
import { keyResultPlannedProgress } from './balance';
import { checkInPeriodAt, localDay, previousPeriod, type CheckInPeriod } from './checkInPeriod';
import { progressOfKeyResult } from './progress';
import type { OkrSettings } from './settings';
import { statusFor } from './status';
import type { CheckIn, KeyResult, KeyResultStatus, MeasuredValue, Objective } from './types';

export type ReminderKind = 'reminder' | 'digest';

/** Outcome words in the Reminder Log's Outcome column (docs/reminders.md explains each). */
export const OUTCOME = {
  sent: 'sent',
  upToDate: 'up to date',
  deferredQuota: 'deferred: quota',
  deferredTime: 'deferred: time limit',
  invalidEmail: 'skipped: invalid email',
  failedPrefix: 'failed: ',
} as const;

/** One row of the Reminder Log as the engine reads it. */
export interface ReminderLogEntry {
  time: Date | null;
  /** Start date (yyyy-mm-dd) of the check-in period the row belongs to. */
  period: string;
  kind: ReminderKind;
  recipient: string;
  keyResultIds: string[];
  outcome: string;
}

/** A key result as an email shows it. */
export interface KeyResultLine {
  id: string;
  title: string;
  objectiveId: string;
  objectiveTitle: string;
  owner: string;
  unit: string;
  current: MeasuredValue;
  target: number | null;
  progress: number | null;
  planned: number | null;
  status: KeyResultStatus;
  lastCheckIn: Date | null;
}

export interface OwnerReminder {
  recipient: string;
  /** The KRs this owner has not checked in on since the period started. */
  keyResults: KeyResultLine[];
}

export interface MissedCheckIn {
  owner: string;
  keyResultIds: string[];
}

export interface DigestContent {
  /** At-risk and off-track KRs of the current cycle, worst first. */
  atRisk: KeyResultLine[];
  /** Owners who did not check in on some of their KRs during the previous period. */
  missed: MissedCheckIn[];
  /** Start date (yyyy-mm-dd) of the period `missed` refers to. */
  missedPeriod: string;
}

export interface DigestMessage {
  recipient: string;
  content: DigestContent;
}

/** A row to log that involves no email. */
export interface LogDraft {
  kind: ReminderKind;
  recipient: string;
  keyResultIds: string[];
  outcome: string;
}

export interface ReminderPlan {
  period: CheckInPeriod;
  /** Why nothing is due at all (cycle closed, not started or over), or null. */
  inactiveReason: string | null;
  reminders: OwnerReminder[];
  digests: DigestMessage[];
  /** Up-to-date owners and invalid addresses: logged, never emailed. */
  drafts: LogDraft[];
  /** Recipients already reminded this period, left alone. */
  alreadySent: string[];
}

export interface ReminderInputs {
  settings: OkrSettings;
  objectives: readonly Objective[];
  keyResults: readonly KeyResult[];
  checkIns: readonly CheckIn[];
  log: readonly ReminderLogEntry[];
  /** Owner cells of Key Results rows that are not email addresses (by sheet row). */
  invalidOwners?: readonly { row: number; owner: string }[];
  now: Date;
  timeZone: string;
}

/**
 * `daily` is the trigger: on the check-in day it reminds everyone behind; on other days it only
 * finishes what an earlier run of the same period deferred. `now` (Send reminders now, Preview)
 * applies the full rules whatever the day.
 */
export type ReminderMode = 'daily' | 'now';

const EMAIL_PATTERN = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

export function isEmailAddress(text: string): boolean {
  return EMAIL_PATTERN.test(text.trim());
}

const recipientKey = (email: string): string => email.trim().toLowerCase();
const idKey = (id: string): string => id.trim().toLowerCase();

export function planReminders(inputs: ReminderInputs, mode: ReminderMode): ReminderPlan {
  const { settings, now, timeZone } = inputs;
  const period = checkInPeriodAt(now, settings, timeZone);
  const plan: ReminderPlan = {
    period,
    inactiveReason: inactiveReason(settings, now, timeZone),
    reminders: [],
    digests: [],
    drafts: [],
    alreadySent: [],
  };
  if (plan.inactiveReason !== null) return plan;

  const history = periodHistory(inputs.log, period.key);
  const fullRun = mode === 'now' || period.isCheckInDay;
  const due = (kind: ReminderKind, recipient: string): boolean =>
    fullRun
      ? !history.sent.has(`${kind} ${recipientKey(recipient)}`)
      : history.deferred.has(`${kind} ${recipientKey(recipient)}`);

  const lines = keyResultLines(inputs, period);
  for (const [owner, ownerLines] of groupByOwner(lines.filter((line) => line.needsCheckIn))) {
    if (history.sent.has(`reminder ${recipientKey(owner)}`)) {
      plan.alreadySent.push(owner);
      continue;
    }
    if (!due('reminder', owner)) continue;
    const behind = ownerLines.filter((line) => !line.checkedIn);
    if (behind.length === 0) {
      plan.drafts.push(draft('reminder', owner, ownerLines, OUTCOME.upToDate));
      continue;
    }
    plan.reminders.push({ recipient: owner, keyResults: behind.map((line) => line.keyResult) });
  }
  if (fullRun) {
    for (const invalid of invalidOwnerDrafts(inputs)) plan.drafts.push(invalid);
  }
  planDigests(inputs, plan, lines, due);
  return plan;
}

function inactiveReason(settings: OkrSettings, now: Date, timeZone: string): string | null {
  if (settings.cycleClosed) return 'The cycle is closed, so no check-ins are due.';
  const today = localDay(now, timeZone);
  if (settings.cycleStart && today < localDay(settings.cycleStart, timeZone)) {
    return 'The cycle has not started yet, so no check-ins are due.';
  }
  if (settings.cycleEnd && today > localDay(settings.cycleEnd, timeZone)) {
    return 'The cycle has ended, so no check-ins are due. Close the cycle or set the next cycle dates in Settings.';
  }
  return null;
}

interface PeriodHistory {
  /** `kind recipient` pairs sent this period. */
  sent: Set<string>;
  /** Pairs whose latest outcome this period is a deferral. */
  deferred: Set<string>;
}

function periodHistory(log: readonly ReminderLogEntry[], periodKey: string): PeriodHistory {
  const latest = new Map<string, string>();
  const sent = new Set<string>();
  for (const entry of log) {
    if (entry.period !== periodKey) continue;
    const key = `${entry.kind} ${recipientKey(entry.recipient)}`;
    latest.set(key, entry.outcome);
    if (entry.outcome === OUTCOME.sent) sent.add(key);
  }
  const deferred = new Set(
    [...latest].filter(([, outcome]) => outcome.startsWith('deferred')).map(([key]) => key),
  );
  return { sent, deferred };
}

interface PlannedLine {
  keyResult: KeyResultLine;
  /** Owned, in the current cycle, not done and not past due: a check-in is expected. */
  needsCheckIn: boolean;
  checkedIn: boolean;
  checkedInLastPeriod: boolean;
}

function keyResultLines(inputs: ReminderInputs, period: CheckInPeriod): PlannedLine[] {
  const { settings, now, timeZone } = inputs;
  const objectivesById = new Map(
    inputs.objectives.map((objective) => [idKey(objective.id), objective]),
  );
  const checkInTimes = latestCheckIns(inputs.checkIns);
  const previous = previousPeriod(period, settings, timeZone);
  const cycle = { start: settings.cycleStart, end: settings.cycleEnd };
  const periodStartDay = localDay(period.start, timeZone);
  const lines: PlannedLine[] = [];
  for (const keyResult of inputs.keyResults) {
    const objective = objectivesById.get(idKey(keyResult.objectiveId));
    if (!inCurrentCycle(objective, settings.cycleName)) continue;
    const progress = safely(() => progressOfKeyResult(keyResult));
    const planned = safely(() => keyResultPlannedProgress(keyResult, now, cycle));
    const status =
      progress === null || planned === null
        ? ''
        : (safely(() => statusFor(progress, planned, settings.atRiskGap, settings.offTrackGap)) ??
          '');
    const times = checkInTimes.get(idKey(keyResult.id)) ?? [];
    const lastCheckIn = latestOf([
      ...times,
      ...(keyResult.lastCheckIn ? [keyResult.lastCheckIn] : []),
    ]);
    const checkedInWithin = (from: Date, to: Date): boolean =>
      [...times, keyResult.lastCheckIn?.getTime() ?? Number.NaN].some(
        (time) => time >= from.getTime() && time < to.getTime(),
      );
    const pastDue =
      keyResult.dueDate !== null && localDay(keyResult.dueDate, timeZone) < periodStartDay;
    lines.push({
      keyResult: {
        id: keyResult.id,
        title: keyResult.title,
        objectiveId: keyResult.objectiveId,
        objectiveTitle: objective?.title ?? '',
        owner: keyResult.owner,
        unit: keyResult.unit,
        current: keyResult.current,
        target: keyResult.target,
        progress,
        planned,
        status,
        lastCheckIn,
      },
      needsCheckIn: keyResult.owner !== '' && status !== 'Done' && !pastDue,
      // A check-in typed with a later timestamp still counts for this period.
      checkedIn: checkedInWithin(period.start, new Date(8.64e15)),
      checkedInLastPeriod: checkedInWithin(previous.start, previous.end),
    });
  }
  return lines;
}

/** KRs of objectives with no Cycle, or with the Settings' cycle name, belong to the current cycle. */
function inCurrentCycle(objective: Objective | undefined, cycleName: string): boolean {
  if (!objective || objective.cycle.trim() === '' || cycleName.trim() === '') return true;
  return objective.cycle.trim().toLowerCase() === cycleName.trim().toLowerCase();
}

function latestCheckIns(checkIns: readonly CheckIn[]): Map<string, number[]> {
  const times = new Map<string, number[]>();
  for (const checkIn of checkIns) {
    const time = checkIn.timestamp.getTime();
    if (Number.isNaN(time)) continue;
    const key = idKey(checkIn.keyResultId);
    const list = times.get(key);
    if (list) list.push(time);
    else times.set(key, [time]);
  }
  return times;
}

function latestOf(times: readonly (number | Date)[]): Date | null {
  let latest = Number.NEGATIVE_INFINITY;
  for (const time of times)
    latest = Math.max(latest, typeof time === 'number' ? time : time.getTime());
  return Number.isFinite(latest) ? new Date(latest) : null;
}

/** A KR whose numbers cannot be scored still gets its reminder, just without progress. */
function safely<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch {
    return null;
  }
}

/** Owners in first-seen order, matched case-insensitively; the first spelling is the address used. */
function groupByOwner(lines: readonly PlannedLine[]): Map<string, PlannedLine[]> {
  const byKey = new Map<string, { owner: string; lines: PlannedLine[] }>();
  for (const line of lines) {
    const key = recipientKey(line.keyResult.owner);
    const group = byKey.get(key);
    if (group) group.lines.push(line);
    else byKey.set(key, { owner: line.keyResult.owner.trim(), lines: [line] });
  }
  return new Map([...byKey.values()].map((group) => [group.owner, group.lines]));
}

function draft(
  kind: ReminderKind,
  recipient: string,
  lines: readonly PlannedLine[],
  outcome: string,
): LogDraft {
  return { kind, recipient, keyResultIds: lines.map((line) => line.keyResult.id), outcome };
}

function invalidOwnerDrafts(inputs: ReminderInputs): LogDraft[] {
  const byOwner = new Map<string, { owner: string; ids: string[] }>();
  const idByRow = new Map(inputs.keyResults.map((keyResult) => [keyResult.row, keyResult.id]));
  for (const { row, owner } of inputs.invalidOwners ?? []) {
    const key = owner.trim().toLowerCase();
    const entry = byOwner.get(key) ?? { owner: owner.trim(), ids: [] };
    entry.ids.push(idByRow.get(row) ?? `row ${row}`);
    byOwner.set(key, entry);
  }
  return [...byOwner.values()].map((entry) => ({
    kind: 'reminder',
    recipient: entry.owner,
    keyResultIds: entry.ids,
    outcome: OUTCOME.invalidEmail,
  }));
}

const STATUS_ORDER: Record<KeyResultStatus, number> = {
  'Off track': 0,
  'At risk': 1,
  'On track': 2,
  Done: 3,
  '': 4,
};

function planDigests(
  inputs: ReminderInputs,
  plan: ReminderPlan,
  lines: readonly PlannedLine[],
  due: (kind: ReminderKind, recipient: string) => boolean,
): void {
  const recipients = inputs.settings.digestRecipients
    .map((recipient) => recipient.trim())
    .filter(Boolean);
  if (recipients.length === 0) return;
  const content = digestContent(
    lines,
    previousPeriod(plan.period, inputs.settings, inputs.timeZone).key,
  );
  const seen = new Set<string>();
  for (const recipient of recipients) {
    if (seen.has(recipientKey(recipient))) continue;
    seen.add(recipientKey(recipient));
    if (!due('digest', recipient)) continue;
    if (!isEmailAddress(recipient)) {
      plan.drafts.push({
        kind: 'digest',
        recipient,
        keyResultIds: [],
        outcome: OUTCOME.invalidEmail,
      });
      continue;
    }
    plan.digests.push({ recipient, content });
  }
}

function digestContent(lines: readonly PlannedLine[], missedPeriod: string): DigestContent {
  const atRisk = lines
    .map((line) => line.keyResult)
    .filter((line) => line.status === 'At risk' || line.status === 'Off track')
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  const missedByOwner = groupByOwner(
    lines.filter((line) => line.needsCheckIn && !line.checkedInLastPeriod),
  );
  const missed = [...missedByOwner].map(([owner, ownerLines]) => ({
    owner,
    keyResultIds: ownerLines.map((line) => line.keyResult.id),
  }));
  return { atRisk, missed, missedPeriod };
}

/** Log IDs of a digest: the at-risk KRs it lists. */
export function digestKeyResultIds(content: DigestContent): string[] {
  return content.atRisk.map((line) => line.id);
}
