/**
 * Who gets which check-in reminder (SPEC §4 Reminders). Pure: given the workbook's settings,
 * key results, check-ins, the Reminder Log and `now`, it decides the current check-in period and,
 * for every owner with key results in the current cycle, whether they are up to date, already
 * reminded this period, behind (one email listing the KRs they have not checked in on), or have
 * an owner cell that is not an email address.
 */
import { keyResultPlannedProgress } from './balance';
import { checkInPeriodAt, localDay, previousPeriod, type CheckInPeriod } from './checkInPeriod';
import { keyResultOutlook, type Outlook } from './forecast';
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
  /** The run ended before sending this email (its claim expired, or the log could not be written). */
  deferredRunStopped: 'deferred: run stopped',
  /** The run ended between marking the email as sending and recording the result. */
  unknown: 'unknown: the run stopped while sending',
  invalidEmail: 'skipped: invalid email',
  failedPrefix: 'failed: ',
} as const;

/** A run's claim on an email, written under the document lock before anything is sent. */
export interface ClaimMarks {
  /** Claimed, not sent yet. */
  queued: string;
  /** Being sent: written just before MailApp.sendEmail, replaced by the result right after. */
  sending: string;
}

const QUEUED = 'queued · run ';
const SENDING = 'sending · run ';

export function claimMarks(runId: string): ClaimMarks {
  return { queued: `${QUEUED}${runId}`, sending: `${SENDING}${runId}` };
}

/**
 * How long a claim holds. Apps Script ends every execution after 6 minutes, so a claim older than
 * this belongs to a run that is over; the rest is margin for the clocks of Google's servers.
 * https://developers.google.com/apps-script/guides/services/quotas#current_limitations
 */
export const CLAIM_EXPIRY_MS = 10 * 60 * 1000;

/** One row of the Reminder Log as the engine reads it. */
export interface ReminderLogEntry {
  /** The 1-based sheet row. */
  row: number;
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
  /** Where it lands at the pace of its check-ins; null for binary, baseline and unscoreable KRs. */
  forecast: Outlook | null;
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
  /** Recipients already reminded this period (or whose email may have gone out), left alone. */
  alreadySent: string[];
  /** Recipients another run has claimed and may be emailing right now, left to it. */
  inProgress: string[];
  /** Claims of runs that are over, with the outcome their rows now get. */
  expiredClaims: { row: number; outcome: string }[];
}

export interface ReminderInputs {
  settings: OkrSettings;
  objectives: readonly Objective[];
  keyResults: readonly KeyResult[];
  /**
   * The newest Check-ins rows, at least those that answer openCheckInQuestions: not the history.
   * Anything drawn from a KR's whole history belongs on its Key Results row instead.
   */
  recentCheckIns: readonly CheckIn[];
  /**
   * Each key result row's projected progress as its Forecast cell holds it (OKRFORECAST, which
   * Sheets computes over the whole history); null for a blank cell (too few check-ins: only the
   * pace needed is said). A row left out (no column, an error, a value still loading) has no
   * sentence, as in the sidebar.
   */
  forecasts?: ReadonlyMap<number, number | null>;
  log: readonly ReminderLogEntry[];
  /** Owner cells of Key Results rows that are not email addresses (by sheet row). */
  invalidOwners?: readonly { row: number; owner: string }[];
  now: Date;
  timeZone: string;
}

/**
 * `daily` is the trigger: on the check-in day it reminds everyone behind; on other days it
 * finishes what an earlier run of the same period deferred, or, when runs logged the previous
 * period but nothing of this one yet (the check-in day's run was missed), catches up with the
 * full rules.
 * `now` (Send reminders now, Preview) applies the full rules whatever the day.
 */
export type ReminderMode = 'daily' | 'now';

const EMAIL_PATTERN = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

export function isEmailAddress(text: string): boolean {
  return EMAIL_PATTERN.test(text.trim());
}

const recipientKey = (email: string): string => email.trim().toLowerCase();
const idKey = (id: string): string => id.trim().toLowerCase();

/**
 * The periods whose Reminder Log rows a plan at `now` reads: this period (what was sent, claimed
 * or deferred) and the one before (whether its runs happened, to catch up a missed check-in day).
 */
export function logPeriodsRead(
  settings: OkrSettings,
  now: Date,
  timeZone: string,
): ReadonlySet<string> {
  const period = checkInPeriodAt(now, settings, timeZone);
  return new Set([period.key, previousPeriod(period, settings, timeZone).key]);
}

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
    inProgress: [],
    expiredClaims: [],
  };
  if (plan.inactiveReason !== null) return plan;

  const previousKey = previousPeriod(period, settings, timeZone).key;
  const history = periodHistory(inputs.log, period.key, now.getTime());
  plan.expiredClaims = history.expiredClaims;
  // Runs logged last period but none yet this one: the check-in day's run was missed.
  const missed = !history.started && inputs.log.some((entry) => entry.period === previousKey);
  const fullRun = mode === 'now' || period.isCheckInDay || missed;
  const due = (kind: ReminderKind, recipient: string): boolean => {
    const key = `${kind} ${recipientKey(recipient)}`;
    if (history.done.has(key) || history.inProgress.has(key)) return false;
    return fullRun || history.deferred.has(key);
  };

  const lines = keyResultLines(inputs, period);
  for (const [owner, ownerLines] of groupByOwner(lines.filter((line) => line.needsCheckIn))) {
    const key = `reminder ${recipientKey(owner)}`;
    if (history.done.has(key)) {
      plan.alreadySent.push(owner);
      continue;
    }
    if (history.inProgress.has(key)) {
      plan.inProgress.push(owner);
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
  /** Whether any run logged anything for the period. */
  started: boolean;
  /** `kind recipient` pairs sent this period, or whose email may have gone out: never sent again. */
  done: Set<string>;
  /** Pairs claimed by a run that may still be running. */
  inProgress: Set<string>;
  /** Pairs whose latest outcome this period is a deferral (an expired queued claim is one). */
  deferred: Set<string>;
  expiredClaims: { row: number; outcome: string }[];
}

/**
 * What the log says about the period. The latest row of each pair (by time, then row) decides,
 * except that `sent` is final. A claim younger than CLAIM_EXPIRY_MS is in progress; an older one
 * belongs to a run that is over: if it was still queued its email was never sent (a run marks an
 * email sending before sending it), so it is deferred; if it was sending, the outcome is unknown
 * and the email is not sent again, so that nobody is emailed twice.
 */
function periodHistory(
  log: readonly ReminderLogEntry[],
  periodKey: string,
  now: number,
): PeriodHistory {
  const latest = new Map<string, { entry: ReminderLogEntry; outcome: string }>();
  const history: PeriodHistory = {
    started: false,
    done: new Set(),
    inProgress: new Set(),
    deferred: new Set(),
    expiredClaims: [],
  };
  for (const entry of log) {
    if (entry.period !== periodKey) continue;
    history.started = true;
    const key = `${entry.kind} ${recipientKey(entry.recipient)}`;
    const outcome = effectiveOutcome(entry, now);
    if (outcome !== entry.outcome && !isClaim(outcome))
      history.expiredClaims.push({ row: entry.row, outcome });
    if (outcome === OUTCOME.sent) history.done.add(key);
    const previous = latest.get(key);
    if (!previous || !isEarlier(entry, previous.entry)) latest.set(key, { entry, outcome });
  }
  for (const [key, { outcome }] of latest) {
    if (outcome.startsWith('unknown')) history.done.add(key);
    else if (isClaim(outcome)) history.inProgress.add(key);
    else if (outcome.startsWith('deferred')) history.deferred.add(key);
  }
  return history;
}

const isClaim = (outcome: string): boolean =>
  outcome.startsWith(QUEUED) || outcome.startsWith(SENDING);

/** The outcome a row stands for now: an expired claim is resolved as explained above. */
function effectiveOutcome(entry: ReminderLogEntry, now: number): string {
  if (!isClaim(entry.outcome)) return entry.outcome;
  const claimedAt = entry.time?.getTime() ?? Number.NaN;
  if (now - claimedAt < CLAIM_EXPIRY_MS) return entry.outcome;
  return entry.outcome.startsWith(QUEUED) ? OUTCOME.deferredRunStopped : OUTCOME.unknown;
}

function isEarlier(entry: ReminderLogEntry, than: ReminderLogEntry): boolean {
  const time = entry.time?.getTime() ?? Number.NEGATIVE_INFINITY;
  const thanTime = than.time?.getTime() ?? Number.NEGATIVE_INFINITY;
  return time < thanTime || (time === thanTime && entry.row < than.row);
}

/**
 * What the Key Results rows cannot settle. The save keeps each row's Last Check-in, so a KR whose
 * row shows a check-in in a span the plan asks about is settled; for the others a check-in row
 * typed into the sheet could still change the plan. Each open KR lists the spans a check-in would
 * have to fall in; `since` is the earliest start, so older rows change nothing.
 */
export class OpenCheckInQuestions {
  readonly since: Date | null;

  constructor(private readonly spans: Map<string, { from: number; to: number }[]>) {
    const earliest = Math.min(...[...spans.values()].flat().map((span) => span.from));
    this.since = Number.isFinite(earliest) ? new Date(earliest) : null;
  }

  /** Whether no check-in row could change the plan any more. */
  get settled(): boolean {
    return this.spans.size === 0;
  }

  /** Closes the spans of the check-in's KR that its time falls in. */
  answer(checkIn: CheckIn): void {
    const key = idKey(checkIn.keyResultId);
    const open = this.spans.get(key);
    const time = checkIn.timestamp.getTime();
    if (!open || Number.isNaN(time)) return;
    const left = open.filter((span) => time < span.from || time >= span.to);
    if (left.length === 0) this.spans.delete(key);
    else this.spans.set(key, left);
  }
}

/**
 * The check-in questions of a plan before any check-in row is read: for each KR that needs a
 * check-in, whether it was checked in this period (for its owner's reminder) and, when a digest
 * is asked for, during the previous period (for its missed check-ins).
 */
export function openCheckInQuestions(
  inputs: Omit<ReminderInputs, 'recentCheckIns' | 'log'>,
): OpenCheckInQuestions {
  const { settings, now, timeZone } = inputs;
  const spans = new Map<string, { from: number; to: number }[]>();
  if (inactiveReason(settings, now, timeZone) !== null) return new OpenCheckInQuestions(spans);
  const period = checkInPeriodAt(now, settings, timeZone);
  const previous = previousPeriod(period, settings, timeZone);
  const digest = settings.digestRecipients.some((recipient) => recipient.trim() !== '');
  for (const line of keyResultLines({ ...inputs, recentCheckIns: [], log: [] }, period)) {
    if (!line.needsCheckIn) continue;
    const open = [
      ...(line.checkedIn ? [] : [{ from: period.start.getTime(), to: Number.POSITIVE_INFINITY }]),
      ...(digest && !line.checkedInLastPeriod
        ? [{ from: previous.start.getTime(), to: previous.end.getTime() }]
        : []),
    ];
    if (open.length > 0) spans.set(idKey(line.keyResult.id), open);
  }
  return new OpenCheckInQuestions(spans);
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
  const checkInTimes = latestCheckIns(inputs.recentCheckIns);
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
        forecast: safely(() => {
          if (!inputs.forecasts?.has(keyResult.row)) return null;
          const projected = inputs.forecasts.get(keyResult.row)!;
          const latest = typeof keyResult.current === 'number' ? keyResult.current : null;
          return keyResultOutlook(keyResult, latest, projected, now, cycle);
        }),
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
