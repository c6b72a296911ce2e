/**
 * Check OKR health: reads each table once, runs the health check and writes the Health sheet in
 * one setValues, then shows a short summary dialog. Also the workbook reader the dashboard and
 * close-cycle adapters share.
 */
import { OkrInputError } from '../core/errors';
import { checkHealth, healthTable, HEALTH_HEADER, type HealthFinding } from '../core/health';
import { escapeHtml } from '../core/html';
import type { OkrSettings } from '../core/settings';
import type { CheckIn, Initiative, KeyResult, Kpi, Objective } from '../core/types';
import {
  ARCHIVE_SHEET,
  archivedObjectiveIds,
  closedCycleNames,
  keyResultsOf,
  objectivesInCycle,
  type CycleHistory,
} from '../workbook/archive';
import type { ColumnMap } from '../workbook/headers';
import { describeProblem, type RowProblem } from '../workbook/problems';
import {
  CHECK_INS,
  INITIATIVES,
  KEY_RESULTS,
  KPIS,
  OBJECTIVES,
  SETTINGS,
  type TableDef,
} from '../workbook/schema';
import { parseSettings } from '../workbook/settings';
import { toSheetCell, type SheetCell } from '../workbook/sheetRows';
import {
  parseCheckIns,
  parseInitiatives,
  parseKeyResults,
  parseKpis,
  parseObjectives,
} from '../workbook/tables';
import { readTable, withDocumentLock } from './tables';

export const HEALTH_SHEET = 'Health';
/** A1 of the Health sheet; a sheet called Health without it belongs to the user. */
export const HEALTH_TITLE = 'OKR Health Check';

export interface OkrWorkbook {
  objectives: Objective[];
  keyResults: KeyResult[];
  keyResultColumns: ColumnMap;
  checkIns: CheckIn[];
  initiatives: Initiative[] | null;
  kpis: Kpi[] | null;
  settings: OkrSettings;
  /** Closed cycles and archived objectives: history, left out of the open cycle. */
  history: CycleHistory;
  /** Cells that could not be read: their rows are left out or read as blank. */
  problems: RowProblem[];
}

/** A table whose sheet may be missing: null then, so checks that need it are skipped. */
function readOptionalValues(table: TableDef): unknown[][] | null {
  try {
    return readTable(table).values;
  } catch (error) {
    if (error instanceof OkrInputError) return null;
    throw error;
  }
}

/** The Archive sheet's values (one getValues), or none before the first cycle is closed. */
function archiveValues(): unknown[][] {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(ARCHIVE_SHEET);
  return sheet ? sheet.getDataRange().getValues() : [];
}

/** Reads every OKR table once (one getValues each). Objectives and Key Results are required. */
export function readOkrWorkbook(today: Date): OkrWorkbook {
  const objectives = parseObjectives(readTable(OBJECTIVES).values);
  const keyResults = parseKeyResults(readTable(KEY_RESULTS).values);
  const checkInValues = readOptionalValues(CHECK_INS);
  const checkIns = checkInValues ? parseCheckIns(checkInValues) : null;
  const initiativeValues = readOptionalValues(INITIATIVES);
  const initiatives = initiativeValues ? parseInitiatives(initiativeValues) : null;
  const kpiValues = readOptionalValues(KPIS);
  const kpis = kpiValues ? parseKpis(kpiValues) : null;
  const settingsValues = readOptionalValues(SETTINGS) ?? [];
  const settings = parseSettings(settingsValues, today);
  return {
    objectives: objectives.rows,
    keyResults: keyResults.rows,
    keyResultColumns: keyResults.columns,
    checkIns: checkIns?.rows ?? [],
    initiatives: initiatives?.rows ?? null,
    kpis: kpis?.rows ?? null,
    settings: settings.settings,
    history: {
      closedCycles: closedCycleNames(settingsValues),
      archivedObjectiveIds: archivedObjectiveIds(archiveValues()),
    },
    problems: [
      ...objectives.problems,
      ...keyResults.problems,
      ...(checkIns?.problems ?? []),
      ...(initiatives?.problems ?? []),
      ...(kpis?.problems ?? []),
      ...settings.problems,
    ],
  };
}

/**
 * The add-on's own sheet by name, emptied for a rebuild (values, formats and charts). A sheet of
 * that name whose A1 is not the add-on's title is the user's, and is never touched.
 */
export function claimOwnSheet(name: string, title: string): GoogleAppsScript.Spreadsheet.Sheet {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const existing = spreadsheet.getSheetByName(name);
  if (!existing) return spreadsheet.insertSheet(name);
  const isEmpty = existing.getLastRow() === 0;
  if (!isEmpty && existing.getRange(1, 1).getValue() !== title) {
    throw new OkrInputError(
      `A sheet named "${name}" already exists and was not made by OKR Cadence (its cell A1 is not "${title}"). ` +
        `Rename that sheet, then try again; OKR Cadence never overwrites your sheets.`,
    );
  }
  existing.clear();
  for (const chart of existing.getCharts()) existing.removeChart(chart);
  return existing;
}

/** Pads rows to one width so a single setValues can write them. */
export function rectangle(rows: readonly SheetCell[][]): SheetCell[][] {
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  return rows.map((row) => [...row, ...new Array<SheetCell>(width - row.length).fill('')]);
}

/** The Health sheet: title, when it was checked, the red flags table and unreadable cells. */
export function healthSheetRows(
  findings: readonly HealthFinding[],
  problems: readonly RowProblem[],
  asOf: Date,
): SheetCell[][] {
  const rows: SheetCell[][] = [
    [HEALTH_TITLE],
    ['Checked as of', asOf],
    ['Red flags', findings.length],
    [],
    ...healthTable(findings).map((row) => row.map(toSheetCell)),
  ];
  if (problems.length > 0) {
    rows.push([], ['Cells that could not be read (their rows are left out or read as blank)']);
    for (const problem of problems) rows.push([toSheetCell(describeProblem(problem))]);
  }
  return rectangle(rows);
}

/** The summary dialog: how many red flags of each kind, escaped for HTML. */
export function healthSummaryHtml(findings: readonly HealthFinding[]): string {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.title, (counts.get(finding.title) ?? 0) + 1);
  const items = [...counts]
    .map(([title, count]) => `<li>${escapeHtml(title)}${count > 1 ? ` (${count})` : ''}</li>`)
    .join('');
  const body =
    findings.length === 0
      ? '<p>No red flags: the OKRs pass every health check.</p>'
      : `<p>${findings.length} red flag${findings.length === 1 ? '' : 's'} found:</p><ul>${items}</ul>` +
        '<p>The Health sheet lists the rows concerned and what to do about each.</p>';
  return `<div style="font-family: Arial, sans-serif; font-size: 13px; line-height: 1.4">${body}</div>`;
}

/** The health check on the current cycle, as of the report date (today when it is blank). */
export function currentHealth(today: Date): {
  findings: HealthFinding[];
  problems: RowProblem[];
  asOf: Date;
} {
  const workbook = readOkrWorkbook(today);
  const { settings } = workbook;
  const objectives = objectivesInCycle(workbook.objectives, workbook.history);
  const asOf = settings.reportDate ?? today;
  const findings = checkHealth({
    objectives,
    keyResults: keyResultsOf(workbook.keyResults, objectives),
    checkIns: workbook.checkIns,
    initiatives: workbook.initiatives,
    kpis: workbook.kpis,
    settings,
    asOf,
  });
  return { findings, problems: workbook.problems, asOf };
}

/** The menu action: writes the Health sheet and shows the summary dialog. */
export function checkOkrHealthFromMenu(today: Date = new Date()): void {
  const { findings, problems, asOf } = currentHealth(today);
  const rows = healthSheetRows(findings, problems, asOf);
  withDocumentLock(() => {
    const sheet = claimOwnSheet(HEALTH_SHEET, HEALTH_TITLE);
    sheet.getRange(1, 1, rows.length, rows[0]!.length).setValues(rows);
    sheet.getRange(1, 1).setFontWeight('bold');
    sheet.getRange(2, 2).setNumberFormat('yyyy-mm-dd');
    sheet.getRange(5, 1, 1, HEALTH_HEADER.length).setFontWeight('bold');
    sheet.setFrozenRows(5);
    sheet.activate();
  });
  const output = HtmlService.createHtmlOutput(healthSummaryHtml(findings))
    .setWidth(420)
    .setHeight(320);
  SpreadsheetApp.getUi().showModalDialog(output, 'OKR health check');
}
