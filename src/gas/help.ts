/** The Help menu item: a short guide in an alert (plain text, so nothing needs escaping). */

const HELP_TEXT = [
  'OKR Cadence keeps your Objectives and Key Results in this spreadsheet.',
  '',
  '1. Set up OKR workbook adds the sheets, columns, formulas and Settings it needs (it never changes what you typed).',
  '2. Load example OKRs fills an empty workbook with a sample cycle to explore.',
  '3. Check in… opens the sidebar to record progress, confidence and Progress / Plans / Problems.',
  '4. Build dashboard and Check OKR health show how the cycle is going.',
  '5. Reminders emails owners on the check-in day set in the Settings sheet.',
  '',
  'Functions you can type in any cell: OKRPROGRESS, OKRSCORE, OKREXPECTED, OKRSTATUS, OKRBALANCE, OKRFORECAST.',
  'The user guide (sheets, functions, reminders) is in the docs folder of the OKR Cadence project.',
].join('\n');

export function showHelpAlert(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert('OKR Cadence help', HELP_TEXT, ui.ButtonSet.OK);
}
