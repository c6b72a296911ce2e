/**
 * Close cycle… in the emulator on the example OKRs: every row that existed is kept, the archive
 * holds final scores and lessons, the next cycle opens, and carried key results start where they
 * ended. Bad payloads change nothing.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildBundle } from './bundle';
import { createEmulator, type Emulator } from '../../preview/emulator/index.js';
import type { CloseCycleData, CloseCycleResult } from '../../src/shared/closeCycle';
import { parseSettings } from '../../src/workbook/settings';
import { parseKeyResults, parseObjectives } from '../../src/workbook/tables';

const NOW = '2027-01-04T09:00:00Z';
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
    emulator = createEmulator({ now: '2026-11-16T09:00:00Z' });
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

  it('keeps every row that existed, archives the cycle and carries the chosen key results from where they ended', () => {
    const before = snapshot(emulator);
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

    const after = snapshot(emulator);
    for (const name of USER_SHEETS) {
      expect(after[name]!.slice(0, before[name]!.length), `rows of ${name}`).toEqual(before[name]);
    }
    expect(after['Check-ins']).toEqual(before['Check-ins']);

    const keyResults = parseKeyResults(values(emulator, 'Key Results')).rows;
    expect(keyResults).toHaveLength(beforeKeyResults.length + chosen.length);
    expect(result.carried.map((carried) => carried.from)).toEqual(chosen.map((kr) => kr.id));
    for (const { from, to } of result.carried) {
      const old = beforeKeyResults.find((kr) => kr.id === from)!;
      const carried = keyResults.find((kr) => kr.id === to)!;
      expect(carried.start, `start of ${to}`).toBe(
        typeof old.current === 'number' ? old.current : old.start,
      );
      expect(carried.target).toBe(old.target);
      expect(carried.current).toBeNull();
      expect(carried.startDate!.getTime()).toBe(new Date(2027, 0, 1).getTime());
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
    expect(settings.cycleStart!.getTime()).toBe(new Date(2027, 0, 1).getTime());
    expect(settings.cycleEnd!.getTime()).toBe(new Date(2027, 2, 31).getTime());
    const closedRow = values(emulator, 'Settings').find((row) => row[0] === 'Closed Cycles')!;
    expect(closedRow[1]).toBe(data.cycleName);
  });

  it('reopens on the next cycle with only the carried objectives and key results', () => {
    const chosen = data.objectives[0]!.keyResults.slice(0, 2).map((kr) => kr.id);
    const result = plain<CloseCycleResult>(
      emulator.call('closeCycle', { cycleName: data.cycleName, lessons: [], carryForward: chosen }),
    );
    const reopened = plain<CloseCycleData>(emulator.call('getCloseCycleData'));
    expect(reopened.cycleName).toBe(result.nextCycleName);
    expect(reopened.objectives).toHaveLength(1);
    expect(reopened.objectives[0]!.keyResults.map((kr) => kr.id)).toEqual(
      result.carried.map((c) => c.to),
    );
    // The dashboard now shows the open cycle only.
    emulator.call('buildDashboard');
    const dashboard = values(emulator, 'Dashboard');
    expect(dashboard[5]).toEqual(expect.arrayContaining(['Objectives', 1]));
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
