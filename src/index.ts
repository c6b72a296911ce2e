/**
 * Apps Script entry points of OKR Cadence. Every export here becomes a top-level function in
 * dist/Code.js (see scripts/build.ts); the logic lives in the modules it imports.
 */
import { buildAddonMenu } from './gas/menu';
import { loadExampleOkrsFromMenu } from './gas/exampleOkrs';
import { showHelpAlert } from './gas/help';
import { setUpWorkbookFromMenu } from './gas/setup';
import * as checkIn from './gas/checkIn';
import { showSidebarPage } from './gas/ui';
import type { CheckInContext, SaveCheckInResult } from './shared/checkIn';
import * as reminders from './gas/reminders';
import type { ReminderPreview } from './shared/reminders';

/**
 * Adds the OKR Cadence menu. Runs in AuthMode.NONE before the add-on is authorised, so it
 * touches nothing but the menu.
 * @param {GoogleAppsScript.Events.SheetsOnOpen} event the open event
 */
export function onOpen(event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildAddonMenu(event);
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
}

/** Fills an empty workbook with an example cycle; refuses with an alert when it has OKRs. */
export function loadExampleOkrs(): void {
  loadExampleOkrsFromMenu();
}

/** Shows a short guide to the menu and the custom functions. */
export function showHelp(): void {
  showHelpAlert();
}

// Check-in sidebar (docs/check-ins.md)

/** Opens the check-in sidebar (menu: Check in…). */
export function showCheckInSidebar(): void {
  showSidebarPage('Sidebar', 'OKR check-in');
}

/**
 * The sidebar's data: the user's email and every key result of the current cycle with its
 * progress, plan, status and recent check-ins, the user's own first.
 * @return {CheckInContext} JSON-safe context for sidebar/Sidebar.ts
 */
export function getCheckInContext(): CheckInContext {
  return checkIn.getCheckInContext();
}

/**
 * Saves a check-in from the sidebar: validates every field, appends one Check-ins row and updates
 * the key result row under the document lock.
 * @param {CheckInPayload} payload the check-in as the sidebar sends it (never trusted)
 * @return {SaveCheckInResult} the refreshed key result, or the problems by field
 */
export function saveCheckIn(payload: unknown): SaveCheckInResult {
  return checkIn.saveCheckIn(payload);
}

// Weekly check-in reminders by email (docs/reminders.md)

/**
 * Installs this user's one daily reminder trigger for this spreadsheet (replacing an earlier
 * one) at the Settings' reminder hour, and says when reminders next go out.
 */
export function turnOnReminders(): void {
  reminders.turnOnRemindersFromMenu();
}

/** Removes this user's reminder trigger for this spreadsheet. */
export function turnOffReminders(): void {
  reminders.turnOffRemindersFromMenu();
}

/** Sends this period's reminders now to owners who are behind and not yet reminded. */
export function sendRemindersNow(): void {
  reminders.sendRemindersNowFromMenu();
}

/** Opens a dialog showing who would get which reminder; sends nothing. */
export function previewReminders(): void {
  reminders.showReminderPreview();
}

/**
 * The Preview reminders dialog's data.
 * @return {ReminderPreview} who would get what, as JSON-safe data for sidebar/ReminderPreview.ts
 */
export function getReminderPreview(): ReminderPreview {
  return reminders.reminderPreview();
}

/**
 * The daily time-driven trigger: keeps the report date current and sends reminders on the
 * check-in day, finishing on later days what the quota or time limit deferred.
 * @param {GoogleAppsScript.Events.TimeDriven} event the time-driven event
 */
export function runDailyReminders(event?: GoogleAppsScript.Events.TimeDriven): void {
  reminders.runDailyReminderTrigger(event);
}
