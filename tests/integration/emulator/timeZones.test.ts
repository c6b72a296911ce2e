/**
 * The spreadsheet's time zone apart from the script's, as in Apps Script: date cells hold
 * midnight in the spreadsheet's zone whatever zone the script runs in.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../preview/emulator/index.js';

function emulatorIn(spreadsheetTimeZone: string, timeZone = 'America/New_York') {
  const emulator = createEmulator({ timeZone, spreadsheetTimeZone, sheetNames: ['Data'] });
  return { emulator, sheet: emulator.spreadsheet.getSheetByName('Data')! };
}

describe('Time zones', () => {
  it('keeps the spreadsheet time zone apart from the script time zone', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getspreadsheettimezone
    // https://developers.google.com/apps-script/reference/base/session#getscripttimezone
    const { emulator } = emulatorIn('Asia/Kolkata');
    expect(emulator.spreadsheet.getSpreadsheetTimeZone()).toBe('Asia/Kolkata');
    expect(emulator.globals.Session.getScriptTimeZone()).toBe('America/New_York');
  });

  it('stores a typed date as midnight in the spreadsheet zone, not the script zone', () => {
    // Dates are serial day numbers read in the spreadsheet zone: https://developers.google.com/sheets/api/guides/formats#about_date_time_values
    for (const [zone, instant] of [
      ['Asia/Kolkata', Date.UTC(2026, 0, 4, 18, 30)],
      ['Pacific/Kiritimati', Date.UTC(2026, 0, 4, 10)],
      ['America/Los_Angeles', Date.UTC(2026, 0, 5, 8)],
    ] as const) {
      const { sheet } = emulatorIn(zone);
      sheet.getRange('A1').setValue('2026-01-05');
      expect((sheet.getRange('A1').getValue() as Date).getTime(), zone).toBe(instant);
      expect(sheet.getRange('A1').getDisplayValue(), zone).toBe('2026-01-05');
    }
  });

  it('keeps each date cell on its calendar day when the spreadsheet zone changes', () => {
    // Sheets keeps dates as serial numbers; the zone changes only the instant scripts read.
    // https://support.google.com/docs/answer/58515
    const { emulator, sheet } = emulatorIn('Asia/Kolkata');
    sheet.getRange('A1').setValue('2026-07-01');
    emulator.spreadsheet.setSpreadsheetTimeZone('America/Los_Angeles');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2026-07-01');
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(Date.UTC(2026, 6, 1, 7));
  });

  it('lets a custom function read the spreadsheet zone through a SpreadsheetApp get-method', () => {
    // https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services
    const { emulator } = emulatorIn('Pacific/Kiritimati');
    emulator.loadBundle(
      'function ZONE() { return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(); }',
    );
    expect(emulator.callCustomFunction('ZONE', [])).toBe('Pacific/Kiritimati');
  });
});
