/**
 * Apps Script entry points of OKR Cadence. Every export here becomes a top-level function in
 * dist/Code.js (see scripts/build.ts); the logic lives in the modules it imports.
 */
import { buildAddonMenu } from './gas/menu';
import { keepReportDateCurrent, keepReportDateCurrentOnOpen, onReportDay } from './gas/reportDate';
import { okrBalance } from './functions/okrBalance';
import { okrPlanned } from './functions/okrPlanned';
import { okrExpected } from './functions/okrExpected';
import { okrForecast } from './functions/okrForecast';
import { okrProgress } from './functions/okrProgress';
import { okrScore } from './functions/okrScore';
import { okrStatus } from './functions/okrStatus';
import { okrAlignment, okrSummary } from './functions/okrRollup';
import type { CellOutput, RangeOutput } from './functions/grid';
import { loadExampleOkrsFromMenu } from './gas/exampleOkrs';
import { showHelpSidebar } from './gas/help';
import { setUpWorkbookFromMenu } from './gas/setup';
import * as checkIn from './gas/checkIn';
import { showSidebarPage } from './gas/ui';
import type {
  CheckInContext,
  KeyResultDetailResult,
  KeyResultPage,
  SaveCheckInResult,
} from './shared/checkIn';
import * as reminders from './gas/reminders';
import { buildDashboardFromMenu } from './gas/dashboard';
import { checkOkrHealthFromMenu } from './gas/health';
import { buildCalendarFromMenu } from './gas/calendar';
import { okrHealth } from './functions/health';
import * as closeCycleDialog from './gas/closeCycle';
import { reopenCycleFromMenu } from './gas/reopenCycle';
import * as teamCheck from './gas/teamCheck';
import { buildRollUpFromMenu } from './gas/rollUp';
import type { CloseCycleData, CloseCycleResult } from './shared/closeCycle';
import type { ReminderPreview, ReminderPreviewEmail } from './shared/reminders';
import * as importOkrs from './gas/importOkrs';
import type { ImportPreview, ImportResult, ImportSources } from './shared/import';
import { argumentsInSpreadsheetTime } from './gas/sheetValues';

/**
 * Adds the OKR Cadence menu and, once the add-on is authorised in the document, moves the report
 * date to today. Runs in AuthMode.NONE before the add-on is authorised, so it then touches nothing
 * but the menu.
 * @param {GoogleAppsScript.Events.SheetsOnOpen} event the open event
 */
export function onOpen(event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildAddonMenu(event);
  keepReportDateCurrentOnOpen(event);
}

/**
 * Runs once when a user installs the add-on: shows the menu straight away.
 * @param {GoogleAppsScript.Events.AddonOnInstall} event the install event
 */
export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

// Workbook setup, example OKRs and help (docs/sheets.md#setting-up-the-workbook)

/**
 * Adds the OKR sheets, columns, formulas, validations, named ranges and Settings the workbook
 * lacks, changing nothing that exists, and says what it added in a toast.
 */
export function setUpWorkbook(): void {
  setUpWorkbookFromMenu();
  keepReportDateCurrent({ renote: true });
}

/** Fills an empty workbook with an example cycle; refuses with an alert when it has OKRs. */
export function loadExampleOkrs(): void {
  loadExampleOkrsFromMenu();
  keepReportDateCurrent({ renote: true });
}

/** Opens the Help sidebar: a guide to the menu and every custom function. */
export function showHelp(): void {
  showHelpSidebar();
}

// Check-in sidebar (docs/check-ins.md)

/** Opens the check-in sidebar (menu: Check in…). */
export function showCheckInSidebar(): void {
  onReportDay(() => showSidebarPage('Sidebar', 'OKR check-in'));
}

/**
 * The sidebar's data when it opens: the user's email, their key results of the current cycle and
 * the first page of all of them, with progress, plan and status.
 * @return {CheckInContext} JSON-safe context for sidebar/Sidebar.ts
 */
export function getCheckInContext(): CheckInContext {
  return onReportDay(checkIn.getCheckInContext);
}

/**
 * One page of the current cycle's key results matching the search words (ID, title, objective,
 * owner).
 * @param {KeyResultSearch} request `{ query, offset }` from the sidebar (never trusted)
 * @return {KeyResultPage} the matching key results from `offset`, and how many match in all
 */
export function searchKeyResults(request: unknown): KeyResultPage {
  return checkIn.searchKeyResults(request);
}

/**
 * The key result the check-in form opens: its figures, last check-ins and milestone checklist.
 * @param {string} keyResultId the key result's ID
 * @return {KeyResultDetailResult} the key result, or why it cannot take a check-in
 */
export function getKeyResultDetail(keyResultId: unknown): KeyResultDetailResult {
  return checkIn.getKeyResultDetail(keyResultId);
}

/**
 * The open cycle as the sidebar compares it, so a sidebar left open notices a closed cycle.
 * @return {string} a stamp that changes when a cycle is closed or reopened
 */
export function getCheckInCycle(): string {
  return checkIn.getCheckInCycle();
}

/**
 * Saves a check-in from the sidebar: validates every field, appends one Check-ins row and updates
 * the key result row under the document lock.
 * @param {CheckInPayload} payload the check-in as the sidebar sends it (never trusted)
 * @return {SaveCheckInResult} the refreshed key result, or the problems by field
 */
export function saveCheckIn(payload: unknown): SaveCheckInResult {
  return onReportDay(() => checkIn.saveCheckIn(payload));
}

// Weekly check-in reminders by email (docs/reminders.md)

/**
 * Installs this user's one daily reminder trigger for this spreadsheet (replacing an earlier
 * one) at the Settings' reminder hour, and says when reminders next go out.
 */
export function turnOnReminders(): void {
  onReportDay(reminders.turnOnRemindersFromMenu);
}

/** Removes this user's reminder trigger for this spreadsheet. */
export function turnOffReminders(): void {
  onReportDay(reminders.turnOffRemindersFromMenu);
}

/** Sends this period's reminders now to owners who are behind and not yet reminded. */
export function sendRemindersNow(): void {
  onReportDay(reminders.sendRemindersNowFromMenu);
}

/** Opens a dialog showing who would get which reminder; sends nothing. */
export function previewReminders(): void {
  onReportDay(reminders.showReminderPreview);
}

/**
 * One page of the Preview reminders dialog's data.
 * @param {ReminderPreviewRequest} request the page to show ({ page: 0 } is the first), validated
 * @return {ReminderPreview} who would get what, as JSON-safe data for sidebar/ReminderPreview.ts
 */
export function getReminderPreview(request?: unknown): ReminderPreview {
  return onReportDay(() => reminders.reminderPreview(request));
}

/**
 * The email one recipient of the preview would get, for the dialog to show when selected.
 * @param {ReminderPreviewEmailRequest} request { kind, to }, validated
 * @return {ReminderPreviewEmail|null} the email, or null when nobody would get it now
 */
export function getReminderPreviewEmail(request: unknown): ReminderPreviewEmail | null {
  return reminders.reminderPreviewEmail(request);
}

/**
 * The daily time-driven trigger: keeps the report date current and sends reminders on the
 * check-in day, finishing on later days what the quota or time limit deferred.
 * @param {GoogleAppsScript.Events.TimeDriven} event the time-driven event
 */
export function runDailyReminders(event?: GoogleAppsScript.Events.TimeDriven): void {
  reminders.runDailyReminderTrigger(event);
}

// Custom functions (docs/functions.md): single cells or ranges in, one value per row out

/**
 * Progress of a key result as a fraction from 0 to 1, or blank for a baseline key result.
 * Give ranges (such as E2:E, G2:G, H2:H, I2:I) to get one value per row; a row that cannot be
 * computed shows a text starting with ERROR: that says why.
 * @param {string|Array<Array<string>>} type the KR type: increase, decrease, percentage, milestone, task, binary, at least, at most or baseline (blank follows Start to Target)
 * @param {number|Array<Array<number>>} start the value the KR started from (the baseline)
 * @param {number|Array<Array<number>>} target the value the KR aims for (the threshold for at least / at most; the total for milestone / task)
 * @param {number|boolean|Array<Array<number>>} current the latest measured value (blank = no progress yet)
 * @return {number|string|Array<Array<number|string>>} progress from 0 to 1, or "" when not scored
 * @customfunction
 */
export function OKRPROGRESS(
  type: unknown,
  start: unknown,
  target: unknown,
  current: unknown,
): RangeOutput {
  return okrProgress(type, start, target, current);
}

/**
 * Score from 0.0 to 1.0: a key result's progress, an objective's weighted score, or (with no ID)
 * the mean of all objective scores.
 * @param {Array<Array<string>>} key_results the Key Results table including its header row, such as OKR_KEY_RESULTS, or several teams' tables stacked with VSTACK
 * @param {string|Array<Array<string>>} id optional: a key result ID, an objective ID (in stacked tables "2!O1" for table 2's O1) or a range of IDs; omit for the overall score
 * @return {number|string|Array<Array<number|string>>} the score, "" when nothing is scoreable
 * @customfunction
 */
export function OKRSCORE(key_results: unknown, id?: unknown): RangeOutput {
  return okrScore(key_results, id);
}

/**
 * Planned progress on a linear plan from start date to due date, from 0 to 1, in calendar days.
 * @param {Date|string|Array<Array<Date>>} start_date the date work on the key result starts
 * @param {Date|string|Array<Array<Date>>} due_date the date the key result is due
 * @param {Date|string} as_of the date to measure at, normally OKR_REPORT_DATE (TODAY() is not allowed in custom functions)
 * @return {number|string|Array<Array<number|string>>} the planned fraction from 0 to 1
 * @customfunction
 */
export function OKREXPECTED(start_date: unknown, due_date: unknown, as_of: unknown): RangeOutput {
  return okrExpected(...argumentsInSpreadsheetTime(start_date, due_date, as_of));
}

/**
 * Status of progress against plan: Done, On track, At risk or Off track ("" for blank progress).
 * @param {number|Array<Array<number>>} progress the actual progress, such as OKRPROGRESS(...) or a Progress column
 * @param {number|Array<Array<number>>} expected the planned progress, such as OKREXPECTED(...) or a Planned column
 * @param {number} at_risk_gap optional: how far behind plan is still On track (default 10%)
 * @param {number} off_track_gap optional: how far behind plan is still At risk (default 25%)
 * @return {string|Array<Array<string>>} the status words
 * @customfunction
 */
export function OKRSTATUS(
  progress: unknown,
  expected: unknown,
  at_risk_gap?: unknown,
  off_track_gap?: unknown,
): RangeOutput {
  return okrStatus(progress, expected, at_risk_gap, off_track_gap);
}

/**
 * Planned vs actual per objective: a table Objective | Actual | Planned | Gap | Status with a last
 * row Balance | index (1 = every objective equally ahead or behind plan).
 * @param {Array<Array<string>>} key_results the Key Results table including its header row, such as OKR_KEY_RESULTS, or several teams' tables stacked with VSTACK
 * @param {Date|string} as_of the date to measure at, normally OKR_REPORT_DATE
 * @param {Date|string} cycle_start the cycle's first day, used where a KR's Start Date is blank
 * @param {Date|string} cycle_end the cycle's last day, used where a KR's Due Date is blank
 * @param {number} at_risk_gap optional: how far behind plan is still On track (default 10%), such as OKR_AT_RISK_GAP
 * @param {number} off_track_gap optional: how far behind plan is still At risk (default 25%), such as OKR_OFF_TRACK_GAP
 * @return {Array<Array<number|string>>} the balance table
 * @customfunction
 */
export function OKRBALANCE(
  key_results: unknown,
  as_of: unknown,
  cycle_start: unknown,
  cycle_end: unknown,
  at_risk_gap?: unknown,
  off_track_gap?: unknown,
): CellOutput[][] {
  return okrBalance(
    ...argumentsInSpreadsheetTime(
      key_results,
      as_of,
      cycle_start,
      cycle_end,
      at_risk_gap,
      off_track_gap,
    ),
  );
}

/**
 * Planned progress of an objective from 0 to 1: the weighted mean of its key results' planned
 * progress (OKREXPECTED from Start Date to Due Date, or the cycle dates where blank).
 * @param {Array<Array<string>>} key_results the Key Results table including its header row, such as OKR_KEY_RESULTS
 * @param {string|Array<Array<string>>} id an objective ID, or a range of them such as A2:A (one value per row)
 * @param {Date|string} as_of the date to measure at, normally OKR_REPORT_DATE
 * @param {Date|string} cycle_start optional: the cycle's first day, used where a KR's Start Date is blank
 * @param {Date|string} cycle_end optional: the cycle's last day, used where a KR's Due Date is blank
 * @return {number|string|Array<Array<number|string>>} the planned fraction from 0 to 1, "" for a blank ID
 * @customfunction
 */
export function OKRPLANNED(
  key_results: unknown,
  id: unknown,
  as_of: unknown,
  cycle_start?: unknown,
  cycle_end?: unknown,
): RangeOutput {
  return okrPlanned(...argumentsInSpreadsheetTime(key_results, id, as_of, cycle_start, cycle_end));
}

/**
 * Where a key result lands at its due date at the pace of its check-ins: a straight line fitted
 * through its start and its check-ins up to as_of, read at the due date and scored like
 * OKRPROGRESS (0 to 1). Blank for binary and baseline key results and with fewer than two points.
 * @param {Array<Array<string>>} key_results the Key Results table including its header row, such as OKR_KEY_RESULTS (ID, Type, Start, Target, Start Date and Due Date are read)
 * @param {Array<Array<string>>} check_ins the Check-ins table including its header row, such as OKR_CHECKINS (Timestamp, Key Result ID and Value are read)
 * @param {string|Array<Array<string>>} id a key result ID, or a range of IDs (one forecast each)
 * @param {Date|string} as_of check-ins after this day are left out, normally OKR_REPORT_DATE
 * @param {Date|string} cycle_start optional: the cycle's first day, used where a KR's Start Date is blank
 * @param {Date|string} cycle_end optional: the cycle's last day, used where a KR's Due Date is blank
 * @return {number|string|Array<Array<number|string>>} projected progress at the due date, from 0 to 1, or "" when there is too little to go on
 * @customfunction
 */
export function OKRFORECAST(
  key_results: unknown,
  check_ins: unknown,
  id: unknown,
  as_of: unknown,
  cycle_start?: unknown,
  cycle_end?: unknown,
): RangeOutput {
  return okrForecast(
    ...argumentsInSpreadsheetTime(key_results, check_ins, id, as_of, cycle_start, cycle_end),
  );
}

// Dashboard, OKR health check and cycle calendar (docs/dashboard.md, docs/health.md)

/**
 * Builds or rebuilds the Dashboard sheet: live score, planned, gap, status and confidence per
 * objective, team and overall scores, the balance index and charts.
 */
export function buildDashboard(): void {
  onReportDay(buildDashboardFromMenu);
}

/** Checks the OKRs for red flags: writes the Health sheet and shows a summary. */
export function checkOkrHealth(): void {
  onReportDay(checkOkrHealthFromMenu);
}

/** Builds the Calendar sheet: planning week, check-ins, reviews and retrospective of the cycle. */
export function buildCycleCalendar(): void {
  onReportDay(buildCalendarFromMenu);
}

/**
 * The OKR health check as a table: each red flag with the objectives, key results or rows it
 * concerns and what to do. Focus limits and the check-in period are the defaults (3–5, weekly).
 * @param {Array<Array<string>>} objectives the Objectives table including its header row, such as OKR_OBJECTIVES
 * @param {Array<Array<string>>} key_results the Key Results table including its header row, such as OKR_KEY_RESULTS
 * @param {Array<Array<string>>} check_ins "" to judge missed check-ins by Last Check-in (the other check-in flags are left to the menu item), or the Check-ins table including its header row
 * @param {Date|string} as_of the date to check at, normally OKR_REPORT_DATE
 * @return {Array<Array<string>>} the health table: Red flag | Sheet | Concerns | Rows | Details | What to do
 * @customfunction
 */
export function OKRHEALTH(
  objectives: unknown,
  key_results: unknown,
  check_ins: unknown,
  as_of: unknown,
): string[][] {
  return okrHealth(...argumentsInSpreadsheetTime(objectives, key_results, check_ins, as_of));
}

// Close cycle… dialog (docs/dashboard.md): final scores, lessons, archive, next cycle, carry forward

/** Opens the Close cycle dialog. */
export function showCloseCycleDialog(): void {
  onReportDay(closeCycleDialog.showCloseCycleDialogPage);
}

/**
 * Called by the Close cycle dialog: final scores per objective and key result, the next cycle,
 * what closing will move and warnings (cycle not over yet, empty cycle, rows with problems).
 * @return {CloseCycleData} JSON-safe data for sidebar/CloseCycle.ts
 */
export function getCloseCycleData(): CloseCycleData {
  return onReportDay(closeCycleDialog.closeCycleData);
}

/**
 * Called by the Close cycle dialog: archives the cycle with lessons learned, moves its rows to the
 * archive sheets, opens the next cycle and copies the chosen key results into it as new rows, all
 * or nothing. The payload and every sheet are checked before anything is written.
 * @param {CloseCyclePayload} payload the cycle name, lessons per objective and key result IDs to carry forward
 * @return {CloseCycleResult} what was archived and carried
 */
export function closeCycle(payload: unknown): CloseCycleResult {
  return onReportDay(() => closeCycleDialog.closeOpenCycle(payload));
}

/**
 * Takes back the last close after asking: the closed cycle's rows go back to Objectives and Key
 * Results, the carried rows are emptied and Settings names that cycle again.
 */
export function reopenCycle(): void {
  reopenCycleFromMenu();
}

// Company roll-up over team spreadsheets (docs/rollup.md)

/** Adds the Teams sheet (Team, Spreadsheet, Owner, Notes) when the spreadsheet has none. */
export function setUpTeamsSheet(): void {
  teamCheck.setUpTeamsSheetFromMenu();
}

/**
 * Opens every spreadsheet of the Teams sheet with the user's access and reports on each:
 * reachable or why not, OKR sheets, cycle, counts and Parent IDs. Writes nothing to them.
 */
export function checkTeamSpreadsheets(): void {
  teamCheck.checkTeamSpreadsheetsFromMenu();
}

/**
 * Builds or rebuilds the Roll-up sheet: live formulas over IMPORTRANGE of every team's
 * spreadsheet (score, planned, gap, status per team; own and aligned score per company objective;
 * every team objective with the company objective it aligns to).
 */
export function buildRollUp(): void {
  buildRollUpFromMenu();
}

/**
 * One team's score against plan in one row: Score | Planned | Gap | Status | Forecast, the means
 * over its objectives (each once), as the company Roll-up sheet shows per team; Forecast is read
 * from the table's own Forecast column.
 * @param {Array<Array<string>>} key_results a Key Results table including its header row, such as IMPORTRANGE(url, "Key Results!A:Z")
 * @param {Date|string} as_of the date to measure at, normally OKR_REPORT_DATE
 * @param {Date|string} cycle_start the cycle's first day, used where a KR's Start Date is blank
 * @param {Date|string} cycle_end the cycle's last day, used where a KR's Due Date is blank
 * @return {Array<Array<number|string>>} one row: score, planned, gap, status and forecast
 * @customfunction
 */
export function OKRSUMMARY(
  key_results: unknown,
  as_of: unknown,
  cycle_start: unknown,
  cycle_end: unknown,
): CellOutput[][] {
  return okrSummary(...argumentsInSpreadsheetTime(key_results, as_of, cycle_start, cycle_end));
}

/**
 * Every team objective of stacked team tables: Team | Objective | Title | Score | Aligned to |
 * Weight | Score × Weight, the n-th Objectives and Key Results tables being the n-th team.
 * @param {Array<Array<string>>} teams the team names, one per stacked table, such as A5:A7
 * @param {Array<Array<string>>} objectives the teams' Objectives tables stacked with VSTACK, each with its header row
 * @param {Array<Array<string>>} key_results the teams' Key Results tables stacked in the same order
 * @return {Array<Array<number|string>>} one row per team objective, after a header row
 * @customfunction
 */
export function OKRALIGNMENT(
  teams: unknown,
  objectives: unknown,
  key_results: unknown,
): CellOutput[][] {
  return okrAlignment(teams, objectives, key_results);
}

// Import OKRs… dialog (docs/import.md): a team's own OKR sheets into the OKR tables

/** Opens the Import OKRs dialog. */
export function showImportDialog(): void {
  importOkrs.showImportDialogPage();
}

/**
 * Called by the Import OKRs dialog: the sheets to choose from and the fields a column can map to.
 * @return {ImportSources} JSON-safe data for sidebar/ImportOkrs.ts
 */
export function getImportSources(): ImportSources {
  return importOkrs.importSources();
}

/**
 * Called by the Import OKRs dialog: what the import would write, read from the chosen sheets with
 * the user's column mapping and owner emails. Writes nothing.
 * @param {ImportPayload} payload the sheets, mapping overrides, owner emails and cycle (never trusted)
 * @return {ImportPreview} the preview, bounded by what the dialog shows
 */
export function previewImport(payload: unknown): ImportPreview {
  return importOkrs.previewImport(payload);
}

/**
 * Called by the Import OKRs dialog: imports all of the preview or nothing, leaving the chosen
 * sheets as they are, and records what it did so it can be undone.
 * @param {ImportPayload} payload the sheets, mapping overrides, owner emails and cycle (never trusted)
 * @return {ImportResult} what was imported, or why nothing was
 */
export function runImport(payload: unknown): ImportResult {
  return importOkrs.runImport(payload);
}

/**
 * Called by the Import OKRs dialog: removes what the last import added and gives renamed sheets
 * their names back.
 * @return {ImportResult} whether the import was undone
 */
export function undoLastImport(): ImportResult {
  return importOkrs.undoLastImport();
}
