/**
 * Close cycle… in the emulator on the example OKRs: the cycle's rows move whole to the archive
 * sheets (so formulas over the named tables see the new cycle only), the archive holds final
 * scores and lessons, the next cycle opens, carried key results start where they ended, and
 * Reopen cycle… puts everything back. Bad payloads change nothing.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildBundle } from './bundle';
import { createEmulator, type Emulator } from '../../preview/emulator/index.js';
import type { CloseCycleData, CloseCycleResult } from '../../src/shared/closeCycle';
import { MAX_LESSONS_LENGTH } from '../../src/workbook/archive';
import { parseSettings } from '../../src/workbook/settings';
import { parseKeyResults, parseObjectives } from '../../src/workbook/tables';
import { attachFormulaEvaluator } from '../../preview/emulator/formulas/index.js';
import { onSpreadsheetClock, spreadsheetDay } from './spreadsheetClock';

const NOW = onSpreadsheetClock('2027-01-04T09:00');
const USER_SHEETS = ['Objectives', 'Key Results', 'Check-ins', 'Milestones', 'Initiatives', 'KPIs'];

beforeAll(buildBundle);

/** Results come from the script realm; compare them as plain JSON values. */
const plain = <T>(value: unknown): T => JSON.parse(JSON.stringify(value)) as T;

function values(emulator: Emulator, name: string): unknown[][] {
  return emulator.uncounted(
    () => emulator.spreadsheet.getSheetByName(name)!.getDataRange().getValues() as unknown[][],
  );
}

function snapshot(emulator: Emulator): Record<string, string[]> {
  return Object.fromEntries(
    USER_SHEETS.map((name) => [name, values(emulator, name).map((row) => JSON.stringify(row))]),
  );
}

describe('Close cycle on the example OKRs', () => {
  let emulator: Emulator;
  let data: CloseCycleData;

  beforeEach(() => {
    emulator = createEmulator({ now: onSpreadsheetClock('2026-11-16T09:00') });
    emulator.loadBundle();
    emulator.call('loadExampleOkrs');
    emulator.clock.set(NOW);
    data = plain<CloseCycleData>(emulator.call('getCloseCycleData'));
  });

  it('shows each objective with its final score and offers unfinished key results to carry', () => {
    const objectives = parseObjectives(values(emulator, 'Objectives')).rows;
    expect(data.objectives.map((objective) => objective.id)).toEqual(
      objectives.map((objective) => objective.id),
    );
    const keyResults = data.objectives.flatMap((objective) => objective.keyResults);
    expect(keyResults.length).toBeGreaterThan(0);
    for (const keyResult of keyResults)
      expect(keyResult.suggestCarry).toBe(keyResult.score !== null && keyResult.score < 1);
    expect(data.nextCycleStart).toBe('2027-01-01');
    expect(data.nextCycleEnd).toBe('2027-03-31');
  });

  it('archives the longest lessons it accepts exactly, and refuses one character more before writing', () => {
    const objectiveId = data.objectives[0]!.id;
    // Starting with a digit, so the text goes behind an apostrophe unless its cell is plain text.
    const longest = `1 ${'x'.repeat(MAX_LESSONS_LENGTH - 2)}`;
    const before = snapshot(emulator);
    const close = (lessons: string) =>
      emulator.call('closeCycle', {
        cycleName: data.cycleName,
        lessons: [{ objectiveId, lessons }],
        carryForward: [],
      });
    expect(() => close(`${longest}x`)).toThrow(/longer than 49999 characters; shorten them/);
    expect(snapshot(emulator)).toEqual(before);
    close(longest);
    const row = values(emulator, 'Archive').find(
      (cells) => cells[2] === 'Objective' && cells[3] === objectiveId,
    )!;
    expect(row[10]).toBe(longest);
  });

  it('moves every row of the cycle whole to the archive sheets and carries the chosen key results from where they ended', () => {
    const before = snapshot(emulator);
    const beforeObjectives = values(emulator, 'Objectives');
    const beforeKeyResults = parseKeyResults(values(emulator, 'Key Results')).rows;
    const chosen = data.objectives
      .flatMap((objective) => objective.keyResults)
      .filter((kr) => kr.suggestCarry)
      .slice(0, 3);
    const firstObjective = data.objectives[0]!;
    const result = plain<CloseCycleResult>(
      emulator.call('closeCycle', {
        cycleName: data.cycleName,
        lessons: [{ objectiveId: firstObjective.id, lessons: '=Plan the pricing page earlier' }],
        carryForward: chosen.map((kr) => kr.id),
      }),
    );

    // Check-ins and the other tables stay as they were.
    const after = snapshot(emulator);
    for (const name of ['Check-ins', 'Initiatives', 'KPIs'])
      expect(after[name], name).toEqual(before[name]);
    expect(after['Milestones']!.slice(0, before['Milestones']!.length)).toEqual(
      before['Milestones'],
    );

    // The live tables hold the new cycle only; every old row is on its archive sheet, whole.
    const keyResults = parseKeyResults(values(emulator, 'Key Results')).rows;
    expect(keyResults.map((kr) => kr.id)).toEqual(result.carried.map((carried) => carried.to));
    const archivedObjectives = values(emulator, 'Archived Objectives');
    const header = archivedObjectives[0]!;
    expect(header.slice(0, 4)).toEqual(['Archived Cycle', 'Archived On', 'From Row', 'Formulas']);
    beforeObjectives.slice(1).forEach((row, index) => {
      const archived = archivedObjectives[index + 1]!;
      expect(archived[2]).toBe(index + 2);
      // Every typed column (the spilled Score, Planned and Status have formula headers).
      beforeObjectives[0]!.forEach((label, column) => {
        if (label === '') return;
        expect(archived[header.indexOf(label)], `${String(label)} of row ${index + 2}`).toEqual(
          row[column],
        );
      });
    });
    expect(values(emulator, 'Archived Key Results')).toHaveLength(beforeKeyResults.length + 1);

    for (const { from, to } of result.carried) {
      const old = beforeKeyResults.find((kr) => kr.id === from)!;
      const carried = keyResults.find((kr) => kr.id === to)!;
      expect(carried.start, `start of ${to}`).toBe(
        typeof old.current === 'number' ? old.current : old.start,
      );
      expect(carried.target).toBe(old.target);
      expect(carried.type).toBe(old.type);
      expect(carried.current).toBeNull();
      expect(spreadsheetDay(carried.startDate!)).toBe('2027-01-01');
    }

    const archive = values(emulator, 'Archive');
    expect(archive[0]!.slice(0, 4)).toEqual(['Cycle', 'Closed On', 'Level', 'ID']);
    expect(archive).toHaveLength(1 + result.archivedRows);
    const objectiveRow = archive.find(
      (row) => row[2] === 'Objective' && row[3] === firstObjective.id,
    )!;
    expect(objectiveRow[9]).toBeCloseTo(firstObjective.score!, 10);
    expect(objectiveRow[10]).toBe('=Plan the pricing page earlier');
    const scoreFormats = emulator.uncounted(() =>
      emulator.spreadsheet
        .getSheetByName('Archive')!
        .getRange(2, 10, result.archivedRows, 1)
        .getNumberFormats()
        .flat(),
    );
    expect(new Set(scoreFormats)).toEqual(new Set(['0.00']));

    const settings = parseSettings(values(emulator, 'Settings'), new Date(NOW)).settings;
    expect(settings.cycleName).toBe(result.nextCycleName);
    expect(spreadsheetDay(settings.cycleStart!)).toBe('2027-01-01');
    expect(spreadsheetDay(settings.cycleEnd!)).toBe('2027-03-31');
    const closedRow = values(emulator, 'Settings').find((row) => row[0] === 'Closed Cycles')!;
    expect(closedRow[1]).toBe(data.cycleName);
  });

  it('leaves =OKRSCORE(OKR_KEY_RESULTS) scoring the new cycle only', () => {
    attachFormulaEvaluator(emulator);
    const chosen = data.objectives[0]!.keyResults.map((kr) => kr.id);
    const result = plain<CloseCycleResult>(
      emulator.call('closeCycle', { cycleName: data.cycleName, lessons: [], carryForward: chosen }),
    );
    emulator.uncounted(() => {
      const sheet = emulator.spreadsheet.getSheetByName('Key Results')!;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
      const start = header.indexOf('Start') + 1;
      // Half-way from Start to Target on every carried key result: the new cycle scores 0.5.
      result.carried.forEach((_, index) => {
        const [[from, to]] = sheet.getRange(index + 2, start, 1, 2).getValues() as number[][];
        sheet.getRange(index + 2, header.indexOf('Current') + 1).setValue((from! + to!) / 2);
      });
      emulator.spreadsheet
        .getSheetByName('Settings')!
        .getRange('D1')
        .setFormula('=OKRSCORE(OKR_KEY_RESULTS)');
    });
    const score = emulator.uncounted(() =>
      emulator.spreadsheet.getSheetByName('Settings')!.getRange('D1').getValue(),
    );
    expect(score).toBeCloseTo(0.5, 10);
  });

  it('reopens the closed cycle exactly as it was, taking the carried rows back', () => {
    const before = snapshot(emulator);
    const settingsBefore = values(emulator, 'Settings');
    const chosen = data.objectives.flatMap((objective) => objective.keyResults).map((kr) => kr.id);
    emulator.call('closeCycle', { cycleName: data.cycleName, lessons: [], carryForward: chosen });
    emulator.ui.responses.push({ button: 'YES' });
    emulator.call('reopenCycle');
    expect(emulator.ui.alerts.at(-1)!.title).toBe(`Reopen ${data.cycleName}?`);
    expect(snapshot(emulator)).toEqual(before);
    // The Closed Cycles row the close added stays, blank: no cycle is closed.
    expect(values(emulator, 'Settings')).toEqual([...settingsBefore, ['Closed Cycles', '']]);
    expect(values(emulator, 'Archived Key Results')).toHaveLength(1);
    const reopened = plain<CloseCycleData>(emulator.call('getCloseCycleData'));
    expect(reopened.cycleName).toBe(data.cycleName);
  });

  it('never offers to import its own archive sheets once the tables are empty', () => {
    emulator.call('closeCycle', { cycleName: data.cycleName, lessons: [], carryForward: [] });
    emulator.call('buildDashboard');
    expect(emulator.ui.alerts).toEqual([]);
  });

  it('asks before reopening and changes nothing when the answer is no', () => {
    emulator.call('closeCycle', { cycleName: data.cycleName, lessons: [], carryForward: [] });
    const closed = snapshot(emulator);
    emulator.ui.responses.push({ button: 'NO' });
    emulator.call('reopenCycle');
    expect(snapshot(emulator)).toEqual(closed);
  });

  it('refuses to reopen once a carried key result has been checked in', () => {
    const chosen = data.objectives[0]!.keyResults.slice(0, 1).map((kr) => kr.id);
    emulator.call('closeCycle', { cycleName: data.cycleName, lessons: [], carryForward: chosen });
    emulator.uncounted(() => {
      const sheet = emulator.spreadsheet.getSheetByName('Key Results')!;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
      sheet.getRange(2, header.indexOf('Current') + 1).setValue(3);
    });
    const closed = snapshot(emulator);
    expect(() => emulator.call('reopenCycle')).toThrow(
      /has moved on since the close: .* was checked in/,
    );
    expect(snapshot(emulator)).toEqual(closed);
  });

  it('warns that the cycle is not over yet, and that an empty cycle closes nothing', () => {
    emulator.clock.set(onSpreadsheetClock('2026-12-20T09:00'));
    const early = plain<CloseCycleData>(emulator.call('getCloseCycleData'));
    expect(early.warnings).toEqual([
      expect.stringMatching(
        /is not over yet: it runs until 2026-12-31 \(12 days left, today included\)/,
      ),
    ]);
    emulator.clock.set(NOW);
    emulator.call('closeCycle', { cycleName: data.cycleName, lessons: [], carryForward: [] });
    const empty = plain<CloseCycleData>(emulator.call('getCloseCycleData'));
    expect(empty.objectives).toEqual([]);
    expect(empty.warnings.at(-1)).toMatch(
      /has no objectives or key results\. Closing it archives nothing/,
    );
  });

  it.each([
    [
      'a payload for another cycle',
      { cycleName: 'Another', lessons: [], carryForward: [] },
      /open cycle is now/,
    ],
    [
      'an unknown key result',
      { cycleName: '', lessons: [], carryForward: ['NOPE'] },
      /cannot be carried forward/,
    ],
    ['no payload', undefined, /empty or malformed/],
  ])('changes nothing when given %s', (_name, payload, message) => {
    const before = snapshot(emulator);
    const settingsBefore = values(emulator, 'Settings');
    const body =
      payload && payload.cycleName === '' ? { ...payload, cycleName: data.cycleName } : payload;
    expect(() => emulator.call('closeCycle', body)).toThrow(message);
    expect(snapshot(emulator)).toEqual(before);
    expect(values(emulator, 'Settings')).toEqual(settingsBefore);
    expect(emulator.uncounted(() => emulator.spreadsheet.getSheetByName('Archive'))).toBeNull();
  });

  it('opens the dialog page', () => {
    emulator.call('showCloseCycleDialog');
    const page = emulator.ui.pages.at(-1)!;
    expect(page.kind).toBe('modalDialog');
    expect(page.title).toBe('Close cycle');
    expect(page.output.getContent()).toContain('getCloseCycleData');
  });
});
