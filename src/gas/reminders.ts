/**
 * Weekly check-in reminders on Apps Script: the daily trigger (one per user and spreadsheet),
 * its handler, Send reminders now and the preview. Each run reads Settings, Objectives, Key Results
 * and the Reminder Log once and of Check-ins only the recent rows its plan depends on, sends one
 * MailApp email per recipient within the daily quota and the 6-minute limit, and appends all
 * Reminder Log rows in one batch under the document lock. docs/reminders.md explains the rules.
 */
import { nextReminderAt } from '../core/checkInPeriod';
import { OkrInputError } from '../core/errors';
import { sendClaimedEmails, type EmailMessage, type OutgoingEmail } from '../core/reminderDispatch';
import {
  digestEmail,
  formatDay,
  formatPercent,
  reminderEmail,
  type EmailContext,
} from '../core/reminderEmail';
import {
  OUTCOME,
  claimMarks,
  digestKeyResultIds,
  openCheckInQuestions,
  logPeriodsRead,
  planReminders,
  type ClaimMarks,
  type KeyResultLine,
  type LogDraft,
  type ReminderInputs,
  type ReminderKind,
  type ReminderMode,
  type ReminderPlan,
} from '../core/reminders';
import type { OkrSettings } from '../core/settings';
import { WALL_CLOCK_ZONE } from '../core/wallClock';
import {
  REMINDER_PREVIEW_CHIPS,
  REMINDER_PREVIEW_PAGE_SIZE,
  REMINDER_PREVIEW_PROBLEMS,
  type ReminderPreview,
  type ReminderPreviewEmail,
  type ReminderPreviewEmailRequest,
  type ReminderPreviewKeyResult,
} from '../shared/reminders';
import { describeProblem, type RowProblem } from '../workbook/problems';
import {
  KEY_RESULTS,
  OBJECTIVES,
  REPORT_DATE_RANGE,
  SETTINGS,
  type TableDef,
} from '../workbook/schema';
import { parseSettings } from '../workbook/settings';
import { parseKeyResults, parseObjectives } from '../workbook/tables';
import {
  appendLogRows,
  overwriteOutcomes,
  readReminderLogSheet,
  rewriteOutcomes,
  type LogStamp,
} from './reminderLogSheet';
import { forecastsByRow } from './checkIn';
import { readRecentCheckIns } from './recentCheckIns';
import { keepReportDateCurrent } from './reportDate';
import { spreadsheetNow, spreadsheetTimeZone } from './sheetValues';
import { showDialogPage } from './ui';
import { readTable, withDocumentLock } from './tables';

/** The trigger handler's name in src/index.ts; triggers find their function by this name. */
export const REMINDER_HANDLER = 'runDailyReminders';

/** User property: trigger unique ID → spreadsheet ID, so a run knows its spreadsheet without an active one. */
const TRIGGER_SPREADSHEETS_KEY = 'okrCadence.reminderTriggers';
/** Document property: the last Turn on / Turn off in this spreadsheet, for the menu and the preview. */
const DOCUMENT_STATE_KEY = 'okrCadence.reminders';

/**
 * Runs stop sending after this long and defer the rest to the next run, leaving time to write the
 * log before Apps Script ends the execution at 6 minutes.
 * https://developers.google.com/apps-script/guides/services/quotas#current_limitations
 */
const SEND_BUDGET_MS = 4.5 * 60 * 1000;

/** How long a run waits for the document lock; check-in saves hold it for a moment only. */
const RUN_LOCK_WAIT_MS = 20_000;

const SENDER_NAME = 'OKR Cadence';

interface DocumentState {
  on: boolean;
  spreadsheetId: string;
  reminderHour: number;
  checkInDay: string;
  timeZone: string;
}

export interface ReminderRunSummary {
  period: string;
  inactiveReason: string | null;
  sent: number;
  upToDate: number;
  deferred: number;
  failed: number;
  skipped: number;
  alreadySent: number;
  inProgress: number;
}

// ---- Menu: turn on, turn off, send now, preview --------------------------------------------

/** Reminders ▸ Turn on weekly reminders. */
export function turnOnRemindersFromMenu(): void {
  withAlert('Reminders were not turned on', () => {
    alert('Weekly reminders are on', installReminderTrigger(spreadsheetNow()));
  });
}

/** Reminders ▸ Turn off. */
export function turnOffRemindersFromMenu(): void {
  withAlert('Reminders were not turned off', () => {
    const message =
      removeReminderTrigger() > 0
        ? 'You will send no more reminders from this spreadsheet. Others who turned reminders on keep theirs.'
        : 'Reminders were not on for you in this spreadsheet, so there was nothing to turn off.';
    alert('Weekly reminders are off', message);
  });
}

/** Reminders ▸ Send reminders now: the same rules, for the current period, whatever the day. */
export function sendRemindersNowFromMenu(): void {
  withAlert('Reminders were not sent', () => {
    alert('Reminders', describeSummary(runReminders('now', spreadsheetNow(), Date.now())));
  });
}

function alert(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

/** Problems meant for people (a missing sheet, a busy lock) become an alert instead of an error. */
function withAlert(title: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    if (!(error instanceof OkrInputError)) throw error;
    alert(title, error.message);
  }
}

/** Reminders ▸ Preview reminders: a dialog that sends nothing. */
export function showReminderPreview(): void {
  showDialogPage('ReminderPreview', 'Preview reminders', 760, 600);
}

/** The Reminders submenu title: "Reminders (on)" when known, without breaking AuthMode.NONE. */
export function remindersMenuTitle(event?: {
  authMode?: GoogleAppsScript.Script.AuthMode;
}): string {
  // Properties need authorisation: in AuthMode.NONE (or with no event) any call would hide the menu.
  // https://developers.google.com/workspace/add-ons/concepts/menus
  if (!event || event.authMode === undefined || event.authMode === ScriptApp.AuthMode.NONE)
    return 'Reminders';
  try {
    return readDocumentState()?.on ? 'Reminders (on)' : 'Reminders';
  } catch {
    return 'Reminders';
  }
}

// ---- The trigger -----------------------------------------------------------------------------

/**
 * Installs this user's one daily trigger for this spreadsheet at the Settings' reminder hour in
 * the spreadsheet's time zone, replacing an earlier one, and says when reminders next go out.
 */
export function installReminderTrigger(now: Date): string {
  const spreadsheet = requireActiveSpreadsheet();
  const settings = readSettings(now).settings;
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  withDocumentLock(() => {
    deleteTriggers(spreadsheet);
    // An add-on may keep one time-driven trigger per user per document, firing at most hourly;
    // everyDays(1).atHour(h) runs once a day at a random minute within that hour.
    // https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions
    const trigger = ScriptApp.newTrigger(REMINDER_HANDLER)
      .timeBased()
      .everyDays(1)
      .atHour(settings.reminderHour)
      .inTimezone(timeZone)
      .create();
    const userProperties = PropertiesService.getUserProperties();
    const map = readTriggerMap(userProperties);
    map[trigger.getUniqueId()] = spreadsheet.getId();
    userProperties.setProperty(TRIGGER_SPREADSHEETS_KEY, JSON.stringify(map));
    writeDocumentState({
      on: true,
      spreadsheetId: spreadsheet.getId(),
      reminderHour: settings.reminderHour,
      checkInDay: settings.checkInDay,
      timeZone,
    });
  });
  const next = nextReminderAt(now, settings, WALL_CLOCK_ZONE);
  const hour = next.getUTCHours();
  return (
    `Owners who have not checked in get one email on each check-in day (${settings.checkInDay}). ` +
    `The next reminders go out on ${formatDay(next, WALL_CLOCK_ZONE)} between ${clock(hour)} and ${clock(hour + 1)} (${timeZone}). ` +
    `The same daily run keeps the report date current. Emails are sent from your account; see the Reminder Log sheet for what was sent.`
  );
}

/** Removes this user's reminder trigger for this spreadsheet; returns how many were removed. */
export function removeReminderTrigger(): number {
  const spreadsheet = requireActiveSpreadsheet();
  return withDocumentLock(() => {
    const removed = deleteTriggers(spreadsheet);
    const state = readDocumentState();
    writeDocumentState({
      on: false,
      spreadsheetId: spreadsheet.getId(),
      reminderHour: state?.reminderHour ?? 0,
      checkInDay: state?.checkInDay ?? '',
      timeZone: state?.timeZone ?? spreadsheet.getSpreadsheetTimeZone(),
    });
    return removed;
  });
}

/**
 * Deletes this user's reminder triggers for the spreadsheet: those Apps Script lists for the
 * spreadsheet, and any whose ID we stored for it (time-driven triggers may not be listed there).
 * https://developers.google.com/apps-script/reference/script/script-app#getusertriggersspreadsheet
 */
function deleteTriggers(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): number {
  const userProperties = PropertiesService.getUserProperties();
  const map = readTriggerMap(userProperties);
  const spreadsheetId = spreadsheet.getId();
  const ours = new Set(Object.keys(map).filter((uid) => map[uid] === spreadsheetId));
  const isReminder = (trigger: GoogleAppsScript.Script.Trigger): boolean =>
    trigger.getHandlerFunction() === REMINDER_HANDLER;
  const doomed = [
    ...ScriptApp.getUserTriggers(spreadsheet).filter(isReminder),
    ...ScriptApp.getProjectTriggers().filter(
      (trigger) => isReminder(trigger) && ours.has(trigger.getUniqueId()),
    ),
  ];
  const deleted = new Set<string>();
  for (const trigger of doomed) {
    if (deleted.has(trigger.getUniqueId())) continue;
    ScriptApp.deleteTrigger(trigger);
    deleted.add(trigger.getUniqueId());
  }
  for (const uid of ours) delete map[uid];
  userProperties.setProperty(TRIGGER_SPREADSHEETS_KEY, JSON.stringify(map));
  return deleted.size;
}

/**
 * The daily trigger: stops cleanly when the add-on needs new consent, keeps the report date at
 * today, and on the check-in day (or to finish deferred emails) sends the reminders.
 */
export function runDailyReminderTrigger(event?: Partial<GoogleAppsScript.Events.TimeDriven>): void {
  const startedAt = Date.now();
  // After an update that asks for new scopes, triggers keep firing and fail at the first call
  // that lacks consent; check first and stop with a log line instead.
  // https://developers.google.com/apps-script/reference/script/script-app#getauthorizationinfoauthmode
  const authorization = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  if (authorization.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED) {
    console.warn(
      'OKR Cadence reminders were not sent: the add-on needs your permission again. Open the spreadsheet and choose ' +
        'Extensions → OKR Cadence → Reminders → Turn on weekly reminders. ' +
        authorization.getAuthorizationUrl(),
    );
    return;
  }
  const spreadsheet = reminderSpreadsheet(event?.triggerUid);
  if (!spreadsheet) return;
  const now = spreadsheetNow();
  try {
    refreshReportDate(now);
    const summary = runReminders('daily', now, startedAt);
    console.log(`OKR Cadence reminders for ${spreadsheet.getName()}: ${describeSummary(summary)}`);
  } catch (error) {
    // A sheet problem is for people: log it plainly instead of failing the trigger every day.
    if (!(error instanceof OkrInputError)) throw error;
    console.warn(
      `OKR Cadence reminders for ${spreadsheet.getName()} were not sent: ${error.message}`,
    );
  }
}

/**
 * The spreadsheet the run is for. Whether an add-on's time-driven trigger has an active
 * spreadsheet is not documented, so without one we open the ID stored with the trigger; that
 * needs the spreadsheets scope (docs/reminders.md). The gateway reads the active spreadsheet,
 * so the opened one is made active.
 */
function reminderSpreadsheet(
  triggerUid: string | undefined,
): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  const map = readTriggerMap(PropertiesService.getUserProperties());
  const spreadsheetId = (triggerUid && map[triggerUid]) || onlyValue(map);
  if (!spreadsheetId) {
    console.warn(
      'OKR Cadence reminders: no spreadsheet is stored for this trigger. Turn reminders on again from the spreadsheet.',
    );
    return null;
  }
  try {
    const opened = SpreadsheetApp.openById(spreadsheetId);
    SpreadsheetApp.setActiveSpreadsheet(opened);
    return opened;
  } catch (error) {
    console.warn(
      `OKR Cadence reminders could not open spreadsheet ${spreadsheetId} (${error instanceof Error ? error.message : String(error)}). ` +
        'If it was deleted or you lost access, turn reminders off there or remove the trigger.',
    );
    return null;
  }
}

function onlyValue(map: Record<string, string>): string {
  const ids = [...new Set(Object.values(map))];
  return ids.length === 1 ? ids[0]! : '';
}

/** Custom functions may not call TODAY(), so the run keeps OKR_REPORT_DATE at today's date. */
function refreshReportDate(now: Date): void {
  try {
    if (!keepReportDateCurrent({ lockWaitMs: RUN_LOCK_WAIT_MS }, now)) {
      console.warn(
        `OKR Cadence: the named range ${REPORT_DATE_RANGE} is missing, so the report date was not updated. Run Set up OKR workbook.`,
      );
    }
  } catch (error) {
    // A busy lock must not cost the reminders; tomorrow's run sets the date.
    if (!(error instanceof OkrInputError)) throw error;
    console.warn(`OKR Cadence: the report date was not updated (${error.message}).`);
  }
}

// ---- One reminder run -------------------------------------------------------------------------

interface ReminderWorkbook {
  inputs: Omit<ReminderInputs, 'log'>;
  context: EmailContext;
  problems: RowProblem[];
}

/**
 * Plans, claims, sends and logs one run. `startedAt` is when the execution began (for the time
 * limit). The log is read and the emails claimed in one hold of the document lock, so two runs
 * never claim the same email; each is then sent outside the lock (docs/reminders.md).
 */
export function runReminders(mode: ReminderMode, now: Date, startedAt: number): ReminderRunSummary {
  const { inputs, context } = readReminderWorkbook(now);
  const quota = Math.max(0, Math.floor(MailApp.getRemainingDailyQuota()));
  const marks = claimMarks(Utilities.getUuid().slice(0, 8).toLowerCase());
  const claim = withDocumentLock(() => claimEmails(inputs, mode, quota, marks), RUN_LOCK_WAIT_MS);
  const { plan, stamp } = claim;
  const emailContext = { ...context, periodStart: plan.period.start };
  const emails: OutgoingEmail[] = claim.claimed.map((email) => ({
    ...email,
    message: email.compose(emailContext),
  }));
  const outcomes = sendClaimedEmails(emails, marks, {
    hasTimeLeft: () => Date.now() - startedAt < SEND_BUDGET_MS,
    send: (message) => MailApp.sendEmail({ ...message, name: SENDER_NAME }),
    record: (index, previous, next) =>
      overwriteOutcomes(claim.sheet!, claim.outcomeColumn, claim.firstRow + index, previous, next),
    append: (drafts) =>
      withDocumentLock(
        () =>
          appendLogRows(readReminderLogSheet(inputs.timeZone, logPeriods(inputs)), drafts, {
            ...stamp,
            time: spreadsheetNow(),
          }),
        RUN_LOCK_WAIT_MS,
      ),
  });
  return summarize(plan, [...outcomes, ...claim.logged]);
}

/** An email the plan asks for; its message is composed only when it is sent or previewed. */
interface PlannedEmail {
  kind: ReminderKind;
  recipient: string;
  keyResultIds: string[];
  compose: (context: EmailContext) => EmailMessage;
}

interface Claim {
  plan: ReminderPlan;
  stamp: LogStamp;
  /** The emails this run may send, in the order of their claim rows. */
  claimed: PlannedEmail[];
  /** Rows logged without an email (up to date, invalid address, over the quota). */
  logged: LogDraft[];
  sheet: GoogleAppsScript.Spreadsheet.Sheet | null;
  /** The sheet row of the first claim, and the 0-based Outcome column. */
  firstRow: number;
  outcomeColumn: number;
}

/**
 * Under the document lock: reads and checks the log, plans against it, and appends one row per
 * email this run will send ("queued") and per recipient it only logs, in one batch. Emails over
 * the day's quota are logged deferred instead of claimed.
 */
function claimEmails(
  inputs: Omit<ReminderInputs, 'log'>,
  mode: ReminderMode,
  quota: number,
  marks: ClaimMarks,
): Claim {
  const log = readReminderLogSheet(inputs.timeZone, logPeriods(inputs));
  const plan = planReminders({ ...inputs, log: log.entries }, mode);
  const stamp = { time: inputs.now, periodStart: plan.period.start };
  const planned = plannedEmails(plan);
  const claimed = planned.slice(0, quota);
  const logged = [
    ...planned.slice(quota).map((email) => logDraft(email, OUTCOME.deferredQuota)),
    ...plan.drafts,
  ];
  const rows = [...claimed.map((email) => logDraft(email, marks.queued)), ...logged];
  const claim = { plan, stamp, claimed, logged };
  if (rows.length === 0 && plan.expiredClaims.length === 0)
    return { ...claim, sheet: log.sheet, firstRow: 0, outcomeColumn: 0 };
  rewriteOutcomes(log, plan.expiredClaims);
  const appended = appendLogRows(log, rows, stamp);
  // Saved before the lock is released, so the next run reads these claims.
  // https://developers.google.com/apps-script/reference/lock/lock#releaselock
  SpreadsheetApp.flush();
  return { ...claim, ...appended };
}

/** The Reminder Log periods the plan reads. */
const logPeriods = (inputs: Omit<ReminderInputs, 'log'>): ReadonlySet<string> =>
  logPeriodsRead(inputs.settings, inputs.now, inputs.timeZone);

function logDraft(email: PlannedEmail, outcome: string): LogDraft {
  return {
    kind: email.kind,
    recipient: email.recipient,
    keyResultIds: email.keyResultIds,
    outcome,
  };
}

function readReminderWorkbook(now: Date): ReminderWorkbook {
  const spreadsheet = requireActiveSpreadsheet();
  const settings = readSettings(now);
  const keyResultValues = readTable(KEY_RESULTS).values;
  const keyResults = parseKeyResults(keyResultValues);
  const objectivesValues = readOptional(OBJECTIVES);
  const objectives = objectivesValues.length > 0 ? parseObjectives(objectivesValues) : null;
  const ownerColumn = keyResults.columns.owner;
  const forecastColumn = keyResults.columns.forecast;
  const invalidOwners = keyResults.problems
    .filter((problem) => problem.column === 'Owner' && ownerColumn !== undefined)
    .map((problem) => ({
      row: problem.row,
      owner: String(keyResultValues[problem.row - 1]?.[ownerColumn!] ?? ''),
    }));
  const rows = {
    settings: settings.settings,
    objectives: objectives?.rows ?? [],
    keyResults: keyResults.rows,
    // The Forecast column, as Sheets computed it over the whole history, read with the rows.
    forecasts:
      forecastColumn === undefined
        ? undefined
        : forecastsByRow(keyResultValues.slice(1).map((cells) => [cells[forecastColumn]])),
    invalidOwners,
    now,
    timeZone: WALL_CLOCK_ZONE,
  };
  return {
    // The rows keep each KR's Last Check-in; Check-ins is read only where they leave a question.
    inputs: { ...rows, recentCheckIns: readRecentCheckIns(openCheckInQuestions(rows)) },
    context: {
      spreadsheetName: spreadsheet.getName(),
      spreadsheetUrl: spreadsheet.getUrl(),
      cycleName: settings.settings.cycleName,
      periodStart: now,
      timeZone: WALL_CLOCK_ZONE,
    },
    problems: [...settings.problems, ...keyResults.problems],
  };
}

function readSettings(now: Date): { settings: OkrSettings; problems: RowProblem[] } {
  return parseSettings(readOptional(SETTINGS), now);
}

/** Sheets a run can do without read as empty; a missing Key Results sheet is an error for people. */
function readOptional(table: TableDef): unknown[][] {
  try {
    return readTable(table).values;
  } catch (error) {
    if (error instanceof OkrInputError) return [];
    throw error;
  }
}

function plannedEmails(plan: ReminderPlan): PlannedEmail[] {
  return [
    ...plan.reminders.map((reminder) => ({
      kind: 'reminder' as const,
      recipient: reminder.recipient,
      keyResultIds: reminder.keyResults.map((line) => line.id),
      compose: (context: EmailContext) => reminderEmail(reminder, context),
    })),
    ...plan.digests.map((digest) => ({
      kind: 'digest' as const,
      recipient: digest.recipient,
      keyResultIds: digestKeyResultIds(digest.content),
      compose: (context: EmailContext) => digestEmail(digest, context),
    })),
  ];
}

function summarize(plan: ReminderPlan, drafts: readonly LogDraft[]): ReminderRunSummary {
  const count = (test: (outcome: string) => boolean): number =>
    drafts.filter((draft) => test(draft.outcome)).length;
  return {
    period: plan.period.key,
    inactiveReason: plan.inactiveReason,
    sent: count((outcome) => outcome === OUTCOME.sent),
    upToDate: count((outcome) => outcome === OUTCOME.upToDate),
    deferred: count((outcome) => outcome.startsWith('deferred')),
    failed: count((outcome) => outcome.startsWith(OUTCOME.failedPrefix)),
    skipped: count((outcome) => outcome === OUTCOME.invalidEmail),
    alreadySent: plan.alreadySent.length,
    inProgress: plan.inProgress.length,
  };
}

export function describeSummary(summary: ReminderRunSummary): string {
  if (summary.inactiveReason) return summary.inactiveReason;
  const parts = [
    `${summary.sent} sent`,
    `${summary.upToDate} up to date`,
    `${summary.alreadySent} already reminded this period`,
  ];
  if (summary.deferred)
    parts.push(`${summary.deferred} deferred to the next run (mail quota or time limit)`);
  if (summary.failed) parts.push(`${summary.failed} failed`);
  if (summary.skipped) parts.push(`${summary.skipped} skipped for an invalid email address`);
  if (summary.inProgress) parts.push(`${summary.inProgress} being sent by another run right now`);
  return `Check-in period from ${summary.period}: ${parts.join(', ')}. Details are in the Reminder Log sheet.`;
}

// ---- Preview ------------------------------------------------------------------------------------

/**
 * One page of who would get what if reminders were sent now; sends and writes nothing. Every list
 * is cut to the page and each recipient to a few key results; the emails themselves come one at a
 * time from reminderPreviewEmail, when the dialog shows them.
 */
export function reminderPreview(request: unknown, now: Date = spreadsheetNow()): ReminderPreview {
  const { plan, context, problems, settings } = previewPlan(now);
  const planned = plannedEmails(plan);
  const size = REMINDER_PREVIEW_PAGE_SIZE;
  const longest = Math.max(planned.length, plan.drafts.length, plan.alreadySent.length);
  const pageCount = Math.max(1, Math.ceil(longest / size));
  const page = Math.min(previewPageOf(request), pageCount - 1);
  const onPage = <T>(items: readonly T[]): T[] => items.slice(page * size, (page + 1) * size);
  const lines = previewLinesByRecipient(plan);
  const emails = onPage(planned).map((email) => {
    const emailLines = lines.get(`${email.kind} ${email.recipient}`) ?? [];
    return {
      kind: email.kind,
      to: email.recipient,
      subject: email.compose(context).subject,
      keyResults: emailLines
        .slice(0, REMINDER_PREVIEW_CHIPS)
        .map((line) => previewLine(line, context.timeZone)),
      keyResultCount: emailLines.length,
    };
  });
  return {
    periodStart: formatDay(plan.period.start, context.timeZone),
    inactiveReason: plan.inactiveReason,
    schedule: describeSchedule(settings, spreadsheetTimeZone(), now),
    page,
    pageCount,
    reminderCount: plan.reminders.length,
    digestCount: plan.digests.length,
    emails,
    logOnly: onPage(plan.drafts).map((draft) => ({ ...draft })),
    logOnlyCount: plan.drafts.length,
    alreadySent: onPage(plan.alreadySent),
    alreadySentCount: plan.alreadySent.length,
    inProgress: plan.inProgress.slice(0, size),
    inProgressCount: plan.inProgress.length,
    remainingQuota: planned.length > 0 ? MailApp.getRemainingDailyQuota() : -1,
    problems: problems.slice(0, REMINDER_PREVIEW_PROBLEMS),
    problemCount: problems.length,
  };
}

/** One email of the preview, composed as it would be sent; null when nobody would get it now. */
export function reminderPreviewEmail(
  request: unknown,
  now: Date = spreadsheetNow(),
): ReminderPreviewEmail | null {
  const wanted = previewEmailRequestOf(request);
  const { plan, context } = previewPlan(now);
  const email = plannedEmails(plan).find(
    (candidate) =>
      candidate.kind === wanted.kind &&
      candidate.recipient.toLowerCase() === wanted.to.trim().toLowerCase(),
  );
  return email ? previewEmail(email, context) : null;
}

interface PreviewPlan {
  plan: ReminderPlan;
  context: EmailContext;
  settings: OkrSettings;
  problems: string[];
}

/** The plan of a Send reminders now at `now`, against the log as it stands (read, not locked). */
function previewPlan(now: Date): PreviewPlan {
  const { inputs, context, problems } = readReminderWorkbook(now);
  const log = readReminderLogSheet(inputs.timeZone, logPeriods(inputs));
  const plan = planReminders({ ...inputs, log: log.entries }, 'now');
  return {
    plan,
    context: { ...context, periodStart: plan.period.start },
    settings: inputs.settings,
    problems: problems
      .filter((problem) => problem.column === 'Owner' || problem.sheet === SETTINGS.sheetName)
      .map(describeProblem),
  };
}

function previewEmail(email: PlannedEmail, context: EmailContext): ReminderPreviewEmail {
  const message = email.compose(context);
  return {
    kind: email.kind,
    to: email.recipient,
    subject: message.subject,
    html: message.htmlBody,
  };
}

function previewLinesByRecipient(plan: ReminderPlan): Map<string, readonly KeyResultLine[]> {
  return new Map<string, readonly KeyResultLine[]>([
    ...plan.reminders.map(
      (reminder) => [`reminder ${reminder.recipient}`, reminder.keyResults] as const,
    ),
    ...plan.digests.map((digest) => [`digest ${digest.recipient}`, digest.content.atRisk] as const),
  ]);
}

/** The requested page: a whole number from 0, else the first page. */
function previewPageOf(request: unknown): number {
  const page = (request as { page?: unknown } | null)?.page;
  return typeof page === 'number' && Number.isInteger(page) && page >= 0 ? page : 0;
}

function previewEmailRequestOf(request: unknown): ReminderPreviewEmailRequest {
  const { kind, to } = (request ?? {}) as { kind?: unknown; to?: unknown };
  if ((kind !== 'reminder' && kind !== 'digest') || typeof to !== 'string' || to.length > 320) {
    throw new OkrInputError('Choose a recipient from the list to see their email.');
  }
  return { kind, to };
}

function previewLine(line: KeyResultLine, timeZone: string): ReminderPreviewKeyResult {
  return {
    id: line.id,
    title: line.title,
    progress: formatPercent(line.progress),
    planned: formatPercent(line.planned),
    status: line.status,
    lastCheckIn: line.lastCheckIn ? formatDay(line.lastCheckIn, timeZone) : 'never',
  };
}

/** Whether this person's trigger is installed here, and when it next sends. */
function describeSchedule(settings: OkrSettings, timeZone: string, now: Date): string {
  const spreadsheet = requireActiveSpreadsheet();
  const map = readTriggerMap(PropertiesService.getUserProperties());
  const on = Object.values(map).includes(spreadsheet.getId());
  if (!on) {
    return 'Weekly reminders are off for you in this spreadsheet (someone else may have turned on their own). Turn them on from Extensions → OKR Cadence → Reminders.';
  }
  const next = nextReminderAt(now, settings, WALL_CLOCK_ZONE);
  const hour = next.getUTCHours();
  return `Weekly reminders are on for you. The next ones go out on ${formatDay(next, WALL_CLOCK_ZONE)} between ${clock(hour)} and ${clock(hour + 1)} (${timeZone}).`;
}

// ---- Properties ---------------------------------------------------------------------------------

function readTriggerMap(
  properties: GoogleAppsScript.Properties.Properties,
): Record<string, string> {
  const parsed = safeJson(properties.getProperty(TRIGGER_SPREADSHEETS_KEY));
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  return Object.fromEntries(
    Object.entries(parsed as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

function readDocumentState(): DocumentState | null {
  const properties = PropertiesService.getDocumentProperties();
  const parsed = safeJson(properties?.getProperty(DOCUMENT_STATE_KEY) ?? null);
  return parsed && typeof parsed === 'object' && typeof (parsed as DocumentState).on === 'boolean'
    ? (parsed as DocumentState)
    : null;
}

function writeDocumentState(state: DocumentState): void {
  PropertiesService.getDocumentProperties()?.setProperty(DOCUMENT_STATE_KEY, JSON.stringify(state));
}

function safeJson(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function requireActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet)
    throw new OkrInputError('Open the OKR spreadsheet and try again from its Extensions menu.');
  return spreadsheet;
}

function clock(hour: number): string {
  return `${String(hour % 24).padStart(2, '0')}:00`;
}
