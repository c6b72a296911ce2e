/**
 * Build dashboard in the emulator on the example OKRs: the formulas it writes, evaluated by the
 * preview's formula engine, agree with the engine; rebuilding touches no user table; and the
 * number of service calls does not grow with the number of objectives.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from './bundle';
import { workbookWithObjectives } from './dashboardWorkbook';
import { createEmulator, type Emulator } from '../../preview/emulator/index.js';
import { attachFormulaEvaluator } from '../../preview/emulator/formulas/index.js';
import { balanceIndex, keyResultPlannedProgress, objectiveBalance } from '../../src/core/balance';
import { keyResultProgress } from '../../src/core/progress';
import { objectiveScore } from '../../src/core/score';
import { parseSettings } from '../../src/workbook/settings';
import { parseKeyResults, parseObjectives } from '../../src/workbook/tables';
import { cellsToWallClock } from '../../src/core/wallClock';
import { onSpreadsheetClock } from './spreadsheetClock';

const NOW = onSpreadsheetClock('2026-11-16T09:00');

beforeAll(buildBundle);

function exampleWorkbook(withFormulas: boolean): Emulator {
  const emulator = createEmulator({ now: NOW });
  emulator.loadBundle();
  if (withFormulas) attachFormulaEvaluator(emulator);
  emulator.call('loadExampleOkrs');
  return emulator;
}

/** A sheet's values with dates as the add-on reads them: the spreadsheet's wall clock. */
function sheetValues(emulator: Emulator, name: string): unknown[][] {
  return emulator.uncounted(() => {
    const sheet = emulator.spreadsheet.getSheetByName(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return cellsToWallClock(
      sheet.getDataRange().getValues(),
      emulator.spreadsheet.getSpreadsheetTimeZone(),
    );
  });
}

/** Every value and formula of every sheet except the Dashboard. */
function userTables(emulator: Emulator): string {
  return emulator.uncounted(() =>
    JSON.stringify(
      emulator.spreadsheet
        .getSheets()
        .filter((sheet) => sheet.getName() !== 'Dashboard')
        .map((sheet) => [
          sheet.getName(),
          sheet.getDataRange().getFormulas(),
          sheet.getDataRange().getValues(),
        ]),
    ),
  );
}

describe('Build dashboard on the example OKRs', () => {
  let emulator: Emulator;
  let dashboard: unknown[][];

  beforeAll(() => {
    emulator = exampleWorkbook(true);
    emulator.call('buildDashboard');
    dashboard = sheetValues(emulator, 'Dashboard');
  });

  function engineValues() {
    const today = new Date(NOW);
    const settings = parseSettings(sheetValues(emulator, 'Settings'), today).settings;
    const objectives = parseObjectives(sheetValues(emulator, 'Objectives')).rows;
    const keyResults = parseKeyResults(sheetValues(emulator, 'Key Results')).rows;
    const asOf = settings.reportDate!;
    const cycle = { start: settings.cycleStart, end: settings.cycleEnd };
    const byObjective = new Map(
      objectives.map((objective) => {
        const own = keyResults.filter(
          (keyResult) => keyResult.objectiveId.toLowerCase() === objective.id.toLowerCase(),
        );
        const againstPlan = own.map((keyResult) => ({
          progress: keyResultProgress(
            keyResult.type,
            keyResult.start,
            keyResult.target,
            keyResult.current,
          ),
          planned: keyResultPlannedProgress(keyResult, asOf, cycle),
          weight: keyResult.weight,
        }));
        const confidences = own.flatMap((keyResult) =>
          keyResult.confidence === null ? [] : [keyResult.confidence],
        );
        return [
          objective.id,
          {
            score: objectiveScore(againstPlan),
            balance: objectiveBalance(againstPlan, settings),
            confidence: confidences.length
              ? confidences.reduce((a, b) => a + b, 0) / confidences.length
              : null,
          },
        ] as const;
      }),
    );
    return { objectives, byObjective, settings };
  }

  it('lists every objective of the example with the engine’s score, planned, gap, status and confidence', () => {
    const { objectives, byObjective } = engineValues();
    const headerRow = dashboard.findIndex((row) => row[0] === 'ID' && row[5] === 'Score');
    expect(headerRow).toBeGreaterThan(0);
    const rows = dashboard.slice(headerRow + 1, headerRow + 1 + objectives.length);
    expect(rows.map((row) => row[0]).sort()).toEqual(
      objectives.map((objective) => objective.id).sort(),
    );
    for (const row of rows) {
      const expected = byObjective.get(String(row[0]))!;
      expect(row[5], `score of ${row[0]}`).toBeCloseTo(expected.score!, 10);
      expect(row[6], `planned of ${row[0]}`).toBeCloseTo(expected.balance.planned!, 10);
      expect(row[7], `gap of ${row[0]}`).toBeCloseTo(expected.balance.gap!, 10);
      expect(row[8], `status of ${row[0]}`).toBe(expected.balance.status);
      if (expected.confidence === null) expect(row[9]).toBe('');
      else expect(row[9], `confidence of ${row[0]}`).toBeCloseTo(expected.confidence, 10);
    }
  });

  it('shows the overall score, the balance index and the report date', () => {
    const { byObjective, settings } = engineValues();
    const scores = [...byObjective.values()]
      .map((entry) => entry.score!)
      .filter((score) => score !== null);
    const gaps = [...byObjective.values()].flatMap((entry) =>
      entry.balance.gap === null ? [] : [entry.balance.gap],
    );
    expect(dashboard[3]![0]).toBe('Overall score');
    expect(dashboard[3]![1]).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length, 10);
    expect(dashboard[4]![0]).toBe('Balance index');
    expect(dashboard[4]![1]).toBeCloseTo(balanceIndex(gaps)!, 10);
    // Sheets returns a date for the date-formatted cell; the emulator's evaluator may give the serial number.
    const reportDate = dashboard[2]![1];
    const shown =
      typeof reportDate === 'number'
        ? (reportDate - 25569) * 86_400_000
        : (reportDate as Date).getTime();
    expect(shown).toBe(settings.reportDate!.getTime());
  });

  it('scores each team as the mean of its objectives', () => {
    const { objectives, byObjective } = engineValues();
    const teamHeader = dashboard.findIndex((row) => row[0] === 'Team' && row[1] === 'Score');
    for (let index = teamHeader + 1; dashboard[index]![0] !== ''; index++) {
      const [team, score, count] = dashboard[index]!;
      const members = objectives.filter((objective) => (objective.team || '(no team)') === team);
      const memberScores = members.map((objective) => byObjective.get(objective.id)!.score!);
      expect(count, `objectives of ${team}`).toBe(members.length);
      expect(score, `score of ${team}`).toBeCloseTo(
        memberScores.reduce((a, b) => a + b, 0) / memberScores.length,
        10,
      );
    }
  });

  it('draws planned vs actual as a bar chart and the score distribution as a column chart', () => {
    const charts = emulator.uncounted(() =>
      emulator.spreadsheet.getSheetByName('Dashboard')!.getCharts(),
    );
    expect(charts.map((chart) => String(chart.modify().getChartType()))).toEqual(['BAR', 'COLUMN']);
  });

  it('colours scores by band with conditional formats', () => {
    const rules = emulator.uncounted(() =>
      emulator.spreadsheet.getSheetByName('Dashboard')!.getConditionalFormatRules(),
    );
    const colours = new Set(rules.map((rule) => rule.getBooleanCondition()!.getBackground()));
    expect(colours).toEqual(new Set(['#b7e1cd', '#fce8b2', '#f4c7c3']));
  });

  it('rebuilds without touching the user’s tables and without piling up charts', () => {
    const before = userTables(emulator);
    emulator.call('buildDashboard');
    expect(userTables(emulator)).toBe(before);
    const charts = emulator.uncounted(() =>
      emulator.spreadsheet.getSheetByName('Dashboard')!.getCharts(),
    );
    expect(charts).toHaveLength(2);
  });

  it('follows a new value in the Key Results sheet without a rebuild', () => {
    const keyResults = sheetValues(emulator, 'Key Results');
    const header = keyResults[0]!.map(String);
    const currentColumn = header.indexOf('Current') + 1;
    const targetColumn = header.indexOf('Target');
    // A KR measured but not yet at its target, so reaching it changes the objective's score.
    const row =
      keyResults.findIndex(
        (cells, index) =>
          index > 0 &&
          typeof cells[currentColumn - 1] === 'number' &&
          cells[currentColumn - 1] !== cells[targetColumn],
      ) + 1;
    const target = keyResults[row - 1]![targetColumn];
    emulator.uncounted(() =>
      emulator.spreadsheet
        .getSheetByName('Key Results')!
        .getRange(row, currentColumn)
        .setValue(target),
    );
    const objectiveId = String(keyResults[row - 1]![header.indexOf('Objective ID')]);
    const { byObjective } = engineValues();
    const updated = sheetValues(emulator, 'Dashboard').find((cells) => cells[0] === objectiveId)!;
    expect(updated[5]).toBeCloseTo(byObjective.get(objectiveId)!.score!, 10);
    expect(updated[5]).not.toBeCloseTo(
      dashboard.find((cells) => cells[0] === objectiveId)![5] as number,
      10,
    );
  });

  it('never wipes a Dashboard sheet of the user that holds only a chart and colours', () => {
    const own = createEmulator({ now: NOW });
    own.loadBundle();
    own.call('loadExampleOkrs');
    own.uncounted(() => {
      const sheet = own.spreadsheet.insertSheet('Dashboard');
      sheet.getRange('A1:C3').setBackground('#fce8b2');
      sheet.insertChart(sheet.newChart().addRange(sheet.getRange('A1:B3')).build());
    });
    const before = JSON.stringify(own.workbook.sheetByName('Dashboard'));
    expect(() => own.call('buildDashboard')).toThrow(
      /already exists and was not made by OKR Cadence/,
    );
    expect(JSON.stringify(own.workbook.sheetByName('Dashboard'))).toBe(before);
  });

  it('refuses to overwrite a Dashboard sheet the user made', () => {
    const own = createEmulator({ now: NOW });
    own.loadBundle();
    own.call('loadExampleOkrs');
    own.uncounted(() =>
      own.spreadsheet.insertSheet('Dashboard').getRange(1, 1).setValue('My own notes'),
    );
    expect(() => own.call('buildDashboard')).toThrow(
      /already exists and was not made by OKR Cadence/,
    );
    expect(
      own.uncounted(() => own.spreadsheet.getSheetByName('Dashboard')!.getRange(1, 1).getValue()),
    ).toBe('My own notes');
  });
});

describe('Build dashboard service calls', () => {
  /** Service calls of a build and of a rebuild (which also clears the old sheet and charts). */
  function callsToBuild(count: number): Record<string, number>[] {
    const emulator = workbookWithObjectives(count, NOW);
    return [1, 2].map(() => {
      emulator.calls.reset();
      emulator.call('buildDashboard');
      return emulator.calls.snapshot();
    });
  }

  it('makes as many service calls for 2,000 objectives as for 20', () => {
    const [smallBuild, smallRebuild] = callsToBuild(20);
    const [largeBuild, largeRebuild] = callsToBuild(2000);
    expect(smallBuild!['Range.setValues']).toBe(1);
    // Each build on a large workbook grows its new sheet past 1,000 rows: one more call.
    for (const [large, small] of [
      [largeBuild!, smallBuild!],
      [largeRebuild!, smallRebuild!],
    ]) {
      const { ['Sheet.insertRowsAfter']: growth, ...rest } = large;
      expect(growth).toBe(1);
      expect(rest).toEqual(small);
    }
  });
});
