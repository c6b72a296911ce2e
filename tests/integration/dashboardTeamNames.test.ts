/**
 * The dashboard's team table counts and scores each team's own objectives whatever the team is
 * called: Sheets reads ? * ~ in a COUNTIF or AVERAGEIF criterion as wildcards and a leading
 * = < > as a comparison (https://support.google.com/docs/answer/3093480), so a team named
 * "Growth*" must not take in "Growth team", nor "<Core>" every team sorting before "Core>".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../../preview/emulator/index';
import { attachFormulaEvaluator } from '../../preview/emulator/formulas/index';
import { buildBundle } from './bundle';
import { onSpreadsheetClock } from './spreadsheetClock';

beforeAll(buildBundle);

const TEAMS = ['Growth*', 'Growth team', 'Ops?', 'Opsy', '<Core>', 'Apps', '~Labs', 'Say "hi"'];

describe('Build dashboard with team names Sheets could read as criteria', () => {
  it('counts and scores each team by its own objectives only', () => {
    const emulator = createEmulator({ now: onSpreadsheetClock('2026-11-16T09:00') });
    emulator.loadBundle();
    attachFormulaEvaluator(emulator);
    emulator.call('setUpWorkbook');
    // Team i has i + 1 objectives, each with one key result at (10 × i)% progress.
    const objectives = TEAMS.flatMap((team, index) =>
      Array.from({ length: index + 1 }, (_, n) => ({ id: `O${index}-${n}`, team, index })),
    );
    emulator.uncounted(() => {
      const header = (name: string) =>
        emulator.spreadsheet
          .getSheetByName(name)!
          .getRange(1, 1, 1, emulator.spreadsheet.getSheetByName(name)!.getLastColumn())
          .getValues()[0]!
          .map(String);
      const row = (columns: string[], fields: Record<string, unknown>) =>
        columns.map((column) => fields[column] ?? '');
      const objectiveHeader = header('Objectives');
      const keyResultHeader = header('Key Results');
      emulator.spreadsheet
        .getSheetByName('Objectives')!
        .getRange(2, 1, objectives.length, objectiveHeader.length)
        .setValues(
          objectives.map(({ id, team }) =>
            row(objectiveHeader, { ID: id, Objective: `Objective ${id}`, Team: team }),
          ),
        );
      emulator.spreadsheet
        .getSheetByName('Key Results')!
        .getRange(2, 1, objectives.length, keyResultHeader.length)
        .setValues(
          objectives.map(({ id, index }) =>
            row(keyResultHeader, {
              ID: `KR-${id}`,
              'Objective ID': id,
              'Key Result': `Key result of ${id}`,
              Start: 0,
              Target: 100,
              Current: 10 * index,
            }),
          ),
        );
    });
    emulator.call('buildDashboard');
    const dashboard = emulator.uncounted(() =>
      emulator.spreadsheet.getSheetByName('Dashboard')!.getDataRange().getValues(),
    );
    const teamHeader = dashboard.findIndex((cells) => cells[0] === 'Team' && cells[1] === 'Score');
    const shown = dashboard.slice(teamHeader + 1, teamHeader + 1 + TEAMS.length);
    expect(shown.map(([team]) => team)).toEqual(TEAMS);
    TEAMS.forEach((team, index) => {
      const [, score, count] = shown[index]!;
      expect(count, `objectives of ${team}`).toBe(index + 1);
      expect(score, `score of ${team}`).toBeCloseTo(index / 10, 10);
    });
  });
});
