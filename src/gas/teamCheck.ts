/**
 * The company side of a roll-up: the Teams sheet (set up when asked) and "Check team
 * spreadsheets", which opens each listed spreadsheet with the user's own access and reports on it
 * in a dialog. Team spreadsheets are only read: nothing is written to them (docs/rollup.md).
 */
import { OkrInputError } from '../core/errors';
import { cellsToWallClock, holdsDate } from '../core/wallClock';
import { escapeHtml, htmlPage } from '../core/html';
import type { OkrSettings } from '../core/settings';
import {
  checkTeam,
  teamCheckLines,
  type CompanyView,
  type CycleSummary,
  type TeamCheck,
  type TeamSnapshot,
} from '../core/teamCheck';
import { formatIsoDate, idKey } from '../workbook/cells';
import { describeProblem, type RowProblem } from '../workbook/problems';
import { KEY_RESULTS, OBJECTIVES, PLAIN_TEXT_FORMAT, SETTINGS } from '../workbook/schema';
import { NEW_SHEET_ROWS } from '../workbook/setupPlan';
import { parseSettings } from '../workbook/settings';
import { parseKeyResults, parseObjectives } from '../workbook/tables';
import {
  missingTeamsHeaders,
  parseTeams,
  TEAMS,
  TEAMS_HEADER,
  type TeamEntry,
} from '../workbook/teams';
import { spreadsheetNow } from './sheetValues';
import { readSettings, withDocumentLock } from './tables';

const TEAM_DIALOG_TITLE = 'Team spreadsheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Menu: adds the Teams sheet with its header when the company spreadsheet has none. */
export function setUpTeamsSheetFromMenu(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const existing = spreadsheet.getSheetByName(TEAMS.sheetName);
  if (existing) {
    const lastColumn = existing.getLastColumn();
    const header = lastColumn > 0 ? existing.getRange(1, 1, 1, lastColumn).getValues()[0]! : [];
    const missing = missingTeamsHeaders(header);
    spreadsheet.toast(
      missing.length === 0
        ? 'The Teams sheet is ready: one row per team, with its spreadsheet URL.'
        : `The Teams sheet exists but has no ${missing.join(', ')} column. Add ${missing.length > 1 ? 'those headers' : 'that header'} to row 1.`,
      'OKR Cadence',
    );
    return;
  }
  withDocumentLock(() => {
    const sheet = spreadsheet.insertSheet(TEAMS.sheetName);
    sheet
      .getRange(1, 1, 1, TEAMS_HEADER.length)
      .setValues([[...TEAMS_HEADER]])
      .setFontWeight('bold');
    // Team names and URLs stay as typed (a team called 2026 or 007 is not a number).
    sheet
      .getRange(2, 1, NEW_SHEET_ROWS - 1, TEAMS_HEADER.length)
      .setNumberFormat(PLAIN_TEXT_FORMAT);
    sheet.setFrozenRows(1);
    sheet.activate();
  });
  spreadsheet.toast(
    "Teams sheet added. Type one row per team: its name and its OKR spreadsheet's URL.",
    'OKR Cadence',
  );
}

/** The Teams sheet's rows and row problems; a missing sheet says how to add it. */
export function readTeams(): { teams: TeamEntry[]; problems: RowProblem[] } {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(TEAMS.sheetName);
  if (!sheet) {
    throw new OkrInputError(
      'This spreadsheet has no Teams sheet. Run Extensions → OKR Cadence → Company roll-up → Set up Teams sheet, then list one team spreadsheet per row.',
    );
  }
  return parseTeams(sheet.getDataRange().getValues());
}

/** A cycle as calendar days (wall-clock dates of the spreadsheet it comes from). */
export function cycleSummary(settings: OkrSettings): CycleSummary {
  const day = (date: Date | null): string | null => (date ? formatIsoDate(date) : null);
  return { name: settings.cycleName, start: day(settings.cycleStart), end: day(settings.cycleEnd) };
}

/** The company's cycle and objective IDs, read from the active spreadsheet. */
function companyView(today: Date): CompanyView {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const objectivesSheet = spreadsheet.getSheetByName(OBJECTIVES.sheetName);
  const ids = new Set(
    objectivesSheet
      ? parseObjectives(objectivesSheet.getDataRange().getValues()).rows.map((o) => idKey(o.id))
      : [],
  );
  return {
    cycle: cycleSummary(readSettings(today).settings),
    isCompanyObjective: (id) => ids.has(idKey(id)),
  };
}

/** One table's values from a team spreadsheet, or null when it has no such sheet. */
function teamValues(spreadsheet: Spreadsheet, sheetName: string): unknown[][] | null {
  const sheet = spreadsheet.getSheetByName(sheetName);
  return sheet ? sheet.getDataRange().getValues() : null;
}

/** Reads a team spreadsheet's OKR tables: one getValues per table, nothing written. */
export function teamSnapshot(spreadsheet: Spreadsheet, today: Date): TeamSnapshot {
  const objectiveValues = teamValues(spreadsheet, OBJECTIVES.sheetName);
  const keyResultValues = teamValues(spreadsheet, KEY_RESULTS.sheetName);
  const settingsValues = teamValues(spreadsheet, SETTINGS.sheetName);
  // The team's dates are days in its own spreadsheet's zone.
  if (settingsValues && holdsDate(settingsValues))
    cellsToWallClock(settingsValues, spreadsheet.getSpreadsheetTimeZone());
  const unreadable: string[] = [];
  const readOrNote = <T>(read: () => T): T | null => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof OkrInputError)) throw error;
      unreadable.push(error.message);
      return null;
    }
  };
  const objectives = objectiveValues ? readOrNote(() => parseObjectives(objectiveValues)) : null;
  const keyResults = keyResultValues
    ? readOrNote(() => parseKeyResults(keyResultValues, ['id', 'objectiveId', 'title']))
    : null;
  return {
    missingSheets: [
      [OBJECTIVES.sheetName, objectiveValues],
      [KEY_RESULTS.sheetName, keyResultValues],
      [SETTINGS.sheetName, settingsValues],
    ].flatMap(([name, values]) => (values === null ? [name as string] : [])),
    cycle: settingsValues ? cycleSummary(parseSettings(settingsValues, today).settings) : null,
    objectives: objectives?.rows ?? null,
    keyResultCount: keyResults?.rows.length ?? null,
    unreadable,
  };
}

/** Why a listed spreadsheet cannot be opened, in words that say what to do. */
function unreachable(team: TeamEntry): TeamCheck {
  const who = team.owner ? team.owner : "the team's owner";
  return {
    reachable: false,
    reason:
      team.problem ??
      `Cannot open the spreadsheet: it was deleted, or it is not shared with you. Ask ${who} to share it with you (Viewer is enough), or fix the URL in row ${team.row} of the Teams sheet.`,
  };
}

/** Checks one team: opens its spreadsheet as the user and reads it; never throws for access. */
export function checkTeamSpreadsheet(
  team: TeamEntry,
  company: CompanyView,
  today: Date,
): TeamCheck {
  if (team.spreadsheetId === null) return unreachable(team);
  let spreadsheet: Spreadsheet;
  try {
    spreadsheet = SpreadsheetApp.openById(team.spreadsheetId);
  } catch {
    // Apps Script gives one message for a missing, deleted or unshared file.
    return unreachable(team);
  }
  return checkTeam(company, teamSnapshot(spreadsheet, today));
}

export interface TeamReport {
  team: TeamEntry;
  check: TeamCheck;
}

/** Every team's check, in Teams sheet order. */
export function checkTeamSpreadsheets(today: Date): {
  reports: TeamReport[];
  problems: RowProblem[];
  company: CycleSummary;
} {
  const { teams, problems } = readTeams();
  const company = companyView(today);
  const reports = teams.map((team) => ({
    team,
    check: checkTeamSpreadsheet(team, company, today),
  }));
  return { reports, problems, company: company.cycle };
}

/** The report dialog's HTML, every cell escaped. */
export function teamReportHtml(
  reports: readonly TeamReport[],
  problems: readonly RowProblem[],
  company: CycleSummary,
): string {
  const sections = reports.map(({ team, check }) => {
    const lines = teamCheckLines(check, company)
      .map((line) => `<li>${escapeHtml(line)}</li>`)
      .join('');
    const mark = check.reachable ? '' : ' <span style="color:#c5221f">(not reachable)</span>';
    return `<h3 style="margin:12px 0 4px;font-size:14px">${escapeHtml(team.team)}${mark}</h3><ul style="margin:0;padding-left:18px">${lines}</ul>`;
  });
  const empty =
    reports.length === 0
      ? '<p>The Teams sheet lists no team yet. Type one row per team: its name and its OKR spreadsheet URL.</p>'
      : '';
  const rowProblems =
    problems.length > 0
      ? `<h3 style="margin:12px 0 4px;font-size:14px">Teams sheet</h3><ul style="margin:0;padding-left:18px">${problems
          .map((problem) => `<li>${escapeHtml(describeProblem(problem))}</li>`)
          .join('')}</ul>`
      : '';
  return htmlPage(
    TEAM_DIALOG_TITLE,
    `<div style="font-family:Arial,sans-serif;font-size:13px;line-height:1.4">${empty}${sections.join('')}${rowProblems}<p style="color:#5f6368">Nothing was written to the team spreadsheets.</p></div>`,
  );
}

/** Menu: checks every listed team spreadsheet and shows the report. */
export function checkTeamSpreadsheetsFromMenu(today: Date = spreadsheetNow()): void {
  const { reports, problems, company } = checkTeamSpreadsheets(today);
  const output = HtmlService.createHtmlOutput(teamReportHtml(reports, problems, company))
    .setWidth(560)
    .setHeight(480);
  SpreadsheetApp.getUi().showModalDialog(output, TEAM_DIALOG_TITLE);
}
