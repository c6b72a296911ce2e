/**
 * Check OKR health: reads each table once, runs the health check and writes the Health sheet in
 * one setValues, then shows a short summary dialog.
 */
import { checkHealth, healthTable, HEALTH_HEADER, type HealthFinding } from '../core/health';
import { spreadsheetNow, writeValues } from './sheetValues';
import { escapeHtml, htmlPage } from '../core/html';
import { keyResultsOf, objectivesInCycle } from '../workbook/archive';
import { describeProblem, type RowProblem } from '../workbook/problems';
import { toSheetCell, type SheetCell } from '../workbook/sheetRows';
import { readOkrWorkbook } from './okrWorkbook';
import { ensureRows, rebuildOwnSheet, rectangle } from './ownSheet';
import { withDocumentLock } from './tables';
import { offerImportInstead } from './importHint';
import { allOrNothing } from './writeJournal';

const HEALTH_DIALOG_TITLE = 'OKR health check';

export const HEALTH_SHEET = 'Health';
/** A1 of the Health sheet. */
export const HEALTH_TITLE = 'OKR Health Check';

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
  return htmlPage(
    HEALTH_DIALOG_TITLE,
    `<div style="font-family: Arial, sans-serif; font-size: 13px; line-height: 1.4">${body}</div>`,
  );
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
export function checkOkrHealthFromMenu(today: Date = spreadsheetNow()): void {
  if (offerImportInstead('Check OKR health')) return;
  const { findings, problems, asOf } = currentHealth(today);
  const rows = healthSheetRows(findings, problems, asOf);
  withDocumentLock(() =>
    allOrNothing('Writing the Health sheet', (journal) =>
      rebuildOwnSheet(journal, HEALTH_SHEET, 'health', (sheet) => {
        // A new sheet has 1,000 rows; many red flags need more.
        ensureRows(journal, sheet, rows.length);
        writeValues(sheet.getRange(1, 1, rows.length, rows[0]!.length), rows, {
          defaultFormats: true,
        });
        sheet.getRange(1, 1).setFontWeight('bold');
        sheet.getRange(2, 2).setNumberFormat('yyyy-mm-dd');
        sheet.getRange(5, 1, 1, HEALTH_HEADER.length).setFontWeight('bold');
        sheet.setFrozenRows(5);
      }),
    ),
  );
  const output = HtmlService.createHtmlOutput(healthSummaryHtml(findings))
    .setWidth(420)
    .setHeight(320);
  SpreadsheetApp.getUi().showModalDialog(output, HEALTH_DIALOG_TITLE);
}
