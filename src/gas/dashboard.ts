/**
 * Build dashboard: writes the Dashboard sheet's formulas in one setValues, colours scores by band
 * with conditional formats, and draws two charts. The number of service calls is the same for 20
 * or 2,000 objectives. The new Dashboard is built beside the old one and swapped in (src/gas/ownSheet.ts),
 * so a failure leaves the old one as it was; the OKR tables are only read.
 *
 * Charts: EmbeddedChartBuilder has no asRadarChart(), and its setChartType() warns that not every
 * Charts.ChartType works for embedded charts, so planned vs actual is a clustered bar chart.
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
 */
import { objectivesInCycle } from '../workbook/archive';
import { spreadsheetNow, writeValues } from './sheetValues';
import { idKey } from '../workbook/cells';
import {
  dashboardLayout,
  DASHBOARD_SHEET,
  type DashboardChart,
  type DashboardLayout,
} from '../workbook/dashboard';
import { SCORE_BANDS, STATUS_COLOURS } from '../workbook/scoreColours';
import { readOkrWorkbook } from './okrWorkbook';
import { ensureColumns, ensureRows, rebuildOwnSheet } from './ownSheet';
import { withDocumentLock } from './tables';
import { offerImportInstead } from './importHint';
import { allOrNothing } from './writeJournal';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** One rule per range and band: a custom formula is relative to its range's top-left cell. */
function colourRules(
  sheet: Sheet,
  layout: DashboardLayout,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  const rules = layout.scoreRanges.flatMap((a1) => {
    const range = sheet.getRange(a1);
    const topLeft = a1.split(':')[0]!;
    return SCORE_BANDS.map((band) =>
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(band.condition(topLeft))
        .setBackground(band.background)
        .setRanges([range])
        .build(),
    );
  });
  if (layout.statusRange) {
    const range = sheet.getRange(layout.statusRange);
    for (const { status, background } of STATUS_COLOURS) {
      rules.push(
        SpreadsheetApp.newConditionalFormatRule()
          .whenTextEqualTo(status)
          .setBackground(background)
          .setRanges([range])
          .build(),
      );
    }
  }
  return rules;
}

function insertChart(sheet: Sheet, chart: DashboardChart): void {
  const builder = sheet
    .newChart()
    .setChartType(chart.kind === 'bar' ? Charts.ChartType.BAR : Charts.ChartType.COLUMN)
    .setPosition(chart.anchorRow, chart.anchorColumn, 0, 0)
    .setOption('title', chart.title)
    .setOption('legend', { position: 'bottom' });
  for (const a1 of chart.ranges) builder.addRange(sheet.getRange(a1));
  sheet.insertChart(builder.build());
}

/** Builds or rebuilds the Dashboard sheet for the current cycle; returns how many objectives it shows. */
export function buildDashboardSheet(today: Date = spreadsheetNow()): number {
  const workbook = readOkrWorkbook(today);
  const objectives = objectivesInCycle(workbook.objectives, workbook.history);
  const layout = dashboardLayout({
    objectives,
    ...workbook.tables,
    keyResultObjectiveCount: new Set(
      workbook.keyResults.map((keyResult) => idKey(keyResult.objectiveId)),
    ).size,
    cycleName: workbook.settings.cycleName,
  });
  withDocumentLock(() =>
    allOrNothing('Building the dashboard', (journal) =>
      rebuildOwnSheet(journal, DASHBOARD_SHEET, 'dashboard', (sheet) => {
        const rows = layout.cells.length;
        const columns = layout.cells[0]!.length;
        // A new sheet has 1,000 rows and 26 columns; grow it first for large workbooks.
        ensureRows(journal, sheet, rows);
        ensureColumns(journal, sheet, columns);
        writeValues(sheet.getRange(1, 1, rows, columns), layout.cells, { defaultFormats: true });
        for (const { a1, numberFormat } of layout.numberFormats)
          sheet.getRange(a1).setNumberFormat(numberFormat);
        sheet.getRange(1, 1).setFontWeight('bold');
        sheet.getRange(layout.objectiveHeaderRow, 1, 1, columns).setFontWeight('bold');
        sheet.setConditionalFormatRules(colourRules(sheet, layout));
        for (const chart of layout.charts) insertChart(sheet, chart);
      }),
    ),
  );
  return objectives.length;
}

/** The menu action: builds the dashboard and says so in a toast. */
export function buildDashboardFromMenu(): void {
  if (offerImportInstead('Build dashboard')) return;
  const count = buildDashboardSheet();
  SpreadsheetApp.getActiveSpreadsheet().toast(
    `Dashboard built for ${count} objective${count === 1 ? '' : 's'}. Its formulas update as check-ins arrive; rebuild it after adding objectives.`,
    'OKR Cadence',
  );
}
