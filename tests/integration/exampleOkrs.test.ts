import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../preview/emulator/index';
import { attachFormulaEvaluator } from '../../preview/emulator/formulas/index';
import { emulatorWith, lastToast, sheetValues, workbookJson } from './setupHelpers';
import { onSpreadsheetClock, spreadsheetDay } from './spreadsheetClock';
import { KEY_RESULT_TYPES } from '../../src/core/keyResultType';

type Row = Record<string, unknown>;

function records(values: unknown[][]): Row[] {
  const [header = [], ...rows] = values;
  return rows.map((row) =>
    Object.fromEntries(header.map((name, index) => [String(name), row[index]])),
  );
}

function loadedExample(now?: string) {
  const emulator = now ? createEmulator({ now, sheetNames: ['Sheet1'] }) : emulatorWith();
  if (now) emulator.loadBundle();
  attachFormulaEvaluator(emulator);
  emulator.call('loadExampleOkrs');
  const table = (name: string) => records(sheetValues(emulator, name));
  return { emulator, table };
}

describe('Load example OKRs on an empty spreadsheet', () => {
  const { emulator, table } = loadedExample();
  const objectives = table('Objectives');
  const keyResults = table('Key Results');
  const checkIns = table('Check-ins');

  it('sets the workbook up first and says what it loaded', () => {
    expect(sheetValues(emulator, 'Settings').length).toBeGreaterThan(10);
    expect(lastToast(emulator)).toMatch(/^Loaded 6 objectives across 3 teams/);
    expect(emulator.ui.alerts).toEqual([]);
  });

  it('has three teams whose objectives align with company objectives', () => {
    const company = objectives
      .filter((objective) => objective['Team'] === 'Company')
      .map((objective) => objective['ID']);
    const teams = objectives.filter((objective) => objective['Team'] !== 'Company');
    expect(new Set(teams.map((objective) => objective['Team']))).toEqual(
      new Set(['Product', 'Engineering', 'Sales']),
    );
    expect(company.length).toBeGreaterThanOrEqual(2);
    expect(teams.every((objective) => company.includes(objective['Parent']))).toBe(true);
  });

  it('puts every objective in the cycle named on the Settings sheet', () => {
    const cycleName = sheetValues(emulator, 'Settings').find((row) => row[0] === 'Cycle Name')![1];
    expect(new Set(objectives.map((objective) => objective['Cycle']))).toEqual(
      new Set([cycleName]),
    );
  });

  it('uses every key result type, with Milestones rows for the milestone KR', () => {
    expect(new Set(keyResults.map((keyResult) => keyResult['Type']))).toEqual(
      new Set(KEY_RESULT_TYPES),
    );
    const milestoneKr = keyResults.find((keyResult) => keyResult['Type'] === 'milestone')!;
    const milestones = table('Milestones').filter(
      (milestone) => milestone['Key Result ID'] === milestoneKr['ID'],
    );
    expect(milestones.length).toBeGreaterThanOrEqual(3);
    expect(milestones.filter((milestone) => milestone['Done'] === true)).toHaveLength(
      Number(milestoneKr['Current']),
    );
  });

  it('has several weeks of check-ins with Progress, Plans and Problems, all before today', () => {
    const days = new Set(checkIns.map((checkIn) => String(checkIn['Timestamp']).slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(5);
    expect(checkIns.every((checkIn) => String(checkIn['Timestamp']) < '2026-11-23')).toBe(true);
    expect(
      checkIns.filter((checkIn) => checkIn['Progress'] && checkIn['Plans']).length,
    ).toBeGreaterThan(checkIns.length / 2);
    expect(checkIns.some((checkIn) => checkIn['Problems'])).toBe(true);
  });

  it('keeps each KR row in step with its latest check-in', () => {
    for (const keyResult of keyResults) {
      const latest = checkIns
        .filter((checkIn) => checkIn['Key Result ID'] === keyResult['ID'])
        .at(-1)!;
      expect([keyResult['ID'], keyResult['Current'], keyResult['Last Check-in']]).toEqual([
        keyResult['ID'],
        latest['Value'],
        latest['Timestamp'],
      ]);
    }
  });

  it('adds initiatives and KPIs', () => {
    expect(table('Initiatives').length).toBeGreaterThanOrEqual(3);
    expect(table('KPIs').length).toBeGreaterThanOrEqual(3);
  });

  it('scores every objective with OKRSCORE as the weighted mean of its KRs progress', () => {
    const scratch = emulator.uncounted(() => emulator.spreadsheet.insertSheet('Scores'));
    emulator.uncounted(() =>
      objectives.forEach((objective, index) =>
        scratch
          .getRange(index + 1, 1, 1, 2)
          .setFormulas([['', `=OKRSCORE(OKR_KEY_RESULTS, "${String(objective['ID'])}")`]]),
      ),
    );
    const scores = sheetValues(emulator, 'Scores').map((row) => row[1]);
    objectives.forEach((objective, index) => {
      const scored = keyResults.filter(
        (keyResult) =>
          keyResult['Objective ID'] === objective['ID'] &&
          typeof keyResult['Progress'] === 'number',
      );
      const weight = (keyResult: Row) =>
        keyResult['Weight'] === '' ? 1 : Number(keyResult['Weight']);
      const expected =
        scored.reduce(
          (total, keyResult) => total + Number(keyResult['Progress']) * weight(keyResult),
          0,
        ) / scored.reduce((total, keyResult) => total + weight(keyResult), 0);
      expect({ id: objective['ID'], score: scores[index] }).toEqual({
        id: objective['ID'],
        score: expect.closeTo(expected, 9),
      });
    });
  });

  it('has one objective clearly behind plan', () => {
    const gaps = new Map<unknown, number[]>();
    for (const keyResult of keyResults) {
      if (typeof keyResult['Progress'] !== 'number') continue;
      const list = gaps.get(keyResult['Objective ID']) ?? [];
      list.push(Number(keyResult['Progress']) - Number(keyResult['Planned']));
      gaps.set(keyResult['Objective ID'], list);
    }
    const behind = [...gaps]
      .filter(([, list]) => list.reduce((a, b) => a + b, 0) / list.length < -0.25)
      .map(([id]) => id);
    expect(behind).toEqual(['SA1']);
    expect(
      keyResults
        .filter((keyResult) => keyResult['Objective ID'] === 'SA1')
        .map((keyResult) => keyResult['Status']),
    ).toContain('Off track');
  });
});

describe('Load example OKRs dates', () => {
  const settingOf = (table: (name: string) => Row[], label: string) =>
    table('Settings').find((row) => row['Setting'] === label)!['Value'];

  /** Loaded at that time of the spreadsheet's clock; dates compared as the spreadsheet's days. */
  const loadedOn = (clock: string) => loadedExample(onSpreadsheetClock(clock).toISOString());
  const dayOf = (cell: unknown): string => spreadsheetDay(String(cell));

  it.each([
    ['2026-02-20T09:00', '2026-01-01'],
    ['2027-06-29T09:00', '2027-04-01'],
  ])(
    'uses the Settings cycle when loaded on %s, three weeks or more into it',
    (now, quarterStart) => {
      const { table } = loadedOn(now);
      expect(dayOf(settingOf(table, 'Cycle Start'))).toBe(quarterStart);
      const keyResults = table('Key Results');
      expect(
        keyResults.every(
          (keyResult) => keyResult['Start Date'] === settingOf(table, 'Cycle Start'),
        ),
      ).toBe(true);
      expect(
        keyResults.every((keyResult) => keyResult['Due Date'] === settingOf(table, 'Cycle End')),
      ).toBe(true);
      const days = table('Check-ins').map((checkIn) => dayOf(checkIn['Timestamp']));
      expect(days.every((day) => day >= quarterStart)).toBe(true);
      expect(days.every((day) => day < now.slice(0, 10))).toBe(true);
      expect(days.every((day) => new Date(`${day}T00:00:00Z`).getUTCDay() === 5)).toBe(true);
    },
  );

  it('uses a cycle about half done when the Settings cycle has barely started', () => {
    const now = '2026-04-08T09:00';
    const { table } = loadedOn(now);
    const planned = table('Key Results').map((keyResult) => Number(keyResult['Planned']));
    expect(planned.every((value) => value > 0.4 && value < 0.65)).toBe(true);
    const days = new Set(table('Check-ins').map((checkIn) => dayOf(checkIn['Timestamp'])));
    expect(days.size).toBeGreaterThanOrEqual(5);
    expect([...days].every((day) => day < now.slice(0, 10))).toBe(true);
  });
});

describe('Load example OKRs on a workbook that has OKRs', () => {
  it('refuses with an alert and changes nothing', () => {
    const emulator = emulatorWith({
      Objectives: [
        ['ID', 'Objective'],
        ['O1', 'Ours'],
      ],
    });
    emulator.call('setUpWorkbook');
    const before = workbookJson(emulator);
    emulator.call('loadExampleOkrs');
    expect(workbookJson(emulator)).toEqual(before);
    expect(emulator.ui.alerts).toHaveLength(1);
    expect(emulator.ui.alerts[0]!.prompt).toMatch(
      /already has OKRs or your own rows \(in Objectives\)/,
    );
  });

  it('refuses to append into a KPIs sheet of the user’s that has rows', () => {
    const emulator = emulatorWith({
      KPIs: [
        ['KPI', 'Owner'],
        ['Uptime', 'ops@example.com'],
      ],
    });
    emulator.call('setUpWorkbook');
    const before = workbookJson(emulator);
    emulator.call('loadExampleOkrs');
    expect(workbookJson(emulator)).toEqual(before);
    expect(emulator.ui.alerts[0]!.prompt).toMatch(/\(in KPIs\)/);
  });
});

describe('Load example OKRs writes', () => {
  it('each table with one setValues on a set-up workbook', () => {
    const emulator = emulatorWith();
    emulator.call('setUpWorkbook');
    emulator.calls.reset();
    emulator.call('loadExampleOkrs');
    expect(emulator.calls.count('Range.setValues')).toBe(6);
  });
});
