import { remindersMenuTitle } from './reminders';

/**
 * The Extensions → OKR Cadence menu. Built with createAddonMenu only, because onOpen may run in
 * AuthMode.NONE where any other service call throws and hides the whole menu.
 * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle
 */
export function buildAddonMenu(event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = SpreadsheetApp.getUi();
  const reminders = ui
    // "Reminders (on)" outside AuthMode.NONE, read from document properties (see src/gas/reminders.ts).
    .createMenu(remindersMenuTitle(event))
    .addItem('Turn on weekly reminders', 'turnOnReminders')
    .addItem('Send reminders now', 'sendRemindersNow')
    .addItem('Preview reminders', 'previewReminders')
    .addItem('Turn off', 'turnOffReminders');
  const rollUp = ui
    .createMenu('Company roll-up')
    .addItem('Set up Teams sheet', 'setUpTeamsSheet')
    .addItem('Check team spreadsheets', 'checkTeamSpreadsheets')
    .addItem('Build roll-up', 'buildRollUp');
  ui.createAddonMenu()
    .addItem('Set up OKR workbook', 'setUpWorkbook')
    .addItem('Load example OKRs', 'loadExampleOkrs')
    .addItem('Import OKRs…', 'showImportDialog')
    .addItem('Check in…', 'showCheckInSidebar')
    .addSeparator()
    .addItem('Build dashboard', 'buildDashboard')
    .addItem('Check OKR health', 'checkOkrHealth')
    .addSubMenu(reminders)
    .addItem('Close cycle…', 'showCloseCycleDialog')
    .addItem('Reopen cycle…', 'reopenCycle')
    .addItem('Build cycle calendar', 'buildCycleCalendar')
    .addSubMenu(rollUp)
    .addSeparator()
    .addItem('Help', 'showHelp')
    .addToUi();
}
