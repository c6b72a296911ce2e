import { describe, expect, it } from 'vitest';
import {
  checkHealth,
  healthTable,
  HEALTH_HEADER,
  type HealthInput,
} from '../../../src/core/health';
import {
  parseCheckIns,
  parseInitiatives,
  parseKeyResults,
  parseKpis,
  parseObjectives,
} from '../../../src/workbook/tables';
import { parseSettings } from '../../../src/workbook/settings';
import { cleanWorkbook, seededWorkbook, SEEDED_FLAGS, type HealthWorkbook } from './healthFixtures';

function healthInput(book: HealthWorkbook): HealthInput {
  return {
    objectives: parseObjectives(book.objectives).rows,
    keyResults: parseKeyResults(book.keyResults).rows,
    checkIns: parseCheckIns(book.checkIns).rows,
    initiatives: parseInitiatives(book.initiatives).rows,
    kpis: parseKpis(book.kpis).rows,
    settings: parseSettings(book.settings, book.asOf).settings,
    asOf: book.asOf,
  };
}

describe('checkHealth', () => {
  it('finds no red flag in a clean workbook', () => {
    expect(checkHealth(healthInput(cleanWorkbook()))).toEqual([]);
  });

  it('finds every planted red flag with the objectives, key results or teams concerned', () => {
    const findings = checkHealth(healthInput(seededWorkbook()));
    for (const [flag, concerns] of Object.entries(SEEDED_FLAGS)) {
      const found = findings.filter((finding) => finding.flag === flag);
      expect(found, `flag ${flag}`).not.toHaveLength(0);
      const named = found.flatMap((finding) => finding.concerns);
      for (const concern of concerns) expect(named, `flag ${flag}`).toContain(concern);
    }
  });

  it('reports no flag that was not planted', () => {
    const flags = new Set(
      checkHealth(healthInput(seededWorkbook())).map((finding) => finding.flag),
    );
    expect([...flags].sort()).toEqual(Object.keys(SEEDED_FLAGS).sort());
  });

  it('points each finding at the sheet rows concerned', () => {
    const book = seededWorkbook();
    const findings = checkHealth(healthInput(book));
    const missing = findings.find((finding) => finding.flag === 'missing-fields')!;
    const row = book.keyResults.findIndex((cells) => cells[0] === 'C2.1') + 1;
    expect(missing.rows).toEqual([row]);
    expect(missing.detail).toBe('C2.1 has no Owner, Unit.');
    const stuck = findings.find((finding) => finding.flag === 'stuck')!;
    expect(stuck.sheet).toBe('Check-ins');
    expect(stuck.rows.map((sheetRow) => book.checkIns[sheetRow - 1]![1])).toEqual([
      'C2.3',
      'C2.3',
      'C2.3',
    ]);
  });

  it('flags a missed check-in only after a full period without one', () => {
    const input = healthInput(cleanWorkbook());
    const sevenDaysLater = new Date(Date.UTC(2026, 10, 20)); // last check-ins were on 13 November
    expect(checkHealth({ ...input, asOf: sevenDaysLater }).map((f) => f.flag)).not.toContain(
      'missed-check-in',
    );
    const eightDaysLater = new Date(Date.UTC(2026, 10, 21));
    const missed = checkHealth({ ...input, asOf: eightDaysLater }).find(
      (f) => f.flag === 'missed-check-in',
    );
    expect(missed?.concerns).toHaveLength(18);
  });

  it('skips the initiative and KPI checks when the workbook has no such sheets', () => {
    const input = healthInput(seededWorkbook());
    const flags = checkHealth({ ...input, initiatives: null, kpis: null }).map((f) => f.flag);
    expect(flags).not.toContain('no-initiative');
    expect(flags).not.toContain('kpi-out-of-range');
  });

  it('does not judge end-of-cycle scores before the cycle ends', () => {
    const input = healthInput(seededWorkbook());
    const flags = checkHealth({ ...input, asOf: new Date(Date.UTC(2026, 11, 30)) }).map(
      (f) => f.flag,
    );
    expect(flags).not.toContain('committed-below-target');
    expect(flags).not.toContain('sandbagging');
  });

  it('does not count unaligned objectives as a problem while at most half are unaligned', () => {
    const input = healthInput(cleanWorkbook());
    expect(input.objectives.filter((o) => o.parentId === '')).toHaveLength(3);
    expect(checkHealth(input).map((f) => f.flag)).not.toContain('unaligned');
  });
});

describe('healthTable', () => {
  it('says so in one row when there are no red flags', () => {
    const table = healthTable([]);
    expect(table[0]).toEqual([...HEALTH_HEADER]);
    expect(table[1]![0]).toBe('No red flags found');
  });

  it('names a single row as text', () => {
    const [, row] = healthTable([
      {
        flag: 'stuck',
        title: 'Stuck key result',
        sheet: 'Check-ins',
        concerns: ['KR1'],
        rows: [4],
        detail: '',
        advice: '',
      },
    ]);
    expect(row![3]).toBe('row 4');
  });

  it('shortens long row lists for a cell', () => {
    const rows = Array.from({ length: 30 }, (_, index) => index + 2);
    const [, row] = healthTable([
      {
        flag: 'no-learnings',
        title: 'No learnings captured',
        sheet: 'Check-ins',
        concerns: [],
        rows,
        detail: '',
        advice: '',
      },
    ]);
    expect(row![3]).toBe('rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 … (30 in all)');
  });
});

describe('checkHealth: will miss at this pace', () => {
  const day = (month: number, date: number) => new Date(Date.UTC(2026, month - 1, date));
  function input(kind: string, atRiskGap: number, values: number[]): HealthInput {
    const objectives = parseObjectives([
      ['ID', 'Objective', 'Kind'],
      ['O1', 'Win the market', kind],
    ]).rows;
    const keyResults = parseKeyResults([
      ['ID', 'Objective ID', 'Key Result', 'Type', 'Start', 'Target', 'Start Date', 'Due Date'],
      ['KR1', 'O1', 'Grow', 'increase', 0, 100, day(10, 1), day(12, 30)],
    ]).rows;
    const checkIns = parseCheckIns([
      ['Timestamp', 'Key Result ID', 'Value'],
      ...values.map((value, week) => [day(10, 8 + 7 * week), 'KR1', value]),
    ]).rows;
    const settings = parseSettings([['Setting', 'Value']], day(11, 15)).settings;
    return {
      objectives,
      keyResults,
      checkIns,
      initiatives: null,
      kpis: null,
      settings: { ...settings, atRiskGap, offTrackGap: Math.max(atRiskGap, 0.25) },
      asOf: day(11, 15),
    };
  }
  const willMiss = (given: HealthInput) =>
    checkHealth(given).filter((finding) => finding.flag === 'will-miss');

  it('flags a committed key result whose forecast falls below the on-track band', () => {
    // 5 a week: about 64 by the due date.
    const [finding] = willMiss(input('committed', 0.1, [5, 10, 15, 20]));
    expect(finding).toMatchObject({ sheet: 'Key Results', concerns: ['KR1'], rows: [2] });
    expect(finding!.detail).toContain('below the on-track band of 90%');
  });

  it('leaves out key results on pace and those of aspirational objectives', () => {
    expect(willMiss(input('committed', 0.1, [8, 16, 24, 32]))).toEqual([]);
    expect(willMiss(input('aspirational', 0.1, [5, 10, 15, 20]))).toEqual([]);
  });

  it('uses the At Risk Gap of the Settings as the band', () => {
    expect(willMiss(input('committed', 0.4, [5, 10, 15, 20]))).toEqual([]);
  });
});
